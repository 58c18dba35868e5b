import {
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  HazelcastJsonValue,
  type Portable,
  type PortableReader,
  type PortableWriter,
} from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Aggregators, getMap, type HazelcastClient, type IMap, Predicates, Projections } from '../src/index';
import {
  appendingEntryProcessor,
  ComparatorType,
  customComparator,
  identifiedEntryProcessor,
  TEST_FACTORY_XML,
} from '../src/query/test-support/java-helpers';
import { connect } from './helpers';

/** A Compact value with an int, a long and a double field: the member queries them without our class. */
class Sample {
  constructor(
    readonly i: number,
    readonly l: Long,
    readonly d: number,
    readonly name: string,
  ) {}
}

const sampleSerializer: CompactSerializer<Sample> = {
  getClass: () => Sample,
  getTypeName: () => 'queries.Sample',
  read: (r: CompactReader) =>
    new Sample(r.readInt32('i'), r.readInt64('l'), r.readFloat64('d'), r.readString('name') ?? ''),
  write: (w: CompactWriter, v: Sample) => {
    w.writeInt32('i', v.i);
    w.writeInt64('l', v.l);
    w.writeFloat64('d', v.d);
    w.writeString('name', v.name);
  },
};

/** A Portable value: the member reads its fields through the class definition, without the class. */
class Customer implements Portable {
  factoryId = 9;
  classId = 1;
  constructor(
    public name = '',
    public age = 0,
  ) {}
  readPortable(reader: PortableReader): void {
    this.name = reader.readString('name') ?? '';
    this.age = reader.readInt('age');
  }
  writePortable(writer: PortableWriter): void {
    writer.writeString('name', this.name);
    writer.writeInt('age', this.age);
  }
}

const cluster = useCluster({ members: 2, xml: TEST_FACTORY_XML });
let client: HazelcastClient;
let samples: IMap<number, Sample>;
const N = 100;

beforeAll(async () => {
  client = await connect(cluster.current, {
    serialization: {
      compact: { serializers: [sampleSerializer] },
      portableFactories: { 9: (classId: number) => (classId === 1 ? new Customer() : null) },
    },
  });
  samples = getMap<number, Sample>(client, 'samples');
  await samples.putAll(
    Array.from(
      { length: N },
      (_, k) => [k, new Sample(k, Long.fromNumber(k * 1000), k / 4, `s${k % 10}`)] as [number, Sample],
    ),
  );
});

afterAll(async () => {
  await client?.shutdown();
});

describe('aggregations over Compact fields, against computed expectations', () => {
  const ints = Array.from({ length: N }, (_, k) => k);
  const sum = ints.reduce((a, b) => a + b, 0);
  const doubles = ints.map((k) => k / 4);
  const doubleSum = doubles.reduce((a, b) => a + b, 0);

  it.each([
    ['count', () => Aggregators.count(), BigInt(N)],
    ['count with attribute', () => Aggregators.count('i'), BigInt(N)],
    ['intSum', () => Aggregators.intSum('i'), BigInt(sum)],
    ['intAvg', () => Aggregators.intAvg('i'), sum / N],
    ['longSum', () => Aggregators.longSum('l'), BigInt(sum * 1000)],
    ['longAvg', () => Aggregators.longAvg('l'), (sum * 1000) / N],
    ['doubleSum', () => Aggregators.doubleSum('d'), doubleSum],
    ['doubleAvg', () => Aggregators.doubleAvg('d'), doubleSum / N],
    ['fixedPointSum', () => Aggregators.fixedPointSum('l'), BigInt(sum * 1000)],
    ['floatingPointSum', () => Aggregators.floatingPointSum('d'), doubleSum],
    ['numberAvg', () => Aggregators.numberAvg('i'), sum / N],
    ['max', () => Aggregators.max('i'), N - 1],
    ['min', () => Aggregators.min('d'), 0],
  ])('%s', async (_name, make, expected) => {
    const result = await samples.aggregate(make());
    // 64-bit results (count and the integral sums) are bigint, the client's default Int64.
    if (typeof expected === 'bigint') expect(result).toBe(expected);
    else expect(result).toBeCloseTo(expected as number, 9);
  });

  it('distinct, maxBy and minBy', async () => {
    const names = await samples.aggregate(Aggregators.distinct('name'));
    expect([...(names as Set<string>)].sort()).toEqual(Array.from({ length: 10 }, (_, k) => `s${k}`));
    const top = (await samples.aggregate(Aggregators.maxBy('i'))) as { key: unknown; value: unknown };
    expect(top.key).toBe(N - 1);
    const bottom = (await samples.aggregate(Aggregators.minBy('d'))) as { key: unknown; value: unknown };
    expect(bottom.key).toBe(0);
  });

  it('with a predicate', async () => {
    const predicate = Predicates.lessThan('i', 10);
    expect(await samples.aggregate(Aggregators.intSum('i'), predicate)).toBe(45n);
  });
});

