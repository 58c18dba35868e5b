import { closest } from '../config/validate';
import { IllegalArgumentError } from '../errors/hazelcast-error';

/**
 * Checks the options object of a method call: absent (undefined or null) or an object whose keys the method
 * knows. A number or string where the options object goes (`tryLock(1000)`, the Python or Java way of
 * passing a timeout) and a misspelt key (`{ timeout }` for `{ timeoutMillis }`) would otherwise be ignored
 * without a word, and the call would do something other than what was asked.
 *
 * Returns the options, or undefined when absent. Only own enumerable keys are checked, so an options object
 * may carry `undefined` for a key it does not set.
 */
export function checkOptions<T extends object>(
  options: T | null | undefined,
  known: readonly string[],
  where: string,
): T | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new IllegalArgumentError(
      `${where}: the options must be an object { ${known.join(', ')} }, got ${describeOptions(options)}`,
    );
  }
  for (const key in options) {
    if (!known.includes(key) && Object.hasOwn(options, key)) {
      const near = nearest(key, known);
      throw new IllegalArgumentError(
        `${where}: unknown option "${key}"${near ? ` (did you mean "${near}"?)` : ''}; known options: ${known.join(', ') || 'none'}`,
      );
    }
  }
  return options;
}

function describeOptions(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}

/** The known key a misspelt or differently named one most likely meant: `timeout` → `timeoutMillis`, `tll` → `ttl`. */
function nearest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return (
    known.find((k) => {
      const candidate = k.toLowerCase();
      return candidate.startsWith(lower) || lower.startsWith(candidate) || lower.endsWith(candidate);
    }) ?? closest(key, known)
  );
}
