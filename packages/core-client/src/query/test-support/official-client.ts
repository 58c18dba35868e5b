// The official hazelcast-client (5.7.0), loaded only by tests as an oracle for byte compatibility.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// biome-ignore lint/suspicious/noExplicitAny: the oracle is untyped JavaScript
export type Any = any;

export interface Official {
  Predicates: Any;
  DefaultPredicates: Any;
  Aggregators: Any;
  AggregatorClasses: Any;
  PagingPredicateHolder: Any;
  /** The oracle's copy of `long`: it recognizes Longs by its own class. */
  Long: Any;
  service(): Any;
}

let loaded: Official | undefined;

export function official(): Official {
  if (loaded) return loaded;
  const { SerializationServiceV1 } = require('hazelcast-client/lib/serialization/SerializationService');
  const { SerializationConfigImpl } = require('hazelcast-client/lib/config/SerializationConfig');
  loaded = {
    Predicates: require('hazelcast-client/lib/core/Predicate'),
    DefaultPredicates: require('hazelcast-client/lib/serialization/DefaultPredicates'),
    Aggregators: require('hazelcast-client/lib/aggregation/Aggregators'),
    AggregatorClasses: require('hazelcast-client/lib/aggregation/Aggregator'),
    PagingPredicateHolder: require('hazelcast-client/lib/protocol/PagingPredicateHolder')
      .PagingPredicateHolder,
    Long: require(require.resolve('long', { paths: [require.resolve('hazelcast-client')] })),
    service: () => new SerializationServiceV1(new SerializationConfigImpl()),
  };
  return loaded;
}

/** Bytes of a value serialized by the official client, as hex. */
export function officialHex(value: unknown): string {
  return official().service().toData(value).toBuffer().toString('hex');
}
