// One shape for both clients, so the load loop measures the client and not an adapter difference.
export type ClientKind = 'ours' | 'official';

export type BenchValue = unknown;

export interface BenchMap {
  set(key: string, value: BenchValue): Promise<unknown>;
  get(key: string): Promise<unknown>;
  remove(key: string): Promise<unknown>;
  putAll(entries: [string, BenchValue][]): Promise<unknown>;
  getAll(keys: string[]): Promise<unknown>;
}

export interface BenchClient {
  readonly map: BenchMap;
  shutdown(): Promise<void>;
}

export interface ConnectOptions {
  readonly clusterName: string;
  readonly addresses: readonly string[];
  readonly mapName: string;
}

/** Imported lazily so a runner process only ever loads the client it measures. */
export async function connectClient(kind: ClientKind, options: ConnectOptions): Promise<BenchClient> {
  return kind === 'ours' ? connectOurs(options) : connectOfficial(options);
}

async function connectOurs(options: ConnectOptions): Promise<BenchClient> {
  const { HazelcastClient, getMap } = await import('@hz/core-client');
  const client = await HazelcastClient.newHazelcastClient({
    clusterName: options.clusterName,
    network: { clusterMembers: [...options.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = getMap<string, BenchValue>(client, options.mapName);
  return { map, shutdown: () => client.shutdown() };
}

async function connectOfficial(options: ConnectOptions): Promise<BenchClient> {
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: options.clusterName,
    network: { clusterMembers: [...options.addresses], smartRouting: true },
    properties: { 'hazelcast.logging.level': 'ERROR' },
  });
  const map = await client.getMap<string, BenchValue>(options.mapName);
  return { map, shutdown: () => client.shutdown() };
}
