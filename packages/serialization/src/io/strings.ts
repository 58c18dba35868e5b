const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Java's `String.getBytes(UTF_8)` (what members write) turns an unpaired surrogate into `?`, while Node
 * writes U+FFFD; replacing them first keeps our bytes identical to the member's.
 */
export function javaCompatibleUtf8(value: string): string {
  // isWellFormed() is a native scan, several times faster than the regular expression; nearly every string
  // is well formed, so the replacement below almost never runs.
  if ((value as WellFormedCheck).isWellFormed()) return value;
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '?') : value;
}

/** String.prototype.isWellFormed (ES2024, Node 20+); the project's TypeScript lib is ES2023. */
type WellFormedCheck = string & { isWellFormed(): boolean };
