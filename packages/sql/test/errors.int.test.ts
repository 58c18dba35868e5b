import { getMap, type HazelcastClient, IllegalArgumentError } from '@hz/core-client';
import { pluginHost } from '@hz/core-client/plugin';
import { randomUuid, uuidFromString } from '@hz/protocol';
import { SqlExecuteCodec } from '@hz/protocol/codecs/sql';
import { HazelcastSerializationError } from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSql, HazelcastSqlError, SqlErrorCode } from '../src/index';
import { connect, SQL_HELPERS_XML } from './helpers';

// Every way a statement fails: refused by the member (parse errors, unknown objects with the member's
// suggestion, wrong result kind, data errors while rows stream), refused by the client before anything is
// sent, the member running a query lost mid-stream, and a cluster without a data member.

describe('SQL errors reported by the member', () => {
  const cluster = useCluster({ jet: true, xml: SQL_HELPERS_XML });
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it("carries the member's code, message, originating member and stack trace for a parse error", async () => {
    const error = await getSql(client)
      .execute('SELECT * FROM t WHERE')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HazelcastSqlError);
    const sqlError = error as HazelcastSqlError;
    expect(sqlError.name).toBe('HazelcastSqlError');
    expect(sqlError.code).toBe(SqlErrorCode.PARSING);
    expect(sqlError.message).toMatch(/Encountered "<EOF>" at line 1, column 21/);
    expect(sqlError.originatingMemberId).toBe(cluster.current.members[0]!.uuid);
    expect(sqlError.suggestion).toBeNull();
    expect(sqlError.causeStackTrace).toMatch(/com\.hazelcast\.sql/);
  });

  it('suggests the mapping to create for an IMap without one, and the suggestion works', async () => {
    await getMap<string, string>(client, 'unmapped').set('k', 'v');
    const error = (await getSql(client)
      .execute('SELECT * FROM unmapped')
      .catch((e: unknown) => e)) as HazelcastSqlError;
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect(error.code).toBe(SqlErrorCode.OBJECT_NOT_FOUND);
    expect(error.message).toMatch(/did you forget to CREATE MAPPING/);
    expect(error.suggestion).toMatch(/^CREATE OR REPLACE (EXTERNAL )?MAPPING .*unmapped/s);
    await getSql(client).execute(error.suggestion!);
    const rows: unknown[] = [];
    for await (const row of await getSql(client).execute('SELECT __key, this FROM unmapped')) {
      rows.push(row.toObject());
    }
    expect(rows).toEqual([{ __key: 'k', this: 'v' }]);
  });

  it('fails an iteration with the data error a later page hit (DATA_EXCEPTION), after the rows before it', async () => {
    const result = await getSql(client).execute(
      `SELECT CAST(CASE WHEN v = 30 THEN 'not a number' ELSE CAST(v AS VARCHAR) END AS INTEGER) AS n
       FROM TABLE(generate_stream(50))`,
      [],
      { cursorBufferSize: 4 },
    );
    const seen: number[] = [];
    const error = await (async () => {
      for await (const row of result) seen.push(row.getObject('n'));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect((error as HazelcastSqlError).code).toBe(SqlErrorCode.DATA_EXCEPTION);
    expect((error as Error).message).toMatch(/Cannot parse VARCHAR value to INTEGER/);
    // Rows arrive in order and stop before the bad one.
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i));
    expect(seen.length).toBeLessThanOrEqual(30);
  });

  it('refuses bad arguments before sending anything, naming what was wrong', async () => {
    const c = await connect(cluster.current);
    const host = pluginHost(c);
    const invoke = host.invokeOnMember.bind(host);
    let sent = 0;
    (host as { invokeOnMember: typeof host.invokeOnMember }).invokeOnMember = (...args) => {
      sent++;
      return invoke(...args);
    };
    const sql = getSql(c) as unknown as {
      execute(...args: unknown[]): Promise<unknown>;
      executeStatement(statement: unknown): Promise<unknown>;
    };
    try {
      const cases: Array<[Promise<unknown>, RegExp]> = [
        [sql.execute(42), /the SQL must be a string, got 42/],
        [sql.execute('   '), /the SQL must not be empty/],
        [sql.execute('SELECT ?', 'x'), /params must be an array/],
        [
          sql.execute('SELECT 1', [], { timeout: -2 }),
          /timeout must be a whole number of milliseconds >= 0, or -1/,
        ],
        [sql.execute('SELECT 1', [], { timeout: 1.5 }), /timeout must be/],
        [
          sql.execute('SELECT 1', [], { cursorBufferSize: 0 }),
          /cursorBufferSize must be a positive whole number/,
        ],
        [
          sql.execute('SELECT 1', [], { expectedResultType: 'ROW' }),
          /expectedResultType must be one of ANY, ROWS, UPDATE_COUNT/,
        ],
        [sql.execute('SELECT 1', [], { rowFormat: 'array' }), /rowFormat must be 'row' or 'object'/],
        [sql.execute('SELECT 1', [], { schema: 7 }), /schema must be a string or null/],
        [sql.execute('SELECT 1', [], { signal: {} }), /signal must be an AbortSignal/],
        [sql.execute('SELECT 1', [], { cursorBuffersize: 10 }), /unknown option "cursorBuffersize"/],
        [sql.executeStatement(null), /the statement must be an object/],
        [sql.executeStatement({ sql: 'SELECT 1', params: [] }), /unknown statement property "params"/],
        [sql.executeStatement({ sql: 'SELECT 1', parameters: 'x' }), /statement.parameters must be an array/],
        [sql.execute('SELECT ?', [undefined]), /parameter 0 is undefined; pass null for SQL NULL/],
      ];
      for (const [call, message] of cases) {
        const error = await call.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IllegalArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      const unserializable = await sql.execute('SELECT ?', [1, () => 1]).catch((e: unknown) => e);
      expect(unserializable).toBeInstanceOf(HazelcastSerializationError);
      expect((unserializable as Error).message).toMatch(/SQL: parameter 1 cannot be serialized/);
      expect(sent).toBe(0);
    } finally {
      await c.shutdown();
    }
  });

  it('fails clearly on a client that is shut down', async () => {
    const c = await connect(cluster.current);
    const sql = getSql(c);
    await c.shutdown();
    const error = await sql.execute('SELECT 1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect((error as HazelcastSqlError).code).toBe(SqlErrorCode.CONNECTION_PROBLEM);
    expect((error as Error).message).toMatch(/not connected to the cluster/);
  });
});

describe('SQL on a cluster with lite members', () => {
  // Every member starts lite; the first promotes itself to a data member (PromoteFirstMember), so member 0
  // is the only data member and member 1 stays lite.
  const cluster = useCluster({
    jet: true,
    members: 2,
    xml: `${SQL_HELPERS_XML}
      <lite-member enabled="true"/>
      <listeners><listener>dev.hz.testing.sql.PromoteFirstMember</listener></listeners>`,
  });
  let client: HazelcastClient;
  let dataUuid: string;
  let liteUuid: string;

  beforeAll(async () => {
    client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 5_000 } },
    });
    const [first, second] = cluster.current.members;
    dataUuid = first!.uuid!;
    liteUuid = second!.uuid!;
    await vi.waitFor(
      () => {
        const members = client.getCluster().getMembers();
        expect(members.find((m) => m.uuid === dataUuid)?.liteMember).toBe(false);
        expect(members.find((m) => m.uuid === liteUuid)?.liteMember).toBe(true);
      },
      { timeout: 60_000, interval: 100 },
    );
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('sends every query to the data member (a lite member refuses SQL)', async () => {
    // What a lite member answers: the reason the routing matters.
    const host = pluginHost(client);
    const memberId = uuidFromString(liteUuid);
    const localId = randomUuid();
    const refused = SqlExecuteCodec.decodeResponse(
      await host.invokeOnMember(
        SqlExecuteCodec.encodeRequest(
          'SELECT 1',
          [],
          Long.fromInt(-1),
          4096,
          null,
          0,
          {
            memberIdHigh: memberId.mostSignificantBits,
            memberIdLow: memberId.leastSignificantBits,
            localIdHigh: localId.mostSignificantBits,
            localIdLow: localId.leastSignificantBits,
          },
          false,
        ),
        liteUuid,
      ),
    );
    expect(refused.error?.message).toMatch(/lite member/i);
    // The client has a connection to both, yet never picks the lite one.
    expect(new Set(host.cluster.connectedMemberUuids())).toEqual(new Set([dataUuid, liteUuid]));
    for (let i = 0; i < 20; i++) {
      const rows: unknown[] = [];
      for await (const row of await getSql(client).execute('SELECT CAST(? AS INTEGER) AS n', [i]))
        rows.push(row.getObject('n'));
      expect(rows).toEqual([i]);
    }
  });

  it('fails a query clearly when its member is lost mid-stream, then refuses queries without a data member', async () => {
    const marker = 'member-lost';
    const result = await getSql(client).execute(
      `SELECT v FROM TABLE(generate_stream(10)) /* ${marker} */`,
      [],
      {
        cursorBufferSize: 2,
      },
    );
    const rows = result.iterator();
    // The first row: the query runs on the data member.
    expect((await rows.next()).value?.getObject('v')).toBe(0n);
    const failure = (async () => {
      for (;;) await rows.next();
    })().catch((e: unknown) => e);
    await cluster.current.terminateMember(cluster.current.members[0]!);
    const error = (await failure) as HazelcastSqlError;
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect(error.code).toBe(SqlErrorCode.CONNECTION_PROBLEM);
    expect(error.message).toMatch(new RegExp(`connection to member .*${dataUuid}.* closed`));
    expect(error.originatingMemberId).toBe(pluginHost(client).clientUuid);

    // Only the lite member is left: a query fails at once, saying why.
    await vi.waitFor(
      () =>
        expect(
          client
            .getCluster()
            .getMembers()
            .map((m) => m.uuid),
        ).toEqual([liteUuid]),
      {
        timeout: 60_000,
        interval: 100,
      },
    );
    const noData = (await getSql(client)
      .execute('SELECT 1')
      .catch((e: unknown) => e)) as HazelcastSqlError;
    expect(noData).toBeInstanceOf(HazelcastSqlError);
    expect(noData.code).toBe(SqlErrorCode.CONNECTION_PROBLEM);
    expect(noData.message).toMatch(/no data member .* lite members, which cannot run SQL/);
  });
});
