import { FlakeIdGeneratorNewIdBatchCodec } from '@hz/protocol';
import type Long from 'long';
import type { PluginHost } from '../client/client-context';
import { flakeIdGeneratorConfigFor } from '../config/resolve-config';
import { ClientNotActiveError } from '../errors/hazelcast-error';
import { ProxyBase } from '../proxy/proxy-base';
import type { Int64 } from '../util/int64';
import { FLAKE_ID_GENERATOR_SERVICE_NAME, type FlakeIdGenerator } from './flake-id-generator';

/** Ids fetched in one request: base, base + increment, … (`remaining` of them left). */
interface Batch {
  next: Long;
  readonly increment: Long;
  remaining: number;
  /** Date.now() after which the batch is discarded; Infinity when ids never expire. */
  readonly expiresAt: number;
}

interface Waiter {
  resolve(id: Int64): void;
  reject(error: unknown): void;
}

export class FlakeIdGeneratorProxy extends ProxyBase implements FlakeIdGenerator {
  readonly #prefetchCount: number;
  readonly #validityMillis: number;
  #batch: Batch | undefined;
  /** Callers waiting for the batch being fetched, served in the order they asked. */
  readonly #waiters: Waiter[] = [];
  #fetching = false;

  constructor(host: PluginHost, name: string) {
    super(host, FLAKE_ID_GENERATOR_SERVICE_NAME, name);
    const config = flakeIdGeneratorConfigFor(host.config, name);
    this.#prefetchCount = config.prefetchCount;
    this.#validityMillis = config.prefetchValidityMillis;
  }

  protected get kind(): string {
    return 'FlakeIdGenerator';
  }

  newId(): Promise<Int64> {
    // Ids of a prefetched batch are not handed out by a client that is shut down: like every other call.
    if (!this.host.lifecycle.isRunning()) {
      return Promise.reject(
        new ClientNotActiveError(`FlakeIdGenerator ${this.name}: the client is shut down`),
      );
    }
    // Ids of the current batch are handed out in the order asked; waiters come before new callers.
    if (this.#waiters.length === 0) {
      const id = this.#take();
      if (id !== undefined) return Promise.resolve(id);
    }
    return new Promise<Int64>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      this.#fetch();
    });
  }

  #take(): Int64 | undefined {
    const batch = this.#batch;
    if (batch === undefined) return undefined;
    if (batch.remaining === 0 || Date.now() >= batch.expiresAt) {
      this.#batch = undefined;
      return undefined;
    }
    const id = batch.next;
    batch.next = id.add(batch.increment);
    batch.remaining--;
    return this.host.int64(id);
  }

  /** Fetches batches, one request at a time, until every waiter has an id or a fetch fails. */
  #fetch(): void {
    if (this.#fetching) return;
    this.#fetching = true;
    const request = FlakeIdGeneratorNewIdBatchCodec.encodeRequest(this.name, this.#prefetchCount);
    this.invokeOnRandom(request).then(
      (response) => {
        const { base, increment, batchSize } = FlakeIdGeneratorNewIdBatchCodec.decodeResponse(response);
        this.#batch = {
          next: base,
          increment,
          remaining: batchSize,
          expiresAt:
            this.#validityMillis === 0 ? Number.POSITIVE_INFINITY : Date.now() + this.#validityMillis,
        };
        this.#fetching = false;
        this.#serve();
      },
      (error: unknown) => {
        this.#fetching = false;
        for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
      },
    );
  }

  #serve(): void {
    while (this.#waiters.length > 0) {
      const id = this.#take();
      if (id === undefined) {
        this.#fetch();
        return;
      }
      this.#waiters.shift()!.resolve(id);
    }
  }
}
