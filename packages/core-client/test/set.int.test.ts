import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSet, type HazelcastClient } from '../src/index';
import { connect, messagesPerMember, ownerOf } from './helpers';

const cluster = useCluster({ members: 3 });

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  // The second client reads cluster state back through one member only (unisocket).
  observer = await connect(cluster.current, {
    network: { clusterMembers: [cluster.current.addresses[0]!], smartRouting: false },
  });
});

afterAll(async () => {
  await client?.shutdown();
  await observer?.shutdown();
});

const sorted = <T>(values: T[]) => [...values].sort();

describe('set operations, read back through a second client', () => {
  it('adds without duplicates, removes, and lists every item', async () => {
    const set = getSet<string>(client, 'unique');
    const other = getSet<string>(observer, 'unique');
    expect(await set.isEmpty()).toBe(true);
    expect(await set.add('a')).toBe(true);
    expect(await set.add('a')).toBe(false);
    expect(await set.addAll(['b', 'c', 'a'])).toBe(true);
    expect(await set.addAll(['a', 'b'])).toBe(false);
    expect(await other.size()).toBe(3);
    expect(sorted(await other.getAll())).toEqual(['a', 'b', 'c']);
    expect(sorted(await other.values())).toEqual(['a', 'b', 'c']);
    expect(await set.remove('b')).toBe(true);
    expect(await set.remove('b')).toBe(false);
    expect(sorted(await other.getAll())).toEqual(['a', 'c']);
    expect(await set.isEmpty()).toBe(false);
  });

  it('contains, removes and retains many', async () => {
    const set = getSet<number>(client, 'bulk');
    const other = getSet<number>(observer, 'bulk');
    await set.addAll([1, 2, 3, 4, 5]);
    expect(await set.contains(3)).toBe(true);
    expect(await set.contains(9)).toBe(false);
    expect(await set.containsAll(new Set([1, 5]))).toBe(true);
    expect(await set.containsAll([1, 9])).toBe(false);
    expect(await set.removeAll([1, 2, 9])).toBe(true);
    expect(await set.removeAll([9])).toBe(false);
    expect(sorted(await other.getAll())).toEqual([3, 4, 5]);
    expect(await set.retainAll([3, 4, 9])).toBe(true);
    expect(await set.retainAll([3, 4])).toBe(false);
    expect(sorted(await other.getAll())).toEqual([3, 4]);
    await set.clear();
    expect(await other.size()).toBe(0);
    expect(await other.isEmpty()).toBe(true);
  });

  it('tells items apart by their serialized form', async () => {
    const set = getSet<unknown>(client, 'kinds');
    // 1 (a Double), '1' (a String) and { n: 1 } (JSON) are three different items; equal objects are one.
    expect(await set.addAll([1, '1', { n: 1 }, { n: 1 }])).toBe(true);
    expect(await getSet(observer, 'kinds').size()).toBe(3);
    expect(await getSet(observer, 'kinds').contains({ n: 1 })).toBe(true);
  });

  it('destroys the set for every client', async () => {
    const set = getSet<string>(client, 'destroyed');
    await set.add('x');
    await set.destroy();
    expect(await getSet(observer, 'destroyed').size()).toBe(0);
  });

  it('routes every operation to the owner of the partition the set name hashes to', async () => {
    for (const name of ['routed-1', 'routed-2', 'routed-3']) {
      const set = getSet<string>(client, name);
      await set.add('warm-up');
      const owner = await ownerOf(client, name);
      const sent = await messagesPerMember(client, async () => {
        for (let n = 0; n < 10; n++) await set.contains('warm-up');
      });
      expect(sent.get(owner)).toBeGreaterThanOrEqual(10);
      for (const [uuid, count] of sent) if (uuid !== owner) expect(count).toBeLessThan(10);
    }
  });
});
