// Predicates, aggregators and projections: objects the member runs for IMap queries and aggregations.

export type { Aggregator } from './aggregator';
export * as Aggregators from './aggregators';
export { queryObjectFactories } from './factories';
export {
  AGGREGATOR_FACTORY_ID,
  AggregatorClassId,
  PREDICATE_FACTORY_ID,
  PROJECTION_FACTORY_ID,
  PredicateClassId,
  ProjectionClassId,
} from './ids';
export { applyAnchorList, buildPagingPredicateHolder, type ToData, type ToObject } from './paging-holder';
export type {
  BetweenPredicate,
  EqualPredicate,
  GreaterLessPredicate,
  ILikePredicate,
  InPredicate,
  LikePredicate,
  NotEqualPredicate,
  RegexPredicate,
} from './predicate/attribute-predicates';
export type {
  AndPredicate,
  FalsePredicate,
  NotPredicate,
  OrPredicate,
  TruePredicate,
} from './predicate/logical-predicates';
export {
  IterationType,
  iterationTypeId,
  type PagingAnchor,
  PagingPredicate,
} from './predicate/paging-predicate';
export { BuiltinPredicate, type Predicate } from './predicate/predicate';
export type { InstanceOfPredicate, SqlPredicate } from './predicate/text-predicates';
export * as Predicates from './predicates';
export type {
  IdentityProjection,
  MultiAttributeProjection,
  Projection,
  SingleAttributeProjection,
} from './projection';
export * as Projections from './projections';
export { DistinctValues, MapEntryResult, queryResultFactories } from './query-results';
