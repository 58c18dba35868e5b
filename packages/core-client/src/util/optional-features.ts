import type { ResolvedClientConfig } from '../config/resolve-config';
import type { ResolvedSslConfig } from '../config/ssl-config';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';
import type { AddressProvider } from '../network/address-provider';
import type { SocketConnector } from '../network/socket-connector';
import type { StatisticsHost, StatisticsService } from '../statistics/statistics-service';

/** The code behind `network.ssl`, `network.hazelcastCloud` and `statistics` (see features.ts). */
export interface OptionalFeatures {
  tlsConnector(ssl: ResolvedSslConfig): Promise<SocketConnector>;
  cloudDiscovery(config: ResolvedClientConfig, token: string, logger: Logger): AddressProvider;
  StatisticsService: new (host: StatisticsHost) => StatisticsService;
}

let registered: OptionalFeatures | undefined;

/** Called by the `clientFeatures` plug-in: no loading at run time. */
export function registerFeatures(features: OptionalFeatures): void {
  registered = features;
}

// Spelt at run time, so bundlers leave the import alone: a program that needs none of these features does
// not carry them.
const FEATURES_MODULE = ['@hz', 'core-client', 'features'].join('/');

/** The optional features, loaded on first use; `what` names the option that needs them in errors. */
export async function optionalFeatures(what: string): Promise<OptionalFeatures> {
  if (registered) return registered;
  try {
    const loaded = (await import(FEATURES_MODULE)) as { features: OptionalFeatures };
    registered = loaded.features;
    return registered;
  } catch (error) {
    throw new InvalidConfigurationError(
      `${what} needs ${FEATURES_MODULE}, which could not be loaded (${(error as Error).message}). A program ` +
        `bundled into one file registers it: import { clientFeatures } from '${FEATURES_MODULE}' and add ` +
        'plugins: [clientFeatures] to the client config',
      { cause: error },
    );
  }
}
