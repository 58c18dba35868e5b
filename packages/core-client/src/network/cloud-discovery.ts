import type { ResolvedClientConfig } from '../config/resolve-config';
import { AuthenticationError, HazelcastError } from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';
import { type Address, addressKey, candidateAddresses } from '../util/address';
import type { AddressProvider } from './address-provider';

const DISCOVERY_PATH = '/cluster/discovery?token=';

/**
 * Hazelcast Cloud discovery (`network.hazelcastCloud.discoveryToken`): the coordinator at
 * `hazelcast.client.cloud.url` lists each member's private address and the public address clients reach
 * it by. The client starts from those, and translates every member address it learns (private, in the
 * member list) to the public one, asking the coordinator again when a member is not in its last answer.
 * `node:https` and `node:tls` are loaded only by clients with a discovery token.
 */
export function cloudDiscovery(config: ResolvedClientConfig, token: string, logger: Logger): AddressProvider {
  const base = config.properties['hazelcast.client.cloud.url'].replace(/\/+$/, '');
  const url = `${base}${DISCOVERY_PATH}${encodeURIComponent(token)}`;
  const timeout = config.network.connectionTimeout;
  // The coordinator has a public certificate; a test or private coordinator's CA can be added with
  // network.ssl.sslOptions.ca (the same CA the members' certificates chain to, in practice).
  const extraCa = config.network.ssl.enabled ? config.network.ssl.sslOptions?.ca : undefined;
  let privateToPublic = new Map<string, Address>();

  const refresh = async (): Promise<Map<string, Address>> => {
    const ca =
      extraCa === undefined
        ? undefined
        : [...(await import('node:tls')).rootCertificates, ...[extraCa].flat()];
    privateToPublic = parseDiscoveryResponse(await fetchText(url, base, timeout, ca));
    logger.debug(
      'CloudDiscovery',
      `coordinator lists ${[...privateToPublic].map(([p, a]) => `${p} -> ${addressKey(a)}`).join(', ')}`,
    );
    return privateToPublic;
  };

  return {
    async initialAddresses() {
      try {
        await refresh();
      } catch (error) {
        logger.warn('CloudDiscovery', `could not load member addresses: ${(error as Error).message}`);
        // A refused token cannot get better by retrying; anything else is retried with backoff.
        if (error instanceof AuthenticationError) throw error;
      }
      return [...privateToPublic.keys()].flatMap(candidateAddresses);
    },
    async translate(address) {
      const known = privateToPublic.get(addressKey(address));
      if (known) return known;
      try {
        return (await refresh()).get(addressKey(address));
      } catch (error) {
        logger.warn('CloudDiscovery', `could not refresh member addresses: ${(error as Error).message}`);
        return undefined;
      }
    },
  };
}

/** `[{"private-address": "10.0.0.1:5701", "public-address": "54.1.2.3:31000"}, …]`; a private address without a port takes the public one's. */
export function parseDiscoveryResponse(text: string): Map<string, Address> {
  let entries: unknown;
  try {
    entries = JSON.parse(text);
  } catch {
    throw new HazelcastError(
      `Hazelcast Cloud discovery answered with something other than JSON: ${text.slice(0, 100)}`,
    );
  }
  if (!Array.isArray(entries))
    throw new HazelcastError('Hazelcast Cloud discovery answered without a member list');
  const result = new Map<string, Address>();
  for (const entry of entries) {
    const privateAddress = (entry as Record<string, unknown>)?.['private-address'];
    const publicAddress = (entry as Record<string, unknown>)?.['public-address'];
    if (typeof privateAddress !== 'string' || typeof publicAddress !== 'string') continue;
    const [publicOne] = candidateAddresses(publicAddress);
    if (!publicOne) continue;
    const privates = candidateAddresses(privateAddress);
    const privateOne =
      /:\d+$/.test(privateAddress) && privates.length === 1
        ? privates[0]!
        : { host: privates[0]?.host ?? privateAddress, port: publicOne.port };
    result.set(addressKey(privateOne), publicOne);
  }
  return result;
}

async function fetchText(
  url: string,
  base: string,
  timeoutMillis: number,
  ca: Array<string | Buffer> | undefined,
): Promise<string> {
  const { get } = await import('node:https');
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      { ...(ca ? { ca } : {}), ...(timeoutMillis > 0 ? { timeout: timeoutMillis } : {}) },
      (response) => {
        const status = response.statusCode ?? 0;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('error', reject);
        response.on('end', () => {
          if (status === 200) resolve(body);
          else if (status >= 400 && status < 500)
            reject(
              new AuthenticationError(
                `Hazelcast Cloud discovery at ${base} refused the discovery token (HTTP ${status}); check network.hazelcastCloud.discoveryToken`,
              ),
            );
          else reject(new HazelcastError(`Hazelcast Cloud discovery at ${base} answered HTTP ${status}`));
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(
        new HazelcastError(`Hazelcast Cloud discovery at ${base} did not answer within ${timeoutMillis} ms`),
      ),
    );
    request.on('error', (error) =>
      reject(
        error instanceof HazelcastError
          ? error
          : new HazelcastError(`Hazelcast Cloud discovery at ${base} failed: ${error.message}`, {
              cause: error,
            }),
      ),
    );
  });
}
