import { describe, expect, it } from 'vitest';
import { parseDiscoveryResponse } from './cloud-discovery';

describe('parseDiscoveryResponse', () => {
  it('maps private addresses to public ones; a private address without a port takes the public port', () => {
    const map = parseDiscoveryResponse(
      JSON.stringify([
        { 'private-address': '10.0.0.1:5701', 'public-address': '54.1.2.3:31001' },
        { 'private-address': '10.0.0.2', 'public-address': '54.1.2.4:31002' },
        { 'private-address': 7 },
      ]),
    );
    expect([...map]).toEqual([
      ['10.0.0.1:5701', { host: '54.1.2.3', port: 31001 }],
      ['10.0.0.2:31002', { host: '54.1.2.4', port: 31002 }],
    ]);
  });

  it('refuses an answer that is not a JSON member list', () => {
    expect(() => parseDiscoveryResponse('<html>')).toThrow(/something other than JSON/);
    expect(() => parseDiscoveryResponse('{"a":1}')).toThrow(/without a member list/);
  });
});
