import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { Member } from './member';
import { MemberSelectors } from './member-selectors';

const member = (uuid: string, liteMember: boolean, attributes: Record<string, string> = {}): Member => ({
  uuid,
  address: { host: '127.0.0.1', port: 5701 },
  liteMember,
  attributes,
  version: { major: 5, minor: 7, patch: 0 },
});
const data = member('data', false, { zone: 'a' });
const lite = member('lite', true, { zone: 'b', role: 'compute' });
const plain = member('plain', false);
const all = [data, lite, plain];

describe('MemberSelectors', () => {
  it('select data members, lite members and members by attribute', () => {
    expect(all.filter(MemberSelectors.DATA_MEMBER_SELECTOR)).toEqual([data, plain]);
    expect(all.filter(MemberSelectors.LITE_MEMBER_SELECTOR)).toEqual([lite]);
    expect(all.filter(MemberSelectors.attribute('zone'))).toEqual([data, lite]);
    expect(all.filter(MemberSelectors.attribute('zone', 'b'))).toEqual([lite]);
    expect(all.filter(MemberSelectors.attribute('toString'))).toEqual([]);
  });

  it('combine with and, or and not', () => {
    const { and, or, not, attribute, DATA_MEMBER_SELECTOR, LITE_MEMBER_SELECTOR } = MemberSelectors;
    expect(all.filter(and(DATA_MEMBER_SELECTOR, attribute('zone')))).toEqual([data]);
    expect(all.filter(or(LITE_MEMBER_SELECTOR, not(attribute('zone'))))).toEqual([lite, plain]);
  });

  it('refuse arguments that cannot select', () => {
    expect(() => MemberSelectors.attribute('')).toThrow(IllegalArgumentError);
    expect(() => MemberSelectors.and()).toThrow(/and needs at least one selector/);
    expect(() => MemberSelectors.or('lite' as never)).toThrow(
      /selector 0 must be a function \(member\) => boolean, got string/,
    );
  });
});
