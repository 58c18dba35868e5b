import { InvalidConfigurationError } from '../errors/hazelcast-error';
import { checkKeys, fail, isPlainObject } from './validate';

/** Gives the token to send, per connection (Python's TokenProvider): a string is sent as its UTF-8 bytes. */
export interface TokenProvider {
  token(address: {
    readonly host: string;
    readonly port: number;
  }): string | Uint8Array | Promise<string | Uint8Array>;
}

/** A token (official Node.js client shape): ASCII text, or BASE64 for binary tokens. */
export interface TokenCredentials {
  token: string;
  encoding?: 'ASCII' | 'BASE64';
}

export interface SecurityConfig {
  usernamePassword?: { username: string; password: string };
  token?: TokenCredentials;
  tokenProvider?: TokenProvider;
  /**
   * Your own credentials object, sent serialized (IdentifiedDataSerializable, Portable, or anything the
   * member can read without a schema from the client; Compact cannot be: see the README).
   */
  custom?: unknown;
}

export interface ResolvedSecurityConfig {
  readonly username: string | null;
  readonly password: string | null;
  /** The bytes of `security.token`. */
  readonly token: Buffer | null;
  readonly tokenProvider: TokenProvider | null;
  readonly custom: unknown;
}

export function resolveSecurity(
  value: unknown,
  path: string,
  usernamePassword: (value: unknown, path: string) => { username: string; password: string },
): ResolvedSecurityConfig {
  if (value !== undefined && !isPlainObject(value)) fail(path, 'an object', value);
  const given = (value ?? {}) as Record<string, unknown>;
  checkKeys(given, path, ['usernamePassword', 'token', 'tokenProvider', 'custom']);
  const credentials =
    given.usernamePassword === undefined
      ? { username: null, password: null }
      : usernamePassword(given.usernamePassword, `${path}.usernamePassword`);
  let token: Buffer | null = null;
  if (given.token !== undefined) {
    const at = `${path}.token`;
    if (!isPlainObject(given.token))
      fail(at, "an object { token, encoding?: 'ASCII' | 'BASE64' }", given.token);
    checkKeys(given.token, at, ['token', 'encoding']);
    const { token: text, encoding = 'ASCII' } = given.token;
    if (typeof text !== 'string' || text.length === 0) fail(`${at}.token`, 'a non-empty string', text);
    if (encoding !== 'ASCII' && encoding !== 'BASE64')
      fail(`${at}.encoding`, '"ASCII" or "BASE64"', encoding);
    if (encoding === 'BASE64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
      fail(`${at}.token`, 'base64 text', text);
    token = Buffer.from(text, encoding === 'BASE64' ? 'base64' : 'latin1');
  }
  const provider = given.tokenProvider;
  if (provider !== undefined && (!isPlainObject(provider) || typeof provider.token !== 'function')) {
    fail(`${path}.tokenProvider`, 'an object with a token(address) method', provider);
  }
  if (given.custom === null) fail(`${path}.custom`, 'a credentials object', null);
  return Object.freeze({
    ...credentials,
    token,
    tokenProvider: (provider as TokenProvider | undefined) ?? null,
    custom: given.custom === undefined ? null : given.custom,
  });
}

export interface StatisticsConfig {
  /** Send client statistics to the cluster. Default false. */
  enabled?: boolean;
  /** Seconds between two sends. Default 3. */
  periodSeconds?: number;
}

const STATISTICS_PROPERTIES = [
  'hazelcast.client.statistics.enabled',
  'hazelcast.client.statistics.period.seconds',
] as const;

/**
 * The statistics settings in force: the `statistics` section, or the older properties when only they are
 * given. Both at once is refused, since one would silently win.
 */
export function resolveStatistics(
  input: Record<string, unknown>,
  section: { readonly enabled: boolean; readonly periodSeconds: number },
  properties: {
    readonly 'hazelcast.client.statistics.enabled': boolean;
    readonly 'hazelcast.client.statistics.period.seconds': number;
  },
): { readonly enabled: boolean; readonly periodSeconds: number } {
  const given = (input.properties ?? {}) as Record<string, unknown>;
  const fromProperties = STATISTICS_PROPERTIES.filter((name) => given[name] !== undefined);
  if (fromProperties.length === 0) return section;
  if (input.statistics !== undefined) {
    throw new InvalidConfigurationError(
      `Invalid configuration: statistics and properties['${fromProperties[0]}'] say the same; give only statistics`,
    );
  }
  return Object.freeze({
    enabled: properties['hazelcast.client.statistics.enabled'],
    periodSeconds: properties['hazelcast.client.statistics.period.seconds'],
  });
}
