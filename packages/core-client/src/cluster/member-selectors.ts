import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { MemberSelector } from './cluster';

/**
 * Ready-made member selectors for `getCluster().getMembers(selector)`, with the Java names, plus
 * attribute matching and combinators. A selector is just `(member) => boolean`: write your own freely.
 */
export const MemberSelectors = {
  /** Members that hold data (own partitions): every member that is not a lite member. */
  DATA_MEMBER_SELECTOR: ((member) => !member.liteMember) as MemberSelector,
  /** Lite members: they run computations and queries but own no partitions. */
  LITE_MEMBER_SELECTOR: ((member) => member.liteMember) as MemberSelector,
  /**
   * Members with the attribute `name` (from `<member-attributes>` in the member config), and with exactly
   * `value` when one is given.
   */
  attribute(name: string, value?: string): MemberSelector {
    if (typeof name !== 'string' || name.length === 0) {
      throw new IllegalArgumentError(
        `MemberSelectors.attribute: name must be a non-empty string, got ${String(name)}`,
      );
    }
    if (value !== undefined && typeof value !== 'string') {
      throw new IllegalArgumentError(
        `MemberSelectors.attribute: value must be a string, got ${typeof value}`,
      );
    }
    return (member) =>
      Object.hasOwn(member.attributes, name) && (value === undefined || member.attributes[name] === value);
  },
  /** Members every selector accepts. */
  and(...selectors: MemberSelector[]): MemberSelector {
    checkSelectors('and', selectors);
    return (member) => selectors.every((select) => select(member));
  },
  /** Members at least one selector accepts. */
  or(...selectors: MemberSelector[]): MemberSelector {
    checkSelectors('or', selectors);
    return (member) => selectors.some((select) => select(member));
  },
  /** Members the selector refuses. */
  not(selector: MemberSelector): MemberSelector {
    checkSelectors('not', [selector]);
    return (member) => !selector(member);
  },
} as const;

function checkSelectors(combinator: string, selectors: readonly unknown[]): void {
  if (selectors.length === 0) {
    throw new IllegalArgumentError(`MemberSelectors.${combinator} needs at least one selector`);
  }
  selectors.forEach((selector, index) => {
    if (typeof selector !== 'function') {
      throw new IllegalArgumentError(
        `MemberSelectors.${combinator}: selector ${index} must be a function (member) => boolean, got ${selector === null ? 'null' : typeof selector}`,
      );
    }
  });
}
