import {
  AbortError,
  type HazelcastClient,
  IllegalArgumentError,
  IllegalMonitorStateError,
  LockContext,
} from '@hz/core-client';
import { type PluginHost, pluginHost } from '@hz/core-client/plugin';
import type { ClientMessage } from '@hz/protocol';
import { CPSessionCreateSessionCodec } from '@hz/protocol/codecs/cp-session';
import { FencedLockLockCodec } from '@hz/protocol/codecs/fenced-lock';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCountDownLatch, getFencedLock, LockAcquireLimitReachedError } from '../src/index';
import { connect, connectOfficial, cpXml } from './helpers';

// FencedLock on a 3-member Hazelcast 5.4.0 cluster, all CP members. "limited-*" locks allow 2 reentrant holds.
const cluster = useCluster({
  members: 3,
  version: '5.4.0',
  cpMemberCount: 3,
  xml: cpXml(
    '<locks><fenced-lock><name>limited-*</name><lock-acquire-limit>2</lock-acquire-limit></fenced-lock></locks>',
  ),
});

let client: HazelcastClient;
let other: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
  other = await connect(cluster.current);
});

afterAll(async () => {
  await client?.shutdown();
  await other?.shutdown();
});

/** Resolves after the member has waited `millis` (a latch nobody counts down): time passes on the cluster. */
async function clusterWait(c: HazelcastClient, millis: number): Promise<void> {
  const latch = getCountDownLatch(c, `wait-${Math.random()}`);
  await latch.trySetCount(1);
  expect(await latch.await(millis)).toBe(false);
}

