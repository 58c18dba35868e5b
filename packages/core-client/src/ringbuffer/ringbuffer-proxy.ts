import {
  type ClientMessage,
  RingbufferAddAllCodec,
  RingbufferAddCodec,
  RingbufferCapacityCodec,
  RingbufferHeadSequenceCodec,
  RingbufferReadManyCodec,
  RingbufferReadOneCodec,
  RingbufferRemainingCapacityCodec,
  RingbufferSizeCodec,
  RingbufferTailSequenceCodec,
} from '@hz/protocol';
import type Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { ProxyBase } from '../proxy/proxy-base';
import { type Int64, type Int64Input, int64Arg } from '../util/int64';
import { checkOptions } from '../util/options';
import {
  OverflowPolicy,
  type ReadResult,
  RINGBUFFER_MAX_BATCH_SIZE,
  RINGBUFFER_SERVICE_NAME,
  type Ringbuffer,
  type RingbufferAddOptions,
  type RingbufferReadManyOptions,
  type RingbufferReadOneOptions,
} from './ringbuffer';

/** @internal A readMany answer before its items are deserialized (the reliable topic reads its own message format). */
export interface RawReadResult {
  readonly readCount: number;
  readonly items: DataBytes[];
  readonly sequences: Long[];
  readonly nextSequence: Long;
}

const WIRE_POLICY: Record<OverflowPolicy, number> = { OVERWRITE: 0, FAIL: 1 };

// The keys each options type declares, for checkOptions; `satisfies` keeps every list equal to its type.
const ADD_OPTIONS = Object.keys({ overflowPolicy: true } satisfies Record<keyof RingbufferAddOptions, true>);
const READ_ONE_OPTIONS = Object.keys({ signal: true } satisfies Record<keyof RingbufferReadOneOptions, true>);
const READ_MANY_OPTIONS = Object.keys({
  filter: true,
  signal: true,
} satisfies Record<keyof RingbufferReadManyOptions, true>);

