// Every public core method that returns a 64-bit value, walked with both `int64Type` settings: bigint by
// default, long.js Long when asked. The values are checked against a second client (the other setting)
// and against the official Python client, so a lost bit or a wrong type fails here.
import { runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Aggregators, getMap, type HazelcastClient, type Int64Type, Predicates, typed } from '../src/index';
import { connect } from './helpers';

const cluster = useCluster({ members: 2 });

const INTS = 'int64-ints';
const LONGS = 'int64-longs';
const VIEWS = 'int64-views';
/** Above 2^53: a result that went through a JS number would lose its low bits. */
const BIG = 2n ** 60n + 7n;
const LONG_VALUES = [BIG, BIG + 1n, -5n];
const INT_VALUES = [1, 2, 3, 2_000_000_000, 2_000_000_000];

/**
 * The 64-bit results of the public core API, each as a list of (label, value) pairs. Adding a public method
 * that returns a 64-bit value means adding it here.
 */
const SURFACE: ReadonlyArray<
  readonly [string, (client: HazelcastClient) => Promise<ReadonlyArray<readonly [string, unknown]>>]
> = [
  [
    'IMap.aggregate(count)',
    async (client) => [
      ['count()', await getMap(client, INTS).aggregate(Aggregators.count())],
      ['count(attribute)', await getMap(client, INTS).aggregate(Aggregators.count('this'))],
      [
        'count() with a predicate',
        await getMap(client, INTS).aggregate(Aggregators.count(), Predicates.greaterThan('this', 2)),
      ],
    ],
  ],
  [
    'IMap.aggregate(intSum / integerSum)',
    async (client) => [
      ['intSum()', await getMap(client, INTS).aggregate(Aggregators.intSum())],
      ['integerSum()', await getMap(client, INTS).aggregate(Aggregators.integerSum())],
    ],
  ],
  [
    'IMap.aggregate(longSum)',
    async (client) => [['longSum()', await getMap(client, LONGS).aggregate(Aggregators.longSum())]],
  ],
  [
    'IMap.aggregate(fixedPointSum)',
    async (client) => [
      ['fixedPointSum() of ints', await getMap(client, INTS).aggregate(Aggregators.fixedPointSum())],
      ['fixedPointSum() of longs', await getMap(client, LONGS).aggregate(Aggregators.fixedPointSum())],
    ],
  ],
  [
    'IMap.getEntryView',
    async (client) => {
      const view = await getMap<string, string>(client, VIEWS).getEntryView('k');
      if (view === null) throw new Error('no entry view for k');
      const { key: _key, value: _value, ...fields } = view;
      return Object.entries(fields);
    },
  ],
];

const EXPECTED_ENTRY_VIEW_FIELDS = [
  'cost',
  'creationTime',
  'expirationTime',
  'hits',
  'lastAccessTime',
  'lastStoredTime',
  'lastUpdateTime',
  'maxIdle',
  'ttl',
  'version',
];