describe('queries', () => {
  it('on Compact fields, __key and this, with projections', async () => {
    expect((await samples.keySet(Predicates.between('i', 10, 12))).sort((a, b) => a - b)).toEqual([
      10, 11, 12,
    ]);
    expect((await samples.keySet(Predicates.sql('i >= 97'))).sort((a, b) => a - b)).toEqual([97, 98, 99]);
    expect((await samples.keySet(Predicates.lessThan('__key', 3))).sort()).toEqual([0, 1, 2]);
    const names = await samples.project<string>(
      Projections.singleAttribute('name'),
      Predicates.equal('i', 42),
    );
    expect(names).toEqual(['s2']);
    const pairs = await samples.project<unknown[]>(
      Projections.multiAttribute('i', 'name'),
      Predicates.equal('i', 7),
    );
    expect(pairs).toEqual([[7, 's7']]);
  });

  it('on Portable fields', async () => {
    const customers = getMap<string, Customer>(client, 'customers');
    await customers.putAll([
      ['ada', new Customer('Ada', 36)],
      ['grace', new Customer('Grace', 85)],
      ['alan', new Customer('Alan', 41)],
    ]);
    expect((await customers.keySet(Predicates.greaterThan('age', 40))).sort()).toEqual(['alan', 'grace']);
    expect((await customers.values(Predicates.like('name', 'A%'))).map((c) => c.name).sort()).toEqual([
      'Ada',
      'Alan',
    ]);
  });

  it('on JSON values, including nested arrays', async () => {
    const people = getMap<string, HazelcastJsonValue>(client, 'json-people');
    await people.set(
      'a',
      new HazelcastJsonValue(JSON.stringify({ name: 'Ada', age: 36, pets: [{ name: 'Rex' }] })),
    );
    await people.set(
      'b',
      new HazelcastJsonValue(
        JSON.stringify({ name: 'Bob', age: 20, pets: [{ name: 'Tom' }, { name: 'Rex' }] }),
      ),
    );
    await people.set('c', new HazelcastJsonValue(JSON.stringify({ name: 'Cy', age: 50, pets: [] })));
    expect((await people.keySet(Predicates.greaterThan('age', 30))).sort()).toEqual(['a', 'c']);
    expect((await people.keySet(Predicates.equal('pets[any].name', 'Rex'))).sort()).toEqual(['a', 'b']);
    expect(await people.keySet(Predicates.ilike('name', 'bo%'))).toEqual(['b']);
    expect(await people.keySet(Predicates.regex('name', '^C.*'))).toEqual(['c']);
    expect((await people.keySet(Predicates.inPredicate('name', 'Ada', 'Cy'))).sort()).toEqual(['a', 'c']);
  });

  it('removeAll by predicate and executeOnEntries with a predicate', async () => {
    const numbers = getMap<string, number>(client, 'remove-all');
    await numbers.putAll(Array.from({ length: 20 }, (_, k) => [`n${k}`, k] as [string, number]));
    await numbers.removeAll(Predicates.greaterEqual('this', 10));
    expect(await numbers.size()).toBe(10);
    expect(await numbers.keySet(Predicates.alwaysFalse())).toEqual([]);
    expect(await numbers.keySet(Predicates.alwaysTrue())).toHaveLength(10);
  });

  it('pages through 1,000 entries with a member-side comparator, forwards and back', async () => {
    const big = getMap<string, number>(client, 'paged');
    await big.putAll(
      Array.from({ length: 1000 }, (_, k) => [`k${String(k).padStart(4, '0')}`, k] as [string, number]),
    );
    await big.addIndex({ type: 'SORTED', attributes: ['this'] });
    const paging = Predicates.paging(null, 100, customComparator(ComparatorType.BY_VALUE_DESCENDING));
    const seen: number[] = [];
    for (let page = 0; page < 10; page++) {
      const entries = await big.entrySet(page === 0 ? paging : paging.nextPage());
      expect(entries).toHaveLength(100);
      seen.push(...entries.map(([, value]) => value));
    }
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, k) => 999 - k));
    expect(await big.values(paging.nextPage())).toEqual([]);
    const third = await big.values(paging.setPage(2));
    expect(third[0]).toBe(799);
    const second = await big.keySet(paging.previousPage());
    expect(second[0]).toBe('k0899');
  });

  it('runs entry processors on one key, several keys and the entries a predicate matches', async () => {
    const texts = getMap<string, string>(client, 'processed');
    await texts.putAll([
      ['a', 'x'],
      ['b', 'y'],
      ['c', 'z'],
    ]);
    expect(await texts.submitToKey('a', appendingEntryProcessor('1'))).toBe('x1');
    const onKeys = await texts.executeOnKeys(['a', 'b'], appendingEntryProcessor('2'));
    expect(new Map(onKeys)).toEqual(
      new Map([
        ['a', 'x12'],
        ['b', 'y2'],
      ]),
    );
    const matched = await texts.executeOnEntries(
      appendingEntryProcessor('3'),
      Predicates.equal('__key', 'c'),
    );
    expect(matched).toEqual([['c', 'z3']]);
    const all = await texts.executeOnEntries(identifiedEntryProcessor('reset'));
    expect(new Map(all)).toEqual(
      new Map([
        ['a', 'x12'],
        ['b', 'y2'],
        ['c', 'z3'],
      ]),
    );
    expect((await texts.values()).sort()).toEqual(['reset', 'reset', 'reset']);
  });

  it('rejects bad predicate arguments before anything is sent', () => {
    expect(() => Predicates.between('age', 5, undefined as unknown as number)).toThrow(/between/);
    expect(() => Predicates.paging(null, 0)).toThrow(/pageSize must be a positive integer/);
    expect(() => Predicates.greaterThan('', 1)).toThrow(/attribute/);
  });
});