export class RingbufferProxy<E> extends ProxyBase implements Ringbuffer<E> {
  constructor(host: PluginHost, name: string) {
    super(host, RINGBUFFER_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'Ringbuffer';
  }

  async capacity(): Promise<Int64> {
    const response = await this.#invoke(RingbufferCapacityCodec.encodeRequest(this.name));
    return this.host.int64(RingbufferCapacityCodec.decodeResponse(response).response);
  }

  async size(): Promise<Int64> {
    const response = await this.#invoke(RingbufferSizeCodec.encodeRequest(this.name));
    return this.host.int64(RingbufferSizeCodec.decodeResponse(response).response);
  }

  async tailSequence(): Promise<Int64> {
    return this.host.int64(await this.tailSequenceLong());
  }

  async headSequence(): Promise<Int64> {
    return this.host.int64(await this.headSequenceLong());
  }

  async remainingCapacity(): Promise<Int64> {
    const response = await this.#invoke(RingbufferRemainingCapacityCodec.encodeRequest(this.name));
    return this.host.int64(RingbufferRemainingCapacityCodec.decodeResponse(response).response);
  }

  async add(item: E, options?: RingbufferAddOptions): Promise<Int64> {
    if (options !== undefined) checkOptions(options, ADD_OPTIONS, `Ringbuffer ${this.name}.add`);
    const policy = this.#policy(options);
    return this.host.int64(await this.addData(this.toData(item, 'item'), policy));
  }

  async addAll(items: Iterable<E>, options?: RingbufferAddOptions): Promise<Int64> {
    if (options !== undefined) checkOptions(options, ADD_OPTIONS, `Ringbuffer ${this.name}.addAll`);
    const policy = this.#policy(options);
    return this.host.int64(await this.addAllData(this.toDataList(items, 'item'), policy));
  }

  async readOne(sequence: Int64Input, options?: RingbufferReadOneOptions): Promise<E> {
    if (options !== undefined) checkOptions(options, READ_ONE_OPTIONS, `Ringbuffer ${this.name}.readOne`);
    const wireSequence = this.#sequence(sequence, 'sequence');
    const response = await this.#invoke(RingbufferReadOneCodec.encodeRequest(this.name, wireSequence), {
      timeoutMillis: Number.POSITIVE_INFINITY,
      signal: this.#signal(options?.signal),
    });
    return (await this.toObject<E>(RingbufferReadOneCodec.decodeResponse(response).response)) as E;
  }

  async readMany(
    startSequence: Int64Input,
    minCount: number,
    maxCount: number,
    options?: RingbufferReadManyOptions,
  ): Promise<ReadResult<E>> {
    if (options !== undefined) checkOptions(options, READ_MANY_OPTIONS, `Ringbuffer ${this.name}.readMany`);
    const start = this.#sequence(startSequence, 'startSequence');
    this.#checkCounts(minCount, maxCount);
    const filter =
      options?.filter === undefined || options.filter === null
        ? null
        : this.serverData(options.filter, 'filter');
    const raw = await this.readManyData(start, minCount, maxCount, filter, this.#signal(options?.signal));
    return {
      readCount: raw.readCount,
      items: await this.toObjects<E>(raw.items),
      sequences: raw.sequences.map((s) => this.host.int64(s)),
      nextSequenceToReadFrom: this.host.int64(raw.nextSequence),
    };
  }

  /** @internal The tail as the wire gives it. */
  async tailSequenceLong(): Promise<Long> {
    const response = await this.#invoke(RingbufferTailSequenceCodec.encodeRequest(this.name));
    return RingbufferTailSequenceCodec.decodeResponse(response).response;
  }

  /** @internal The head as the wire gives it. */
  async headSequenceLong(): Promise<Long> {
    const response = await this.#invoke(RingbufferHeadSequenceCodec.encodeRequest(this.name));
    return RingbufferHeadSequenceCodec.decodeResponse(response).response;
  }

  /** @internal Adds one serialized item; the sequence, or -1. */
  async addData(data: DataBytes, policy: OverflowPolicy): Promise<Long> {
    const response = await this.#invoke(
      RingbufferAddCodec.encodeRequest(this.name, WIRE_POLICY[policy], data),
    );
    return RingbufferAddCodec.decodeResponse(response).response;
  }

  /** @internal Adds serialized items; the last sequence, or -1. */
  async addAllData(items: DataBytes[], policy: OverflowPolicy): Promise<Long> {
    if (items.length === 0) throw this.illegalArgument('addAll needs at least one item');
    if (items.length > RINGBUFFER_MAX_BATCH_SIZE) {
      throw this.illegalArgument(
        `addAll takes at most ${RINGBUFFER_MAX_BATCH_SIZE} items, got ${items.length}`,
      );
    }
    const response = await this.#invoke(
      RingbufferAddAllCodec.encodeRequest(this.name, items, WIRE_POLICY[policy]),
    );
    return RingbufferAddAllCodec.decodeResponse(response).response;
  }

  /** @internal A blocking readMany whose items stay serialized. */
  async readManyData(
    start: Long,
    minCount: number,
    maxCount: number,
    filter: DataBytes | null,
    signal?: AbortSignal,
  ): Promise<RawReadResult> {
    const request = RingbufferReadManyCodec.encodeRequest(this.name, start, minCount, maxCount, filter);
    const response = await this.#invoke(request, { timeoutMillis: Number.POSITIVE_INFINITY, signal });
    const { readCount, items, itemSeqs, nextSeq } = RingbufferReadManyCodec.decodeResponse(response);
    // Members before 3.9 sent no sequences; without a filter they are consecutive from the first item read.
    const sequences = itemSeqs ?? items.map((_, i) => nextSeq.subtract(readCount).add(i));
    // A read that found nothing (minCount 0) comes back with next sequence 0: reading again from the
    // same start is what the caller should do.
    const nextSequence = readCount === 0 && nextSeq.lessThan(start) ? start : nextSeq;
    return { readCount, items, sequences, nextSequence };
  }

  #invoke(
    request: ClientMessage,
    options?: { timeoutMillis?: number; signal?: AbortSignal },
  ): Promise<ClientMessage> {
    return this.invokeOnPartition(request, this.partitionId, options);
  }

  #policy(options: RingbufferAddOptions | undefined): OverflowPolicy {
    const policy = options?.overflowPolicy ?? OverflowPolicy.OVERWRITE;
    if (!Object.hasOwn(WIRE_POLICY, policy)) {
      throw this.illegalArgument(
        `overflowPolicy must be "OVERWRITE" or "FAIL", got ${JSON.stringify(policy) ?? String(policy)}`,
      );
    }
    return policy;
  }

  #sequence(value: Int64Input, what: string): Long {
    let sequence: Long;
    try {
      sequence = int64Arg(value, what);
    } catch (error) {
      throw this.illegalArgument((error as Error).message);
    }
    if (sequence.isNegative()) throw this.illegalArgument(`${what} must be >= 0, got ${sequence}`);
    return sequence;
  }

  #checkCounts(minCount: number, maxCount: number): void {
    if (!Number.isInteger(minCount) || minCount < 0) {
      throw this.illegalArgument(`minCount must be a whole number >= 0, got ${String(minCount)}`);
    }
    if (!Number.isInteger(maxCount) || maxCount < minCount) {
      throw this.illegalArgument(
        `maxCount must be a whole number >= minCount (${minCount}), got ${String(maxCount)}`,
      );
    }
    if (maxCount > RINGBUFFER_MAX_BATCH_SIZE) {
      throw this.illegalArgument(`maxCount must be at most ${RINGBUFFER_MAX_BATCH_SIZE}, got ${maxCount}`);
    }
  }

  #signal(signal: AbortSignal | undefined): AbortSignal | undefined {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw this.illegalArgument(`signal must be an AbortSignal, got ${String(signal)}`);
    }
    return signal;
  }
}
