import { createRequire } from 'node:module';
import { type ClientConfig, HazelcastClient } from '@hz/core-client';
import type { Cluster } from '@hz-tools/cluster';

/** A client of the test cluster, quiet unless something goes wrong. */
export function connect(cluster: Cluster, config: ClientConfig = {}): Promise<HazelcastClient> {
  return HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    ...config,
    network: { clusterMembers: cluster.addresses, ...config.network },
    properties: { 'hazelcast.logging.level': 'ERROR', ...config.properties },
  });
}

// Client halves of the member-side functions in tools/cluster/java/dev/hz/testing/cp (factory id 70): same
// class ids and field order.
export const CP_FACTORY_ID = 70;

interface Output {
  writeLong(value: bigint): void;
  writeString(value: string | null): void;
}
interface Input {
  readLong(): unknown;
  readString(): string | null;
}

/** An IdentifiedDataSerializable the members know by (70, classId). */
function cpFunction(classId: number, write: (out: Output) => void = () => {}): object {
  return {
    factoryId: CP_FACTORY_ID,
    classId,
    writeData: write,
    readData(_: Input) {},
  };
}

/** AtomicLong function: value × `multiplier`. */
export const multiplyBy = (multiplier: bigint): object => cpFunction(1, (out) => out.writeLong(multiplier));
/** AtomicReference function: String(value) + `suffix` (just `suffix` for null). */
export const append = (suffix: string): object => cpFunction(2, (out) => out.writeString(suffix));
/** Either kind: the String "value=" + value. */
export const describeValue = (): object => cpFunction(3);
/** Either kind, for apply: the uuid of the member running it (a linearizable apply runs on the group's leader). */
export const localMember = (): object => cpFunction(4);

/** Member XML: the functions' factory, plus the given `<cp-subsystem>` children (the harness adds the member count). */
export function cpXml(cpSubsystem = ''): string {
  return [
    '<serialization><data-serializable-factories>',
    `<data-serializable-factory factory-id="${CP_FACTORY_ID}">dev.hz.testing.cp.CpFunctionFactory</data-serializable-factory>`,
    '</data-serializable-factories></serialization>',
    cpSubsystem ? `<cp-subsystem>${cpSubsystem}</cp-subsystem>` : '',
  ].join('\n');
}

/** The official Node.js client (a test-only oracle), loaded lazily. */
export interface OfficialClient {
  getCPSubsystem(): {
    getAtomicLong(name: string): Promise<{
      get(): Promise<{ toString(): string }>;
      addAndGet(delta: number): Promise<{ toString(): string }>;
      set(value: number): Promise<void>;
    }>;
    getAtomicReference(
      name: string,
    ): Promise<{ get(): Promise<unknown>; set(value: unknown): Promise<void> }>;
    getLock(name: string): Promise<{
      lock(): Promise<{ toString(): string }>;
      tryLock(timeout?: number): Promise<{ toString(): string } | undefined>;
      unlock(fence: unknown): Promise<void>;
      isLocked(): Promise<boolean>;
    }>;
    getSemaphore(name: string): Promise<{
      init(permits: number): Promise<boolean>;
      acquire(permits?: number): Promise<void>;
      release(permits?: number): Promise<void>;
      availablePermits(): Promise<number>;
    }>;
    getCountDownLatch(name: string): Promise<{
      trySetCount(count: number): Promise<boolean>;
      countDown(): Promise<void>;
      getCount(): Promise<number>;
      await(timeout: number): Promise<boolean>;
    }>;
  };
  shutdown(): Promise<void>;
}

export function connectOfficial(cluster: Cluster): Promise<OfficialClient> {
  const require = createRequire(import.meta.url);
  const official = require('hazelcast-client') as {
    Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
  };
  return official.Client.newHazelcastClient({
    clusterName: cluster.name,
    network: { clusterMembers: cluster.addresses },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
}
