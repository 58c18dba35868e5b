import type { Int64 } from '@hz/core-client';

/**
 * SQL column types, as `SqlColumnMetadata.type` reports them, with the JS value a result carries:
 *
 * | type | JS value of a result |
 * |---|---|
 * | VARCHAR | `string` |
 * | BOOLEAN | `boolean` |
 * | TINYINT, SMALLINT, INTEGER | `number` |
 * | BIGINT | `Int64` (`bigint`, or `Long` with `int64Type: 'Long'`) |
 * | DECIMAL | `BigDecimal` (exact: unscaled `bigint` and scale) |
 * | REAL, DOUBLE | `number` |
 * | DATE | `LocalDate` |
 * | TIME | `LocalTime` (nanoseconds kept) |
 * | TIMESTAMP | `LocalDateTime` (nanoseconds kept) |
 * | TIMESTAMP_WITH_TIME_ZONE | `OffsetDateTime` (nanoseconds and offset seconds kept) |
 * | OBJECT | the deserialized object (Compact, Portable, IdentifiedDataSerializable, Java types, JSON) |
 * | NULL | `null` |
 * | JSON | `HazelcastJsonValue` |
 *
 * `BigDecimal`, `LocalDate`, `LocalTime`, `LocalDateTime`, `OffsetDateTime` and `HazelcastJsonValue` are
 * the classes of `@hz/serialization`. SQL NULL is `null` in every column.
 */
export const SqlColumnType = {
  VARCHAR: 0,
  BOOLEAN: 1,
  TINYINT: 2,
  SMALLINT: 3,
  INTEGER: 4,
  BIGINT: 5,
  DECIMAL: 6,
  REAL: 7,
  DOUBLE: 8,
  DATE: 9,
  TIME: 10,
  TIMESTAMP: 11,
  TIMESTAMP_WITH_TIME_ZONE: 12,
  OBJECT: 13,
  NULL: 14,
  JSON: 15,
} as const;
export type SqlColumnType = (typeof SqlColumnType)[keyof typeof SqlColumnType];

/** What a statement must produce; the member fails the statement when it produces the other kind. */
export const SqlExpectedResultType = {
  /** Rows or an update count. */
  ANY: 0,
  /** Rows: a statement producing an update count fails. */
  ROWS: 1,
  /** An update count: a statement producing rows fails. */
  UPDATE_COUNT: 2,
} as const;
export type SqlExpectedResultType = (typeof SqlExpectedResultType)[keyof typeof SqlExpectedResultType];

/** `timeout` values with a meaning of their own. */
export const SqlTimeout = {
  /** Use the member's configured timeout (`sql.statement-timeout-millis`, default none). The default. */
  NOT_SET: -1,
  /** No timeout. */
  DISABLED: 0,
} as const;

/** Rows per page when the statement does not say (`cursorBufferSize`). */
export const DEFAULT_CURSOR_BUFFER_SIZE = 4096;

/** `SqlRowMetadata.findColumn` for a name no column has. */
export const COLUMN_NOT_FOUND = -1;

/** How rows are handed out: `SqlRow` objects (the default) or plain objects keyed by column name. */
export type SqlRowFormat = 'row' | 'object';

/** Options of a statement (every one optional). */
export interface SqlStatementOptions {
  /**
   * The schema unqualified names are looked up in first (case-sensitive); the default search path
   * (`partitioned`, `public`) follows. Default null: the search path only.
   */
  schema?: string | null;
  /**
   * Milliseconds after which the member cancels the statement. {@link SqlTimeout}.NOT_SET (-1, the default)
   * uses the member's configuration, {@link SqlTimeout}.DISABLED (0) means none.
   */
  timeout?: number;
  /**
   * Rows per page (default {@link DEFAULT_CURSOR_BUFFER_SIZE}): the member buffers at most this many rows
   * for the client and the client fetches one page at a time, only when the rows before it were used.
   */
  cursorBufferSize?: number;
  /** What the statement must produce (default ANY); a name ('ROWS') or a value of {@link SqlExpectedResultType}. */
  expectedResultType?: SqlExpectedResultType | keyof typeof SqlExpectedResultType;
  /** `'row'` (default): rows are {@link SqlRow}s; `'object'`: plain objects keyed by column name. */
  rowFormat?: SqlRowFormat;
  /**
   * Gives up the statement: the pending call rejects with AbortError and the query is cancelled on the
   * member (rows not yet handed out are not delivered; nothing else is lost).
   */
  signal?: AbortSignal;
}

