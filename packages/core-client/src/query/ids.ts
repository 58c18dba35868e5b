// Factory and class ids of the Java classes the member deserializes these objects into. They are fixed by
// Hazelcast's DataSerializerHooks (PredicateDataSerializerHook, AggregatorDataSerializerHook,
// ProjectionDataSerializerHook), so they are part of the wire format.

export const PREDICATE_FACTORY_ID = -20;

export const PredicateClassId = {
  SQL: 0,
  AND: 1,
  BETWEEN: 2,
  EQUAL: 3,
  GREATER_LESS: 4,
  LIKE: 5,
  ILIKE: 6,
  IN: 7,
  INSTANCE_OF: 8,
  NOT_EQUAL: 9,
  NOT: 10,
  OR: 11,
  REGEX: 12,
  FALSE: 13,
  TRUE: 14,
  PAGING: 15,
} as const;
export type PredicateClassId = (typeof PredicateClassId)[keyof typeof PredicateClassId];

export const AGGREGATOR_FACTORY_ID = -29;

export const AggregatorClassId = {
  COUNT: 4,
  DISTINCT: 5,
  DOUBLE_AVG: 6,
  DOUBLE_SUM: 7,
  FIXED_POINT_SUM: 8,
  FLOATING_POINT_SUM: 9,
  INT_AVG: 10,
  INT_SUM: 11,
  LONG_AVG: 12,
  LONG_SUM: 13,
  MAX: 14,
  MIN: 15,
  NUMBER_AVG: 16,
  MAX_BY: 17,
  MIN_BY: 18,
  /** Not an aggregator: the Set the distinct aggregator returns. */
  CANONICALIZING_SET: 19,
} as const;
export type AggregatorClassId = (typeof AggregatorClassId)[keyof typeof AggregatorClassId];

export const PROJECTION_FACTORY_ID = -30;

export const ProjectionClassId = {
  SINGLE_ATTRIBUTE: 0,
  MULTI_ATTRIBUTE: 1,
  IDENTITY: 2,
} as const;
export type ProjectionClassId = (typeof ProjectionClassId)[keyof typeof ProjectionClassId];
