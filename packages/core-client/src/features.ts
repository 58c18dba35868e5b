// @hz/core-client/features: TLS (`network.ssl`), Hazelcast Cloud discovery (`network.hazelcastCloud`) and
// client statistics (`statistics`). The client loads this module on first use of one of them, so a program
// that uses none does not carry their code. A program bundled into a single file that uses one registers
// it instead: `plugins: [clientFeatures]` (then the bundle contains it, and nothing is loaded at run time).
import type { ClientPlugin } from './client/plugins';
import { cloudDiscovery } from './network/cloud-discovery';
import { tlsConnector } from './network/tls-connector';
import { StatisticsService } from './statistics/statistics-service';
import { type OptionalFeatures, registerFeatures } from './util/optional-features';

const features: OptionalFeatures = { tlsConnector, cloudDiscovery, StatisticsService };

/** @internal What the client loads on demand. */
export { features };

/** Registers TLS, Cloud discovery and statistics with the client up front (for single-file bundles). */
export const clientFeatures: ClientPlugin<void> = {
  name: 'hz:client-features',
  setup: () => registerFeatures(features),
};
