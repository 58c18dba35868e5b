// The query objects against a real member: the member must read each one and answer as Java's semantics say.
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMap, HazelcastClient, type IMap } from '../index';
import * as Aggregators from './aggregators';
import type { PagingPredicate } from './predicate/paging-predicate';
import * as Predicates from './predicates';
import * as Projections from './projections';
import { DistinctValues, MapEntryResult, queryResultFactories } from './query-results';
import {
  appendingEntryProcessor,
  ComparatorType,
  customComparator,
  identifiedEntryProcessor,
  prefixFilter,
  sampleMapInterceptor,
  TEST_FACTORY_XML,
} from './test-support/java-helpers';

const cluster = useCluster({ members: 1, xml: TEST_FACTORY_XML });

describe('query objects on a member', () => {
  let client: HazelcastClient;
  let numbers: IMap<string, number>;

  beforeAll(async () => {
    client = await HazelcastClient.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
      serialization: { dataSerializableFactories: queryResultFactories() },
      properties: { 'hazelcast.logging.level': 'ERROR' },
    });
    numbers = getMap<string, number>(client, 'query-numbers');
    for (let i = 1; i <= 6; i++) await numbers.put(`p${i}`, i * 10);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  const keys = async (predicate: object) => (await numbers.keySet(predicate)).sort();

  it('predicates select the entries Java says they match', async () => {
    expect(await keys(Predicates.greaterThan('this', 30))).toEqual(['p4', 'p5', 'p6']);
    expect(await keys(Predicates.lessEqual('this', 20))).toEqual(['p1', 'p2']);
    expect(await keys(Predicates.between('this', 20, 40))).toEqual(['p2', 'p3', 'p4']);
    expect(
      await keys(
        Predicates.and(Predicates.greaterEqual('this', 20), Predicates.not(Predicates.equal('this', 30))),
      ),
    ).toEqual(['p2', 'p4', 'p5', 'p6']);
    expect(
      await keys(Predicates.or(Predicates.lessThan('this', 15), Predicates.notEqual('this', 20))),
    ).toHaveLength(5);
    expect(await keys(Predicates.sql('this >= 50'))).toEqual(['p5', 'p6']);
    expect(await keys(Predicates.inPredicate('this', 10, 60))).toEqual(['p1', 'p6']);
    expect(await keys(Predicates.regex('__key', 'p[12]'))).toEqual(['p1', 'p2']);
    expect(await keys(Predicates.like('__key', 'p_'))).toHaveLength(6);
    expect(await keys(Predicates.ilike('__key', 'P3'))).toEqual(['p3']);
    expect(await keys(Predicates.instanceOf('java.lang.Double'))).toHaveLength(6);
    expect(await keys(Predicates.alwaysTrue())).toHaveLength(6);
    expect(await keys(Predicates.alwaysFalse())).toEqual([]);
    expect(await keys(prefixFilter('p1'))).toEqual(['p1']);
  });

  it('aggregators return Java’s results', async () => {
    expect(await numbers.aggregate(Aggregators.count())).toBe(6n);
    expect(await numbers.aggregate(Aggregators.doubleSum())).toBe(210);
    expect(await numbers.aggregate(Aggregators.doubleAvg(), Predicates.lessThan('this', 35))).toBe(20);
    expect(await numbers.aggregate(Aggregators.max())).toBe(60);
    expect(await numbers.aggregate(Aggregators.min('this'))).toBe(10);
    const distinct = await numbers.aggregate<Set<number>>(Aggregators.distinct());
    expect(distinct).toBeInstanceOf(DistinctValues);
    expect([...distinct].sort()).toEqual([10, 20, 30, 40, 50, 60]);
    const top = await numbers.aggregate<MapEntryResult<string, number>>(Aggregators.maxBy('this'));
    expect(top).toBeInstanceOf(MapEntryResult);
    expect([top.key, top.value]).toEqual(['p6', 60]);
  });

  it('projections return the attributes asked for', async () => {
    expect((await numbers.project<string>(Projections.singleAttribute('__key'))).sort()).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
    ]);
    expect(
      await numbers.project(Projections.multiAttribute('__key', 'this'), Predicates.equal('this', 20)),
    ).toEqual([['p2', 20]]);
  });

  it('the Java helpers run on the member', async () => {
    const texts = getMap<string, string>(client, 'query-texts');
    await texts.put('a', 'old');
    expect(await texts.executeOnKey('a', identifiedEntryProcessor('new'))).toBe('old');
    expect(await texts.executeOnKey('a', appendingEntryProcessor('!'))).toBe('new!');
    const id = await texts.addInterceptor(sampleMapInterceptor());
    expect(await texts.get('a')).toBe('NEW!');
    expect(await texts.removeInterceptor(id)).toBe(true);
    expect(await texts.get('a')).toBe('new!');
  });

  const keyPage = (predicate: PagingPredicate) => numbers.keySet(predicate);

  it('pages through keys in natural order, keeping the anchors the member sends', async () => {
    const paging = Predicates.paging(Predicates.greaterThan('this', 10), 2);
    expect(await keyPage(paging)).toEqual(['p2', 'p3']);
    expect(paging.getAnchorList().map((anchor) => [anchor.page, anchor.key, anchor.value])).toEqual([
      [0, 'p3', 30],
    ]);
    expect(await keyPage(paging.nextPage())).toEqual(['p4', 'p5']);
    expect(paging.getAnchorList().map((anchor) => anchor.key)).toEqual(['p3', 'p5']);
    expect(await keyPage(paging.nextPage())).toEqual(['p6']);
    expect(await keyPage(paging.nextPage())).toEqual([]);
    expect(await keyPage(paging.setPage(1))).toEqual(['p4', 'p5']);
  });

  it('pages entries with the member-side CustomComparator (value descending)', async () => {
    const paging = Predicates.paging(null, 4, customComparator(ComparatorType.BY_VALUE_DESCENDING));
    const pages = [await numbers.entrySet(paging), await numbers.entrySet(paging.nextPage())];
    expect(pages).toEqual([
      [
        ['p6', 60],
        ['p5', 50],
        ['p4', 40],
        ['p3', 30],
      ],
      [
        ['p2', 20],
        ['p1', 10],
      ],
    ]);
  });
});
