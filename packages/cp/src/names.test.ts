import { IllegalArgumentError } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { parseCpName } from './names';

describe('parseCpName', () => {
  it('splits "object@group" and leaves the default group out of the proxy name', () => {
    expect(parseCpName('AtomicLong', 'counter')).toEqual({
      proxyName: 'counter',
      objectName: 'counter',
      groupName: 'default',
    });
    expect(parseCpName('AtomicLong', ' counter @ orders ')).toEqual({
      proxyName: 'counter@orders',
      objectName: 'counter',
      groupName: 'orders',
    });
    expect(parseCpName('AtomicLong', 'counter@Default')).toEqual({
      proxyName: 'counter',
      objectName: 'counter',
      groupName: 'default',
    });
  });

  it('refuses names the members would refuse, naming the structure', () => {
    for (const [name, message] of [
      ['', /The FencedLock name must not be empty/],
      ['a@b@c', /FencedLock "a@b@c": a name carries its CP group at most once/],
      ['@g', /the object name before "@" must not be empty/],
      ['a@ ', /the CP group name after "@" must not be empty/],
      ['a@Metadata', /the METADATA CP group is internal/],
      [42, /The FencedLock name must be a string, got number/],
    ] as const) {
      expect(() => parseCpName('FencedLock', name as string)).toThrow(IllegalArgumentError);
      expect(() => parseCpName('FencedLock', name as string)).toThrow(message);
    }
  });
});
