// PagingPredicate state (page, anchors) and its PagingPredicateHolder form, checked against the official
// client's PagingPredicateHolder.of for the same predicate.
import type { AnchorDataListHolder } from '@hz/protocol';
import { HeapData, SerializationService } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import { HazelcastError, IllegalArgumentError } from '../errors/hazelcast-error';
import { applyAnchorList, buildPagingPredicateHolder } from './paging-holder';
import { IterationType } from './predicate/paging-predicate';
import * as Predicates from './predicates';
import { customComparator } from './test-support/java-helpers';
import { type Any, official } from './test-support/official-client';

const service = new SerializationService();
const toData = (value: unknown) => service.toData(value).toBuffer();
const toObject = (data: Buffer) => service.toObject(new HeapData(data));
const hexOf = (data: { toBuffer(): Buffer } | Buffer | null) =>
  data === null ? null : (Buffer.isBuffer(data) ? data : data.toBuffer()).toString('hex');

describe('page navigation', () => {
  it('moves between pages and never below page 0 (as Java)', () => {
    const paging = Predicates.paging(null, 5);
    expect(paging.getPage()).toBe(0);
    expect(paging.previousPage().getPage()).toBe(0);
    expect(paging.nextPage().nextPage().nextPage().getPage()).toBe(3);
    expect(paging.previousPage().getPage()).toBe(2);
    expect(paging.setPage(7).getPage()).toBe(7);
    expect(paging.getPageSize()).toBe(5);
  });

  it('refuses a page that is not a non-negative integer', () => {
    const paging = Predicates.paging(null, 5);
    expect(() => paging.setPage(-1)).toThrow(IllegalArgumentError);
    expect(() => paging.setPage(1.5)).toThrow(/setPage: page must be an integer >= 0, got 1.5/);
    expect(paging.getPage()).toBe(0);
  });

  it('refuses an unknown iteration type', () => {
    expect(() => Predicates.paging(null, 5).setIterationType('KEYS' as IterationType)).toThrow(
      /Unknown iteration type KEYS/,
    );
  });
});

describe('anchors', () => {
  const anchors = [
    { page: 0, key: 'k2', value: 2 },
    { page: 1, key: 'k4', value: 4 },
    { page: 2, key: 'k6', value: 6 },
  ];

  it('the anchor is the previous page’s, or the last known one when jumping ahead', () => {
    const paging = Predicates.paging(null, 2);
    expect(paging.getAnchor()).toBeNull();
    paging.setAnchorList(anchors);
    expect(paging.getAnchor()).toBeNull(); // page 0 starts from the beginning
    expect(paging.setPage(1).getAnchor()).toEqual(anchors[0]);
    expect(paging.setPage(3).getAnchor()).toEqual(anchors[2]);
    expect(paging.setPage(10).getAnchor()).toEqual(anchors[2]);
  });

  it('reset forgets the page and the anchors', () => {
    const paging = Predicates.paging(null, 2);
    paging.setAnchorList(anchors);
    paging.setPage(2).reset();
    expect(paging.getPage()).toBe(0);
    expect(paging.getAnchorList()).toEqual([]);
  });

  it('applyAnchorList replaces the anchors with the response’s, deserialized', async () => {
    const paging = Predicates.paging(null, 2);
    paging.setAnchorList([{ page: 5, key: 'old', value: 'old' }]);
    const response: AnchorDataListHolder = {
      anchorPageList: [0, 1],
      anchorDataList: [
        [toData('a'), toData({ n: 1 })],
        [toData('b'), toData(2.5)],
      ],
    };
    await applyAnchorList(paging, response, async (data) => toObject(data));
    expect(paging.getAnchorList()).toEqual([
      { page: 0, key: 'a', value: { n: 1 } },
      { page: 1, key: 'b', value: 2.5 },
    ]);
  });

  it('applyAnchorList refuses a response whose page and entry lists disagree', async () => {
    const paging = Predicates.paging(null, 2);
    const response: AnchorDataListHolder = {
      anchorPageList: [0, 1],
      anchorDataList: [[toData('a'), toData(1)]],
    };
    await expect(applyAnchorList(paging, response, toObject)).rejects.toThrow(HazelcastError);
    await expect(applyAnchorList(paging, response, toObject)).rejects.toThrow(
      /2 anchor pages for 1 anchor entries/,
    );
    expect(paging.getAnchorList()).toEqual([]);
  });

  it('anchors received for one page are sent back with the next request', async () => {
    const paging = Predicates.paging(Predicates.greaterThan('age', 1), 2);
    await applyAnchorList(
      paging,
      { anchorPageList: [0], anchorDataList: [[toData('k2'), toData(2)]] },
      toObject,
    );
    const holder = buildPagingPredicateHolder(paging.nextPage(), IterationType.KEY, toData);
    expect(holder.page).toBe(1);
    expect(holder.anchorDataListHolder.anchorPageList).toEqual([0]);
    expect(holder.anchorDataListHolder.anchorDataList.map(([k, v]) => [hexOf(k), hexOf(v)])).toEqual([
      [hexOf(toData('k2')), hexOf(toData(2))],
    ]);
  });
});

