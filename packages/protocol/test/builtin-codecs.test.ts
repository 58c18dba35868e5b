import Long from 'long';
import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../src/client-message';
import { decodeLongArray, encodeByteArray, encodeData } from '../src/codecs/bytes';
import { readUuid, writeBoolean, writeInt, writeLong, writeUuid } from '../src/codecs/fixed';
import {
  decodeEntryListIntegerLong,
  decodeListInteger,
  decodeListUuid,
  encodeListUuid,
} from '../src/codecs/fixed-lists';
import { createRequestMessage } from '../src/codecs/messages';
import { decodeMap, decodeNullable, encodeList, encodeMap, encodeNullable } from '../src/codecs/multi-frame';
import {
  decodeEntryListLongByteArray,
  encodeEntryListLongByteArray,
} from '../src/codecs/special-entry-lists';
import { decodeSqlPage, encodeSqlPage, SqlColumnTypes, type SqlPage } from '../src/codecs/sql-page';
import { decodeString, encodeString, utf8Bytes, utf8String } from '../src/codecs/string';
import { HazelcastProtocolError } from '../src/errors/protocol-error';
import { FrameFlags } from '../src/flags';
import { createFrame, endFrame } from '../src/frame';
import { decodeAddress, encodeAddress } from '../src/generated/custom/AddressCodec';
import {
  decodeIndexConfig,
  encodeIndexConfig,
  type IndexConfig,
} from '../src/generated/custom/IndexConfigCodec';
import { randomUuid, uuidFromString, uuidToString } from '../src/uuid';

function message(): ClientMessage {
  return createRequestMessage(1, 16);
}

function cursorAfterInitial(m: ClientMessage) {
  const cursor = m.cursor();
  cursor.next();
  return cursor;
}

describe('strings', () => {
  it.each([
    '',
    'a',
    'localhost',
    'x'.repeat(32),
    'y'.repeat(33),
    'héllo',
    '中文',
    '😀 emoji',
    'a\u0000b',
    'é'.repeat(100),
  ])('round-trips %j as UTF-8', (text) => {
    expect(utf8Bytes(text)).toEqual(Buffer.from(text, 'utf8'));
    expect(utf8String(Buffer.from(text, 'utf8'))).toBe(text);
    const m = message();
    encodeString(m, text);
    expect(decodeString(cursorAfterInitial(m))).toBe(text);
  });

  it('names a non-string argument', () => {
    expect(() => encodeString(message(), 5 as never)).toThrow(/Expected a string/);
    expect(() => encodeData(message(), 'x' as never)).toThrow(/Data must be a Buffer/);
    expect(() => encodeByteArray(message(), null as never)).toThrow(/byte\[\] must be a Buffer/);
  });
});

describe('UUID', () => {
  it('encodes 17 bytes: null flag, most and least significant halves', () => {
    const uuid = uuidFromString('00000000-075b-cd15-0000-00003ade68b1');
    const buf = Buffer.alloc(17);
    writeUuid(buf, 0, uuid);
    expect(buf.toString('hex')).toBe(`00${'15cd5b0700000000'}${'b168de3a00000000'}`);
    expect(readUuid(buf, 0)).toEqual(uuid);
    writeUuid(buf, 0, null);
    expect(buf[0]).toBe(1);
    expect(readUuid(buf, 0)).toBeNull();
  });

  it('converts to and from the canonical text form', () => {
    const text = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
    expect(uuidToString(uuidFromString(text))).toBe(text);
    const random = randomUuid();
    expect(uuidFromString(uuidToString(random))).toEqual(random);
    expect(uuidToString(random)[14]).toBe('4');
    expect(() => uuidFromString('nope')).toThrow(/Not a UUID/);
  });

  it('refuses a null item in a list of UUIDs', () => {
    const m = message();
    encodeListUuid(m, [null as never]);
    expect(() => decodeListUuid(cursorAfterInitial(m))).toThrow(HazelcastProtocolError);
  });
});

