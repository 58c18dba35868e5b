import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getMap, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

// Maps named loaded-* read through dev.hz.testing.SampleMapLoader (keys loaded-0 … loaded-9).
const cluster = useCluster({
  members: 1,
  xml: `<map name="loaded-*"><map-store enabled="true" initial-mode="LAZY">
          <class-name>dev.hz.testing.SampleMapLoader</class-name></map-store></map>`,
});
let client: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
});

afterAll(async () => {
  await client?.shutdown();
});

describe('IMap with a MapLoader', () => {
  it('reads through on get and reports LOADED events', async () => {
    const map = getMap<string, string>(client, 'loaded-events');
    const loaded: Array<[string | null, string | null]> = [];
    await map.addEntryListener({ loaded: (e) => loaded.push([e.key, e.value]) });
    expect(await map.get('loaded-3')).toBe('value-of-loaded-3');
    expect(await map.get('not-there')).toBeNull();
    await vi.waitFor(() => expect(loaded).toContainEqual(['loaded-3', 'value-of-loaded-3']));
  });

  it('loadAll loads every key, or the given ones; evict and flush work with a store', async () => {
    const map = getMap<string, string>(client, 'loaded-all');
    await map.evictAll();
    await map.loadAll(['loaded-1', 'loaded-2']);
    expect(await map.evict('loaded-1')).toBe(true);
    await map.loadAll();
    expect((await map.keySet()).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `loaded-${i}`));
    await map.flush();
  });
});
