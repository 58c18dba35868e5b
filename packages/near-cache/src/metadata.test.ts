import { uuidFromString } from '@hz/protocol';
import { describe, expect, it } from 'vitest';
import { InvalidationMetadata } from './metadata';

const U1 = uuidFromString('00000000-0000-0000-0000-000000000001');
const U2 = uuidFromString('00000000-0000-0000-0000-000000000002');

describe('invalidation metadata', () => {
  it('counts gaps in event sequences as missed invalidations', () => {
    const metadata = new InvalidationMetadata(2);
    metadata.initialize(0, U1, 10);
    metadata.observe(0, U1, 11, false);
    expect(metadata.pendingMisses).toBe(0);
    metadata.observe(0, U1, 15, false); // 12, 13, 14 missed
    expect(metadata.pendingMisses).toBe(3);
    metadata.observe(0, U1, 14, false); // late: ignored
    expect(metadata.sequences[0]).toBe(15);
    // A reconciliation reports the latest sequence: everything after ours was missed.
    metadata.observe(0, U1, 17, true);
    expect(metadata.pendingMisses).toBe(5);
    expect(metadata.missedInvalidations).toBe(5);
  });

  it('repair makes everything reserved before the latest sequence stale', () => {
    const metadata = new InvalidationMetadata(2);
    metadata.initialize(0, U1, 10);
    const epoch = metadata.epochs[0]!;
    expect(metadata.isStale(0, epoch, 10)).toBe(false);
    metadata.observe(0, U1, 13, false);
    expect(metadata.repairMisses()).toBe(1);
    expect(metadata.isStale(0, epoch, 10)).toBe(true);
    expect(metadata.isStale(0, epoch, 13)).toBe(false);
    expect(metadata.isStale(1, metadata.epochs[1]!, 0)).toBe(false); // untouched partition
    expect(metadata.pendingMisses).toBe(0);
  });

  it('a new partition UUID distrusts the partition and restarts its sequence', () => {
    const metadata = new InvalidationMetadata(1);
    metadata.initialize(0, U1, 100);
    const epoch = metadata.epochs[0]!;
    metadata.observe(0, U2, 1, false);
    expect(metadata.isStale(0, epoch, 100)).toBe(true);
    expect(metadata.sequences[0]).toBe(1);
    expect(metadata.pendingMisses).toBe(0);
    metadata.observe(0, U2, 2, false);
    expect(metadata.pendingMisses).toBe(0);
  });

  it('initialization takes what members report without counting misses', () => {
    const metadata = new InvalidationMetadata(1);
    metadata.observe(0, U1, 3, false); // an event before the initial metadata arrived
    expect(metadata.pendingMisses).toBe(2);
    metadata.initialize(0, U1, 2);
    expect(metadata.sequences[0]).toBe(3);
    expect(metadata.pendingMisses).toBe(0);
  });

  it('reset restarts every partition', () => {
    const metadata = new InvalidationMetadata(3);
    metadata.initialize(1, U1, 5);
    const epochs = [...metadata.epochs];
    metadata.reset();
    expect([...metadata.epochs]).toEqual(epochs.map((e) => e + 1));
    expect([...metadata.sequences]).toEqual([0, 0, 0]);
  });
});
