import { FlakeIdGeneratorNewIdBatchCodec } from '@hz/protocol';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClientNotActiveError,
  getFlakeIdGenerator,
  type HazelcastClient,
  InvalidConfigurationError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

const cluster = useCluster({ members: 2 });

const config = {
  flakeIdGenerators: {
    'thousand-*': { prefetchCount: 1000 },
    'hundred-*': { prefetchCount: 100 },
    'short-*': { prefetchCount: 1000, prefetchValidityMillis: 10_000 },
    'forever-*': { prefetchCount: 1000, prefetchValidityMillis: 0 },
  },
};

/** Counts the batch requests a client sends from now on. */
function countBatchRequests(client: HazelcastClient) {
  const context = clientContext(client);
  const sizes: number[] = [];
  const passthrough = context.invokeOnRandomTarget;
  vi.spyOn(context, 'invokeOnRandomTarget').mockImplementation((request, options) => {
    if (request.messageType === FlakeIdGeneratorNewIdBatchCodec.REQUEST_MESSAGE_TYPE) {
      sizes.push(FlakeIdGeneratorNewIdBatchCodec.decodeRequest(request).batchSize);
    }
    return passthrough(request, options);
  });
  return sizes;
}

describe('FlakeIdGenerator', () => {
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current, config);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('1,000 concurrent newId calls share one batch request of prefetchCount ids', async () => {
    const generator = getFlakeIdGenerator(client, 'thousand-concurrent');
    const requests = countBatchRequests(client);
    const ids = await Promise.all(Array.from({ length: 1000 }, () => generator.newId()));
    expect(requests).toEqual([1000]);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(typeof id).toBe('bigint');
      expect(id).toBeGreaterThan(0n);
      expect(id).toBeLessThan(2n ** 63n);
    }
    // Handed out in the order asked, from one batch: strictly increasing.
    for (let i = 1; i < ids.length; i++) expect(ids[i]!).toBeGreaterThan(ids[i - 1]!);
    // The batch is used up: the next id needs the next request.
    await generator.newId();
    expect(requests).toEqual([1000, 1000]);
  });

  it('with prefetchCount 100, 1,000 concurrent calls need 10 requests, one after the other', async () => {
    const generator = getFlakeIdGenerator(client, 'hundred-concurrent');
    const requests = countBatchRequests(client);
    const ids = await Promise.all(Array.from({ length: 1000 }, () => generator.newId()));
    expect(requests).toEqual(Array.from({ length: 10 }, () => 100));
    expect(new Set(ids).size).toBe(1000);
  });

  it('serves ids from the batch until it expires; prefetchValidityMillis 0 never expires', async () => {
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    const short = getFlakeIdGenerator(client, 'short-validity');
    const forever = getFlakeIdGenerator(client, 'forever-validity');
    const requests = countBatchRequests(client);
    await short.newId();
    await forever.newId();
    expect(requests).toEqual([1000, 1000]);
    clock.mockReturnValue(now + 9_999);
    await short.newId();
    expect(requests).toHaveLength(2);
    // Past the validity the unused ids of the batch are dropped and a new batch is fetched.
    clock.mockReturnValue(now + 10_000);
    await short.newId();
    expect(requests).toHaveLength(3);
    clock.mockReturnValue(now + 365 * 24 * 3600_000);
    await forever.newId();
    expect(requests).toHaveLength(3);
  });

  it('ids are unique across 4 clients and 100,000 ids, and exact as Long too', async () => {
    const clients = await Promise.all([
      connect(cluster.current),
      connect(cluster.current, { network: { smartRouting: false } }),
      connect(cluster.current, config),
      connect(cluster.current, { int64Type: 'Long' }),
    ]);
    try {
      const perClient = await Promise.all(
        clients.map(async (c) => {
          const generator = getFlakeIdGenerator(c, 'unique');
          const ids: bigint[] = [];
          for (let round = 0; round < 25; round++) {
            const batch = await Promise.all(Array.from({ length: 1000 }, () => generator.newId()));
            for (const id of batch)
              ids.push(Long.isLong(id) ? BigInt((id as unknown as Long).toString()) : id);
          }
          return ids;
        }),
      );
      const all = perClient.flat();
      expect(all).toHaveLength(100_000);
      expect(new Set(all).size).toBe(100_000);
      // Flake ids need more than 53 bits: a number would have lost the low bits.
      expect(all.some((id) => id > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true);
      expect(all.every((id) => id > 0n && id < 2n ** 63n)).toBe(true);
    } finally {
      await Promise.all(clients.map((c) => c.shutdown()));
    }
  });

  it('rejects waiting callers when the client shuts down', async () => {
    const other = await connect(cluster.current);
    const generator = getFlakeIdGenerator(other, 'shutdown');
    await other.shutdown();
    await expect(generator.newId()).rejects.toBeInstanceOf(ClientNotActiveError);
  });

  it('hands out no id of a prefetched batch once the client is shut down', async () => {
    const other = await connect(cluster.current);
    const generator = getFlakeIdGenerator(other, 'shutdown-with-batch');
    expect(typeof (await generator.newId())).toBe('bigint');
    await other.shutdown();
    await expect(generator.newId()).rejects.toThrow(
      /FlakeIdGenerator shutdown-with-batch: the client is shut down/,
    );
  });

  it('refuses an invalid generator config, naming the option', async () => {
    await expect(
      connect(cluster.current, { flakeIdGenerators: { ids: { prefetchCount: 0 } } }),
    ).rejects.toThrow(InvalidConfigurationError);
    await expect(
      connect(cluster.current, { flakeIdGenerators: { ids: { prefetchCount: 0 } } }),
    ).rejects.toThrow(
      /flakeIdGenerators\['ids'\]\.prefetchCount must be an integer in \[1, 100000\], got number 0/,
    );
    await expect(
      connect(cluster.current, { flakeIdGenerators: { ids: { prefetchValidity: 5 } as object } }),
    ).rejects.toThrow(
      /unknown option flakeIdGenerators\['ids'\]\.prefetchValidity \(did you mean flakeIdGenerators\['ids'\]\.prefetchValidityMillis\?\); known options: prefetchCount, prefetchValidityMillis/,
    );
    const ambiguous = await connect(cluster.current, { flakeIdGenerators: { 'a*': {}, '*b': {} } });
    try {
      expect(() => getFlakeIdGenerator(ambiguous, 'ab')).toThrow(InvalidConfigurationError);
    } finally {
      await ambiguous.shutdown();
    }
  });
});
