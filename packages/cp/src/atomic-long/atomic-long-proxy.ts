import { type Int64, type Int64Input, int64Arg } from '@hz/core-client';
import {
  AtomicLongAddAndGetCodec,
  AtomicLongAlterCodec,
  AtomicLongApplyCodec,
  AtomicLongCompareAndSetCodec,
  AtomicLongGetAndAddCodec,
  AtomicLongGetAndSetCodec,
  AtomicLongGetCodec,
} from '@hz/protocol/codecs/atomic-long';
import Long from 'long';
import type { CpState } from '../cp-plugin';
import { CpProxy } from '../cp-proxy';
import type { CpName } from '../names';
import { ATOMIC_LONG_SERVICE_NAME, type CpFunction, type IAtomicLong } from './atomic-long';

/** Which value AtomicLong.alter answers with (the member's AlterResultType). */
const OLD_VALUE = 0;
const NEW_VALUE = 1;

const ONE = /* @__PURE__ */ Long.fromInt(1);
const MINUS_ONE = /* @__PURE__ */ Long.fromInt(-1);

export class AtomicLongProxy extends CpProxy implements IAtomicLong {
  constructor(state: CpState, name: CpName) {
    super(state, ATOMIC_LONG_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'AtomicLong';
  }

  async get(): Promise<Int64> {
    const groupId = await this.groupId();
    const response = await this.invoke(AtomicLongGetCodec.encodeRequest(groupId, this.objectName));
    return this.host.int64(AtomicLongGetCodec.decodeResponse(response).response);
  }

  async set(newValue: Int64Input): Promise<void> {
    await this.getAndSet(newValue);
  }

  async getAndSet(newValue: Int64Input): Promise<Int64> {
    const value = this.#arg(newValue, 'newValue');
    const groupId = await this.groupId();
    const response = await this.invoke(
      AtomicLongGetAndSetCodec.encodeRequest(groupId, this.objectName, value),
    );
    return this.host.int64(AtomicLongGetAndSetCodec.decodeResponse(response).response);
  }

  async addAndGet(delta: Int64Input): Promise<Int64> {
    return this.#addAndGet(this.#arg(delta, 'delta'));
  }

  async getAndAdd(delta: Int64Input): Promise<Int64> {
    return this.#getAndAdd(this.#arg(delta, 'delta'));
  }

  async incrementAndGet(): Promise<Int64> {
    return this.#addAndGet(ONE);
  }

  async getAndIncrement(): Promise<Int64> {
    return this.#getAndAdd(ONE);
  }

  async decrementAndGet(): Promise<Int64> {
    return this.#addAndGet(MINUS_ONE);
  }

  async getAndDecrement(): Promise<Int64> {
    return this.#getAndAdd(MINUS_ONE);
  }

  async compareAndSet(expect: Int64Input, update: Int64Input): Promise<boolean> {
    const [expected, updated] = [this.#arg(expect, 'expect'), this.#arg(update, 'update')];
    const groupId = await this.groupId();
    const request = AtomicLongCompareAndSetCodec.encodeRequest(groupId, this.objectName, expected, updated);
    return AtomicLongCompareAndSetCodec.decodeResponse(await this.invoke(request)).response;
  }

  async alter(fn: CpFunction): Promise<void> {
    await this.#alter(fn, NEW_VALUE);
  }

  async alterAndGet(fn: CpFunction): Promise<Int64> {
    return this.host.int64(await this.#alter(fn, NEW_VALUE));
  }

  async getAndAlter(fn: CpFunction): Promise<Int64> {
    return this.host.int64(await this.#alter(fn, OLD_VALUE));
  }

  async apply<R>(fn: CpFunction): Promise<R | null> {
    const function_ = this.serverData(fn, 'function');
    const groupId = await this.groupId();
    const response = await this.invoke(
      AtomicLongApplyCodec.encodeRequest(groupId, this.objectName, function_),
    );
    return this.toObject<R>(AtomicLongApplyCodec.decodeResponse(response).response);
  }

  async #addAndGet(delta: Long): Promise<Int64> {
    const groupId = await this.groupId();
    const response = await this.invoke(
      AtomicLongAddAndGetCodec.encodeRequest(groupId, this.objectName, delta),
    );
    return this.host.int64(AtomicLongAddAndGetCodec.decodeResponse(response).response);
  }

  async #getAndAdd(delta: Long): Promise<Int64> {
    const groupId = await this.groupId();
    const response = await this.invoke(
      AtomicLongGetAndAddCodec.encodeRequest(groupId, this.objectName, delta),
    );
    return this.host.int64(AtomicLongGetAndAddCodec.decodeResponse(response).response);
  }

  async #alter(fn: CpFunction, resultType: number): Promise<Long> {
    const function_ = this.serverData(fn, 'function');
    const groupId = await this.groupId();
    const request = AtomicLongAlterCodec.encodeRequest(groupId, this.objectName, function_, resultType);
    return AtomicLongAlterCodec.decodeResponse(await this.invoke(request)).response;
  }

  #arg(value: Int64Input, what: string): Long {
    return int64Arg(value, `${this.kind} ${this.name}: ${what}`);
  }
}