describe('fixed-size lists', () => {
  it('reject frames whose length is not a whole number of items', () => {
    for (const decode of [decodeListInteger, decodeLongArray, decodeEntryListIntegerLong]) {
      const m = message();
      m.add(createFrame(Buffer.alloc(7)));
      expect(() => decode(cursorAfterInitial(m))).toThrow(HazelcastProtocolError);
    }
  });

  it('send long/byte[] entries as the value list followed by the key list', () => {
    const m = message();
    const entries: Array<[Long, Buffer]> = [
      [Long.fromNumber(-1), Buffer.from([1])],
      [Long.fromNumber(7), Buffer.from([2, 3])],
    ];
    encodeEntryListLongByteArray(m, entries);
    expect(m.frames.map((f) => f.flags)).toEqual([
      FrameFlags.UNFRAGMENTED,
      FrameFlags.BEGIN_DATA_STRUCTURE,
      0,
      0,
      FrameFlags.END_DATA_STRUCTURE,
      0,
    ]);
    expect(decodeEntryListLongByteArray(cursorAfterInitial(m))).toEqual(entries);
  });
});

describe('nullable values and maps', () => {
  it('write a NULL frame for null and read it back as null', () => {
    const m = message();
    encodeNullable(m, null, encodeString);
    encodeNullable(m, 'x', encodeString);
    expect(m.frames[1]!.flags).toBe(FrameFlags.IS_NULL);
    const cursor = cursorAfterInitial(m);
    expect(decodeNullable(cursor, decodeString)).toBeNull();
    expect(decodeNullable(cursor, decodeString)).toBe('x');
  });

  it('round-trip maps and reject a non-Map argument', () => {
    const m = message();
    const map = new Map([
      ['a', '1'],
      ['b', '2'],
    ]);
    encodeMap(m, map, encodeString, encodeString);
    expect(decodeMap(cursorAfterInitial(m), decodeString, decodeString)).toEqual(map);
    expect(() => encodeMap(message(), {} as never, encodeString, encodeString)).toThrow(/must be a Map/);
    expect(() => encodeList(message(), 'abc' as never, encodeString)).toThrow(/must be an array/);
  });
});

describe('custom types', () => {
  it('skip fields that a newer member appends', () => {
    const m = message();
    encodeAddress(m, { host: 'h', port: 5701 });
    // A newer member would add frames before END; insert one (with a nested structure) there.
    const end = m.frames.pop()!;
    encodeList(m, ['extra'], encodeString);
    m.add(end);
    m.add(createFrame(Buffer.from('after')));
    const cursor = cursorAfterInitial(m);
    expect(decodeAddress(cursor)).toEqual({ host: 'h', port: 5701 });
    expect(decodeString(cursor)).toBe('after');
  });

  it('decode an older member’s structure without fields added later as null', () => {
    const config: IndexConfig = {
      name: 'idx',
      type: 1,
      attributes: ['a'],
      bitmapIndexOptions: null,
      bTreeIndexConfig: {
        pageSize: { value: Long.fromNumber(16), unit: 0 },
        memoryTierConfig: { capacity: { value: Long.fromNumber(1), unit: 0 } },
      },
    };
    const m = message();
    encodeIndexConfig(m, config);
    // Drop bTreeIndexConfig (since 2.5) as a 2.0-era member would: everything between the last NULL frame
    // (bitmapIndexOptions) and the final END frame.
    const nullAt = m.frames.findIndex((f) => f.flags === FrameFlags.IS_NULL);
    m.frames.splice(nullAt + 1, m.frames.length - nullAt - 2);
    expect(decodeIndexConfig(cursorAfterInitial(m))).toEqual({ ...config, bTreeIndexConfig: null });
  });

  it('report a missing END frame as a protocol error', () => {
    const m = message();
    encodeAddress(m, { host: 'h', port: 1 });
    m.frames.pop();
    expect(() => decodeAddress(cursorAfterInitial(m))).toThrow(HazelcastProtocolError);
  });
});

