import { type Int64Input, OperationTimeoutError } from '@hz/core-client';
import { checkOptions, durationMillis } from '@hz/core-client/plugin';
import { randomUuid } from '@hz/protocol';
import {
  CountDownLatchAwaitCodec,
  CountDownLatchCountDownCodec,
  CountDownLatchGetCountCodec,
  CountDownLatchGetRoundCodec,
  CountDownLatchTrySetCountCodec,
} from '@hz/protocol/codecs/count-down-latch';
import { checkSignal, waitMillis } from '../abort';
import type { CpState } from '../cp-plugin';
import { CpProxy } from '../cp-proxy';
import type { CpName } from '../names';
import {
  COUNT_DOWN_LATCH_SERVICE_NAME,
  type ICountDownLatch,
  type LatchAwaitOptions,
} from './count-down-latch';

const AWAIT_OPTIONS = ['signal'] as const;

export class CountDownLatchProxy extends CpProxy implements ICountDownLatch {
  constructor(state: CpState, name: CpName) {
    super(state, COUNT_DOWN_LATCH_SERVICE_NAME, name);
  }

  protected get kind(): string {
    return 'CountDownLatch';
  }

  async await(timeout: Int64Input, options?: LatchAwaitOptions): Promise<boolean> {
    const where = `${this.kind} ${this.name}`;
    // The timeout is not optional (Python's await_latch(timeout) neither): undefined is an error.
    const timeoutMs =
      timeout === undefined
        ? durationMillis(timeout, `${where}: timeout`)
        : waitMillis(timeout, `${where}: timeout`);
    const signal = checkSignal(
      checkOptions(options, AWAIT_OPTIONS, `${where}.await`)?.signal,
      `${where}.await`,
    );
    const groupId = await this.groupId();
    const request = CountDownLatchAwaitCodec.encodeRequest(groupId, this.objectName, randomUuid(), timeoutMs);
    // Waits as long as the member makes it wait; an abort only stops this client from waiting.
    const response = await this.invoke(request, {
      timeoutMillis: Number.POSITIVE_INFINITY,
      ...(signal ? { signal } : {}),
    });
    return CountDownLatchAwaitCodec.decodeResponse(response).response;
  }

  async countDown(): Promise<void> {
    const groupId = await this.groupId();
    const round = CountDownLatchGetRoundCodec.decodeResponse(
      await this.invoke(CountDownLatchGetRoundCodec.encodeRequest(groupId, this.objectName)),
    ).response;
    // One invocation uid for every attempt of this call: the latch counts it down once, however often it
    // arrives (a resend after a timeout, or the invocation's own retry after a connection loss).
    const request = CountDownLatchCountDownCodec.encodeRequest(groupId, this.objectName, randomUuid(), round);
    for (;;) {
      try {
        await this.invoke(request);
        return;
      } catch (error) {
        if (!(error instanceof OperationTimeoutError) || !this.host.lifecycle.isRunning()) throw error;
      }
    }
  }

  async getCount(): Promise<number> {
    const groupId = await this.groupId();
    const response = await this.invoke(CountDownLatchGetCountCodec.encodeRequest(groupId, this.objectName));
    return CountDownLatchGetCountCodec.decodeResponse(response).response;
  }

  async trySetCount(count: number): Promise<boolean> {
    if (!Number.isInteger(count) || count <= 0 || count > 0x7fffffff) {
      throw this.illegalArgument(`count must be a whole number from 1 to 2147483647, got ${String(count)}`);
    }
    const groupId = await this.groupId();
    const response = await this.invoke(
      CountDownLatchTrySetCountCodec.encodeRequest(groupId, this.objectName, count),
    );
    return CountDownLatchTrySetCountCodec.decodeResponse(response).response;
  }
}