/** The statement form of `execute`: the SQL, its parameters and its options in one object. */
export interface SqlStatement extends SqlStatementOptions {
  /** The SQL text; `?` marks a parameter. */
  sql: string;
  /** One value per `?`, in order (copied when the statement is executed). */
  parameters?: readonly unknown[];
}

/** A column of a result. */
export interface SqlColumnMetadata {
  readonly name: string;
  readonly type: SqlColumnType;
  /** Whether the column may hold NULL. */
  readonly nullable: boolean;
}

/** The columns of a result's rows. */
export interface SqlRowMetadata {
  readonly columns: readonly SqlColumnMetadata[];
  readonly columnCount: number;
  /** The column at a zero-based index; IndexOutOfBoundsError outside 0…columnCount-1. */
  getColumn(index: number): SqlColumnMetadata;
  /** The index of the column named `columnName` (case-sensitive), or {@link COLUMN_NOT_FOUND} (-1). */
  findColumn(columnName: string): number;
}

/** One row of a result. Values are typed by column as {@link SqlColumnType} lists; no conversion is done. */
export interface SqlRow {
  readonly metadata: SqlRowMetadata;
  /** The value of the column named `columnName` (case-sensitive); IllegalArgumentError for an unknown name. */
  getObject<T = unknown>(columnName: string): T;
  /** The value of the column at a zero-based index; IndexOutOfBoundsError outside the columns. */
  getObjectWithIndex<T = unknown>(columnIndex: number): T;
  /** The row as a plain object keyed by column name (a later column wins when two share a name). */
  toObject<T extends object = Record<string, unknown>>(): T;
}

/**
 * The result of a statement: rows, streamed page by page, or an update count.
 *
 * Iterate the rows with `for await (const row of result)`: the next page is fetched only when the rows
 * before it were used, and leaving the loop early (break, return, throw) closes the result, which cancels
 * the query on the member. A result can be iterated once. Close a result you do not iterate to the end
 * (`await using result = …` does it).
 */
export interface SqlResult<R = SqlRow> extends AsyncIterable<R>, AsyncDisposable {
  /** Whether the statement produced rows (else an update count). */
  isRowSet(): boolean;
  /**
   * The rows the statement changed; -1 for a row set, 0 when the statement changes no rows or the count is
   * unknown (DDL).
   */
  updateCount(): Int64;
  /** The columns of the rows; IllegalStateError for an update-count result. */
  getRowMetadata(): SqlRowMetadata;
  /** The row iterator (what `for await` uses); only once per result, and not for update counts. */
  iterator(): AsyncIterator<R, undefined>;
  /**
   * Releases the result: cancels the query on the member if it is still running (no-op otherwise, and for
   * update counts). A concurrent iteration then fails with HazelcastSqlError CANCELLED_BY_USER.
   */
  close(): Promise<void>;
}

/**
 * The SQL service of a client (`getSql(client)`): runs SQL on a data member of the cluster. The members need
 * the Jet engine enabled and the `hazelcast-sql` module on their classpath.
 */
export interface SqlService {
  /**
   * Runs `sql` with `params` (one per `?`), resolving once the member accepted it with the first page of
   * rows or the update count. Rejects with HazelcastSqlError when the member refuses or fails the
   * statement, IllegalArgumentError (nothing sent) for invalid arguments.
   */
  execute(
    sql: string,
    params?: readonly unknown[],
    options?: SqlStatementOptions & { rowFormat?: 'row' },
  ): Promise<SqlResult<SqlRow>>;
  /** `execute` with `rowFormat: 'object'`: the rows are plain objects keyed by column name. */
  execute<T extends object = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] | undefined,
    options: SqlStatementOptions & { rowFormat: 'object' },
  ): Promise<SqlResult<T>>;
  /** `execute` with the statement in one object: `{ sql, parameters, timeout, cursorBufferSize, … }`. */
  executeStatement(statement: SqlStatement & { rowFormat?: 'row' }): Promise<SqlResult<SqlRow>>;
  /** `executeStatement` with `rowFormat: 'object'`: the rows are plain objects keyed by column name. */
  executeStatement<T extends object = Record<string, unknown>>(
    statement: SqlStatement & { rowFormat: 'object' },
  ): Promise<SqlResult<T>>;
}
