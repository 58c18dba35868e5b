// Readers for every built-in predicate, aggregator and projection, so Data holding them can be turned
// back into objects (fake members, logging, tests). A client talking to real members needs only
// queryResultFactories().
import type { IdentifiedDataSerializable, IdentifiedDataSerializableFactory } from '@hz/serialization';
import { Aggregator, isAggregatorClassId } from './aggregator';
import {
  AGGREGATOR_FACTORY_ID,
  PREDICATE_FACTORY_ID,
  PROJECTION_FACTORY_ID,
  PredicateClassId,
  ProjectionClassId,
} from './ids';
import {
  BetweenPredicate,
  EqualPredicate,
  GreaterLessPredicate,
  ILikePredicate,
  InPredicate,
  LikePredicate,
  NotEqualPredicate,
  RegexPredicate,
} from './predicate/attribute-predicates';
import {
  AndPredicate,
  FalsePredicate,
  NotPredicate,
  OrPredicate,
  TruePredicate,
} from './predicate/logical-predicates';
import { PagingPredicate } from './predicate/paging-predicate';
import { InstanceOfPredicate, SqlPredicate } from './predicate/text-predicates';
import { IdentityProjection, MultiAttributeProjection, SingleAttributeProjection } from './projection';
import { queryResultFactories } from './query-results';

function predicateFor(classId: number): IdentifiedDataSerializable | undefined {
  switch (classId) {
    case PredicateClassId.SQL:
      return new SqlPredicate();
    case PredicateClassId.AND:
      return new AndPredicate();
    case PredicateClassId.BETWEEN:
      return new BetweenPredicate();
    case PredicateClassId.EQUAL:
      return new EqualPredicate();
    case PredicateClassId.GREATER_LESS:
      return new GreaterLessPredicate();
    case PredicateClassId.LIKE:
      return new LikePredicate();
    case PredicateClassId.ILIKE:
      return new ILikePredicate();
    case PredicateClassId.IN:
      return new InPredicate();
    case PredicateClassId.INSTANCE_OF:
      return new InstanceOfPredicate();
    case PredicateClassId.NOT_EQUAL:
      return new NotEqualPredicate();
    case PredicateClassId.NOT:
      return new NotPredicate();
    case PredicateClassId.OR:
      return new OrPredicate();
    case PredicateClassId.REGEX:
      return new RegexPredicate();
    case PredicateClassId.FALSE:
      return new FalsePredicate();
    case PredicateClassId.TRUE:
      return new TruePredicate();
    case PredicateClassId.PAGING:
      return new PagingPredicate();
    default:
      return undefined;
  }
}

function projectionFor(classId: number): IdentifiedDataSerializable | undefined {
  switch (classId) {
    case ProjectionClassId.SINGLE_ATTRIBUTE:
      return new SingleAttributeProjection();
    case ProjectionClassId.MULTI_ATTRIBUTE:
      return new MultiAttributeProjection();
    case ProjectionClassId.IDENTITY:
      return new IdentityProjection();
    default:
      return undefined;
  }
}

/** Factories that read every built-in query object and the aggregation results. */
export function queryObjectFactories(): Record<number, IdentifiedDataSerializableFactory> {
  const results = queryResultFactories();
  const aggregationResult = results[AGGREGATOR_FACTORY_ID];
  return {
    ...results,
    [PREDICATE_FACTORY_ID]: predicateFor,
    [AGGREGATOR_FACTORY_ID]: (classId) =>
      isAggregatorClassId(classId) ? new Aggregator(classId) : aggregationResult?.(classId),
    [PROJECTION_FACTORY_ID]: projectionFor,
  };
}
