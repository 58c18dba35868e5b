import type { HazelcastClient, Member } from '@hz/core-client';
import { attachPlugin, type ClientPlugin, type DataBytes, type PluginHost } from '@hz/core-client/plugin';
import { randomUuid, type SqlQueryId, type Uuid, uuidFromString } from '@hz/protocol';
import { SqlCloseCodec, SqlExecuteCodec } from '@hz/protocol/codecs/sql';
import { HazelcastSerializationError } from '@hz/serialization';
import Long from 'long';
import { clientSqlError, sqlAbortError } from './errors';
import { hasDataMember, memberForQuery } from './member-selection';
import type { SqlResult, SqlRow, SqlService, SqlStatement, SqlStatementOptions } from './sql';
import { SqlErrorCode } from './sql-error';
import { type QueryOwner, type SqlColumnMetadataWire, SqlResultImpl } from './sql-result';
import { SqlRowMetadataImpl } from './sql-row';
import { type ResolvedStatement, resolveExecute, resolveStatement } from './statement';
import { sqlParameter } from './values';

/** Statements remembered (partition-key parameter, row metadata), the least recently run dropped first. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQL service of one client. Tracks its open results: they are closed on the member when the client
 * shuts down, failed at once when the connection to their member closes, and closed again by id if the
 * client reconnects to that member while it may still hold their cursors.
 */
export class SqlServiceImpl implements SqlService, QueryOwner {
  readonly host: PluginHost;
  readonly #open = new Set<SqlResultImpl<unknown>>();
  /** SQL text → index of the parameter the member routes by (the partition key), newest last. */
  readonly #routing = new Map<string, number>();
  /** SQL text → the row metadata of its last result, shared while the columns stay the same. */
  readonly #metadata = new Map<string, SqlRowMetadataImpl>();
  /** Uuids of the members this client is connected to; rebuilt after a connection came or went. */
  #connected: ReadonlySet<string> | undefined;
  /** Cursors a lost connection may have left on a member that is still in the cluster. */
  readonly #closeOnReconnect = new Map<string, SqlQueryId[]>();
  /** Member uuid → its two 64-bit halves (the member part of a query id). */
  readonly #memberIds = new Map<string, Uuid>();
  /**
   * The local part of query ids: a random 64-bit value of this service and a counter, unique per client
   * without drawing random bytes for every statement.
   */
  readonly #localIdHigh = randomUuid().mostSignificantBits;
  #localIdLow = Long.ZERO;

  constructor(host: PluginHost) {
    this.host = host;
    host.on('connectionLost', ({ memberUuid, reason }) => {
      this.#connected = undefined;
      for (const result of [...this.#open]) {
        if (result.memberUuid !== memberUuid) continue;
        const queryId = result.queryId;
        if (result.connectionLost(reason)) {
          const pending = this.#closeOnReconnect.get(memberUuid) ?? [];
          pending.push(queryId);
          this.#closeOnReconnect.set(memberUuid, pending);
        }
      }
    });
    host.on('connectionAdded', ({ memberUuid }) => {
      this.#connected = undefined;
      const pending = this.#closeOnReconnect.get(memberUuid);
      if (!pending) return;
      this.#closeOnReconnect.delete(memberUuid);
      for (const queryId of pending) {
        host.invokeOnMember(SqlCloseCodec.encodeRequest(queryId), memberUuid).catch(() => {});
      }
    });
    host.on('memberRemoved', (member) => {
      this.#closeOnReconnect.delete(member.uuid);
      this.#memberIds.delete(member.uuid);
    });
    // Shutting down and disconnecting close connections without a connectionLost event.
    host.on('lifecycle', () => {
      this.#connected = undefined;
    });
    host.on('clusterChanged', () => {
      this.#closeOnReconnect.clear();
      this.#connected = undefined;
    });
    host.onShutdown(async (signal) => {
      await Promise.allSettled([...this.#open].map((result) => result.shutdown(signal)));
    });
  }

  execute(
    sql: string,
    params?: readonly unknown[],
    options?: SqlStatementOptions & { rowFormat?: 'row' },
  ): Promise<SqlResult<SqlRow>>;
  execute<T extends object = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] | undefined,
    options: SqlStatementOptions & { rowFormat: 'object' },
  ): Promise<SqlResult<T>>;
  execute(
    sql: string,
    params?: readonly unknown[],
    options?: SqlStatementOptions,
  ): Promise<SqlResult<unknown>> {
    return this.#run(() => resolveExecute(sql, params, options));
  }

  executeStatement(statement: SqlStatement & { rowFormat?: 'row' }): Promise<SqlResult<SqlRow>>;
  executeStatement<T extends object = Record<string, unknown>>(
    statement: SqlStatement & { rowFormat: 'object' },
  ): Promise<SqlResult<T>>;
  executeStatement(statement: SqlStatement): Promise<SqlResult<unknown>> {
    return this.#run(() => resolveStatement(statement));
  }

  settled(result: SqlResultImpl<unknown>): void {
    this.#open.delete(result);
  }

  describeMember(uuid: string): string {
    const member = this.host.cluster.getMember(uuid);
    return member ? `member ${member.address.host}:${member.address.port} (${uuid})` : `member ${uuid}`;
  }

  metadataFor(sql: string, columns: readonly SqlColumnMetadataWire[]): SqlRowMetadataImpl {
    const known = this.#metadata.get(sql);
    if (known?.sameAs(columns)) return known;
    const metadata = new SqlRowMetadataImpl(columns);
    remember(this.#metadata, sql, metadata);
    return metadata;
  }

  /** Open results (diagnostics and tests). */
  get openResultCount(): number {
    return this.#open.size;
  }

  async #run(resolve: () => ResolvedStatement): Promise<SqlResult<unknown>> {
    const statement = resolve();
    if (statement.signal?.aborted) throw sqlAbortError(statement.signal);
    const parameters = statement.parameters.map((value, index) => this.#parameterData(value, index));
    const member = this.#memberFor(statement.sql, parameters);
    const queryId = this.#nextQueryId(member.uuid);
    const request = SqlExecuteCodec.encodeRequest(
      statement.sql,
      parameters,
      Long.fromNumber(statement.timeoutMillis),
      statement.cursorBufferSize,
      statement.schema,
      statement.expectedResultType,
      queryId,
      false,
    );
    const result = new SqlResultImpl<unknown>(this, member.uuid, queryId, statement);
    this.#open.add(result);
    await result.start(request);
    this.#rememberRouting(statement.sql, result.partitionArgumentIndex);
    return result;
  }

  #nextQueryId(memberUuid: string): SqlQueryId {
    let memberId = this.#memberIds.get(memberUuid);
    if (!memberId) {
      memberId = uuidFromString(memberUuid);
      this.#memberIds.set(memberUuid, memberId);
    }
    this.#localIdLow = this.#localIdLow.add(Long.ONE);
    return {
      memberIdHigh: memberId.mostSignificantBits,
      memberIdLow: memberId.leastSignificantBits,
      localIdHigh: this.#localIdHigh,
      localIdLow: this.#localIdLow,
    };
  }

  #parameterData(value: unknown, index: number): DataBytes {
    const parameter = sqlParameter(value, index);
    try {
      return this.host.toData(parameter);
    } catch (error) {
      if (!(error instanceof HazelcastSerializationError)) throw error;
      throw new HazelcastSerializationError(
        `SQL: parameter ${index} cannot be serialized: ${error.message}`,
        {
          cause: error,
        },
      );
    }
  }

