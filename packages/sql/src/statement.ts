import { IllegalArgumentError } from '@hz/core-client';
import {
  DEFAULT_CURSOR_BUFFER_SIZE,
  SqlExpectedResultType,
  type SqlRowFormat,
  type SqlStatement,
  SqlTimeout,
} from './sql';

/** A statement as it is sent: validated, parameters copied, defaults filled in. */
export interface ResolvedStatement {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly schema: string | null;
  readonly timeoutMillis: number;
  readonly cursorBufferSize: number;
  readonly expectedResultType: SqlExpectedResultType;
  readonly rowFormat: SqlRowFormat;
  readonly signal: AbortSignal | undefined;
}

const OPTION_KEYS = [
  'schema',
  'timeout',
  'cursorBufferSize',
  'expectedResultType',
  'rowFormat',
  'signal',
] as const;
const STATEMENT_KEYS = ['sql', 'parameters', ...OPTION_KEYS] as const;
const MAX_INT32 = 2 ** 31 - 1;

/** Validates `execute(sql, params, options)`; every error names the argument (nothing was sent). */
export function resolveExecute(sql: unknown, params: unknown, options: unknown): ResolvedStatement {
  if (options !== undefined && !isObject(options)) {
    throw invalid(`the options must be an object, got ${describe(options)}`);
  }
  const opts = options ?? {};
  checkKeys(opts, OPTION_KEYS, 'option');
  return resolve({ ...opts, sql, parameters: params }, 'params');
}

/** Validates `executeStatement(statement)`. */
export function resolveStatement(statement: unknown): ResolvedStatement {
  if (!isObject(statement)) {
    throw invalid(`the statement must be an object with an sql string, got ${describe(statement)}`);
  }
  checkKeys(statement, STATEMENT_KEYS, 'statement property');
  return resolve(statement, 'statement.parameters');
}

function resolve(statement: Record<string, unknown>, parametersName: string): ResolvedStatement {
  const { sql, parameters, schema, timeout, cursorBufferSize, expectedResultType, rowFormat, signal } =
    statement as Partial<Record<keyof SqlStatement, unknown>>;
  if (typeof sql !== 'string') throw invalid(`the SQL must be a string, got ${describe(sql)}`);
  if (sql.trim().length === 0) throw invalid('the SQL must not be empty');
  if (parameters !== undefined && parameters !== null && !Array.isArray(parameters)) {
    throw invalid(`${parametersName} must be an array (one value per ?), got ${describe(parameters)}`);
  }
  if (schema !== undefined && schema !== null && typeof schema !== 'string') {
    throw invalid(`schema must be a string or null, got ${describe(schema)}`);
  }
  if (
    timeout !== undefined &&
    !(
      typeof timeout === 'number' &&
      Number.isSafeInteger(timeout) &&
      (timeout >= 0 || timeout === SqlTimeout.NOT_SET)
    )
  ) {
    throw invalid(
      `timeout must be a whole number of milliseconds >= 0, or -1 for the member's setting, got ${describe(timeout)}`,
    );
  }
  if (
    cursorBufferSize !== undefined &&
    !(
      typeof cursorBufferSize === 'number' &&
      Number.isInteger(cursorBufferSize) &&
      cursorBufferSize > 0 &&
      cursorBufferSize <= MAX_INT32
    )
  ) {
    throw invalid(
      `cursorBufferSize must be a positive whole number of rows, got ${describe(cursorBufferSize)}`,
    );
  }
  if (rowFormat !== undefined && rowFormat !== 'row' && rowFormat !== 'object') {
    throw invalid(`rowFormat must be 'row' or 'object', got ${describe(rowFormat)}`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw invalid(`signal must be an AbortSignal, got ${describe(signal)}`);
  }
  return {
    sql,
    parameters: parameters ? [...(parameters as unknown[])] : [],
    schema: (schema as string | null | undefined) ?? null,
    timeoutMillis: (timeout as number | undefined) ?? SqlTimeout.NOT_SET,
    cursorBufferSize: (cursorBufferSize as number | undefined) ?? DEFAULT_CURSOR_BUFFER_SIZE,
    expectedResultType: resolveExpectedResultType(expectedResultType),
    rowFormat: (rowFormat as SqlRowFormat | undefined) ?? 'row',
    signal: signal as AbortSignal | undefined,
  };
}

function resolveExpectedResultType(value: unknown): SqlExpectedResultType {
  if (value === undefined) return SqlExpectedResultType.ANY;
  if (typeof value === 'string' && Object.hasOwn(SqlExpectedResultType, value)) {
    return SqlExpectedResultType[value as keyof typeof SqlExpectedResultType];
  }
  if ((Object.values(SqlExpectedResultType) as unknown[]).includes(value)) {
    return value as SqlExpectedResultType;
  }
  throw invalid(
    `expectedResultType must be one of ${Object.keys(SqlExpectedResultType).join(', ')} (or its value), got ${describe(value)}`,
  );
}

function checkKeys(object: Record<string, unknown>, known: readonly string[], what: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key) && object[key] !== undefined) {
      throw invalid(`unknown ${what} "${key}"; known: ${known.join(', ')}`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function invalid(message: string): IllegalArgumentError {
  return new IllegalArgumentError(`SQL: ${message}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'function') return 'a function';
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}
