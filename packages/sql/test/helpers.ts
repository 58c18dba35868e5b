import { createRequire } from 'node:module';
import { type ClientConfig, getMap, HazelcastClient } from '@hz/core-client';
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import type { Cluster } from '@hz-tools/cluster';
import { expect, vi } from 'vitest';

/** The official Node.js client: a test-only oracle (devDependency), never imported by package code. */
const require = createRequire(import.meta.url);
export const official = require('hazelcast-client') as typeof import('hazelcast-client');
export type OfficialClient = import('hazelcast-client').Client;

/** Member XML registering the @hz/sql test helpers (tools/cluster/java/dev/hz/testing/sql, factory 71). */
export const SQL_HELPERS_XML = `
  <serialization>
    <data-serializable-factories>
      <data-serializable-factory factory-id="71">dev.hz.testing.sql.SqlTestingFactory</data-serializable-factory>
    </data-serializable-factories>
  </serialization>`;

export const SQL_FACTORY_ID = 71;

/** Class id 1 on the member: returns the SQL text of every light job (query) still running. */
export class RunningSqlJobs implements IdentifiedDataSerializable {
  readonly factoryId = SQL_FACTORY_ID;
  readonly classId = 1;
  readData(_input: ObjectDataInput): void {}
  writeData(_output: ObjectDataOutput): void {}
}

/** Class id 2: the value class of the 'java' format mapping tests (name, then age). */
export class SqlPerson implements IdentifiedDataSerializable {
  readonly factoryId = SQL_FACTORY_ID;
  readonly classId = 2;
  constructor(
    public name = '',
    public age = 0,
  ) {}
  readData(input: ObjectDataInput): void {
    this.name = input.readString() ?? '';
    this.age = input.readInt();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.name);
    output.writeInt(this.age);
  }
}

/** Class id 3: a value class with an OBJECT column (label, then content written as an object). */
export class SqlBox implements IdentifiedDataSerializable {
  readonly factoryId = SQL_FACTORY_ID;
  readonly classId = 3;
  constructor(
    public label: string | null = null,
    public content: unknown = null,
  ) {}
  readData(input: ObjectDataInput): void {
    this.label = input.readString();
    this.content = input.readObject();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.label);
    output.writeObject(this.content);
  }
}

const sqlFactories = {
  [SQL_FACTORY_ID]: (classId: number) =>
    classId === 2 ? new SqlPerson() : classId === 3 ? new SqlBox() : new RunningSqlJobs(),
};

/** A client of the test cluster, quiet unless something goes wrong, knowing the helper classes. */
export function connect(cluster: Cluster, config: ClientConfig = {}): Promise<HazelcastClient> {
  return HazelcastClient.newHazelcastClient({
    clusterName: cluster.name,
    ...config,
    network: { clusterMembers: cluster.addresses, ...config.network },
    serialization: {
      ...config.serialization,
      dataSerializableFactories: { ...sqlFactories, ...config.serialization?.dataSerializableFactories },
    },
    properties: { 'hazelcast.logging.level': 'ERROR', ...config.properties },
  });
}

export function connectOfficial(cluster: Cluster, config: object = {}): Promise<OfficialClient> {
  return official.Client.newHazelcastClient({
    clusterName: cluster.name,
    network: { clusterMembers: cluster.addresses },
    properties: { 'hazelcast.logging.level': 'OFF' },
    ...config,
  });
}

/**
 * The member-side view: SQL text of the queries (light jobs) the cluster still runs, read by an entry
 * processor on the member (RunningSqlJobs), through `observer` (a client other than the one under test).
 */
export async function runningQueries(observer: HazelcastClient): Promise<string[]> {
  const jobs = await getMap<string, string>(observer, '__sql_probe').executeOnKey(
    'probe',
    new RunningSqlJobs(),
  );
  return (jobs as string[] | null) ?? [];
}

/** Waits until the member runs a query whose text contains `marker` (job listings lag the submission). */
export async function waitUntilRunning(observer: HazelcastClient, marker: string): Promise<void> {
  await vi.waitFor(
    async () => expect(await runningQueries(observer)).toContainEqual(expect.stringContaining(marker)),
    { timeout: 30_000, interval: 100 },
  );
}

/** Waits until no query whose text contains `marker` runs on the member any more. */
export async function waitUntilGone(observer: HazelcastClient, marker: string): Promise<void> {
  await vi.waitFor(
    async () => expect((await runningQueries(observer)).filter((sql) => sql.includes(marker))).toEqual([]),
    { timeout: 30_000, interval: 100 },
  );
}
