import { InvalidConfigurationError } from '../errors/hazelcast-error';

/**
 * Small validation vocabulary for the config: each check either returns the accepted value or throws an
 * InvalidConfigurationError that names the option path and what it accepts.
 */
export function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidConfigurationError(
    `Invalid configuration: ${path} must be ${expected}, got ${describe(value)}`,
  );
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object') return `an object (${JSON.stringify(value)?.slice(0, 60)})`;
  return `${typeof value} ${String(value)}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rejects keys the section does not define, suggesting the closest known key (a typo is the usual cause). */
export function checkKeys(section: Record<string, unknown>, path: string, known: readonly string[]): void {
  for (const key of Object.keys(section)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    throw new InvalidConfigurationError(
      `Invalid configuration: unknown option ${path ? `${path}.` : ''}${key}` +
        (suggestion ? ` (did you mean ${path ? `${path}.` : ''}${suggestion}?)` : '') +
        `; known options: ${known.join(', ')}`,
    );
  }
}

export function section(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) fail(path, 'an object', value);
  return value;
}

export function optString(value: unknown, path: string, fallback: string, allowEmpty = false): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || (!allowEmpty && value.length === 0))
    fail(path, 'a non-empty string', value);
  return value;
}

export function optBoolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(path, 'true or false', value);
  return value;
}

export function optNumber(
  value: unknown,
  path: string,
  fallback: number,
  range: { min?: number; max?: number; integer?: boolean; orMinusOne?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const {
    min = Number.NEGATIVE_INFINITY,
    max = Number.POSITIVE_INFINITY,
    integer = false,
    orMinusOne = false,
  } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    ((value >= min && value <= max) || (orMinusOne && value === -1));
  if (!ok) {
    const kind = integer ? 'an integer' : 'a number';
    const bounds =
      max === Number.POSITIVE_INFINITY
        ? `>= ${min}`
        : min === Number.NEGATIVE_INFINITY
          ? `<= ${max}`
          : `in [${min}, ${max}]`;
    fail(path, `${kind} ${bounds}${orMinusOne ? ' or -1' : ''}`, value);
  }
  return value;
}

export function optChoice<T extends string>(
  value: unknown,
  path: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !choices.includes(value as T)) {
    fail(path, `one of ${choices.map((c) => `"${c}"`).join(', ')}`, value);
  }
  return value as T;
}

export function optStringArray(value: unknown, path: string, fallback: readonly string[]): string[] {
  if (value === undefined) return [...fallback];
  if (!Array.isArray(value)) fail(path, 'an array of strings', value);
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item.length === 0) fail(`${path}[${index}]`, 'a non-empty string', item);
  });
  return [...(value as string[])];
}

export function optFunctionArray<F>(value: unknown, path: string): F[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, 'an array of functions', value);
  value.forEach((item, index) => {
    if (typeof item !== 'function') fail(`${path}[${index}]`, 'a function', item);
  });
  return [...(value as F[])];
}

export function closest(key: string, known: readonly string[]): string | undefined {
  return closestBySpelling(key, known) ?? closestByUnit(key, known);
}

/** `timeToLive` → `timeToLiveSeconds`, `timeout` → `timeoutMillis`: the same name without (or with) its unit. */
function closestByUnit(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  if (lower.length < 4) return undefined;
  return known.find((candidate) => {
    const other = candidate.toLowerCase();
    return other.startsWith(lower) || (other.length >= 4 && lower.startsWith(other));
  });
}

function closestBySpelling(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
