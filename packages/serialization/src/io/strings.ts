const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Java's `String.getBytes(UTF_8)` (what members write) turns an unpaired surrogate into `?`, while Node
 * writes U+FFFD; replacing them first keeps our bytes identical to the member's.
 */
export function javaCompatibleUtf8(value: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATE, '?') : value;
}
