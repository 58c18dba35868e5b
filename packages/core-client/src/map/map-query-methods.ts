import {
  type ClientMessage,
  MapAggregateCodec,
  MapAggregateWithPredicateCodec,
  MapEntriesWithPagingPredicateCodec,
  MapEntriesWithPredicateCodec,
  MapEntrySetCodec,
  MapExecuteOnAllKeysCodec,
  MapExecuteOnKeysCodec,
  MapExecuteWithPredicateCodec,
  MapKeySetCodec,
  MapKeySetWithPagingPredicateCodec,
  MapKeySetWithPredicateCodec,
  MapProjectCodec,
  MapProjectWithPredicateCodec,
  MapRemoveAllCodec,
  MapValuesCodec,
  MapValuesWithPagingPredicateCodec,
  MapValuesWithPredicateCodec,
  type PagingPredicateHolder,
} from '@hz/protocol';
import Long from 'long';
import type { ClientContext, DataBytes } from '../client/client-context';
import { ProxyBase } from '../proxy/proxy-base';
import type { Aggregator } from '../query/aggregator';
import { AGGREGATOR_FACTORY_ID, AggregatorClassId } from '../query/ids';
import { applyAnchorList, buildPagingPredicateHolder } from '../query/paging-holder';
import { PagingPredicate } from '../query/predicate/paging-predicate';
import { queryResultFactories } from '../query/query-results';
import type { ServerSideObject } from './map';

/**
 * The map's member-side query and processing methods: listings with predicates (and paging), removal by
 * predicate, entry processors over many entries, aggregations and projections. MapProxy extends it.
 */
export abstract class MapQueryMethods<K, V> extends ProxyBase {
  async keySet(predicate?: ServerSideObject): Promise<K[]> {
    const items = await this.query(
      predicate,
      'KEY',
      MapKeySetCodec,
      MapKeySetWithPredicateCodec,
      MapKeySetWithPagingPredicateCodec,
    );
    return this.toObjects<K>(items);
  }

  async values(predicate?: ServerSideObject): Promise<V[]> {
    const items = await this.query(
      predicate,
      'VALUE',
      MapValuesCodec,
      MapValuesWithPredicateCodec,
      MapValuesWithPagingPredicateCodec,
    );
    return this.toObjects<V>(items);
  }

  async entrySet(predicate?: ServerSideObject): Promise<Array<[K, V]>> {
    const entries = await this.query(
      predicate,
      'ENTRY',
      MapEntrySetCodec,
      MapEntriesWithPredicateCodec,
      MapEntriesWithPagingPredicateCodec,
    );
    return this.toEntries(entries);
  }

  async removeAll(predicate: ServerSideObject): Promise<void> {
    await this.invokeOnRandom(MapRemoveAllCodec.encodeRequest(this.name, this.predicateData(predicate)));
  }

  async executeOnKeys<R = unknown>(
    keys: Iterable<K>,
    entryProcessor: ServerSideObject,
  ): Promise<Array<[K, R]>> {
    const keyData = this.toDataList(keys, 'key');
    if (keyData.length === 0) return [];
    const processor = this.serverData(entryProcessor, 'entry processor');
    const request = MapExecuteOnKeysCodec.encodeRequest(this.name, processor, keyData);
    return this.toEntries(MapExecuteOnKeysCodec.decodeResponse(await this.invokeOnRandom(request)).response);
  }

  async executeOnEntries<R = unknown>(
    entryProcessor: ServerSideObject,
    predicate?: ServerSideObject,
  ): Promise<Array<[K, R]>> {
    const processor = this.serverData(entryProcessor, 'entry processor');
    const response =
      predicate === undefined
        ? MapExecuteOnAllKeysCodec.decodeResponse(
            await this.invokeOnRandom(MapExecuteOnAllKeysCodec.encodeRequest(this.name, processor)),
          ).response
        : MapExecuteWithPredicateCodec.decodeResponse(
            await this.invokeOnRandom(
              MapExecuteWithPredicateCodec.encodeRequest(this.name, processor, this.predicateData(predicate)),
            ),
          ).response;
    return this.toEntries(response);
  }

