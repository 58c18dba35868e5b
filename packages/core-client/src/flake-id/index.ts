import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { FLAKE_ID_GENERATOR_SERVICE_NAME, type FlakeIdGenerator } from './flake-id-generator';
import { FlakeIdGeneratorProxy } from './flake-id-generator-proxy';

const createFlakeIdGenerator = (host: PluginHost, name: string) => new FlakeIdGeneratorProxy(host, name);

/**
 * The flake id generator `name`. Its batching comes from `flakeIdGenerators` in the client config
 * (prefetchCount, prefetchValidityMillis; an ambiguous wildcard match throws InvalidConfigurationError).
 */
export function getFlakeIdGenerator(client: HazelcastClient, name: string): FlakeIdGenerator {
  return contextOf(client).proxies.getOrCreate(
    FLAKE_ID_GENERATOR_SERVICE_NAME,
    name,
    createFlakeIdGenerator,
  ) as FlakeIdGenerator;
}

export type { FlakeIdGenerator } from './flake-id-generator';
