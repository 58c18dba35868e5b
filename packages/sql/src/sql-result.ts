import { IllegalStateError, type Int64 } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import type { ClientMessage, SqlPage, SqlQueryId } from '@hz/protocol';
import { SqlCloseCodec, SqlExecuteCodec, SqlFetchCodec } from '@hz/protocol/codecs/sql';
import Long from 'long';
import {
  clientSqlError,
  invocationSqlError,
  isConnectionError,
  memberSqlError,
  sqlAbortError,
} from './errors';
import type { SqlResult, SqlRowMetadata } from './sql';
import { SqlErrorCode } from './sql-error';
import { SqlRowImpl, type SqlRowMetadataImpl } from './sql-row';
import type { ResolvedStatement } from './statement';
import { convertColumn } from './values';

/** What a result needs from the service that created it. */
export interface QueryOwner {
  readonly host: PluginHost;
  /** The result holds nothing on the member any more and has no request in flight. */
  settled(result: SqlResultImpl<unknown>): void;
  /** How errors and messages name a member. */
  describeMember(uuid: string): string;
  /** The row metadata of a statement's result (the same object while the columns stay the same). */
  metadataFor(sql: string, columns: readonly SqlColumnMetadataWire[]): SqlRowMetadataImpl;
}

/** A column as the protocol describes it. */
export interface SqlColumnMetadataWire {
  readonly name: string;
  readonly type: number;
  readonly nullable: boolean;
}

type Phase =
  /** Sql.execute is in flight. */
  | 'executing'
  /** The member holds a cursor with more rows. */
  | 'open'
  /** The member holds nothing (last page sent, error, update count, closed). */
  | 'done';

const NO_ROWS: readonly never[] = [];

/**
 * One statement's result: the first page from Sql.execute, then one Sql.fetch per page, sent only when the
 * consumer asks for a row past the current page. Every request waits as long as the member makes it wait
 * (never cut off by the invocation timeout); what ends a wait early is the statement's signal, close(), the
 * connection to the member closing, or the client shutting down, each settling the pending call with its
 * own error.
 */
export class SqlResultImpl<R> implements SqlResult<R> {
  readonly memberUuid: string;
  readonly #owner: QueryOwner;
  readonly #host: PluginHost;
  readonly queryId: SqlQueryId;
  readonly #statement: ResolvedStatement;
  readonly #startedAt = Date.now();
  #phase: Phase = 'executing';
  /** Why the result ended early; every later iteration step rejects with it. */
  #failure: Error | undefined;
  /** Aborts the result's execute or fetch request: every way the result ends early aborts it, once. */
  readonly #requests = new AbortController();
  #requestInFlight = false;
  /** Aborts the Sql.close in flight (a lost connection, the shutdown bound). */
  #closeInFlight: AbortController | undefined;
  #closing: Promise<void> | undefined;
  #metadata: SqlRowMetadataImpl | null = null;
  #updateCount: Long = Long.NEG_ONE;
  #rows: readonly R[] = NO_ROWS;
  #iteratorTaken = false;
  #removeSignalListener: (() => void) | undefined;
  /** The parameter the member routes this statement by (-1: none); set by the execute response. */
  partitionArgumentIndex = -1;

  constructor(owner: QueryOwner, memberUuid: string, queryId: SqlQueryId, statement: ResolvedStatement) {
    this.#owner = owner;
    this.#host = owner.host;
    this.memberUuid = memberUuid;
    this.queryId = queryId;
    this.#statement = statement;
    const signal = statement.signal;
    if (signal) {
      const onAbort = () => this.#cancel(sqlAbortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      this.#removeSignalListener = () => signal.removeEventListener('abort', onAbort);
    }
  }

