import {
  MapForceUnlockCodec,
  MapIsLockedCodec,
  MapLockCodec,
  MapTryLockCodec,
  MapUnlockCodec,
} from '@hz/protocol/codecs/map';
import Long from 'long';
import type { ClientContext, DataBytes } from '../client/client-context';
import { blockingTimeoutMillis, durationMillis } from './durations';
import { currentThreadId } from './lock-context';

/**
 * Lock requests carry a reference id that stays the same across retries of one call, so a retried lock or
 * unlock is recognised by the member instead of being applied twice.
 */
let nextReferenceId = 1;
const referenceId = () => Long.fromNumber(nextReferenceId++);

/** -1 lease: held until unlocked. */
const NO_LEASE = Long.fromInt(-1);

export async function lock(
  context: ClientContext,
  name: string,
  key: DataBytes,
  leaseMillis?: number | bigint,
): Promise<void> {
  const lease = leaseMillis === undefined ? NO_LEASE : durationMillis(leaseMillis, 'leaseTime');
  const request = MapLockCodec.encodeRequest(name, key, currentThreadId(), lease, referenceId());
  // A lock may wait for another owner as long as it takes: no invocation timeout.
  await context.invokeOnKey(request, key, false, Number.MAX_SAFE_INTEGER);
}

export async function tryLock(
  context: ClientContext,
  name: string,
  key: DataBytes,
  timeoutMillis = 0,
  leaseMillis?: number | bigint,
): Promise<boolean> {
  const timeout = durationMillis(timeoutMillis, 'timeout');
  const lease = leaseMillis === undefined ? NO_LEASE : durationMillis(leaseMillis, 'leaseTime');
  const request = MapTryLockCodec.encodeRequest(name, key, currentThreadId(), lease, timeout, referenceId());
  const response = await context.invokeOnKey(request, key, false, blockingTimeoutMillis(context, timeout));
  return MapTryLockCodec.decodeResponse(response).response;
}

export async function unlock(context: ClientContext, name: string, key: DataBytes): Promise<void> {
  await context.invokeOnKey(MapUnlockCodec.encodeRequest(name, key, currentThreadId(), referenceId()), key);
}

export async function forceUnlock(context: ClientContext, name: string, key: DataBytes): Promise<void> {
  await context.invokeOnKey(MapForceUnlockCodec.encodeRequest(name, key, referenceId()), key);
}

export async function isLocked(context: ClientContext, name: string, key: DataBytes): Promise<boolean> {
  const response = await context.invokeOnKey(MapIsLockedCodec.encodeRequest(name, key), key, true);
  return MapIsLockedCodec.decodeResponse(response).response;
}
