import { describe, expect, it } from 'vitest';
import { addressKey, candidateAddresses } from './address';

describe('candidateAddresses', () => {
  it('uses the given port', () => {
    expect(candidateAddresses('10.1.2.3:5705')).toEqual([{ host: '10.1.2.3', port: 5705 }]);
  });

  it('tries 5701-5703 when no port is given', () => {
    expect(candidateAddresses('db.local')).toEqual([
      { host: 'db.local', port: 5701 },
      { host: 'db.local', port: 5702 },
      { host: 'db.local', port: 5703 },
    ]);
  });

  it('understands bracketed IPv6', () => {
    expect(candidateAddresses('[::1]:5701')).toEqual([{ host: '::1', port: 5701 }]);
    expect(addressKey({ host: '::1', port: 5701 })).toBe('[::1]:5701');
    expect(addressKey({ host: '127.0.0.1', port: 5701 })).toBe('127.0.0.1:5701');
  });
});
