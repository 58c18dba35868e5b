// Data holding built-in query objects reads back as equal objects, aggregation results read as JS values,
// and corrupt bytes give HazelcastSerializationError.
import { HazelcastSerializationError, HeapData, SerializationService } from '@hz/serialization';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import * as Aggregators from './aggregators';
import { queryObjectFactories } from './factories';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId } from './ids';
import type { PagingPredicate } from './predicate/paging-predicate';
import * as Predicates from './predicates';
import * as Projections from './projections';
import {
  DistinctValues,
  LAZY_MAP_ENTRY_CLASS_ID,
  MAP_FACTORY_ID,
  MapEntryResult,
  queryResultFactories,
} from './query-results';

const service = new SerializationService({ dataSerializableFactories: queryObjectFactories() });
const roundTrip = <T>(value: T): T => service.toObject<T>(service.toData(value));

describe('round trip through queryObjectFactories', () => {
  it.each<[string, () => object]>([
    ['sql', () => Predicates.sql('a = 1')],
    ['equal', () => Predicates.equal('a', 'x')],
    ['notEqual', () => Predicates.notEqual('a', 2)],
    ['greaterEqual', () => Predicates.greaterEqual('a', 2)],
    ['lessThan', () => Predicates.lessThan('a', 'm')],
    ['between', () => Predicates.between('a', 1, 9)],
    ['like', () => Predicates.like('a', 'x%')],
    ['ilike', () => Predicates.ilike('a', 'x%')],
    ['regex', () => Predicates.regex('a', '^x')],
    ['in', () => Predicates.inPredicate('a', 1, 'two', null)],
    ['instanceOf', () => Predicates.instanceOf('java.lang.Integer')],
    [
      'and/or/not',
      () => Predicates.and(Predicates.or(Predicates.alwaysTrue()), Predicates.not(Predicates.alwaysFalse())),
    ],
    ['count', () => Aggregators.count('a')],
    ['distinct', () => Aggregators.distinct()],
    ['doubleAvg', () => Aggregators.doubleAvg('a')],
    ['maxBy', () => Aggregators.maxBy('a')],
    ['singleAttribute', () => Projections.singleAttribute('a.b')],
    ['multiAttribute', () => Projections.multiAttribute('a', 'b')],
    ['identity', () => Projections.identity()],
  ])('%s', (_name, build) => {
    const original = build();
    const copy = roundTrip(original);
    expect(copy).not.toBe(original);
    expect(copy).toBeInstanceOf(original.constructor);
    expect(copy).toEqual(original);
  });

  it('paging predicate keeps page, size, iteration type and anchors', () => {
    const original = Predicates.paging(Predicates.equal('a', 1), 3).setPage(2);
    original.setIterationType('VALUE');
    original.setAnchorList([{ page: 0, key: 'k', value: 1 }]);
    const copy = roundTrip<PagingPredicate>(original);
    expect(copy.getPage()).toBe(2);
    expect(copy.getPageSize()).toBe(3);
    expect(copy.getIterationType()).toBe('VALUE');
    expect(copy.getAnchorList()).toEqual([{ page: 0, key: 'k', value: 1 }]);
    expect(copy.getPredicate()).toEqual(Predicates.equal('a', 1));
  });
});

/** Data as a member writes it: partition hash, type -2 (IDS), then the given payload. */
function memberData(
  factoryId: number,
  classId: number,
  write: (out: ReturnType<SerializationService['createOutput']>) => void,
) {
  const out = service.createOutput();
  out.writeIntBE(0);
  out.writeIntBE(-2);
  out.writeBoolean(true);
  out.writeInt(factoryId);
  out.writeInt(classId);
  write(out);
  return new HeapData(out.toBuffer());
}

describe('aggregation results (queryResultFactories)', () => {
  const client = new SerializationService({ dataSerializableFactories: queryResultFactories() });

  it('reads the distinct aggregator’s CanonicalizingHashSet as a Set of the values', () => {
    const data = memberData(AGGREGATOR_FACTORY_ID, AggregatorClassId.CANONICALIZING_SET, (out) => {
      out.writeInt(3);
      out.writeObject('a');
      out.writeObject(Long.fromNumber(7));
      out.writeObject(null);
    });
    const result = client.toObject<DistinctValues>(data);
    expect(result).toBeInstanceOf(Set);
    expect([...result]).toEqual(['a', Long.fromNumber(7), null]);
  });

  it('reads the entry maxBy/minBy return (LazyMapEntry: key, value)', () => {
    const data = memberData(MAP_FACTORY_ID, LAZY_MAP_ENTRY_CLASS_ID, (out) => {
      out.writeObject('k1');
      out.writeObject(42.5);
    });
    const entry = client.toObject<MapEntryResult>(data);
    expect(entry).toBeInstanceOf(MapEntryResult);
    expect([entry.key, entry.value]).toEqual(['k1', 42.5]);
  });

  it('a corrupt element count is a HazelcastSerializationError, not a huge allocation or hang', () => {
    const data = memberData(AGGREGATOR_FACTORY_ID, AggregatorClassId.CANONICALIZING_SET, (out) => {
      out.writeInt(0x7fffffff);
      out.writeObject('a');
    });
    expect(() => client.toObject(data)).toThrow(HazelcastSerializationError);
    const negative = memberData(AGGREGATOR_FACTORY_ID, AggregatorClassId.CANONICALIZING_SET, (out) =>
      out.writeInt(-1),
    );
    expect(() => client.toObject(negative)).toThrow(/Malformed distinct values/);
  });

  it('truncated payloads fail with HazelcastSerializationError', () => {
    const full = service.toData(Predicates.inPredicate('attr', 'one', 'two')).toBuffer();
    for (let cut = 17; cut < full.length; cut++) {
      expect(() => service.toObject(new HeapData(full.subarray(0, cut)))).toThrow(
        HazelcastSerializationError,
      );
    }
  });

  it('results are never sent back', () => {
    expect(() => client.toData(new DistinctValues())).toThrow(HazelcastSerializationError);
    expect(() => client.toData(new MapEntryResult())).toThrow(/never sent/);
  });
});
