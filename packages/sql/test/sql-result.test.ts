import { AbortError } from '@hz/core-client';
import type { ClientMessage } from '@hz/protocol';
import { SqlCloseCodec, SqlExecuteCodec, SqlFetchCodec } from '@hz/protocol/codecs/sql';
import { HazelcastSerializationError } from '@hz/serialization';
import Long from 'long';
import { describe, expect, it, vi } from 'vitest';
import { HazelcastSqlError, SqlErrorCode } from '../src/index';
import { SqlServiceImpl } from '../src/sql-service';
import { FakeHost, member } from './fake-host';

// The result's state machine against a scripted host (a fake member: no real member can be made to drop a
// connection or withhold an answer on cue). Each test says which fault it stands for.

const M1 = '00000000-0000-0000-0000-000000000001';
const M2 = '00000000-0000-0000-0000-000000000002';

function executeResponse(values: number[] | null, isLast: boolean): ClientMessage {
  return SqlExecuteCodec.encodeResponse({
    rowMetadata: values ? [{ name: 'n', type: 4, nullable: false }] : null,
    rowPage: values ? { columnTypes: [4], columns: [values], isLast } : null,
    updateCount: values ? Long.NEG_ONE : Long.fromInt(3),
    error: null,
    isInfiniteRows: false,
    partitionArgumentIndex: -1,
  });
}

function fetchResponse(values: number[], isLast: boolean): ClientMessage {
  return SqlFetchCodec.encodeResponse({
    rowPage: { columnTypes: [4], columns: [values], isLast },
    error: null,
  });
}

