import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMap, HazelcastClient, type LifecycleState } from '../src/index';
import { clientContext } from '../src/plugin';
import { messagesPerMember, ownerOf } from './helpers';

const cluster = useCluster({ members: 3 });

for (const smartRouting of [true, false]) {
  describe(`basic map operations, ${smartRouting ? 'smart' : 'unisocket'} routing, 3 members`, () => {
    let client: HazelcastClient;
    let observer: HazelcastClient;
    const states: LifecycleState[] = [];

    beforeAll(async () => {
      client = await HazelcastClient.newHazelcastClient({
        clusterName: cluster.current.name,
        network: { clusterMembers: cluster.current.addresses, smartRouting },
        lifecycleListeners: [(state) => states.push(state)],
        properties: { 'hazelcast.logging.level': 'WARN' },
      });
      observer = await HazelcastClient.newHazelcastClient({
        clusterName: cluster.current.name,
        network: { clusterMembers: [cluster.current.addresses[0]!] },
        properties: { 'hazelcast.logging.level': 'WARN' },
      });
    });

    afterAll(async () => {
      await client?.shutdown();
      await observer?.shutdown();
    });

    it('starts through STARTING, STARTED, CONNECTED and sees all members', () => {
      expect(states.slice(0, 3)).toEqual(['STARTING', 'STARTED', 'CONNECTED']);
      expect(client.getCluster().getMembers()).toHaveLength(3);
      const connections = clientContext(client).connections.activeConnections;
      expect(connections.length).toBe(smartRouting ? 3 : 1);
    });

    it('puts, gets, sets, removes and deletes, visible to another client', async () => {
      const name = `basic-${smartRouting}`;
      const map = getMap<string, number>(client, name);
      const other = getMap<string, number>(observer, name);
      expect(await map.put('a', 1)).toBeNull();
      expect(await map.put('a', 2)).toBe(1);
      await map.set('b', 3);
      expect(await other.get('a')).toBe(2);
      expect(await other.get('b')).toBe(3);
      expect(await map.get('missing')).toBeNull();
      expect(await map.containsKey('a')).toBe(true);
      expect(await map.size()).toBe(2);
      expect(await map.remove('a')).toBe(2);
      expect(await map.remove('a')).toBeNull();
      await map.delete('b');
      expect(await other.size()).toBe(0);
    });

    it('putAll and getAll across partitions, clear and destroy', async () => {
      const name = `bulk-${smartRouting}`;
      const map = getMap<string, string>(client, name);
      const entries = Array.from({ length: 200 }, (_, i) => [`key-${i}`, `value-${i}`] as [string, string]);
      await map.putAll(entries);
      expect(await getMap(observer, name).size()).toBe(200);
      const found = await map.getAll(['key-1', 'key-150', 'nope']);
      expect(new Map(found)).toEqual(
        new Map([
          ['key-1', 'value-1'],
          ['key-150', 'value-150'],
        ]),
      );
      await map.clear();
      expect(await map.size()).toBe(0);
      await map.set('x', 'y');
      await map.destroy();
      expect(await getMap(observer, name).size()).toBe(0);
    });

    it('rejects null keys and values and negative TTLs without sending anything', async () => {
      const map = getMap<string | null, string | null>(client, `bad-${smartRouting}`);
      await expect(map.put(null, 'v')).rejects.toThrow(/a key must not be null/);
      await expect(map.set('k', null)).rejects.toThrow(/a value must not be null/);
      await expect(map.put('k', 'v', { ttl: -5 })).rejects.toThrow(
        /ttl must be a whole number of milliseconds >= 0, got -5/,
      );
      const loose = getMap<unknown, unknown>(client, `bad-${smartRouting}`);
      await expect(loose.set('k', () => 1)).rejects.toThrow(/function/);
      await expect(loose.set(Symbol('key'), 'v')).rejects.toThrow(/symbol/);
      expect(await map.size()).toBe(0);
    });

    if (smartRouting) {
      it('sends keyed operations to the partition owner the members report', async () => {
        const map = getMap<string, number>(client, 'routing');
        for (let i = 0; i < 20; i++) {
          const key = `routed-${i}`;
          const owner = await ownerOf(client, key);
          const sent = await messagesPerMember(client, async () => {
            for (let n = 0; n < 10; n++) await map.get(key);
          });
          expect(sent.get(owner)).toBeGreaterThanOrEqual(10);
          // Heartbeat pings may go to the others, never the gets.
          for (const [uuid, count] of sent) if (uuid !== owner) expect(count).toBeLessThan(10);
        }
      });
    }
  });
}
