import { type HazelcastClient, UnsupportedOperationError } from '@hz/core-client';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CPSubsystemNotAvailableError,
  getAtomicLong,
  getAtomicReference,
  getCountDownLatch,
  getFencedLock,
  getSemaphore,
} from '../src/index';
import { connect } from './helpers';

// Hazelcast Community Edition 5.7.0 has no CP Subsystem (Enterprise-only since 5.5): its members answer every
// CP request with an UnsupportedOperationException that tells the user to get an Enterprise *client*. The
// getters fail on first use with an error that says what is really the matter.
const cluster = useCluster({ members: 1, version: '5.7.0' });

let client: HazelcastClient;

beforeAll(async () => {
  client = await connect(cluster.current);
});

afterAll(async () => {
  await client?.shutdown();
});

describe('a cluster without a CP Subsystem (Community Edition 5.7.0)', () => {
  it('fails the first use of every CP structure with CPSubsystemNotAvailableError', async () => {
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['AtomicLong counter', () => getAtomicLong(client, 'counter').incrementAndGet()],
      ['AtomicReference ref@orders', () => getAtomicReference(client, 'ref@orders').get()],
      ['FencedLock lock', () => getFencedLock(client, 'lock').lock()],
      ['Semaphore permits', () => getSemaphore(client, 'permits').acquire()],
      ['CountDownLatch latch', () => getCountDownLatch(client, 'latch').countDown()],
    ];
    for (const [object, call] of calls) {
      const error = await call().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(CPSubsystemNotAvailableError);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      const { message, name } = error as Error;
      expect(name).toBe('CPSubsystemNotAvailableError');
      expect(message).toContain(
        `${object}: the CP Subsystem is not available on this cluster (its members run Hazelcast 5.7.0)`,
      );
      expect(message).toContain('Community Edition has no CP Subsystem since 5.5');
      expect(message).toContain('Community Edition 5.4 or older');
      // No Java stack trace in the message; the member's report stays available as the cause.
      expect(message).not.toMatch(/\n\s+at /);
      expect((error as Error).cause).toBeInstanceOf(UnsupportedOperationError);
    }
  });
});
