import { InvalidConfigurationError } from '../errors/hazelcast-error';

/**
 * The per-name config for `name` from a table such as `reliableTopics`, the way Hazelcast matches config
 * names: the exact name first, then the pattern with one `*` that matches the most characters of the name
 * (`news-*` matches `news-sports`; `*-sports` too; the longer literal part wins), then the `default` entry.
 * Undefined when nothing matches (the caller uses the built-in defaults). A name with a partition key
 * (`orders@key`) is matched without it. Two patterns that match equally well are an error naming both.
 */
export function configForName<T>(
  table: Readonly<Record<string, T>>,
  name: string,
  what: string,
): T | undefined {
  const at = name.indexOf('@');
  const baseName = at < 0 ? name : name.slice(0, at);
  const exact = table[baseName];
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestScore = -1;
  let tie: string | undefined;
  for (const pattern of Object.keys(table)) {
    const score = matchingPoint(pattern, baseName);
    if (score < 0) continue;
    if (score > bestScore) {
      best = pattern;
      bestScore = score;
      tie = undefined;
    } else if (score === bestScore) {
      tie = pattern;
    }
  }
  if (best !== undefined && tie !== undefined) {
    throw new InvalidConfigurationError(
      `Invalid configuration: ${what} "${name}" matches both "${best}" and "${tie}" equally well; make one of the patterns more specific`,
    );
  }
  return best !== undefined ? table[best] : table.default;
}

/** How many literal characters of `pattern` (one `*`) match `name`; -1 when it does not match. */
function matchingPoint(pattern: string, name: string): number {
  const star = pattern.indexOf('*');
  if (star < 0) return -1;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (name.length < prefix.length + suffix.length) return -1;
  if (!name.startsWith(prefix) || !name.endsWith(suffix)) return -1;
  return prefix.length + suffix.length;
}