  /** Sends Sql.execute and reads the first page or the update count. */
  async start(request: ClientMessage): Promise<void> {
    const response = SqlExecuteCodec.decodeResponse(await this.#invoke(request, 'Sql.execute'));
    this.partitionArgumentIndex = response.partitionArgumentIndex;
    if (response.error) {
      this.#end(memberSqlError(response.error, this.#timeoutHint(response.error.message)));
      throw this.#failure;
    }
    if (this.#failure) {
      // Aborted (or the client shut down) while the answer was on its way: the cursor it opened is closed.
      if (!this.#closing && response.rowMetadata && response.rowPage && !response.rowPage.isLast) {
        this.#phase = 'open';
        this.#closing = this.#sendClose();
        this.#closing.catch(() => {});
      }
      throw this.#failure;
    }
    if (response.rowMetadata === null) {
      this.#updateCount = response.updateCount;
      this.#end();
      return;
    }
    this.#metadata = this.#owner.metadataFor(this.#statement.sql, response.rowMetadata);
    this.#phase = 'open';
    if (response.rowPage) await this.#takePage(response.rowPage);
    else this.#end();
  }

  isRowSet(): boolean {
    return this.#metadata !== null;
  }

  updateCount(): Int64 {
    return this.#host.int64(this.#updateCount);
  }

  getRowMetadata(): SqlRowMetadata {
    if (!this.#metadata) {
      throw new IllegalStateError('SQL: the result is an update count; it has no rows and no row metadata');
    }
    return this.#metadata;
  }

  iterator(): AsyncGenerator<R, undefined> {
    if (!this.#metadata) {
      throw new IllegalStateError('SQL: the result is an update count; it has no rows to iterate');
    }
    if (this.#iteratorTaken) {
      throw new IllegalStateError('SQL: the rows of a result can be iterated only once');
    }
    this.#iteratorTaken = true;
    return this.#iterate();
  }

  [Symbol.asyncIterator](): AsyncGenerator<R, undefined> {
    return this.iterator();
  }

  close(): Promise<void> {
    if (this.#closing) return this.#closing;
    if (this.#phase === 'done') {
      this.#closing = Promise.resolve();
      return this.#closing;
    }
    this.#failure ??= clientSqlError(
      this.#host,
      SqlErrorCode.CANCELLED_BY_USER,
      'the result was closed; the query was cancelled',
    );
    this.#requests.abort(this.#failure);
    this.#closing = this.#sendClose();
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * The connection to this result's member closed: the pending call fails now (never a hang). Returns
   * whether the member may still hold the cursor (to close it if the client reconnects to that member).
   */
  connectionLost(reason: Error): boolean {
    if (this.#phase === 'done' && !this.#requestInFlight && !this.#closeInFlight) return false;
    const mayHoldCursor = this.#phase !== 'done';
    const statement = this.#phase === 'executing' ? 'statement' : 'query';
    this.#end(
      clientSqlError(
        this.#host,
        SqlErrorCode.CONNECTION_PROBLEM,
        `the connection to ${this.#owner.describeMember(this.memberUuid)}, which ran the ${statement}, closed (${reason.message}); ` +
          (statement === 'statement'
            ? 'the statement may or may not have run'
            : 'the query was cancelled and its remaining rows are lost'),
        reason,
      ),
    );
    return mayHoldCursor;
  }

  /** The client is shutting down: the query is closed on the member while the connection is still open. */
  async shutdown(signal: AbortSignal): Promise<void> {
    const error = clientSqlError(
      this.#host,
      SqlErrorCode.CONNECTION_PROBLEM,
      'the client is shutting down; the query was closed',
    );
    if (this.#phase === 'done') {
      this.#end(error);
      return;
    }
    this.#failure ??= error;
    this.#requests.abort(this.#failure);
    this.#closing ??= this.#sendClose(signal);
    await this.#closing;
  }

  async *#iterate(): AsyncGenerator<R, undefined> {
    let exhausted = false;
    try {
      for (;;) {
        const rows = this.#rows;
        this.#rows = NO_ROWS;
        for (let i = 0; i < rows.length; i++) {
          if (this.#failure) throw this.#failure;
          yield rows[i]!;
        }
        if (this.#failure) throw this.#failure;
        if (this.#phase !== 'open') {
          exhausted = true;
          return undefined;
        }
        await this.#fetch();
      }
    } finally {
      // Left early (break, return, an error): cancel the query on the member.
      if (!exhausted) await this.close();
    }
  }

  async #fetch(): Promise<void> {
    const request = SqlFetchCodec.encodeRequest(this.queryId, this.#statement.cursorBufferSize);
    const response = SqlFetchCodec.decodeResponse(await this.#invoke(request, 'Sql.fetch'));
    if (this.#failure) throw this.#failure;
    if (response.error) {
      this.#end(memberSqlError(response.error, this.#timeoutHint(response.error.message)));
      throw this.#failure;
    }
    if (!response.rowPage) {
      this.#end();
      return;
    }
    await this.#takePage(response.rowPage);
  }

  /** Converts a page to rows; the last page means the member closed the cursor. */
  async #takePage(page: SqlPage): Promise<void> {
    const metadata = this.#metadata!;
    const columns = page.columns;
    const types = page.columnTypes;
    const columnCount = columns.length;
    try {
      for (let c = 0; c < columnCount; c++) {
        columns[c] = await convertColumn(this.#host, types[c]!, columns[c]!);
      }
    } catch (error) {
      // A value this client cannot read (e.g. an OBJECT without its factory): the query is closed.
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
      if (this.#phase === 'open' && !page.isLast) {
        this.#closing ??= this.#sendClose();
        this.#closing.catch(() => {});
      } else {
        this.#end();
      }
      throw this.#failure;
    }
    if (this.#failure) throw this.#failure;
    const rowCount = columnCount === 0 ? 0 : columns[0]!.length;
    const rows = new Array<R>(rowCount);
    const plain = this.#statement.rowFormat === 'object';
    for (let i = 0; i < rowCount; i++) {
      const values = new Array<unknown>(columnCount);
      for (let c = 0; c < columnCount; c++) values[c] = columns[c]![i];
      rows[i] = (plain ? metadata.toPlainObject(values) : new SqlRowImpl(values, metadata)) as R;
    }
    this.#rows = rows;
    if (page.isLast) this.#end();
  }

  /** One request to the result's member, aborted by whatever ends the result early. */
  async #invoke(request: ClientMessage, what: string): Promise<ClientMessage> {
    if (this.#failure) throw this.#failure;
    this.#requestInFlight = true;
    try {
      return await this.#host.invokeOnMember(request, this.memberUuid, {
        timeoutMillis: Number.POSITIVE_INFINITY,
        signal: this.#requests.signal,
      });
    } catch (error) {
      if (this.#failure) throw this.#failure;
      // The invocation itself failed (not the query): the member may still hold the cursor.
      const failure = invocationSqlError(this.#host, error, what);
      this.#failure = failure;
      if (this.#phase === 'open' && !isConnectionError(error)) void this.#sendClose().catch(() => {});
      else this.#end(failure);
      throw failure;
    } finally {
      this.#requestInFlight = false;
      this.#settle();
    }
  }

  /** Cancels the query on the member (best effort when the connection is gone). */
  async #sendClose(signal?: AbortSignal): Promise<void> {
    const wasOpen = this.#phase !== 'done';
    this.#phase = 'done';
    this.#detachSignal();
    if (!wasOpen) {
      this.#settle();
      return;
    }
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onOuterAbort, { once: true });
    this.#closeInFlight = controller;
    try {
      await this.#host.invokeOnMember(SqlCloseCodec.encodeRequest(this.queryId), this.memberUuid, {
        signal: controller.signal,
      });
    } catch (error) {
      // A lost connection (or client) closed the query with it; an abort here is the shutdown bound.
      if (!isConnectionError(error) && !controller.signal.aborted) {
        throw invocationSqlError(this.#host, error, 'Sql.close');
      }
    } finally {
      signal?.removeEventListener('abort', onOuterAbort);
      if (this.#closeInFlight === controller) this.#closeInFlight = undefined;
      this.#settle();
    }
  }

  /** Ends the result early with `failure` (or normally, without one): the member holds no cursor. */
  #end(failure?: Error): void {
    if (failure) {
      this.#failure ??= failure;
      this.#requests.abort(this.#failure);
      this.#closeInFlight?.abort(this.#failure);
    }
    this.#phase = 'done';
    this.#detachSignal();
    this.#settle();
  }

  /** The statement's signal fired: the pending call rejects with AbortError, the query is cancelled. */
  #cancel(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    this.#requests.abort(error);
    if (this.#phase === 'open') {
      this.#closing ??= this.#sendClose();
      this.#closing.catch(() => {});
    } else if (this.#phase === 'executing') {
      // The member may open a cursor before it sees anything else: close it by id once the answer is in.
      this.#phase = 'open';
      this.#closing ??= this.#sendClose();
      this.#closing.catch(() => {});
    }
  }

  #settle(): void {
    if (this.#phase === 'done' && !this.#requestInFlight && !this.#closeInFlight) {
      this.#owner.settled(this as SqlResultImpl<unknown>);
    }
  }

  #detachSignal(): void {
    this.#removeSignalListener?.();
    this.#removeSignalListener = undefined;
  }

  /** The member reports a timeout as a forceful cancellation; say so when the statement's timeout passed. */
  #timeoutHint(message: string | null): string {
    const timeout = this.#statement.timeoutMillis;
    if (timeout <= 0 || !message || !/cancel/i.test(message)) return '';
    if (Date.now() - this.#startedAt < timeout) return '';
    return ` (the statement's timeout of ${timeout} ms passed)`;
  }
}
