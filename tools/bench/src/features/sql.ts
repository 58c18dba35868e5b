import type { ClientKind, FeatureBenchmark, FeatureTarget, PreparedDriver } from './feature';

// SQL next to the official client, on one Jet-enabled member: small-query latency (SELECT by key, 1 and 32
// in flight) here, streaming throughput in ./sql-stream.ts. Both clients send the same statement with the
// key as a VARCHAR parameter, and iterate the one-row result to its end.

const MAP = 'bench_sql_kv';
const KEYS = 10_000;
const MAPPING = `CREATE OR REPLACE MAPPING ${MAP} (__key VARCHAR, this VARCHAR) TYPE IMap
  OPTIONS ('keyFormat'='varchar', 'valueFormat'='varchar')`;
const FILL = `SINK INTO ${MAP} SELECT 'key-' || v, 'value-' || v FROM TABLE(generate_series(0, ${KEYS - 1}))`;
const BY_KEY = `SELECT this FROM ${MAP} WHERE __key = ?`;

/** The one SQL call each client needs: run a statement and hand out its rows. */
export interface SqlRunner {
  run(sql: string, params?: unknown[]): Promise<AsyncIterable<unknown>>;
  /** A statement without rows (DDL, DML). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function connectSql(kind: ClientKind, target: FeatureTarget): Promise<SqlRunner> {
  if (kind === 'ours') {
    const { HazelcastClient } = await import('@hz/core-client');
    const { getSql } = await import('@hz/sql');
    const client = await HazelcastClient.newHazelcastClient({
      clusterName: target.clusterName,
      network: { clusterMembers: [...target.addresses] },
      properties: { 'hazelcast.logging.level': 'ERROR' },
    });
    const sql = getSql(client);
    return {
      run: (statement, params) => sql.execute(statement, params),
      exec: async (statement) => {
        await sql.execute(statement);
      },
      close: () => client.shutdown(),
    };
  }
  const { Client } = await import('hazelcast-client');
  const client = await Client.newHazelcastClient({
    clusterName: target.clusterName,
    network: { clusterMembers: [...target.addresses] },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const sql = client.getSql();
  return {
    run: (statement, params) => sql.execute(statement, params),
    exec: async (statement) => {
      await sql.execute(statement);
    },
    close: () => client.shutdown(),
  };
}

/** Runs a statement to its end; returns the number of rows. */
export async function drain(runner: SqlRunner, sql: string, params?: unknown[]): Promise<number> {
  let rows = 0;
  for await (const _row of await runner.run(sql, params)) rows++;
  return rows;
}

export const sqlBenchmark: FeatureBenchmark = {
  name: 'sql',
  cluster: { members: 1, jet: true },
  quick: [
    { name: 'select by key c=1', concurrency: 1 },
    { name: 'select by key c=32', concurrency: 32 },
  ],
  full: [
    { name: 'select by key c=1', concurrency: 1 },
    { name: 'select by key c=32', concurrency: 32 },
  ],
  async prepare(kind, target): Promise<PreparedDriver> {
    const runner = await connectSql(kind, target);
    await runner.exec(MAPPING);
    const [count] = await rowsOf(runner, `SELECT COUNT(*) AS n FROM ${MAP}`);
    if (Number(count) !== KEYS) await runner.exec(FILL);
    return {
      async operation(random) {
        const rows = await drain(runner, BY_KEY, [`key-${(random >>> 0) % KEYS}`]);
        if (rows !== 1) throw new Error(`bench sql: SELECT by key returned ${rows} rows`);
      },
      close: () => runner.close(),
    };
  },
};

/** The first column of every row (either client's row shape). */
async function rowsOf(runner: SqlRunner, sql: string): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const row of await runner.run(sql)) {
    const r = row as { getObjectWithIndex?: (i: number) => unknown } & Record<string, unknown>;
    values.push(typeof r.getObjectWithIndex === 'function' ? r.getObjectWithIndex(0) : Object.values(r)[0]);
  }
  return values;
}
