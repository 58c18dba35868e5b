import { HazelcastSerializationError } from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClientNotActiveError,
  getList,
  getQueue,
  getSet,
  type HazelcastClient,
  IllegalArgumentError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

const cluster = useCluster({ members: 1 });

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await client?.shutdown();
  await observer?.shutdown();
});

// biome-ignore lint/suspicious/noExplicitAny: bad input is the point
type Loose = any;

/** Rejects with IllegalArgumentError whose message matches. */
async function refused(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
  expect((error as Error).message).toMatch(message);
}

describe('bad input is refused with a clear error, and nothing is written', () => {
  it('queue: null and undefined items, non-iterables, bad timeouts, options, signals and targets', async () => {
    const queue: Loose = getQueue(client, 'bad-queue');
    const nullItem = /^Queue bad-queue: an item must not be null$/;
    await refused(() => queue.add(null), nullItem);
    await refused(() => queue.add(undefined), /an item must not be undefined/);
    await refused(() => queue.offer(null), nullItem);
    await refused(() => queue.offer(null, { timeout: 100 }), nullItem);
    await refused(() => queue.put(null), nullItem);
    await refused(() => queue.contains(null), nullItem);
    await refused(() => queue.remove(undefined), /an item must not be undefined/);
    await refused(() => queue.addAll(['a', null, 'b']), nullItem);
    await refused(() => queue.addAll(5), /expected an iterable of items, got 5/);
    await refused(() => queue.addAll(null), /expected an iterable of items, got null/);
    await refused(() => queue.addAll('abc'), /expected an iterable of items .* got a string/);
    await refused(() => queue.containsAll([null]), nullItem);
    await refused(() => queue.removeAll([undefined]), /an item must not be undefined/);
    await refused(() => queue.retainAll({}), /expected an iterable of items/);
    await refused(
      () => queue.offer('x', { timeout: -1 }),
      /Queue bad-queue: timeout must be a whole number of milliseconds >= 0, got -1/,
    );
    await refused(() => queue.offer('x', { timeout: 1.5 }), /timeout must be a whole number/);
    await refused(() => queue.poll({ timeout: 'soon' }), /timeout must be a whole number/);
    await refused(() => queue.poll({ timeout: -5n }), /timeout must be >= 0 milliseconds, got -5/);
    await refused(() => queue.poll(100), /options must be an object \{ timeout, signal \}, got number 100/);
    await refused(() => queue.take({ signal: 'stop' }), /signal must be an AbortSignal, got string/);
    await refused(() => queue.put('x', null), /options must be an object, got null/);
    await refused(() => queue.drainTo(null), /drainTo needs an array to append to, got null/);
    await refused(() => queue.drainTo([], { maxSize: -1 }), /maxSize must be a whole number from 0/);
    await refused(() => queue.consume({ signal: {} }).next(), /signal must be an AbortSignal/);
    await expect(queue.add(() => 1)).rejects.toThrow(HazelcastSerializationError);
    await expect(queue.addAll(['ok', Symbol('no')])).rejects.toThrow(/symbol/);
    expect(await getQueue(observer, 'bad-queue').size()).toBe(0);
  });

  it('list: negative, fractional and non-number indexes, from > to, and null items', async () => {
    const list: Loose = getList(client, 'bad-list');
    await list.addAll(['a', 'b', 'c']);
    const negative = /^List bad-list: index must be a whole number from 0 to 2147483647, got -1$/;
    await refused(() => list.get(-1), negative);
    await refused(() => list.addAt(-1, 'x'), negative);
    await refused(() => list.setAt(-1, 'x'), negative);
    await refused(() => list.removeAt(-1), negative);
    await refused(() => list.addAllAt(-1, ['x']), negative);
    await refused(() => list.listIterator(-1), negative);
    await refused(() => list.get(1.5), /index must be a whole number .*got 1.5/);
    await refused(() => list.get('1'), /index must be a whole number .*got string/);
    await refused(() => list.get(Number.NaN), /got NaN/);
    await refused(() => list.get(2 ** 31), /got 2147483648/);
    await refused(() => list.subList(-1, 2), /fromIndex must be a whole number/);
    await refused(() => list.subList(0, -2), /toIndex must be a whole number/);
    await refused(() => list.subList(2, 1), /fromIndex 2 is greater than toIndex 1/);
    await refused(() => list.add(null), /^List bad-list: an item must not be null$/);
    await refused(() => list.addAt(0, null), /an item must not be null/);
    await refused(() => list.setAt(0, undefined), /an item must not be undefined/);
    await refused(() => list.addAll(['x', null]), /an item must not be null/);
    await refused(() => list.addAllAt(0, [null]), /an item must not be null/);
    await refused(() => list.indexOf(null), /an item must not be null/);
    await refused(() => list.lastIndexOf(null), /an item must not be null/);
    await refused(() => list.remove(null), /an item must not be null/);
    await refused(() => list.removeAll(7), /expected an iterable of items/);
    expect(await getList(observer, 'bad-list').getAll()).toEqual(['a', 'b', 'c']);
  });

  it('set: null items and non-iterables', async () => {
    const set: Loose = getSet(client, 'bad-set');
    await refused(() => set.add(null), /^Set bad-set: an item must not be null$/);
    await refused(() => set.addAll(['x', undefined]), /an item must not be undefined/);
    await refused(() => set.addAll(true), /expected an iterable of items, got true/);
    await refused(() => set.remove(null), /an item must not be null/);
    await refused(() => set.contains(null), /an item must not be null/);
    await refused(() => set.containsAll([null]), /an item must not be null/);
    await refused(() => set.retainAll(undefined), /expected an iterable of items, got undefined/);
    expect(await getSet(observer, 'bad-set').size()).toBe(0);
  });

  it('item listeners: a listener without callbacks, and bad options', async () => {
    const queue: Loose = getQueue(client, 'bad-listener');
    await refused(
      () => queue.addItemListener(null),
      /Queue bad-listener: an item listener needs an itemAdded or itemRemoved function, got null/,
    );
    await refused(() => queue.addItemListener({}), /needs an itemAdded or itemRemoved function, got Object/);
    await refused(
      () => (getList(client, 'l') as Loose).addItemListener({ itemAdded: 5 }),
      /^List l: an item listener needs/,
    );
    await refused(
      () => (getSet(client, 's') as Loose).addItemListener(() => {}),
      /^Set s: an item listener needs/,
    );
    await refused(
      () => queue.addItemListener({ itemAdded() {} }, { includeValue: 'yes' }),
      /includeValue must be a boolean, got string "yes"/,
    );
    await refused(
      () => queue.addItemListener({ itemAdded() {} }, 'yes'),
      /options must be an object \{ includeValue \}, got the string "yes"/,
    );
    await refused(() => queue.removeItemListener(42), /a registration id must be a string, got number/);
  });

  it('queue: a number or an unknown key where the options go is refused, naming the method and the key', async () => {
    const queue: Loose = getQueue(client, 'bad-queue-options');
    const context = clientContext(client);
    const spies = [
      vi.spyOn(context, 'toData'),
      vi.spyOn(context, 'invokeOnPartition'),
      vi.spyOn(context, 'registerListener'),
    ];
    try {
      await refused(
        () => queue.offer('x', 1000),
        /^Queue bad-queue-options\.offer: the options must be an object \{ timeout, signal \}, got number 1000$/,
      );
      await refused(
        () => queue.put('x', 1000),
        /^Queue bad-queue-options\.put: the options must be an object \{ signal \}/,
      );
      await refused(
        () => queue.put('x', { timeout: 1000 }),
        /^Queue bad-queue-options\.put: unknown option "timeout"; known options: signal$/,
      );
      await refused(
        () => queue.poll({ timeoutMillis: 1000 }),
        /^Queue bad-queue-options\.poll: unknown option "timeoutMillis" \(did you mean "timeout"\?\)/,
      );
      await refused(() => queue.take(1000), /^Queue bad-queue-options\.take: the options must be an object/);
      await refused(
        () => queue.consume({ timeout: 5 }).next(),
        /^Queue bad-queue-options\.consume: unknown option "timeout"/,
      );
      await refused(
        () => queue.drainTo([], { max: 1 }),
        /^Queue bad-queue-options\.drainTo: unknown option "max" \(did you mean "maxSize"\?\)/,
      );
      await refused(
        () => queue.addItemListener({ itemAdded() {} }, { includeValues: false }),
        /^Queue bad-queue-options\.addItemListener: unknown option "includeValues" \(did you mean "includeValue"\?\)/,
      );
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // Nothing was written; absent and valid options still work.
    expect(await getQueue(observer, 'bad-queue-options').size()).toBe(0);
    expect(await queue.offer('y', { timeout: 0 })).toBe(true);
    expect(await queue.poll(undefined)).toBe('y');
  });

  it('list: a number or an unknown key where the listener options go is refused, naming the method and the key', async () => {
    const list: Loose = getList(client, 'bad-list-options');
    const registered = vi.spyOn(clientContext(client), 'registerListener');
    try {
      await refused(
        () => list.addItemListener({ itemAdded() {} }, 0),
        /^List bad-list-options\.addItemListener: the options must be an object \{ includeValue \}, got number 0$/,
      );
      await refused(
        () => list.addItemListener({ itemAdded() {} }, { include_value: false }),
        /^List bad-list-options\.addItemListener: unknown option "include_value" \(did you mean "includeValue"\?\); known options: includeValue$/,
      );
      expect(registered).not.toHaveBeenCalled();
    } finally {
      registered.mockRestore();
    }
  });

  it('set: a number or an unknown key where the listener options go is refused, naming the method and the key', async () => {
    const set: Loose = getSet(client, 'bad-set-options');
    const registered = vi.spyOn(clientContext(client), 'registerListener');
    try {
      await refused(
        () => set.addItemListener({ itemRemoved() {} }, 1),
        /^Set bad-set-options\.addItemListener: the options must be an object \{ includeValue \}, got number 1$/,
      );
      await refused(
        () => set.addItemListener({ itemRemoved() {} }, { localOnly: true }),
        /^Set bad-set-options\.addItemListener: unknown option "localOnly"; known options: includeValue$/,
      );
      expect(registered).not.toHaveBeenCalled();
    } finally {
      registered.mockRestore();
    }
  });
});

describe('a shut-down client', () => {
  it('fails every call with ClientNotActiveError and writes nothing', async () => {
    const closed = await connect(cluster.current);
    const queue = getQueue<string>(closed, 'after-shutdown-queue');
    const list = getList<string>(closed, 'after-shutdown-list');
    const set = getSet<string>(closed, 'after-shutdown-set');
    await closed.shutdown();
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['queue.add', () => queue.add('x')],
      ['queue.offer', () => queue.offer('x')],
      ['queue.offer with timeout', () => queue.offer('x', { timeout: 1000 })],
      ['queue.put', () => queue.put('x')],
      ['queue.poll', () => queue.poll()],
      ['queue.poll with timeout', () => queue.poll({ timeout: 1000 })],
      ['queue.take', () => queue.take()],
      ['queue.size', () => queue.size()],
      ['queue.drainTo', () => queue.drainTo([])],
      ['queue.consume', () => queue.consume().next()],
      ['queue.addItemListener', () => queue.addItemListener({ itemAdded() {} })],
      ['list.add', () => list.add('x')],
      ['list.addAt', () => list.addAt(0, 'x')],
      ['list.get', () => list.get(0)],
      ['list.getAll', () => list.getAll()],
      ['list.addItemListener', () => list.addItemListener({ itemRemoved() {} })],
      ['set.add', () => set.add('x')],
      ['set.addAll', () => set.addAll(['x'])],
      ['set.getAll', () => set.getAll()],
      ['set.addItemListener', () => set.addItemListener({ itemAdded() {} })],
    ];
    for (const [what, call] of calls) {
      await expect(call(), what).rejects.toThrow(ClientNotActiveError);
    }
    // A getter on a shut-down client still returns a proxy; its calls fail the same way.
    await expect(getQueue<string>(closed, 'fresh').offer('x')).rejects.toThrow(ClientNotActiveError);
    expect(await getQueue(observer, 'after-shutdown-queue').size()).toBe(0);
    expect(await getList(observer, 'after-shutdown-list').size()).toBe(0);
    expect(await getSet(observer, 'after-shutdown-set').size()).toBe(0);
    expect(await getQueue(observer, 'fresh').size()).toBe(0);
  });
});