describe('SqlPage', () => {
  const page: SqlPage = {
    isLast: false,
    columnTypes: [
      SqlColumnTypes.VARCHAR,
      SqlColumnTypes.BOOLEAN,
      SqlColumnTypes.TINYINT,
      SqlColumnTypes.SMALLINT,
      SqlColumnTypes.INTEGER,
      SqlColumnTypes.BIGINT,
      SqlColumnTypes.DECIMAL,
      SqlColumnTypes.REAL,
      SqlColumnTypes.DOUBLE,
      SqlColumnTypes.DATE,
      SqlColumnTypes.TIME,
      SqlColumnTypes.TIMESTAMP,
      SqlColumnTypes.TIMESTAMP_WITH_TIME_ZONE,
      SqlColumnTypes.OBJECT,
      SqlColumnTypes.NULL,
      SqlColumnTypes.JSON,
      SqlColumnTypes.INTEGER,
      SqlColumnTypes.INTEGER,
    ],
    columns: [
      ['a', null, 'ç'],
      [true, false, null],
      [-1, null, 127],
      [null, -300, 300],
      [1, 2, 3],
      [Long.fromString('-9223372036854775808'), null, Long.fromNumber(5)],
      [{ unscaledValue: -129n, scale: 2 }, null, { unscaledValue: 10n ** 30n, scale: 0 }],
      [Math.fround(1.5), null, Math.fround(-2.25)],
      [Math.PI, null, -0.5],
      [{ year: 2026, month: 11, day: 22 }, null, { year: -5, month: 1, day: 1 }],
      [{ hour: 23, minute: 59, second: 58, nano: 999_999_999 }, null, null],
      [
        { date: { year: 1970, month: 1, day: 1 }, time: { hour: 0, minute: 0, second: 0, nano: 1 } },
        null,
        null,
      ],
      [
        {
          dateTime: {
            date: { year: 2000, month: 2, day: 29 },
            time: { hour: 12, minute: 30, second: 0, nano: 0 },
          },
          offsetSeconds: -3600,
        },
        null,
        null,
      ],
      [Buffer.from([1, 2]), null, Buffer.alloc(0)],
      [null, null, null],
      [{ value: '{"a":1}' }, null, { value: '[]' }],
      [null, null, null],
      Array.from({ length: 19 }, (_, i) => (i % 3 === 0 ? null : i)),
    ],
  };

  it('round-trips every column type with nulls in any position', () => {
    const m = message();
    encodeSqlPage(m, page);
    const decoded = decodeSqlPage(cursorAfterInitial(m));
    expect(decoded).toEqual(page);
  });

  it('rejects an unknown column type and a corrupt null-column size', () => {
    const m = message();
    encodeSqlPage(m, { isLast: true, columnTypes: [SqlColumnTypes.NULL], columns: [[null]] });
    m.frames[4]!.content.writeInt32LE(0x7fffffff, 0);
    expect(() => decodeSqlPage(cursorAfterInitial(m))).toThrow(HazelcastProtocolError);
    const unknown = message();
    encodeSqlPage(unknown, { isLast: true, columnTypes: [], columns: [] });
    unknown.frames[3] = createFrame(Buffer.from([99, 0, 0, 0]));
    unknown.add(endFrame());
    expect(() => decodeSqlPage(cursorAfterInitial(unknown))).toThrow(/unknown column type 99/);
  });
});

describe('input validation', () => {
  it('names the expected type of fixed-size fields', () => {
    const buf = Buffer.alloc(8);
    expect(() => writeInt(buf, 0, '5' as never)).toThrow(/Expected a number for an int32 field, got string/);
    expect(() => writeBoolean(buf, 0, 1 as never)).toThrow(/Expected a boolean, got number/);
    expect(() => writeLong(buf, 0, undefined as never)).toThrow(/Expected number, bigint or Long/);
  });

  it('writes safe-integer longs without Long, identical to the Long path', () => {
    for (const value of [
      0,
      -1,
      1,
      2 ** 32,
      -(2 ** 32) - 1,
      Number.MAX_SAFE_INTEGER,
      Number.MIN_SAFE_INTEGER,
      -50992225,
    ]) {
      const fast = Buffer.alloc(8);
      const slow = Buffer.alloc(8);
      writeLong(fast, 0, value);
      writeLong(slow, 0, Long.fromNumber(value));
      expect(fast).toEqual(slow);
      expect(fast.readBigInt64LE(0)).toBe(BigInt(value));
    }
  });
});
