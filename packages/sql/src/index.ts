// @hz/sql: the SQL service of an @hz/core-client client (`getSql(client)`). It attaches itself to the client
// on first use through @hz/core-client/plugin; a program that does not import it carries none of its code.

export type {
  SqlColumnMetadata,
  SqlResult,
  SqlRow,
  SqlRowFormat,
  SqlRowMetadata,
  SqlService,
  SqlStatement,
  SqlStatementOptions,
} from './sql';
export {
  COLUMN_NOT_FOUND,
  DEFAULT_CURSOR_BUFFER_SIZE,
  SqlColumnType,
  SqlExpectedResultType,
  SqlTimeout,
} from './sql';
export { HazelcastSqlError, SqlErrorCode, type SqlErrorDetails } from './sql-error';
export { getSql } from './sql-service';
