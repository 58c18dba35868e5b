import { type ObjectDataOutput, typed } from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import type Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getList, getMap, getQueue, getSet, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

// Java collections in queues, lists and sets: a Java application on the member stores ArrayLists, HashMaps,
// TreeSets, … (JavaCollectionWriter) and @hz reads them as arrays, Maps and Sets; what @hz stores, Java sees
// as the documented java.util types (JavaCollectionInspector). Member-side helpers:
// tools/cluster/java/dev/hz/testing/collections (factory 67).
const cluster = useCluster({
  members: 2,
  xml: `<serialization><data-serializable-factories>
    <data-serializable-factory factory-id="67">dev.hz.testing.collections.CollectionsFactory</data-serializable-factory>
  </data-serializable-factories></serialization>`,
});

type Structure = 'queue' | 'list' | 'set';

/** JavaCollectionWriter (class 2): adds the named samples to a structure through the member's Java API. */
class JavaCollectionWriter {
  factoryId = 67;
  classId = 2;
  constructor(
    readonly structure: Structure,
    readonly name: string,
    readonly samples: string[],
  ) {}
  writeData(out: ObjectDataOutput) {
    out.writeString(this.structure);
    out.writeString(this.name);
    out.writeStringArray(this.samples);
  }
  readData() {}
}

/** JavaCollectionInspector (class 3): how Java sees each element of a structure. */
class JavaCollectionInspector {
  factoryId = 67;
  classId = 3;
  constructor(
    readonly structure: Structure,
    readonly name: string,
  ) {}
  writeData(out: ObjectDataOutput) {
    out.writeString(this.structure);
    out.writeString(this.name);
  }
  readData() {}
}

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  observer = await connect(cluster.current);
  await getMap(client, 'helpers').set('k', 'v');
});

afterAll(async () => {
  await client?.shutdown();
  await observer?.shutdown();
});

/** Runs a helper entry processor (it leaves the entry alone). */
function runOnMember<R>(processor: object): Promise<R | null> {
  return getMap<string, string>(client, 'helpers').executeOnKey<R>('k', processor);
}

const ab = ['a', 'b'];
const map = (...keys: string[]) => new Map(keys.map((k) => [k, k === 'a' ? 1 : 2]));

/** Every sample Java writes, and what it reads as in JavaScript. */
const JAVA_WRITES: Array<[string, unknown]> = [
  ['ArrayList', [1, 'two', null, 3.5]],
  ['LinkedList', ab],
  ['CopyOnWriteArrayList', ab],
  ['HashMap', map('a', 'b')],
  ['ConcurrentSkipListMap', map('a', 'b')],
  ['ConcurrentHashMap', map('a', 'b')],
  ['LinkedHashMap', map('b', 'a')],
  ['TreeMap', map('a', 'b')],
  ['HashSet', new Set(['x', 'y'])],
  ['TreeSet', new Set(['x', 'y'])],
  ['LinkedHashSet', new Set(['y', 'x'])],
  ['CopyOnWriteArraySet', new Set(['x', 'y'])],
  ['ConcurrentSkipListSet', new Set(['x', 'y'])],
  ['ArrayDeque', ab],
  ['LinkedBlockingQueue', ab],
  ['ArrayBlockingQueue', ab],
  ['PriorityBlockingQueue', ab],
  ['DelayQueue', []],
  ['SynchronousQueue', []],
  ['LinkedTransferQueue', ab],
  ['PriorityQueue', ab],
  ['Optional', 'x'],
];

