// SqlPage: a page of SQL rows sent column by column: BEGIN, isLast, the column type ids, one column per
// type (fixed-size ones in sql-fixed-columns, the others as multi-frame lists), END.
import type { ClientMessage } from '../client-message';
import { INT_SIZE } from '../constants';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { beginFrame, createFrame, endFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import { decodeData, encodeData } from './bytes';
import { variable } from './define';
import { readInt, requireLength, writeBoolean, writeInt } from './fixed';
import { decodeListInteger, encodeListInteger } from './fixed-lists';
import {
  decodeList,
  decodeListContainsNullable,
  decodeNullable,
  encodeList,
  encodeListContainsNullable,
  encodeNullable,
  expectBegin,
} from './multi-frame';
import { decodeDecimal, encodeDecimal } from './sql-decimal';
import { decodeFixedColumn, encodeFixedColumn, fixedColumn, nullColumn } from './sql-fixed-columns';
import { SqlColumnTypes, type SqlDecimal, type SqlPage } from './sql-types';
import { decodeString, encodeString } from './string';

export * from './sql-types';

function decodeJson(cursor: FrameCursor): { value: string } {
  expectBegin(cursor, 'HazelcastJsonValue');
  const value = decodeString(cursor);
  cursor.skipToEndFrame();
  return { value };
}

function encodeJson(message: ClientMessage, json: { value: string }): void {
  message.add(beginFrame());
  encodeString(message, json.value);
  message.add(endFrame());
}

export function decodeSqlPage(cursor: FrameCursor): SqlPage {
  expectBegin(cursor, 'SqlPage');
  const lastFrame = cursor.next().content;
  requireLength(lastFrame, 1, 'SqlPage.isLast');
  const isLast = lastFrame[0] === 1;
  const columnTypes = decodeListInteger(cursor);
  const columns: unknown[][] = [];
  for (const type of columnTypes) {
    const fixed = fixedColumn(type);
    if (fixed !== undefined) {
      columns.push(decodeFixedColumn(cursor, fixed.size, fixed.read));
      continue;
    }
    switch (type) {
      case SqlColumnTypes.VARCHAR:
        columns.push(decodeListContainsNullable(cursor, decodeString));
        break;
      case SqlColumnTypes.DECIMAL:
        columns.push(decodeList(cursor, (c) => decodeNullable(c, decodeDecimal)));
        break;
      case SqlColumnTypes.OBJECT:
        columns.push(decodeList(cursor, (c) => decodeNullable(c, decodeData)));
        break;
      case SqlColumnTypes.JSON:
        columns.push(decodeListContainsNullable(cursor, decodeJson));
        break;
      case SqlColumnTypes.NULL: {
        const content = cursor.next().content;
        requireLength(content, INT_SIZE, 'SqlPage NULL column');
        columns.push(nullColumn(readInt(content, 0)));
        break;
      }
      default:
        throw new HazelcastProtocolError(`SqlPage: unknown column type ${type}`);
    }
  }
  cursor.skipToEndFrame();
  return { columnTypes, columns, isLast };
}

export function encodeSqlPage(message: ClientMessage, page: SqlPage): void {
  message.add(beginFrame());
  const last = Buffer.alloc(1);
  writeBoolean(last, 0, page.isLast);
  message.add(createFrame(last));
  encodeListInteger(message, page.columnTypes);
  page.columnTypes.forEach((type, i) => {
    const column = page.columns[i] ?? [];
    const fixed = fixedColumn(type);
    if (fixed !== undefined) {
      encodeFixedColumn(message, column, fixed.size, fixed.write);
      return;
    }
    switch (type) {
      case SqlColumnTypes.VARCHAR:
        encodeListContainsNullable(message, column as Array<string | null>, encodeString);
        break;
      case SqlColumnTypes.DECIMAL:
        encodeList(message, column as Array<SqlDecimal | null>, (m, v) =>
          encodeNullable(m, v, encodeDecimal),
        );
        break;
      case SqlColumnTypes.OBJECT:
        encodeList(message, column as Array<Buffer | null>, (m, v) => encodeNullable(m, v, encodeData));
        break;
      case SqlColumnTypes.JSON:
        encodeListContainsNullable(message, column as Array<{ value: string } | null>, encodeJson);
        break;
      case SqlColumnTypes.NULL: {
        const content = Buffer.alloc(INT_SIZE);
        writeInt(content, 0, column.length);
        message.add(createFrame(content));
        break;
      }
      default:
        throw new TypeError(`SqlPage: unknown column type ${type}`);
    }
  });
  message.add(endFrame());
}

/** The SqlPage WireType the generated SQL codecs use. */
export const SQL_PAGE = /* @__PURE__ */ variable(encodeSqlPage, decodeSqlPage);
