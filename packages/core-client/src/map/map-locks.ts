import {
  MapForceUnlockCodec,
  MapIsLockedCodec,
  MapLockCodec,
  MapTryLockCodec,
  MapUnlockCodec,
} from '@hz/protocol/codecs/map';
import Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import { currentThreadId, nextLockReferenceId } from '../proxy/lock-context';
import { durationMillis } from '../proxy/proxy-base';
import type { Int64Input } from '../util/int64';

/** -1 lease: held until unlocked. */
const NO_LEASE = Long.fromInt(-1);

// Lock requests carry a reference id that stays the same across retries of one call, so a retried lock or
// unlock is recognised by the member instead of being applied twice (the protocol marks them retryable).

export async function lock(
  host: PluginHost,
  name: string,
  key: DataBytes,
  leaseMillis?: Int64Input,
): Promise<void> {
  const lease = leaseMillis === undefined ? NO_LEASE : durationMillis(leaseMillis, 'leaseTime');
  const request = MapLockCodec.encodeRequest(name, key, currentThreadId(), lease, nextLockReferenceId());
  // A lock may wait for another owner as long as it takes: no invocation timeout.
  await host.invokeOnKey(request, key, { timeoutMillis: Number.POSITIVE_INFINITY });
}

export async function tryLock(
  host: PluginHost,
  name: string,
  key: DataBytes,
  timeoutMillis = 0,
  leaseMillis?: Int64Input,
): Promise<boolean> {
  const timeout = durationMillis(timeoutMillis, 'timeout');
  const lease = leaseMillis === undefined ? NO_LEASE : durationMillis(leaseMillis, 'leaseTime');
  const request = MapTryLockCodec.encodeRequest(
    name,
    key,
    currentThreadId(),
    lease,
    timeout,
    nextLockReferenceId(),
  );
  const wait = timeout.toNumber() + host.config.properties['hazelcast.client.invocation.timeout.millis'];
  const response = await host.invokeOnKey(request, key, { timeoutMillis: wait });
  return MapTryLockCodec.decodeResponse(response).response;
}

export async function unlock(host: PluginHost, name: string, key: DataBytes): Promise<void> {
  await host.invokeOnKey(
    MapUnlockCodec.encodeRequest(name, key, currentThreadId(), nextLockReferenceId()),
    key,
  );
}

export async function forceUnlock(host: PluginHost, name: string, key: DataBytes): Promise<void> {
  await host.invokeOnKey(MapForceUnlockCodec.encodeRequest(name, key, nextLockReferenceId()), key);
}

export async function isLocked(host: PluginHost, name: string, key: DataBytes): Promise<boolean> {
  const response = await host.invokeOnKey(MapIsLockedCodec.encodeRequest(name, key), key);
  return MapIsLockedCodec.decodeResponse(response).response;
}