describe('FencedLock', () => {
  it('locks reentrantly with one fence, is seen locked by another client, and fences grow', async () => {
    const lock = getFencedLock(client, 'basic');
    const theirs = getFencedLock(other, 'basic');
    expect(await lock.isLocked()).toBe(false);
    expect(await lock.getLockCount()).toBe(0);
    const fence = await lock.lock();
    expect(typeof fence).toBe('bigint');
    expect(fence > 0n).toBe(true);
    expect(await lock.isLocked()).toBe(true);
    expect(await lock.isLockedByCurrentThread()).toBe(true);
    expect(await theirs.isLocked()).toBe(true);
    expect(await theirs.isLockedByCurrentThread()).toBe(false);
    expect(await lock.lock()).toBe(fence);
    expect(await lock.tryLock()).toBe(fence);
    expect(await lock.getLockCount()).toBe(3);
    expect(await theirs.getLockCount()).toBe(3);
    expect(await theirs.tryLock()).toBeNull();
    expect(await theirs.tryLock({ timeout: 200 })).toBeNull();
    await expect(theirs.unlock()).rejects.toThrow(IllegalMonitorStateError);
    await lock.unlock();
    await lock.unlock();
    expect(await theirs.getLockCount()).toBe(1);
    await lock.unlock();
    expect(await theirs.isLocked()).toBe(false);
    await expect(lock.unlock()).rejects.toThrow(
      /FencedLock basic: the current async context does not hold the lock/,
    );
    const next = await theirs.lock();
    expect(next > fence).toBe(true);
    await theirs.unlock();
  });

  it('treats two async contexts of one client as two owners', async () => {
    const lock = getFencedLock(client, 'contexts');
    let releaseA!: () => void;
    const aMayRelease = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aLocked!: (fence: bigint) => void;
    const aHasLock = new Promise<bigint>((resolve) => {
      aLocked = resolve;
    });
    const a = LockContext.run(async () => {
      aLocked(await lock.lock());
      await aMayRelease;
      await lock.unlock();
      return lock.isLockedByCurrentThread();
    });
    const aFence = await aHasLock;
    const b = await LockContext.run(async () => {
      expect(await lock.tryLock()).toBeNull();
      expect(await lock.isLocked()).toBe(true);
      expect(await lock.isLockedByCurrentThread()).toBe(false);
      await expect(lock.unlock()).rejects.toThrow(IllegalMonitorStateError);
      const waiting = lock.lock();
      releaseA();
      const fence = await waiting;
      expect(await lock.isLockedByCurrentThread()).toBe(true);
      expect(await lock.getLockCount()).toBe(1);
      await lock.unlock();
      return fence;
    });
    expect(await a).toBe(false);
    expect(b > aFence).toBe(true);
    // Code outside any LockContext.run is a third owner.
    expect(await lock.isLockedByCurrentThread()).toBe(false);
  });

  it('works for concurrent first calls before any session exists: one session, no two holders, growing fences', async () => {
    const fresh = await connect(cluster.current);
    try {
      const host: Pick<PluginHost, 'invokeOnRandomTarget'> = pluginHost(fresh);
      const send = host.invokeOnRandomTarget.bind(host);
      let sessionsCreated = 0;
      host.invokeOnRandomTarget = (request: ClientMessage, options) => {
        if (request.messageType === CPSessionCreateSessionCodec.REQUEST_MESSAGE_TYPE) sessionsCreated++;
        return send(request, options);
      };
      const lock = getFencedLock(fresh, 'first-calls');
      let holder: number | undefined;
      const fences: bigint[] = [];
      await Promise.all(
        Array.from({ length: 8 }, (_, owner) =>
          LockContext.run(async () => {
            for (let round = 0; round < 5; round++) {
              const fence = await lock.lock();
              expect(holder).toBeUndefined();
              holder = owner;
              fences.push(fence);
              await lock.isLockedByCurrentThread();
              holder = undefined;
              await lock.unlock();
            }
          }),
        ),
      );
      expect(fences.length).toBe(40);
      expect(fences.every((fence, i) => i === 0 || fence > fences[i - 1]!)).toBe(true);
      expect(sessionsCreated).toBe(1);
    } finally {
      await fresh.shutdown();
    }
  });

  it('waits longer than the invocation timeout for lock and tryLock', async () => {
    const patient = await connect(cluster.current, {
      properties: { 'hazelcast.client.invocation.timeout.millis': 1000 },
    });
    try {
      const held = getFencedLock(other, 'patient');
      const lock = getFencedLock(patient, 'patient');
      const holderFence = await held.lock();
      expect(await lock.tryLock({ timeout: 2500 })).toBeNull();
      const waiting = lock.lock();
      await clusterWait(other, 2000);
      await held.unlock();
      expect((await waiting) > holderFence).toBe(true);
      await lock.unlock();
    } finally {
      await patient.shutdown();
    }
  });

  it('leaves no lock held after an abort: neither a waiting call nor a grant that raced with it', async () => {
    const aborting = await connect(cluster.current);
    try {
      // Aborts the signal in `abortOnSend` as soon as a lock request is on the wire (before its answer).
      const host: Pick<PluginHost, 'invokeOnRandomTarget'> = pluginHost(aborting);
      const send = host.invokeOnRandomTarget.bind(host);
      let abortOnSend: AbortController | undefined;
      host.invokeOnRandomTarget = (request: ClientMessage, options) => {
        const sent = send(request, options);
        if (request.messageType === FencedLockLockCodec.REQUEST_MESSAGE_TYPE) abortOnSend?.abort();
        return sent;
      };
      const lock = getFencedLock(aborting, 'aborted');
      const observer = getFencedLock(other, 'aborted');
      await observer.lock();
      await LockContext.run(async () => {
        // Aborted while waiting: the call is withdrawn from the lock's queue.
        const controller = new AbortController();
        const waiting = lock.lock({ signal: controller.signal });
        await clusterWait(aborting, 200);
        controller.abort();
        await expect(waiting).rejects.toThrow(AbortError);
        // This owner's next call runs after the abort's clean-up.
        expect(await lock.isLockedByCurrentThread()).toBe(false);
      });
      await observer.unlock();
      expect(await observer.isLocked()).toBe(false);
      expect(await observer.tryLock()).not.toBeNull();
      await observer.unlock();

      await LockContext.run(async () => {
        // Aborted once the request is sent, on a free lock: the lock is granted, and given back.
        abortOnSend = new AbortController();
        await expect(lock.lock({ signal: abortOnSend.signal })).rejects.toThrow(AbortError);
        expect(await lock.isLockedByCurrentThread()).toBe(false);
        expect(await observer.isLocked()).toBe(false);
        // An already aborted signal sends nothing.
        await expect(lock.tryLock({ signal: abortOnSend.signal })).rejects.toThrow(AbortError);
      });
      expect(await observer.tryLock()).not.toBeNull();
      await observer.unlock();
    } finally {
      await aborting.shutdown();
    }
  });

  it('stops at the reentrancy limit: lock throws, tryLock answers null', async () => {
    const lock = getFencedLock(client, 'limited-lock');
    const fence = await lock.lock();
    expect(await lock.lock()).toBe(fence);
    await expect(lock.lock()).rejects.toThrow(LockAcquireLimitReachedError);
    await expect(lock.lock()).rejects.toThrow(/FencedLock limited-lock: not acquired.*lock-acquire-limit/);
    expect(await lock.tryLock()).toBeNull();
    expect(await lock.getLockCount()).toBe(2);
    await lock.unlock();
    await lock.unlock();
    expect(await getFencedLock(other, 'limited-lock').isLocked()).toBe(false);
  });

  it('closes its CP session on shutdown: the lock is free at once for another client', async () => {
    const leaving = await connect(cluster.current);
    const fence = await getFencedLock(leaving, 'released-on-shutdown').lock();
    await leaving.shutdown();
    // Without the session closed, the lock would stay held until the session TTL (minutes) passed.
    const next = await getFencedLock(other, 'released-on-shutdown').tryLock();
    expect(next).not.toBeNull();
    expect(next! > fence).toBe(true);
    await getFencedLock(other, 'released-on-shutdown').unlock();
  });

  it('refuses bad options before sending anything', async () => {
    const lock = getFencedLock(client, 'bad-options');
    await expect(lock.tryLock({ timeout: 1.5 })).rejects.toThrow(IllegalArgumentError);
    await expect(lock.tryLock({ timeout: 1.5 })).rejects.toThrow(/FencedLock bad-options: timeout must be/);
    await expect(lock.tryLock({ timeout: Number.NaN })).rejects.toThrow(/timeout must be/);
    await expect(lock.lock({ signal: 'soon' as never })).rejects.toThrow(/signal must be an AbortSignal/);
    // The Java and Python way of passing a timeout, and a key lock() does not have: errors, not ignored.
    await expect(lock.tryLock(1000 as never)).rejects.toThrow(
      /FencedLock bad-options.tryLock: the options must be an object \{ timeout, signal \}, got number 1000/,
    );
    await expect(lock.lock({ timeout: 5 } as never)).rejects.toThrow(
      /FencedLock bad-options.lock: unknown option "timeout"; known options: signal/,
    );
    await expect(lock.tryLock({ timout: 5 } as never)).rejects.toThrow(/unknown option "timout"/);
    expect(await lock.isLocked()).toBe(false);
    // null options are absent options.
    const fence = await lock.tryLock(null as never);
    expect(fence).not.toBeNull();
    await lock.unlock();
  });

  it('tries once for a timeout of 0 or less, and waits as long as it takes for Infinity', async () => {
    const held = getFencedLock(other, 'timeouts');
    const lock = getFencedLock(client, 'timeouts');
    const holderFence = await held.lock();
    expect(await lock.tryLock({ timeout: -5 })).toBeNull();
    expect(await lock.tryLock({ timeout: -1n })).toBeNull();
    expect(await lock.tryLock({ timeout: 0 })).toBeNull();
    const waiting = lock.tryLock({ timeout: Number.POSITIVE_INFINITY });
    await clusterWait(other, 500);
    await held.unlock();
    const fence = await waiting;
    expect(fence).not.toBeNull();
    expect(fence! > holderFence).toBe(true);
    await lock.unlock();
  });

  it('interoperates with the official Node.js client on one lock', async () => {
    const official = await connectOfficial(cluster.current);
    try {
      const theirs = await official.getCPSubsystem().getLock('interop-lock');
      const ours = getFencedLock(client, 'interop-lock');
      const theirFence = await theirs.lock();
      expect(await ours.isLocked()).toBe(true);
      expect(await ours.tryLock()).toBeNull();
      const waiting = ours.lock();
      await theirs.unlock(theirFence);
      const ourFence = await waiting;
      expect(ourFence > BigInt(theirFence.toString())).toBe(true);
      expect(await theirs.tryLock()).toBeUndefined();
      await ours.unlock();
      expect(await theirs.isLocked()).toBe(false);
    } finally {
      await official.shutdown();
    }
  });
});
