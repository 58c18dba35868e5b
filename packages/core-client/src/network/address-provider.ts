import type { ResolvedClientConfig } from '../config/resolve-config';
import { type Address, candidateAddresses } from '../util/address';

/**
 * Where the client looks for members. The default lists `network.clusterMembers` and connects to member
 * addresses as they are; Hazelcast Cloud discovery asks the coordinator and translates the members'
 * private addresses to public ones.
 */
export interface AddressProvider {
  /** Addresses to try for the first connection (and after the cluster is lost), before translation. */
  initialAddresses(): Promise<Address[]>;
  /** The address to open a connection to for a member address; undefined when there is none. */
  translate(address: Address): Promise<Address | undefined>;
}

export function configuredAddresses(config: ResolvedClientConfig): AddressProvider {
  return {
    initialAddresses: async () => config.network.clusterMembers.flatMap(candidateAddresses),
    translate: async (address) => address,
  };
}