describe('64-bit results', () => {
  const clients = new Map<Int64Type, HazelcastClient>();

  beforeAll(async () => {
    for (const int64Type of ['bigint', 'Long'] as const) {
      clients.set(int64Type, await connect(cluster.current, { int64Type }));
    }
    const writer = clients.get('bigint')!;
    const ints = getMap<string, unknown>(writer, INTS);
    await ints.putAll(INT_VALUES.map((v, i) => [`i${i}`, typed(v, 'int')] as const));
    const longs = getMap<string, unknown>(writer, LONGS);
    await longs.putAll(LONG_VALUES.map((v, i) => [`l${i}`, typed(v, 'long')] as const));
    const views = getMap<string, string>(writer, VIEWS);
    await views.set('k', 'v1', { ttl: 600_000, maxIdle: 300_000 });
    await views.set('k', 'v2', { ttl: 600_000, maxIdle: 300_000 });
  });

  afterAll(async () => {
    for (const client of clients.values()) await client.shutdown();
  });

  it('covers every entry-view field', async () => {
    const entryView = SURFACE.find(([name]) => name === 'IMap.getEntryView')![1];
    const labels = (await entryView(clients.get('bigint')!)).map(([label]) => label);
    expect(labels.sort()).toEqual(EXPECTED_ENTRY_VIEW_FIELDS);
  });

  for (const [method, read] of SURFACE) {
    it(`${method}: bigint by default, Long with int64Type 'Long', the same numbers`, async () => {
      const asBigint = await read(clients.get('bigint')!);
      const asLong = await read(clients.get('Long')!);
      expect(asBigint.length).toBeGreaterThan(0);
      expect(asLong.map(([label]) => label)).toEqual(asBigint.map(([label]) => label));
      for (const [label, value] of asBigint) {
        expect(typeof value, `${method} ${label}`).toBe('bigint');
      }
      for (const [label, value] of asLong) {
        expect(Long.isLong(value), `${method} ${label} is a Long`).toBe(true);
      }
      // Fields that change with every read (hits, access times) are compared where both clients agree.
      const volatile = new Set(['hits', 'lastAccessTime']);
      asBigint.forEach(([label, value], i) => {
        if (volatile.has(label)) return;
        expect((asLong[i]![1] as Long).toString(), `${method} ${label}`).toBe(String(value));
      });
    });
  }

  it('gives the exact sums and counts, which a JS number could not hold', async () => {
    const map = getMap<string, unknown>(clients.get('bigint')!, LONGS);
    const longSum = LONG_VALUES.reduce((a, b) => a + b, 0n);
    expect(longSum > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(await map.aggregate(Aggregators.longSum())).toBe(longSum);
    const intSum = BigInt(INT_VALUES.reduce((a, b) => a + b, 0));
    // More than a Java int holds: the member sums Integers into a long.
    expect(intSum > 2n ** 31n).toBe(true);
    expect(await getMap(clients.get('bigint')!, INTS).aggregate(Aggregators.intSum())).toBe(intSum);
    const viaLong = await getMap(clients.get('Long')!, LONGS).aggregate(Aggregators.longSum());
    expect((viaLong as unknown as Long).toString()).toBe(longSum.toString());
    // The official Python client reads the same cluster state.
    const python = await runPython<{ count: string; longSum: string; version: string; ttl: string }>(
      cluster.current,
      [
        'from hazelcast.aggregator import count, long_sum',
        'view = client.get_map(args["views"]).blocking().get_entry_view("k")',
        'result = {',
        '  "count": str(client.get_map(args["ints"]).blocking().aggregate(count())),',
        '  "longSum": str(client.get_map(args["longs"]).blocking().aggregate(long_sum())),',
        '  "version": str(view.version), "ttl": str(view.ttl),',
        '}',
      ].join('\n'),
      { ints: INTS, longs: LONGS, views: VIEWS },
    );
    const view = (await getMap<string, string>(clients.get('bigint')!, VIEWS).getEntryView('k'))!;
    expect(python).toEqual({
      count: String(INT_VALUES.length),
      longSum: longSum.toString(),
      version: String(view.version),
      ttl: String(view.ttl),
    });
    expect(view.version).toBe(1n);
    expect(view.ttl).toBe(600_000n);
    expect(view.maxIdle).toBe(300_000n);
  });

  it('keeps the other aggregations as they were: averages are numbers, max/min the stored value', async () => {
    const ints = getMap<string, unknown>(clients.get('Long')!, INTS);
    expect(typeof (await ints.aggregate(Aggregators.intAvg()))).toBe('number');
    expect(await ints.aggregate(Aggregators.max())).toBe(2_000_000_000);
    // A Java long stored as a value reads back as the serialization layer reads it (a Long), as map.get does.
    const longs = getMap<string, unknown>(clients.get('bigint')!, LONGS);
    const max = await longs.aggregate(Aggregators.max<Long>());
    expect(Long.isLong(max)).toBe(true);
    expect(max.toString()).toBe((BIG + 1n).toString());
  });
});
