import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { HazelcastClient } from '@hz/core-client';
import { pluginHost } from '@hz/core-client/plugin';
import { SqlCloseCodec, SqlFetchCodec } from '@hz/protocol/codecs/sql';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSql, HazelcastSqlError, SqlErrorCode, type SqlRow } from '../src/index';
import { connect, SQL_HELPERS_XML, waitUntilGone, waitUntilRunning } from './helpers';

// Streaming: rows arrive page by page, a page is fetched only when the consumer used the one before it,
// memory stays flat however many rows pass, and every way of ending a result early (break, close, the
// statement's signal, its timeout, client shutdown) cancels the query on the member, checked member-side
// through a job listing the member itself produces (RunningSqlJobs), read by a second client.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 200_000;

describe('streaming SQL results', () => {
  const cluster = useCluster({ jet: true, xml: SQL_HELPERS_XML });
  let client: HazelcastClient;
  let observer: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
    observer = await connect(cluster.current);
    const sql = getSql(client);
    await sql.execute(
      `CREATE MAPPING big (__key INT, name VARCHAR) TYPE IMap
       OPTIONS ('keyFormat'='int', 'valueFormat'='compact', 'valueCompactTypeName'='BigRow')`,
    );
    await sql.execute(`SINK INTO big SELECT v, 'row-' || v FROM TABLE(generate_series(1, ${ROWS}))`);
  });

  afterAll(async () => {
    await client?.shutdown();
    await observer?.shutdown();
  });

  it(`streams ${ROWS.toLocaleString('en')} rows in ORDER BY order, each once, with flat memory`, async () => {
    // What holding rows costs: 20,000 rows kept in an array.
    const held: SqlRow[] = [];
    gc();
    const beforeHolding = process.memoryUsage().heapUsed;
    for await (const row of await getSql(client).execute(
      'SELECT __key, name FROM big ORDER BY __key LIMIT 20000',
    )) {
      held.push(row);
    }
    gc();
    const bytesPerHeldRow = (process.memoryUsage().heapUsed - beforeHolding) / held.length;
    expect(held).toHaveLength(20_000);
    held.length = 0;

    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let expected = 1;
    const result = await getSql(client).execute('SELECT __key, name FROM big ORDER BY __key', [], {
      cursorBufferSize: 256,
    });
    for await (const row of result) {
      const key = row.getObject<number>('__key');
      // In ORDER BY order, each key once: any gap, repeat or reordering breaks the sequence.
      if (key !== expected || row.getObjectWithIndex(1) !== `row-${expected}`) {
        throw new Error(`row ${expected}: got key ${key}, name ${String(row.getObjectWithIndex(1))}`);
      }
      expected++;
      if (expected % 20_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(expected - 1).toBe(ROWS);
    const growth = peak - baseline;
    const holdingAll = bytesPerHeldRow * ROWS;
    // Streaming keeps about one page (256 rows) alive, so the heap stays far below what holding every row
    // would take (measured above, scaled to all rows).
    expect(holdingAll).toBeGreaterThan(10 * 1024 * 1024);
    expect(growth).toBeLessThan(holdingAll / 10);
  });

  it('fetches the next page only when the consumer has used the rows before it', async () => {
    // Counts the Sql.fetch requests this client sends (the host is the client's own plug-in host).
    const c = await connect(cluster.current);
    const host = pluginHost(c);
    const invoke = host.invokeOnMember.bind(host);
    let fetches = 0;
    (host as { invokeOnMember: typeof host.invokeOnMember }).invokeOnMember = (request, uuid, options) => {
      if (request.messageType === SqlFetchCodec.REQUEST_MESSAGE_TYPE) fetches++;
      return invoke(request, uuid, options);
    };
    try {
      const result = await getSql(c).execute('SELECT __key FROM big ORDER BY __key LIMIT 1000', [], {
        cursorBufferSize: 100,
      });
      const rows = result.iterator();
      // The first page came with the execute response.
      for (let i = 1; i <= 100; i++) expect((await rows.next()).value?.getObject('__key')).toBe(i);
      expect(fetches).toBe(0);
      // Row 101 needs page 2.
      expect((await rows.next()).value?.getObject('__key')).toBe(101);
      expect(fetches).toBe(1);
      for (let i = 102; i <= 200; i++) await rows.next();
      expect(fetches).toBe(1);
      expect((await rows.next()).value?.getObject('__key')).toBe(201);
      expect(fetches).toBe(2);
      await rows.return?.(undefined);
    } finally {
      await c.shutdown();
    }
  });

  it('cancels the query on the member when the loop breaks after 10 rows', async () => {
    const marker = 'break-after-10';
    const result = await getSql(client).execute(
      `SELECT v FROM TABLE(generate_stream(100)) /* ${marker} */`,
      [],
      { cursorBufferSize: 5 },
    );
    const seen: bigint[] = [];
    for await (const row of result) {
      seen.push(row.getObject<bigint>('v'));
      if (seen.length === 10) {
        // The unbounded query runs on the member while we hold it...
        await waitUntilRunning(observer, marker);
        break;
      }
    }
    expect(seen).toEqual([0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n]);
    // ...and leaving the loop cancelled it there.
    await waitUntilGone(observer, marker);
    // A closed result is closed for good: no second iteration.
    expect(() => result.iterator()).toThrow(/only once/);
  });

  it('cancels the query on the member at close(); a pending next() fails with CANCELLED_BY_USER', async () => {
    const marker = 'explicit-close';
    const result = await getSql(client).execute(
      `SELECT v FROM TABLE(generate_stream(1)) /* ${marker} */`,
      [],
      {
        cursorBufferSize: 1000,
      },
    );
    await waitUntilRunning(observer, marker);
    const rows = result.iterator();
    // One row per second: this next() waits for a fetch the member answers only when rows arrive.
    const pending = (async () => {
      for (;;) await rows.next();
    })();
    const failure = pending.catch((error: unknown) => error);
    await result.close();
    const error = await failure;
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect((error as HazelcastSqlError).code).toBe(SqlErrorCode.CANCELLED_BY_USER);
    await waitUntilGone(observer, marker);
    await result.close(); // idempotent
  });

  it('cancels the query on the member when its timeout passes', async () => {
    const marker = 'with-timeout';
    const result = await getSql(client).execute(
      `SELECT v FROM TABLE(generate_stream(1)) /* ${marker} */`,
      [],
      {
        timeout: 1500,
        cursorBufferSize: 1,
      },
    );
    const seen: bigint[] = [];
    const error = await (async () => {
      // An unbounded stream: only the timeout can end this loop.
      for await (const row of result) seen.push(row.getObject('v'));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HazelcastSqlError);
    // Rows flowed (one per second, in order) until the member cancelled the query.
    expect(seen).toEqual(seen.map((_, i) => BigInt(i)));
    expect((error as HazelcastSqlError).message).toMatch(/timeout of 1500 ms passed/);
    expect((error as HazelcastSqlError).originatingMemberId).toBe(cluster.current.members[0]!.uuid);
    await waitUntilGone(observer, marker);
  });

  it("rejects with AbortError and cancels the query on the member when the statement's signal aborts", async () => {
    const marker = 'aborted';
    const controller = new AbortController();
    const result = await getSql(client).execute(
      `SELECT v FROM TABLE(generate_stream(1)) /* ${marker} */`,
      [],
      {
        signal: controller.signal,
        cursorBufferSize: 1000,
      },
    );
    await waitUntilRunning(observer, marker);
    const rows = result.iterator();
    const next = rows.next();
    controller.abort(new Error('user gave up'));
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await waitUntilGone(observer, marker);
    // An aborted signal sends nothing.
    await expect(getSql(client).execute('SELECT 1', [], { signal: controller.signal })).rejects.toMatchObject(
      {
        name: 'AbortError',
      },
    );
  });

  it('closes the open queries of a client that shuts down, failing a pending next() clearly', async () => {
    const marker = 'at-shutdown';
    const leaving = await connect(cluster.current);
    // Counts the Sql.close requests the client sends (its own plug-in host).
    const host = pluginHost(leaving);
    const invoke = host.invokeOnMember.bind(host);
    let closes = 0;
    (host as { invokeOnMember: typeof host.invokeOnMember }).invokeOnMember = (request, uuid, options) => {
      if (request.messageType === SqlCloseCodec.REQUEST_MESSAGE_TYPE) closes++;
      return invoke(request, uuid, options);
    };
    const result = await getSql(leaving).execute(
      `SELECT v FROM TABLE(generate_stream(1)) /* ${marker} */`,
      [],
      {
        cursorBufferSize: 1000,
      },
    );
    await waitUntilRunning(observer, marker);
    const rows = result.iterator();
    const next = rows.next().catch((e: unknown) => e);
    await leaving.shutdown();
    const error = await next;
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect((error as Error).message).toMatch(/shutting down/);
    // The shutdown step closed it on the member while the connection was still open...
    expect(closes).toBe(1);
    // ...and the member cancelled it.
    await waitUntilGone(observer, marker);
  });

  it('iterates a result once; a second iterator is refused', async () => {
    const result = await getSql(client).execute('SELECT __key FROM big WHERE __key <= 3 ORDER BY __key');
    const keys: number[] = [];
    for await (const row of result) keys.push(row.getObject('__key'));
    expect(keys).toEqual([1, 2, 3]);
    expect(() => result.iterator()).toThrow(/only once/);
    expect(() => result[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});
