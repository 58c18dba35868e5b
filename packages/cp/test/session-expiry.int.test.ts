import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HazelcastClient } from '@hz/core-client';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCountDownLatch, getFencedLock, getSemaphore } from '../src/index';
import { connect, cpXml } from './helpers';

// CP sessions end when their heartbeats stop: a process holding a FencedLock and a semaphore permit is
// frozen with SIGSTOP (its sockets stay open, it just says nothing), the cluster closes its session after the
// TTL, and another client gets the lock with a larger fence and the permit. Resumed, the frozen process learns
// that it lost the lock. The members use a short session TTL (6 s) with 1 s heartbeats.
const cluster = useCluster({
  members: 3,
  version: '5.4.0',
  cpMemberCount: 3,
  xml: cpXml(
    '<session-time-to-live-seconds>6</session-time-to-live-seconds><session-heartbeat-interval-seconds>1</session-heartbeat-interval-seconds>',
  ),
});

const fixture = fileURLToPath(new URL('./fixtures/lock-holder.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

let client: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
});

afterAll(async () => {
  await client?.shutdown();
});

/** Resolves with the first stdout line of `child` that matches `pattern`. */
function lineMatching(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`lock holder exited (${code}) before printing ${pattern}: ${output}`)),
    );
  });
}

describe('CP session expiry', () => {
  it('keeps the session of a client that holds a lock alive with heartbeats, past the TTL', async () => {
    const lock = getFencedLock(client, 'kept-alive');
    const fence = await lock.lock();
    // Let the cluster wait 9 s (longer than the 6 s TTL) while the lock is held.
    const latch = getCountDownLatch(client, 'kept-alive-clock');
    await latch.trySetCount(1);
    expect(await latch.await(9000)).toBe(false);
    expect(await lock.isLockedByCurrentThread()).toBe(true);
    const observer = await connect(cluster.current);
    try {
      expect(await getFencedLock(observer, 'kept-alive').tryLock()).toBeNull();
    } finally {
      await observer.shutdown();
    }
    expect(await lock.lock()).toBe(fence);
    await lock.unlock();
    await lock.unlock();
  });

  it('releases the lock and permit of a frozen process; another client then gets a larger fence', async () => {
    const semaphore = getSemaphore(client, 'expiring-permits');
    expect(await semaphore.init(1)).toBe(true);
    // The node binary itself (not a wrapper that forwards signals), so SIGSTOP freezes the client.
    const child = spawn(
      process.execPath,
      [
        '--conditions=@hz/source',
        '--import',
        'tsx',
        fixture,
        cluster.current.name,
        'expiring-lock',
        'expiring-permits',
        ...cluster.current.addresses,
      ],
      { cwd: packageDir, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const [, frozenFence] = await lineMatching(child, /locked (\d+)/);
      const lock = getFencedLock(client, 'expiring-lock');
      expect(await lock.isLocked()).toBe(true);
      expect(await semaphore.availablePermits()).toBe(0);

      process.kill(child.pid!, 'SIGSTOP');
      // Both wait until the cluster closes the frozen process's session (TTL 6 s without heartbeats).
      const [fence] = await Promise.all([lock.lock(), semaphore.acquire()]);
      expect(fence > BigInt(frozenFence!)).toBe(true);
      expect(await lock.isLockedByCurrentThread()).toBe(true);

      process.kill(child.pid!, 'SIGCONT');
      const unlocked = lineMatching(child, /unlock: (.*)/);
      child.stdin.write('unlock\n');
      const [, outcome] = await unlocked;
      expect(outcome).toMatch(
        /^LockOwnershipLostError: FencedLock expiring-lock: the current async context no longer holds the lock/,
      );
      expect(await exited).toBe(0);
      // The former owner's unlock changed nothing: this client still holds the lock.
      expect(await lock.getLockCount()).toBe(1);
      await lock.unlock();
      await semaphore.release();
    } finally {
      if (child.exitCode === null) {
        process.kill(child.pid!, 'SIGCONT');
        child.kill('SIGKILL');
      }
      await exited;
    }
    expect(stderr).toBe('');
  });
});