describe('buildPagingPredicateHolder matches the official client’s holder', () => {
  const O = () => official();

  it.each([
    ['KEY', 0],
    ['VALUE', 1],
    ['ENTRY', 2],
  ] as const)('iteration type %s (id %d), with comparator, page and anchors', (type, id) => {
    const mine = Predicates.paging(Predicates.like('name', 'A%'), 4, customComparator(1)).setPage(2);
    mine.setAnchorList([
      { page: 0, key: 'k4', value: 'v4' },
      { page: 1, key: 'k8', value: 'v8' },
    ]);
    const holder = buildPagingPredicateHolder(mine, type, toData);
    expect(mine.getIterationType()).toBe(type);

    const theirs: Any = O()
      .Predicates.paging(O().Predicates.like('name', 'A%'), 4, customComparator(1))
      .setPage(2);
    theirs.setAnchorList([
      [0, ['k4', 'v4']],
      [1, ['k8', 'v8']],
    ]);
    theirs.setIterationType(type);
    const reference: Any = O().PagingPredicateHolder.of(theirs, O().service());

    expect(holder.iterationTypeId).toBe(id);
    expect(holder.iterationTypeId).toBe(reference.iterationTypeId);
    expect(holder.pageSize).toBe(reference.pageSize);
    expect(holder.page).toBe(reference.page);
    expect(hexOf(holder.predicateData)).toBe(hexOf(reference.predicateData));
    expect(hexOf(holder.comparatorData)).toBe(hexOf(reference.comparatorData));
    expect(holder.anchorDataListHolder.anchorPageList).toEqual(reference.anchorDataListHolder.anchorPageList);
    expect(holder.anchorDataListHolder.anchorDataList.map((pair) => pair.map(hexOf))).toEqual(
      reference.anchorDataListHolder.anchorDataList.map((pair: Any[]) => pair.map(hexOf)),
    );
    expect(holder.partitionKeyData).toBeNull();
    expect(holder.partitionKeysData).toBeNull();
  });

  it('no inner predicate and no comparator are sent as null', () => {
    const holder = buildPagingPredicateHolder(Predicates.paging(null, 3), IterationType.ENTRY, toData);
    expect(holder.predicateData).toBeNull();
    expect(holder.comparatorData).toBeNull();
    expect(holder.anchorDataListHolder).toEqual({ anchorPageList: [], anchorDataList: [] });
  });

  it('refuses something that is not a paging predicate', () => {
    expect(() =>
      buildPagingPredicateHolder(Predicates.alwaysTrue() as never, IterationType.KEY, toData),
    ).toThrow(/takes a PagingPredicate/);
  });
});
