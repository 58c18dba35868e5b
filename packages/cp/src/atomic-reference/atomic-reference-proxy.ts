import type { DataBytes } from '@hz/core-client/plugin';
import {
  AtomicRefApplyCodec,
  AtomicRefCompareAndSetCodec,
  AtomicRefContainsCodec,
  AtomicRefGetCodec,
  AtomicRefSetCodec,
} from '@hz/protocol/codecs/atomic-ref';
import type { CpFunction } from '../atomic-long/atomic-long';
import type { CpState } from '../cp-plugin';
import { CpProxy } from '../cp-proxy';
import type { CpName } from '../names';
import { ATOMIC_REFERENCE_SERVICE_NAME, type IAtomicReference } from './atomic-reference';

/** What AtomicReference.apply answers with (the member's ApplyOp.ReturnValueType). */
const NO_VALUE = 0;
const OLD_VALUE = 1;
const NEW_VALUE = 2;

export class AtomicReferenceProxy<E> extends CpProxy implements IAtomicReference<E> {
  constructor(state: CpState, name: CpName) {
    super(state, ATOMIC_REFERENCE_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'AtomicReference';
  }

  async get(): Promise<E | null> {
    const groupId = await this.groupId();
    const response = await this.invoke(AtomicRefGetCodec.encodeRequest(groupId, this.objectName));
    return this.toObject<E>(AtomicRefGetCodec.decodeResponse(response).response);
  }

  async set(newValue: E | null): Promise<void> {
    await this.#set(this.#nullable(newValue, 'newValue'), false);
  }

  async getAndSet(newValue: E | null): Promise<E | null> {
    return this.toObject<E>(await this.#set(this.#nullable(newValue, 'newValue'), true));
  }

  async compareAndSet(expect: E | null, update: E | null): Promise<boolean> {
    const [expected, updated] = [this.#nullable(expect, 'expect'), this.#nullable(update, 'update')];
    const groupId = await this.groupId();
    const request = AtomicRefCompareAndSetCodec.encodeRequest(groupId, this.objectName, expected, updated);
    return AtomicRefCompareAndSetCodec.decodeResponse(await this.invoke(request)).response;
  }

  isNull(): Promise<boolean> {
    return this.#contains(null);
  }

  async clear(): Promise<void> {
    await this.#set(null, false);
  }

  async contains(value: E | null): Promise<boolean> {
    return this.#contains(this.#nullable(value, 'value'));
  }

  async alter(fn: CpFunction): Promise<void> {
    await this.#apply(fn, NO_VALUE, true);
  }

  async alterAndGet(fn: CpFunction): Promise<E | null> {
    return this.toObject<E>(await this.#apply(fn, NEW_VALUE, true));
  }

  async getAndAlter(fn: CpFunction): Promise<E | null> {
    return this.toObject<E>(await this.#apply(fn, OLD_VALUE, true));
  }

  async apply<R>(fn: CpFunction): Promise<R | null> {
    return this.toObject<R>(await this.#apply(fn, NEW_VALUE, false));
  }

  async #set(value: DataBytes | null, returnOldValue: boolean): Promise<DataBytes | null> {
    const groupId = await this.groupId();
    const request = AtomicRefSetCodec.encodeRequest(groupId, this.objectName, value, returnOldValue);
    return AtomicRefSetCodec.decodeResponse(await this.invoke(request)).response;
  }

  async #contains(value: DataBytes | null): Promise<boolean> {
    const groupId = await this.groupId();
    const response = await this.invoke(AtomicRefContainsCodec.encodeRequest(groupId, this.objectName, value));
    return AtomicRefContainsCodec.decodeResponse(response).response;
  }

  async #apply(fn: CpFunction, returnValueType: number, alter: boolean): Promise<DataBytes | null> {
    const function_ = this.serverData(fn, 'function');
    const groupId = await this.groupId();
    const request = AtomicRefApplyCodec.encodeRequest(
      groupId,
      this.objectName,
      function_,
      returnValueType,
      alter,
    );
    return AtomicRefApplyCodec.decodeResponse(await this.invoke(request)).response;
  }

  /** A value that may be null (a reference can hold nothing); `undefined` is refused, nothing is sent. */
  #nullable(value: E | null, what: string): DataBytes | null {
    if (value === null) return null;
    if (value === undefined) {
      throw this.illegalArgument(`${what} must not be undefined (use null for "no value")`);
    }
    return this.host.toData(value);
  }
}
