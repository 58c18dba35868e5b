import { describe, expect, it } from 'vitest';
import { startOptions } from './cli-options';
import { DEFAULT_HAZELCAST_VERSION } from './cluster';

describe('pnpm cluster start options', () => {
  it('starts one member of the default version unless told otherwise', () => {
    expect(startOptions({})).toEqual({
      members: 1,
      version: DEFAULT_HAZELCAST_VERSION,
      jet: false,
      cpMemberCount: undefined,
    });
    expect(startOptions({ members: '3', version: '5.6.0', jet: true })).toEqual({
      members: 3,
      version: '5.6.0',
      jet: true,
      cpMemberCount: undefined,
    });
  });

  it('--cp makes every member a CP member: 3 members of 5.4.0 by default', () => {
    expect(startOptions({ cp: true })).toEqual({
      members: 3,
      version: '5.4.0',
      jet: false,
      cpMemberCount: 3,
    });
    expect(startOptions({ cp: true, members: '5', version: '5.4.0' }).cpMemberCount).toBe(5);
  });

  it('refuses a CP cluster it cannot start, saying why', () => {
    expect(() => startOptions({ cp: true, members: '2' })).toThrow(
      /--cp needs at least 3 members.*got --members 2/,
    );
    expect(() => startOptions({ cp: true, version: '5.7.0' })).toThrow(
      /--cp needs Hazelcast Community Edition 5\.4\.0 or older \(CP is Enterprise-only since 5\.5\), got --version 5\.7\.0/,
    );
    expect(() => startOptions({ members: '10' })).toThrow(
      /--members must be a whole number from 1 to 9, got "10"/,
    );
  });
});