async function started(
  fake: FakeHost,
  sql = 'SELECT n FROM t',
  first: number[] | null = [1, 2],
  isLast = false,
) {
  const service = new SqlServiceImpl(fake.host);
  const pending = service.execute(sql, [], { cursorBufferSize: 2 });
  await vi.waitFor(() => expect(fake.ofType(SqlExecuteCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(1));
  fake.sent[0]!.resolve(executeResponse(first, isLast));
  return { service, result: await pending };
}

describe('SqlResult paging', () => {
  it('fetches one page at a time, only when the rows before it were used, and ends at the last page', async () => {
    const fake = new FakeHost();
    const { service, result } = await started(fake);
    const rows = result.iterator();
    expect((await rows.next()).value?.getObject('n')).toBe(1);
    expect((await rows.next()).value?.getObject('n')).toBe(2);
    expect(fake.ofType(SqlFetchCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(0);
    const third = rows.next();
    await vi.waitFor(() => expect(fake.ofType(SqlFetchCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(1));
    const fetch = fake.ofType(SqlFetchCodec.REQUEST_MESSAGE_TYPE)[0]!;
    expect(SqlFetchCodec.decodeRequest(fetch.request).cursorBufferSize).toBe(2);
    // Blocking: never cut off by the invocation timeout.
    expect(fetch.options?.timeoutMillis).toBe(Number.POSITIVE_INFINITY);
    fetch.resolve(fetchResponse([3], true));
    expect((await third).value?.getObject('n')).toBe(3);
    expect(await rows.next()).toEqual({ done: true, value: undefined });
    // The member closed the cursor with the last page: nothing to close, nothing open.
    await result.close();
    expect(fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(0);
    expect(service.openResultCount).toBe(0);
  });

  it('reports an update count without rows', async () => {
    const fake = new FakeHost();
    const { service, result } = await started(fake, 'DELETE FROM t', null);
    expect(result.isRowSet()).toBe(false);
    expect(result.updateCount()).toBe(3n);
    expect(service.openResultCount).toBe(0);
  });
});

describe('SqlResult faults', () => {
  it('an abort while Sql.execute waits rejects with AbortError and closes the query by id', async () => {
    // Stands for a member slow to answer (a query whose first page takes long).
    const fake = new FakeHost();
    const service = new SqlServiceImpl(fake.host);
    const controller = new AbortController();
    const pending = service.execute('SELECT n FROM t', [], { signal: controller.signal });
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortError);
    const close = fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE);
    expect(close).toHaveLength(1);
    const executed = SqlExecuteCodec.decodeRequest(fake.sent[0]!.request).queryId;
    expect(SqlCloseCodec.decodeRequest(close[0]!.request).queryId).toEqual(executed);
    close[0]!.resolve(SqlCloseCodec.encodeResponse());
    await vi.waitFor(() => expect(service.openResultCount).toBe(0));
  });

  it('a connection lost while a fetch waits fails it at once, and the cursor is closed if the client reconnects to that member', async () => {
    // Stands for a connection drop while the member is still alive (a real member cannot drop it on cue).
    const fake = new FakeHost();
    const { service, result } = await started(fake);
    const rows = result.iterator();
    await rows.next();
    await rows.next();
    const next = rows.next();
    await vi.waitFor(() => expect(fake.ofType(SqlFetchCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(1));
    fake.connected.delete(M1);
    fake.emit('connectionLost', { memberUuid: M1, reason: new Error('socket reset') });
    const error = (await next.catch((e: unknown) => e)) as HazelcastSqlError;
    expect(error).toBeInstanceOf(HazelcastSqlError);
    expect(error.code).toBe(SqlErrorCode.CONNECTION_PROBLEM);
    expect(error.message).toMatch(/the connection to member .*socket reset.*query was cancelled/);
    expect(service.openResultCount).toBe(0);
    expect(fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(0);
    fake.connected.add(M1);
    fake.emit('connectionAdded', { memberUuid: M1 });
    const closes = fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE);
    expect(closes).toHaveLength(1);
    expect(closes[0]!.memberUuid).toBe(M1);
  });

  it('a connection lost while Sql.execute waits says the statement may or may not have run', async () => {
    const fake = new FakeHost();
    const service = new SqlServiceImpl(fake.host);
    const pending = service.execute('INSERT INTO t VALUES (1)');
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    fake.emit('connectionLost', { memberUuid: M1, reason: new Error('member died') });
    await expect(pending).rejects.toThrow(/may or may not have run/);
  });

  it('the shutdown step closes open cursors and is bounded by its signal', async () => {
    // Stands for a member that never answers Sql.close.
    const fake = new FakeHost();
    await started(fake);
    const bound = new AbortController();
    const shutdown = fake.shutdown(bound.signal);
    await vi.waitFor(() => expect(fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(1));
    bound.abort();
    await shutdown;
  });

  it('a close() during a pending fetch fails that fetch with CANCELLED_BY_USER', async () => {
    const fake = new FakeHost();
    const { result } = await started(fake);
    const rows = result.iterator();
    await rows.next();
    await rows.next();
    const next = rows.next();
    await vi.waitFor(() => expect(fake.ofType(SqlFetchCodec.REQUEST_MESSAGE_TYPE)).toHaveLength(1));
    const closing = result.close();
    fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE)[0]!.resolve(SqlCloseCodec.encodeResponse());
    await closing;
    await expect(next).rejects.toMatchObject({ code: SqlErrorCode.CANCELLED_BY_USER });
  });
});

describe('SqlResult values', () => {
  it('a value this client cannot read fails the iteration and closes the query', async () => {
    const fake = new FakeHost();
    fake.host.toObject = async () => {
      throw new HazelcastSerializationError('no factory for id 99');
    };
    const service = new SqlServiceImpl(fake.host);
    const pending = service.execute('SELECT this FROM t');
    await vi.waitFor(() => expect(fake.sent).toHaveLength(1));
    fake.sent[0]!.resolve(
      SqlExecuteCodec.encodeResponse({
        rowMetadata: [{ name: 'this', type: 13, nullable: true }],
        rowPage: { columnTypes: [13], columns: [[Buffer.alloc(12)]], isLast: false },
        updateCount: Long.NEG_ONE,
        error: null,
        isInfiniteRows: false,
        partitionArgumentIndex: -1,
      }),
    );
    await expect(pending).rejects.toThrow(/no factory for id 99/);
    const closes = fake.ofType(SqlCloseCodec.REQUEST_MESSAGE_TYPE);
    expect(closes).toHaveLength(1);
    closes[0]!.resolve(SqlCloseCodec.encodeResponse());
    await vi.waitFor(() => expect(service.openResultCount).toBe(0));
  });
});

describe('member choice', () => {
  it('never sends to a lite member, and fails clearly without a data member', async () => {
    const fake = new FakeHost();
    fake.members = [member(M1, { lite: true }), member(M2)];
    fake.connected = new Set([M1, M2]);
    const service = new SqlServiceImpl(fake.host);
    for (let i = 0; i < 10; i++) {
      void service.execute('SELECT 1').catch(() => {});
    }
    await vi.waitFor(() => expect(fake.sent).toHaveLength(10));
    expect(new Set(fake.sent.map((s) => s.memberUuid))).toEqual(new Set([M2]));
    fake.members = [member(M1, { lite: true })];
    await expect(service.execute('SELECT 1')).rejects.toThrow(/no data member/);
    fake.connected = new Set();
    fake.emit('lifecycle', 'DISCONNECTED');
    await expect(service.execute('SELECT 1')).rejects.toThrow(/not connected to the cluster/);
  });
});
