import {
  MapForceUnlockCodec,
  MapIsLockedCodec,
  MapLockCodec,
  MapTryLockCodec,
  MapUnlockCodec,
} from '@hz/protocol';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import type { IllegalArgumentError } from '../errors/hazelcast-error';
import { acquireLock, type LockOptions, leaseOf, lockMillis, type TryLockOptions } from '../proxy/key-lock';
import { currentThreadId, nextLockReferenceId } from '../proxy/lock-context';

// Lock requests carry a reference id that stays the same across retries of one call, so a retried lock or
// unlock is recognised by the member instead of being applied twice (the protocol marks them retryable).

type Fail = (message: string) => IllegalArgumentError;

export async function lock(
  host: PluginHost,
  name: string,
  key: DataBytes,
  options: LockOptions | undefined,
  fail: Fail,
): Promise<void> {
  const threadId = currentThreadId();
  const request = MapLockCodec.encodeRequest(
    name,
    key,
    threadId,
    leaseOf(options?.leaseTime, fail),
    nextLockReferenceId(),
  );
  // A lock may wait for another owner as long as it takes: no invocation timeout.
  await acquireLock(
    host,
    request,
    key,
    { signal: options?.signal, timeoutMillis: Number.POSITIVE_INFINITY, what: `map ${name}` },
    () => true,
    () => unlockAs(host, name, key, threadId),
  );
}

export function tryLock(
  host: PluginHost,
  name: string,
  key: DataBytes,
  options: TryLockOptions | undefined,
  fail: Fail,
): Promise<boolean> {
  const timeout = options?.timeout === undefined ? Long.ZERO : lockMillis(options.timeout, 'timeout', fail);
  const threadId = currentThreadId();
  const lease = leaseOf(options?.leaseTime, fail);
  const request = MapTryLockCodec.encodeRequest(name, key, threadId, lease, timeout, nextLockReferenceId());
  const wait = timeout.toNumber() + host.config.properties['hazelcast.client.invocation.timeout.millis'];
  return acquireLock(
    host,
    request,
    key,
    { signal: options?.signal, timeoutMillis: wait, what: `map ${name}` },
    (response) => MapTryLockCodec.decodeResponse(response).response,
    () => unlockAs(host, name, key, threadId),
  );
}

export async function unlock(host: PluginHost, name: string, key: DataBytes): Promise<void> {
  await unlockAs(host, name, key, currentThreadId());
}

function unlockAs(host: PluginHost, name: string, key: DataBytes, threadId: Long) {
  return host.invokeOnKey(MapUnlockCodec.encodeRequest(name, key, threadId, nextLockReferenceId()), key);
}

export async function forceUnlock(host: PluginHost, name: string, key: DataBytes): Promise<void> {
  await host.invokeOnKey(MapForceUnlockCodec.encodeRequest(name, key, nextLockReferenceId()), key);
}

export async function isLocked(host: PluginHost, name: string, key: DataBytes): Promise<boolean> {
  const response = await host.invokeOnKey(MapIsLockedCodec.encodeRequest(name, key), key);
  return MapIsLockedCodec.decodeResponse(response).response;
}
