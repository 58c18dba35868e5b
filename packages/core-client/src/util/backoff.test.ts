import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

const settings = {
  initialBackoffMillis: 1000,
  maxBackoffMillis: 5000,
  multiplier: 2,
  jitter: 0,
  clusterConnectTimeoutMillis: -1,
};

describe('Backoff', () => {
  it('grows by the multiplier up to the maximum', () => {
    const backoff = new Backoff(settings);
    backoff.reset(0);
    expect([0, 1, 2, 3, 4].map(() => backoff.nextDelay(0))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(backoff.attempt).toBe(5);
  });

  it('restarts from the initial backoff after reset', () => {
    const backoff = new Backoff(settings);
    backoff.reset(0);
    backoff.nextDelay(0);
    backoff.nextDelay(0);
    backoff.reset(10);
    expect(backoff.nextDelay(10)).toBe(1000);
  });

  it('spreads each wait by at most ±jitter', () => {
    const low = new Backoff({ ...settings, jitter: 0.5 }, () => 0);
    const high = new Backoff({ ...settings, jitter: 0.5 }, () => 0.999_999);
    low.reset(0);
    high.reset(0);
    expect(low.nextDelay(0)).toBe(500);
    expect(high.nextDelay(0)).toBeCloseTo(1500, 0);
  });

  it('gives up after the cluster connect timeout and never waits past it', () => {
    const backoff = new Backoff({ ...settings, clusterConnectTimeoutMillis: 2500 });
    backoff.reset(100);
    expect(backoff.nextDelay(100)).toBe(1000);
    expect(backoff.nextDelay(1100)).toBe(1500); // 2000 would end after the deadline (2600)
    expect(backoff.nextDelay(2600)).toBeUndefined();
  });

  it('with a timeout of 0 gives up at once', () => {
    const backoff = new Backoff({ ...settings, clusterConnectTimeoutMillis: 0 });
    backoff.reset(0);
    expect(backoff.nextDelay(0)).toBeUndefined();
  });
});
