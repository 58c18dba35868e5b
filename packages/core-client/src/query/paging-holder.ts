// Map.keySetWithPagingPredicate/valuesWithPagingPredicate/entriesWithPagingPredicate send a paging
// predicate as the protocol's PagingPredicateHolder (its parts pre-serialized) rather than as one object,
// and answer with the new anchor list, which the predicate must keep for the next page.
import type { AnchorDataListHolder, PagingPredicateHolder } from '@hz/protocol';
import { HazelcastError, IllegalArgumentError } from '../errors/hazelcast-error';
import {
  type IterationType,
  iterationTypeId,
  type PagingAnchor,
  PagingPredicate,
} from './predicate/paging-predicate';

/** Serializes a value the way the map proxy does (keys, values and predicates all go through it). */
export type ToData = (value: unknown) => Buffer;
/** Deserializes; may be async (Compact data can need a schema fetched from the cluster first). */
export type ToObject = (data: Buffer) => unknown;

/**
 * Builds the holder for one paged query. `iterationType` is what the calling map method returns; it is
 * recorded on the predicate too, as Java does.
 */
export function buildPagingPredicateHolder(
  predicate: PagingPredicate,
  iterationType: IterationType,
  toData: ToData,
): PagingPredicateHolder {
  if (!(predicate instanceof PagingPredicate)) {
    throw new IllegalArgumentError('buildPagingPredicateHolder takes a PagingPredicate (Predicates.paging)');
  }
  predicate.setIterationType(iterationType);
  const anchors = predicate.getAnchorList();
  const inner = predicate.getPredicate();
  const comparator = predicate.getComparator();
  return {
    anchorDataListHolder: {
      anchorPageList: anchors.map((anchor) => anchor.page),
      anchorDataList: anchors.map((anchor): [Buffer, Buffer] => [toData(anchor.key), toData(anchor.value)]),
    },
    predicateData: inner === null ? null : toData(inner),
    comparatorData: comparator === null ? null : toData(comparator),
    pageSize: predicate.getPageSize(),
    page: predicate.getPage(),
    iterationTypeId: iterationTypeId(iterationType),
    partitionKeyData: null,
    partitionKeysData: null,
  };
}

/**
 * Stores the anchor list of a paged query's response on the predicate, replacing the old one. Resolves
 * once every anchor is deserialized; the predicate is only changed if all of them could be.
 */
export async function applyAnchorList(
  predicate: PagingPredicate,
  holder: AnchorDataListHolder,
  toObject: ToObject,
): Promise<void> {
  const { anchorPageList, anchorDataList } = holder;
  if (anchorPageList.length !== anchorDataList.length) {
    throw new HazelcastError(
      `Malformed paging response: ${anchorPageList.length} anchor pages for ${anchorDataList.length} anchor entries`,
    );
  }
  const anchors: PagingAnchor[] = await Promise.all(
    anchorDataList.map(async ([keyData, valueData], i) => ({
      page: anchorPageList[i] as number,
      key: await toObject(keyData),
      value: await toObject(valueData),
    })),
  );
  predicate.setAnchorList(anchors);
}
