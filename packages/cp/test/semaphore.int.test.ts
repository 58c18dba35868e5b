import { AbortError, type HazelcastClient, IllegalArgumentError, IllegalStateError } from '@hz/core-client';
import { type PluginHost, pluginHost } from '@hz/core-client/plugin';
import type { ClientMessage } from '@hz/protocol';
import { SemaphoreAcquireCodec } from '@hz/protocol/codecs/semaphore';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCountDownLatch, getSemaphore, type ISemaphore } from '../src/index';
import { connect, connectOfficial, cpXml } from './helpers';

// Semaphores on a 3-member Hazelcast 5.4.0 cluster, all CP members. "jdk-*" semaphores are sessionless
// (jdk-compatible); the others are session-aware.
const cluster = useCluster({
  members: 3,
  version: '5.4.0',
  cpMemberCount: 3,
  xml: cpXml(
    '<semaphores><semaphore><name>jdk-*</name><jdk-compatible>true</jdk-compatible></semaphore></semaphores>',
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

/** A client whose `abortOnSend` controller is aborted as soon as a semaphore acquire is on the wire. */
async function abortingClient(): Promise<{
  client: HazelcastClient;
  abortOnSend: { controller?: AbortController };
}> {
  const aborting = await connect(cluster.current);
  const host: Pick<PluginHost, 'invokeOnRandomTarget'> = pluginHost(aborting);
  const send = host.invokeOnRandomTarget.bind(host);
  const abortOnSend: { controller?: AbortController } = {};
  host.invokeOnRandomTarget = (request: ClientMessage, options) => {
    const sent = send(request, options);
    if (request.messageType === SemaphoreAcquireCodec.REQUEST_MESSAGE_TYPE) abortOnSend.controller?.abort();
    return sent;
  };
  return { client: aborting, abortOnSend };
}

describe('session-aware Semaphore', () => {
  it('offers every operation, visible to another client', async () => {
    const sem = getSemaphore(client, 'aware-methods');
    const theirs = getSemaphore(other, 'aware-methods');
    expect(await sem.availablePermits()).toBe(0);
    expect(await sem.init(3)).toBe(true);
    expect(await theirs.init(5)).toBe(false);
    expect(await theirs.availablePermits()).toBe(3);
    await sem.acquire();
    await sem.acquire({ permits: 2 });
    expect(await theirs.availablePermits()).toBe(0);
    expect(await sem.tryAcquire()).toBe(false);
    expect(await sem.tryAcquire({ permits: 1, timeout: 100 })).toBe(false);
    const waiting = theirs.acquire({ permits: 2 });
    await sem.release({ permits: 2 });
    await waiting;
    expect(await sem.availablePermits()).toBe(0);
    await theirs.release({ permits: 2 });
    expect(await sem.drainPermits()).toBe(2);
    expect(await theirs.availablePermits()).toBe(0);
    await sem.increasePermits(3);
    expect(await theirs.availablePermits()).toBe(3);
    await sem.reducePermits(5);
    expect(await theirs.availablePermits()).toBe(-2);
    await sem.increasePermits(2);
    await sem.reducePermits(0);
    expect(await sem.tryAcquire({ permits: 1, timeout: 0 })).toBe(false);
    // This client holds 1 + 2 (drained) permits; release them.
    await sem.release({ permits: 3 });
    expect(await theirs.availablePermits()).toBe(3);
  });

  it('releases only permits this client acquired', async () => {
    const sem = getSemaphore(client, 'aware-ownership');
    const stranger = await connect(cluster.current);
    try {
      expect(await sem.init(2)).toBe(true);
      await sem.acquire();
      await expect(getSemaphore(stranger, 'aware-ownership').release()).rejects.toThrow(IllegalStateError);
      await expect(getSemaphore(stranger, 'aware-ownership').release()).rejects.toThrow(
        /Semaphore aware-ownership: cannot release 1 permit\(s\): this client holds none/,
      );
      await expect(sem.release({ permits: 2 })).rejects.toThrow(IllegalStateError);
      await expect(sem.release({ permits: 2 })).rejects.toThrow(/acquired less than 2 permits/);
      expect(await sem.availablePermits()).toBe(1);
      await sem.release();
      expect(await sem.availablePermits()).toBe(2);
    } finally {
      await stranger.shutdown();
    }
  });

  it('gives the permits of a client that shuts down back (its CP session closes)', async () => {
    const leaving = await connect(cluster.current);
    expect(await getSemaphore(leaving, 'aware-shutdown').init(2)).toBe(true);
    await getSemaphore(leaving, 'aware-shutdown').acquire({ permits: 2 });
    expect(await getSemaphore(other, 'aware-shutdown').availablePermits()).toBe(0);
    await leaving.shutdown();
    expect(await getSemaphore(other, 'aware-shutdown').availablePermits()).toBe(2);
  });

  it('waits longer than the invocation timeout', async () => {
    const patient = await connect(cluster.current, {
      properties: { 'hazelcast.client.invocation.timeout.millis': 1000 },
    });
    try {
      const sem = getSemaphore(patient, 'aware-patient');
      expect(await sem.tryAcquire({ timeout: 2500 })).toBe(false);
      const waiting = sem.acquire();
      await clusterWait(other, 2000);
      await getSemaphore(other, 'aware-patient').increasePermits(1);
      await waiting;
      expect(await getSemaphore(other, 'aware-patient').availablePermits()).toBe(0);
    } finally {
      await patient.shutdown();
    }
  });
});

describe('sessionless (jdk-compatible) Semaphore', () => {
  it('offers every operation; anyone may release, and nothing is given back at shutdown', async () => {
    const sem = getSemaphore(client, 'jdk-methods');
    const theirs = getSemaphore(other, 'jdk-methods');
    expect(await sem.init(2)).toBe(true);
    await sem.acquire({ permits: 2 });
    expect(await theirs.tryAcquire()).toBe(false);
    // Released by a client that never acquired: allowed for a JDK-compatible semaphore.
    await theirs.release();
    expect(await sem.availablePermits()).toBe(1);
    const waiting = sem.acquire({ permits: 2 });
    await theirs.release();
    await waiting;
    expect(await theirs.availablePermits()).toBe(0);
    await theirs.increasePermits(4);
    expect(await sem.drainPermits()).toBe(4);
    await sem.increasePermits(1);
    await sem.reducePermits(3);
    expect(await theirs.availablePermits()).toBe(-2);
    await theirs.increasePermits(3);
    const leaving = await connect(cluster.current);
    await getSemaphore(leaving, 'jdk-methods').acquire();
    await leaving.shutdown();
    expect(await sem.availablePermits()).toBe(0);
  });
});

describe.each([
  ['session-aware', 'aware-abort'],
  ['sessionless', 'jdk-abort'],
])('an aborted acquire of a %s semaphore', (_, name) => {
  it('leaves no permits acquired: neither a waiting call nor a grant that raced with it', async () => {
    const { client: aborting, abortOnSend } = await abortingClient();
    try {
      const sem: ISemaphore = getSemaphore(aborting, name);
      const observer = getSemaphore(other, name);
      expect(await observer.init(1)).toBe(true);
      // Aborted while waiting for 2 permits: withdrawn, so the 2 permits added later stay available.
      const controller = new AbortController();
      const waiting = sem.acquire({ permits: 2, signal: controller.signal });
      await clusterWait(aborting, 200);
      controller.abort();
      await expect(waiting).rejects.toThrow(AbortError);
      await observer.increasePermits(1);
      await vi.waitFor(async () => expect(await observer.availablePermits()).toBe(2), { timeout: 20_000 });
      expect(await observer.tryAcquire({ permits: 2 })).toBe(true);
      await observer.release({ permits: 2 });

      // Aborted once the request is sent, with the permits free: granted, then released again.
      abortOnSend.controller = new AbortController();
      await expect(sem.acquire({ permits: 2, signal: abortOnSend.controller.signal })).rejects.toThrow(
        AbortError,
      );
      await vi.waitFor(async () => expect(await observer.availablePermits()).toBe(2), { timeout: 20_000 });
      await expect(sem.tryAcquire({ signal: abortOnSend.controller.signal })).rejects.toThrow(AbortError);
      // A grant that raced with the abort is released after the call rejected: wait for it as above.
      await vi.waitFor(async () => expect(await observer.availablePermits()).toBe(2), { timeout: 20_000 });
      expect(await observer.tryAcquire({ permits: 2 })).toBe(true);
    } finally {
      await aborting.shutdown();
    }
  });
});

describe('Semaphore arguments and interoperability', () => {
  it('refuses bad permit counts before sending anything', async () => {
    const sem = getSemaphore(client, 'bad-args');
    await expect(sem.init(-1)).rejects.toThrow(IllegalArgumentError);
    await expect(sem.init(-1)).rejects.toThrow(/Semaphore bad-args: permits must be a whole number from 0/);
    await expect(sem.acquire({ permits: 0 })).rejects.toThrow(/permits must be a whole number from 1/);
    await expect(sem.release({ permits: 1.5 })).rejects.toThrow(/permits must be a whole number from 1/);
    await expect(sem.reducePermits(-3)).rejects.toThrow(/reduction must be a whole number from 0/);
    await expect(sem.tryAcquire({ timeout: 2.5 })).rejects.toThrow(/timeout must be/);
    // A permit count where the options go (the Python way), and a misspelt key: errors, not one permit.
    await expect(sem.acquire(2 as never)).rejects.toThrow(
      /Semaphore bad-args.acquire: the options must be an object \{ permits, signal \}, got number 2/,
    );
    await expect(sem.release({ permit: 2 } as never)).rejects.toThrow(
      /Semaphore bad-args.release: unknown option "permit" \(did you mean "permits"\?\)/,
    );
    await expect(sem.tryAcquire({ permits: 1, timeoutMillis: 5 } as never)).rejects.toThrow(
      /unknown option "timeoutMillis"/,
    );
    // A timeout of 0 or less tries once (none are free here).
    expect(await sem.tryAcquire({ timeout: -1 })).toBe(false);
    expect(await sem.availablePermits()).toBe(0);
  });

  it('shares a semaphore with the official Node.js client', async () => {
    const official = await connectOfficial(cluster.current);
    try {
      const theirs = await official.getCPSubsystem().getSemaphore('interop-sem');
      const ours = getSemaphore(client, 'interop-sem');
      expect(await theirs.init(3)).toBe(true);
      await ours.acquire({ permits: 2 });
      expect(await theirs.availablePermits()).toBe(1);
      await theirs.acquire();
      expect(await ours.tryAcquire()).toBe(false);
      const waiting = ours.acquire();
      await theirs.release();
      await waiting;
      await ours.release({ permits: 3 });
      expect(await theirs.availablePermits()).toBe(3);
    } finally {
      await official.shutdown();
    }
  });
});