describe('collections a Java application stored', () => {
  it('come back from a list as arrays, Maps and Sets, in order', async () => {
    const names = JAVA_WRITES.map(([name]) => name);
    expect(await runOnMember(new JavaCollectionWriter('list', 'java-list', names))).toBe(names.length);
    const items = await getList<unknown>(client, 'java-list').getAll();
    expect(items).toEqual(JAVA_WRITES.map(([, value]) => value));
    // Map keys and Set members keep Java's iteration order.
    expect([...(items[6] as Map<string, number>).keys()]).toEqual(['b', 'a']);
    expect([...(items[10] as Set<string>)]).toEqual(['y', 'x']);
  });

  it('come back from a queue and a set, nested ones too', async () => {
    await runOnMember(new JavaCollectionWriter('queue', 'java-queue', ['Nested', 'HashMap', 'TreeSet']));
    const queue = getQueue<unknown>(client, 'java-queue');
    const nested = (await queue.poll()) as Map<string, unknown>;
    expect([...nested.keys()]).toEqual(['list', 'set', 'map']);
    expect((nested.get('list') as Long[]).map(String)).toEqual(['1', '2']);
    expect(nested.get('set')).toEqual(new Set(['s']));
    expect(nested.get('map')).toEqual(new Map([['k', [true]]]));
    expect(await queue.take()).toEqual(map('a', 'b'));
    expect(await queue.poll()).toEqual(new Set(['x', 'y']));

    await runOnMember(new JavaCollectionWriter('set', 'java-set', ['HashSet', 'TreeSet', 'ArrayList']));
    // A Java HashSet and TreeSet of the same strings are different items (different bytes).
    const set = getSet<unknown>(client, 'java-set');
    expect(await set.size()).toBe(3);
    expect(await set.contains(typed(['x', 'y'], 'HashSet'))).toBe(true);
    expect(await set.contains(typed(['x', 'y'], 'TreeSet'))).toBe(true);
    expect(await set.remove(typed([typed(1, 'int'), 'two', null, 3.5], 'ArrayList'))).toBe(true);
  });
});

describe('collections @hz stores', () => {
  it('are the documented java.util types to Java code on the member', async () => {
    const list = getList<unknown>(client, 'from-js');
    await list.addAll([
      new Map<string, unknown>([
        ['a', 1],
        ['b', 'x'],
      ]),
      new Set(['q', 'p']),
      typed(new Map([['k', typed(2, 'int')]]), 'TreeMap'),
      typed({ z: true }, 'HashMap'),
      typed(new Set(['b', 'a']), 'TreeSet'),
      typed(['a', 'b'], 'ArrayDeque'),
      typed(['b', 'a'], 'PriorityQueue'),
      typed([true, 'x'], 'ArrayList'),
      typed([new Map([['n', null]])], 'LinkedList'),
      typed('v', 'Optional'),
      typed(null, 'Optional'),
    ]);
    const seen = await runOnMember<string[]>(new JavaCollectionInspector('list', 'from-js'));
    expect(seen).toEqual([
      'java.util.LinkedHashMap{java.lang.String:a=java.lang.Double:1.0, java.lang.String:b=java.lang.String:x}',
      'java.util.LinkedHashSet[java.lang.String:q, java.lang.String:p]',
      'java.util.TreeMap{java.lang.String:k=java.lang.Integer:2}',
      'java.util.HashMap{java.lang.String:z=java.lang.Boolean:true}',
      'java.util.TreeSet[java.lang.String:a, java.lang.String:b]',
      'java.util.ArrayDeque[java.lang.String:a, java.lang.String:b]',
      'java.util.PriorityQueue[java.lang.String:a, java.lang.String:b]',
      'java.util.ArrayList[java.lang.Boolean:true, java.lang.String:x]',
      'java.util.LinkedList[java.util.LinkedHashMap{java.lang.String:n=null}]',
      'java.util.Optional[java.lang.String:v]',
      'java.util.Optional.empty',
    ]);
    // And they read back as JavaScript values through another client.
    const back = await getList<unknown>(observer, 'from-js').getAll();
    expect(back[0]).toEqual(
      new Map<string, unknown>([
        ['a', 1],
        ['b', 'x'],
      ]),
    );
    expect(back[1]).toEqual(new Set(['q', 'p']));
    expect(back[4]).toEqual(new Set(['a', 'b']));
    expect(back[9]).toBe('v');
    expect(back[10]).toBeNull();
  });
});
