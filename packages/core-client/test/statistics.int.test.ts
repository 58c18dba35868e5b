import { cpus } from 'node:os';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ClientPlugin, getMap, type HazelcastClient } from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';
import {
  type MemberClientStatistics,
  memberStatistics,
  parseAttributes,
  SECURITY_FACTORY_XML,
} from './security-helpers';

// One member, so every client's statistics land on the member the probe runs on. The probe is a Java
// entry processor of ours that reads the member's ClientEngine.getClientStatistics() and decodes each
// metrics blob with the member's own MetricsCompressor: what Management Center reads.

const cluster = useCluster({ members: 1, xml: SECURITY_FACTORY_XML });

let observer: HazelcastClient;
beforeAll(async () => {
  observer = await connect(cluster.current);
});
afterAll(async () => {
  await observer?.shutdown();
});

async function statisticsOf(client: HazelcastClient): Promise<MemberClientStatistics> {
  const uuid = clientContext(client).clientUuid;
  let found: MemberClientStatistics | undefined;
  await vi.waitFor(
    async () => {
      found = (await memberStatistics(observer)).get(uuid);
      expect(found).toBeDefined();
    },
    { timeout: 20_000, interval: 200 },
  );
  return found!;
}

/** A plug-in standing in for @hz/near-cache: it reports near-cache numbers through the collectMetrics hook. */
function fakeNearCache(hits: () => number): ClientPlugin<void> {
  return {
    name: 'fake-near-cache',
    setup(host) {
      host.on('collectMetrics', (sink) => {
        const map = { prefix: 'nearcache', discriminator: 'name', discriminatorValue: 'prices' } as const;
        sink.addLong({ ...map, metric: 'hits', unit: 'COUNT' }, hits());
        sink.addLong({ ...map, metric: 'misses', unit: 'COUNT' }, 7n);
        sink.addLong({ ...map, metric: 'creationTime', unit: 'MS' }, 1_700_000_000_000);
      });
    },
  };
}

describe('client statistics, as the member sees them', () => {
  it('sends attributes and a metrics blob the member decodes, every period', async () => {
    let hits = 42;
    const client = await connect(cluster.current, {
      instanceName: 'stats-client',
      statistics: { enabled: true, periodSeconds: 1 },
      plugins: [fakeNearCache(() => hits)],
    });
    try {
      await getMap(client, 'stats-map').set('k', 'v');
      const first = await statisticsOf(client);
      const attributes = parseAttributes(first.attributes);
      expect(attributes.get('clientName')).toBe('stats-client');
      expect(attributes.get('clientType')).toBe('HZTS');
      expect(attributes.get('enterprise')).toBe('false');
      expect(attributes.get('clientAddress')).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(Number(attributes.get('clusterConnectionTimestamp'))).toBeGreaterThan(0);
      expect(attributes.get('runtime.availableProcessors')).toBe(String(cpus().length));

      const byName = new Map(
        first.metrics.map((m) => [
          `${m.prefix}.${m.metric}${m.discriminatorValue ? `[${m.discriminatorValue}]` : ''}`,
          m,
        ]),
      );
      expect(byName.get('runtime.availableProcessors')).toMatchObject({
        unit: 'COUNT',
        long: String(cpus().length),
        tagCount: 0,
      });
      expect(byName.get('os.systemLoadAverage')?.double).toBeTypeOf('number');
      expect(byName.get('tcp.bytesSend')?.unit).toBe('BYTES');
      expect(Number(byName.get('tcp.bytesReceived')?.long)).toBeGreaterThan(0);
      expect(Number(byName.get('runtime.uptime')?.long)).toBeGreaterThan(0);
      expect(byName.get('runtime.uptime')?.unit).toBe('MS');
      // The plug-in's near-cache metrics, in the metrics blob and as the attributes Management Center 4 read.
      expect(byName.get('nearcache.hits[prices]')).toMatchObject({
        discriminator: 'name',
        unit: 'COUNT',
        long: '42',
      });
      expect(byName.get('nearcache.misses[prices]')?.long).toBe('7');
      expect(byName.get('nearcache.creationTime[prices]')).toMatchObject({
        unit: 'MS',
        long: '1700000000000',
      });
      expect(attributes.get('nc.prices.hits')).toBe('42');

      // Later rounds replace the member's copy: a newer timestamp and the new value.
      hits = 43;
      await vi.waitFor(
        async () => {
          const next = (await memberStatistics(observer)).get(clientContext(client).clientUuid);
          expect(next?.timestamp).toBeGreaterThan(first.timestamp);
          expect(next?.metrics.find((m) => m.metric === 'hits')?.long).toBe('43');
        },
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await client.shutdown();
    }
  });

  it('sends nothing when statistics are off, and honours the older properties', async () => {
    const silent = await connect(cluster.current, { plugins: [fakeNearCache(() => 1)] });
    const viaProperties = await connect(cluster.current, {
      properties: {
        'hazelcast.client.statistics.enabled': 'true',
        'hazelcast.client.statistics.period.seconds': '1',
      },
    });
    try {
      await getMap(silent, 'stats-map').set('silent', 'v');
      const stats = await statisticsOf(viaProperties);
      expect(parseAttributes(stats.attributes).get('clientName')).toBe(viaProperties.getName());
      // The silent client has been connected longer than a period of the other; the member has nothing of it.
      expect((await memberStatistics(observer)).has(clientContext(silent).clientUuid)).toBe(false);
    } finally {
      await silent.shutdown();
      await viaProperties.shutdown();
    }
  });
});