  async aggregate<R>(aggregator: Aggregator<R> | ServerSideObject, predicate?: ServerSideObject): Promise<R> {
    const aggregatorData = this.serverData(aggregator, 'aggregator');
    // Some results (distinct sets, maxBy/minBy entries) come back as Java IDS objects.
    (this.host as Partial<ClientContext>).addDataSerializableFactories?.(queryResultFactories());
    const response =
      predicate === undefined
        ? MapAggregateCodec.decodeResponse(
            await this.invokeOnRandom(MapAggregateCodec.encodeRequest(this.name, aggregatorData)),
          ).response
        : MapAggregateWithPredicateCodec.decodeResponse(
            await this.invokeOnRandom(
              MapAggregateWithPredicateCodec.encodeRequest(
                this.name,
                aggregatorData,
                this.predicateData(predicate),
              ),
            ),
          ).response;
    const result = await this.toObject<unknown>(response);
    // count, intSum, longSum and fixedPointSum answer with a Java long: the client's 64-bit result type.
    if (Long.isLong(result) && returnsInt64(aggregator)) return this.host.int64(result as Long) as R;
    return result as R;
  }

  async project<R>(projection: ServerSideObject, predicate?: ServerSideObject): Promise<R[]> {
    const projectionData = this.serverData(projection, 'projection');
    const response =
      predicate === undefined
        ? MapProjectCodec.decodeResponse(
            await this.invokeOnRandom(MapProjectCodec.encodeRequest(this.name, projectionData)),
          ).response
        : MapProjectWithPredicateCodec.decodeResponse(
            await this.invokeOnRandom(
              MapProjectWithPredicateCodec.encodeRequest(
                this.name,
                projectionData,
                this.predicateData(predicate),
              ),
            ),
          ).response;
    // Projections may yield null for an entry (a missing attribute): keep it as null.
    return Promise.all(response.map(async (item) => (await this.toObject<R>(item)) as R));
  }

  /** keySet, values and entrySet: all entries, those a predicate matches, or one page of a paging predicate. */
  protected async query<T>(
    predicate: ServerSideObject | undefined,
    iteration: 'KEY' | 'VALUE' | 'ENTRY',
    all: QueryCodec<T, []>,
    filtered: QueryCodec<T, [DataBytes]>,
    paged: PagedQueryCodec<T>,
  ): Promise<T[]> {
    if (predicate instanceof PagingPredicate) {
      const holder = buildPagingPredicateHolder(predicate, iteration, (value) => this.host.toData(value));
      const page = paged.decodeResponse(await this.invokeOnRandom(paged.encodeRequest(this.name, holder)));
      await applyAnchorList(predicate, page.anchorDataList, (data) => this.host.toObject(data));
      return page.response;
    }
    const request =
      predicate === undefined
        ? all.encodeRequest(this.name)
        : filtered.encodeRequest(this.name, this.predicateData(predicate));
    return (predicate === undefined ? all : filtered).decodeResponse(await this.invokeOnRandom(request))
      .response;
  }

  /** Serializes a predicate; a paging predicate only fits keySet, values and entrySet. */
  protected predicateData(predicate: ServerSideObject): DataBytes {
    if (predicate instanceof PagingPredicate) {
      throw this.illegalArgument('a paging predicate works with keySet, values and entrySet only');
    }
    return this.serverData(predicate, 'predicate');
  }
}

/** The built-in aggregators whose result is a Java long (the typed ones: `Aggregator<Int64>`). */
const INT64_AGGREGATORS: ReadonlySet<number> = new Set([
  AggregatorClassId.COUNT,
  AggregatorClassId.FIXED_POINT_SUM,
  AggregatorClassId.INT_SUM,
  AggregatorClassId.LONG_SUM,
]);

function returnsInt64(aggregator: object): boolean {
  const { factoryId, classId } = aggregator as { factoryId?: unknown; classId?: unknown };
  return factoryId === AGGREGATOR_FACTORY_ID && typeof classId === 'number' && INT64_AGGREGATORS.has(classId);
}

interface QueryCodec<T, Args extends unknown[]> {
  encodeRequest(name: string, ...args: Args): ClientMessage;
  decodeResponse(message: ClientMessage): { response: T[] };
}

interface PagedQueryCodec<T> {
  encodeRequest(name: string, holder: PagingPredicateHolder): ClientMessage;
  decodeResponse(message: ClientMessage): {
    response: T[];
    anchorDataList: Parameters<typeof applyAnchorList>[1];
  };
}