  /**
   * A data member this client is connected to: the owner of the statement's partition-key parameter when
   * the members reported one for this SQL (no hop between members), otherwise one chosen as the other
   * clients do (see memberForQuery).
   */
  #memberFor(sql: string, parameters: readonly DataBytes[]): Member {
    const cluster = this.host.cluster;
    this.#connected ??= new Set(cluster.connectedMemberUuids());
    const connected = this.#connected;
    if (connected.size === 0) {
      throw clientSqlError(
        this.host,
        SqlErrorCode.CONNECTION_PROBLEM,
        'the client is not connected to the cluster; no member can run the statement',
      );
    }
    const members = cluster.getMembers();
    if (!hasDataMember(members)) {
      throw clientSqlError(
        this.host,
        SqlErrorCode.CONNECTION_PROBLEM,
        `the cluster has no data member to run the statement: all ${members.length} member(s) are lite members, which cannot run SQL`,
      );
    }
    const keyIndex = this.#routing.get(sql);
    const key = keyIndex === undefined ? undefined : parameters[keyIndex];
    // 8 bytes: a Data header alone is SQL NULL, which has no partition.
    if (key && key.length > 8) {
      const owner = cluster.partitionOwner(this.host.partitionIdOf(key));
      const member = owner && connected.has(owner) ? cluster.getMember(owner) : undefined;
      if (member && !member.liteMember) return member;
    }
    const chosen = memberForQuery(members, connected);
    if (chosen) return chosen;
    // Data members exist but none is connected (unisocket through a lite member): that member answers.
    const any = members.find((m) => connected.has(m.uuid));
    if (any) return any;
    throw clientSqlError(
      this.host,
      SqlErrorCode.CONNECTION_PROBLEM,
      'no connection to a member of the cluster; no member can run the statement',
    );
  }

  #rememberRouting(sql: string, index: number): void {
    if (this.#routing.get(sql) === index) return;
    if (index < 0) this.#routing.delete(sql);
    else remember(this.#routing, sql, index);
  }
}

/** Adds an entry as the newest, dropping the oldest beyond STATEMENT_CACHE_SIZE. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > STATEMENT_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

/** The plug-in: one SqlServiceImpl per client, created at the first getSql. */
const sqlPlugin: ClientPlugin<SqlServiceImpl> = {
  name: 'sql',
  setup: (host) => new SqlServiceImpl(host),
};

/**
 * The SQL service of `client`. The members need the Jet engine enabled and the `hazelcast-sql` module on
 * their classpath.
 *
 * ```ts
 * const sql = getSql(client);
 * for await (const row of await sql.execute('SELECT name FROM employees WHERE age < ?', [30])) {
 *   console.log(row.getObject('name'));
 * }
 * ```
 */
export function getSql(client: HazelcastClient): SqlService {
  return attachPlugin(client, sqlPlugin);
}
