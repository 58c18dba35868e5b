// getDistributedObjects() as the seeds describe it: every object of the cluster as a proxy of its kind, and
// local proxies of objects another client destroyed are dropped (on the DESTROYED event, and at the latest
// by the next getDistributedObjects()).
import { inspect } from 'node:util';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DistributedObjectEvent, getMap, type HazelcastClient } from '../src/index';
import { pluginHost } from '../src/plugin';
import { connect } from './helpers';

const cluster = useCluster({ members: 2 });
const MAP_SERVICE = 'hz:impl:mapService';
/** Events and member-to-member destroys take their time on a loaded machine. */
const bound = { timeout: 15_000, interval: 50 };

for (const smartRouting of [true, false]) {
  describe(`objects destroyed by another client, ${smartRouting ? 'smart' : 'unisocket'}`, () => {
    let client: HazelcastClient;
    let other: HazelcastClient;

    beforeAll(async () => {
      client = await connect(cluster.current, { network: { smartRouting } });
      other = await connect(cluster.current);
    });

    afterAll(async () => {
      await client?.shutdown();
      await other?.shutdown();
    });

    it('lose their local proxy when the DESTROYED event arrives; getting them again gives a working proxy', async () => {
      const name = `destroyed-elsewhere-${smartRouting}`;
      const mine = getMap<string, string>(client, name);
      await mine.set('k', 'v');
      expect(getMap(client, name)).toBe(mine);
      // The list comes from one member, which may learn of the new object a moment later: ask until it does.
      await vi.waitFor(async () => {
        const listed = (await client.getDistributedObjects()).find((o) => o.getName() === name);
        expect(listed).toBe(mine);
      });

      // The other client sees the object, destroys it, and this client hears of it.
      const seen: DistributedObjectEvent[] = [];
      await client.addDistributedObjectListener((event) => seen.push(event));
      await getMap(other, name).destroy();
      await vi.waitFor(
        () => expect(pluginHost(client).proxies.get(MAP_SERVICE, name)).toBeUndefined(),
        bound,
      );
      await vi.waitFor(
        () => expect(seen.map((e) => `${e.eventType} ${e.name}`)).toContain(`DESTROYED ${name}`),
        bound,
      );
      // Members destroy the object one after another: a listing may lag the event, never bring it back.
      await vi.waitFor(
        async () =>
          expect((await client.getDistributedObjects()).map((o) => o.getName())).not.toContain(name),
        bound,
      );
      expect(pluginHost(client).proxies.get(MAP_SERVICE, name)).toBeUndefined();

      const again = getMap<string, string>(client, name);
      expect(again).not.toBe(mine);
      expect(await again.get('k')).toBeNull(); // the data went with the object
      await again.set('k', 'w');
      expect(await getMap<string, string>(other, name).get('k')).toBe('w');
      await vi.waitFor(async () =>
        expect((await client.getDistributedObjects()).map((o) => o.getName())).toContain(name),
      );
    });

    it('keep the proxy this client got again right after destroying the object itself', async () => {
      const name = `destroyed-here-${smartRouting}`;
      const first = getMap<string, string>(client, name);
      await first.set('k', 'v');
      await first.destroy();
      const second = getMap<string, string>(client, name);
      await second.set('k', 'again');
      // The DESTROYED event of our own destroy arrives at some point: wait until the other client's view
      // of the cluster has settled, then the proxy is still ours.
      await vi.waitFor(
        async () => expect((await other.getDistributedObjects()).map((o) => o.getName())).toContain(name),
        bound,
      );
      const marker = `marker-${smartRouting}`;
      const seen: string[] = [];
      const id = await client.addDistributedObjectListener((e) => seen.push(`${e.eventType} ${e.name}`));
      // A barrier: an object created after our destroy; its event comes after our DESTROYED event.
      await getMap(other, marker).set('k', 'v');
      await vi.waitFor(() => expect(seen).toContain(`CREATED ${marker}`), bound);
      await client.removeDistributedObjectListener(id);
      expect(getMap(client, name)).toBe(second);
      expect(await second.get('k')).toBe('again');
    });
  });
}

describe('a proxy written to a log', () => {
  it('shows which object it is and nothing of the client behind it (whose config holds credentials)', async () => {
    // (Community members refuse credentials, so the client name stands in for the config's secrets.)
    const client = await connect(cluster.current, { instanceName: 'proxy-logging' });
    try {
      const map = getMap<string, string>(client, 'logged');
      await map.set('k', 'v');
      expect(JSON.stringify(map)).toBe('{"serviceName":"hz:impl:mapService","name":"logged"}');
      const inspected = inspect(map, { depth: 10 });
      expect(inspected).toContain('logged');
      expect(inspected).not.toContain('proxy-logging');
      expect(await map.get('k')).toBe('v');
    } finally {
      await client.shutdown();
    }
  });
});
