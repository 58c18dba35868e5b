import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getList, type HazelcastClient, IndexOutOfBoundsError } from '../src/index';
import { connect, messagesPerMember, ownerOf } from './helpers';

const cluster = useCluster({ members: 3 });

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  // The second client reads cluster state back through one member only (unisocket).
  observer = await connect(cluster.current, {
    network: { clusterMembers: [cluster.current.addresses[2]!], smartRouting: false },
  });
});

afterAll(async () => {
  await client?.shutdown();
  await observer?.shutdown();
});

describe('list operations, read back through a second client', () => {
  it('adds at the end and at an index, gets, sets and removes by index', async () => {
    const list = getList<string>(client, 'positions');
    const other = getList<string>(observer, 'positions');
    expect(await list.isEmpty()).toBe(true);
    expect(await list.add('a')).toBe(true);
    expect(await list.add('c')).toBe(true);
    await list.addAt(1, 'b');
    await list.addAt(0, 'start');
    expect(await other.getAll()).toEqual(['start', 'a', 'b', 'c']);
    expect(await list.get(2)).toBe('b');
    expect(await list.setAt(2, 'B')).toBe('b');
    expect(await other.get(2)).toBe('B');
    expect(await list.removeAt(0)).toBe('start');
    expect(await other.getAll()).toEqual(['a', 'B', 'c']);
    expect(await other.size()).toBe(3);
    expect(await list.isEmpty()).toBe(false);
  });

  it('adds many, at the end and at an index, in iteration order', async () => {
    const list = getList<number>(client, 'bulk');
    const other = getList<number>(observer, 'bulk');
    expect(await list.addAll([1, 2, 3])).toBe(true);
    expect(await list.addAll(new Set([7, 8]))).toBe(true);
    expect(await list.addAllAt(1, [10, 11])).toBe(true);
    expect(await other.getAll()).toEqual([1, 10, 11, 2, 3, 7, 8]);
    expect(await other.iterator()).toEqual([1, 10, 11, 2, 3, 7, 8]);
    expect(await other.listIterator(4)).toEqual([3, 7, 8]);
    expect(await other.listIterator()).toEqual([1, 10, 11, 2, 3, 7, 8]);
    expect(await other.subList(1, 3)).toEqual([10, 11]);
    expect(await other.subList(2, 2)).toEqual([]);
  });

  it('finds, removes and retains by value, with duplicates', async () => {
    const list = getList<string>(client, 'values');
    const other = getList<string>(observer, 'values');
    await list.addAll(['x', 'y', 'x', 'z', 'w']);
    expect(await list.indexOf('x')).toBe(0);
    expect(await list.lastIndexOf('x')).toBe(2);
    expect(await list.indexOf('nope')).toBe(-1);
    expect(await list.lastIndexOf('nope')).toBe(-1);
    expect(await list.contains('z')).toBe(true);
    expect(await list.contains('nope')).toBe(false);
    expect(await list.containsAll(['x', 'w'])).toBe(true);
    expect(await list.containsAll(['x', 'nope'])).toBe(false);
    expect(await list.remove('x')).toBe(true);
    expect(await other.getAll()).toEqual(['y', 'x', 'z', 'w']);
    expect(await list.remove('nope')).toBe(false);
    expect(await list.removeAll(['w', 'nope'])).toBe(true);
    expect(await list.removeAll(['nope'])).toBe(false);
    expect(await other.getAll()).toEqual(['y', 'x', 'z']);
    expect(await list.retainAll(['x', 'z'])).toBe(true);
    expect(await list.retainAll(['x', 'z'])).toBe(false);
    expect(await other.getAll()).toEqual(['x', 'z']);
    await list.clear();
    expect(await other.size()).toBe(0);
    expect(await other.isEmpty()).toBe(true);
  });

  it('reports an index beyond the bounds as IndexOutOfBoundsError from the member, changing nothing', async () => {
    const list = getList<string>(client, 'bounds');
    await list.addAll(['a', 'b']);
    await expect(list.get(2)).rejects.toThrow(IndexOutOfBoundsError);
    await expect(list.setAt(5, 'x')).rejects.toThrow(IndexOutOfBoundsError);
    await expect(list.removeAt(2)).rejects.toThrow(IndexOutOfBoundsError);
    await expect(list.addAt(3, 'x')).rejects.toThrow(IndexOutOfBoundsError);
    await expect(list.subList(0, 3)).rejects.toThrow(IndexOutOfBoundsError);
    expect(await getList(observer, 'bounds').getAll()).toEqual(['a', 'b']);
  });

  it('keeps values of every kind intact, and destroys the list for every client', async () => {
    const list = getList<unknown>(client, 'kinds');
    const values = ['text', 1.5, false, { a: [1, { b: null }] }, ['x', 'y'], new Map([[1, 'one']])];
    await list.addAll(values);
    expect(await getList(observer, 'kinds').getAll()).toEqual(values);
    await list.destroy();
    expect(await getList(observer, 'kinds').size()).toBe(0);
  });

  it('routes every operation to the owner of the partition the list name hashes to', async () => {
    for (const name of ['routed-x', 'routed-y', 'routed-z']) {
      const list = getList<string>(client, name);
      await list.add('warm-up');
      const owner = await ownerOf(client, name);
      const sent = await messagesPerMember(client, async () => {
        for (let n = 0; n < 10; n++) await list.get(0);
      });
      expect(sent.get(owner)).toBeGreaterThanOrEqual(10);
      for (const [uuid, count] of sent) if (uuid !== owner) expect(count).toBeLessThan(10);
    }
  });
});
