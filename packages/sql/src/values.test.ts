import type { PluginHost } from '@hz/core-client/plugin';
import { SqlColumnTypes } from '@hz/protocol';
import {
  BigDecimal,
  HazelcastJsonValue,
  JavaTyped,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  SerializationService,
} from '@hz/serialization';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { convertColumn, sqlParameter } from './values';

describe('sqlParameter', () => {
  it('sends whole numbers as INTEGER or BIGINT and the others as DOUBLE, whatever defaultNumberType says', () => {
    expect(sqlParameter(5, 0)).toEqual(new JavaTyped('int', 5));
    expect(sqlParameter(-(2 ** 31), 0)).toEqual(new JavaTyped('int', -(2 ** 31)));
    expect(sqlParameter(2 ** 31, 0)).toEqual(new JavaTyped('long', 2 ** 31));
    expect(sqlParameter(2 ** 53 - 1, 0)).toEqual(new JavaTyped('long', 2 ** 53 - 1));
    expect(sqlParameter(2 ** 53, 0)).toEqual(new JavaTyped('double', 2 ** 53));
    expect(sqlParameter(1.5, 0)).toEqual(new JavaTyped('double', 1.5));
    expect(sqlParameter(-0, 0)).toEqual(new JavaTyped('double', -0));
    expect(sqlParameter(Number.NaN, 0)).toEqual(new JavaTyped('double', Number.NaN));
  });

  it('sends bigints as BIGINT and refuses those beyond 64 bits', () => {
    expect(sqlParameter(2n ** 63n - 1n, 0)).toEqual(new JavaTyped('long', 2n ** 63n - 1n));
    expect(sqlParameter(-(2n ** 63n), 0)).toEqual(new JavaTyped('long', -(2n ** 63n)));
    expect(() => sqlParameter(2n ** 63n, 3)).toThrow(
      /parameter 3 \(9223372036854775808n\) does not fit BIGINT/,
    );
  });

  it('passes everything else to the serialization service unchanged, and refuses undefined', () => {
    const decimal = new BigDecimal(1n, 2);
    for (const value of [null, 'x', true, decimal, new LocalDate(2020, 1, 1), { a: 1 }]) {
      expect(sqlParameter(value, 0)).toBe(value);
    }
    expect(() => sqlParameter(undefined, 1)).toThrow(/parameter 1 is undefined; pass null for SQL NULL/);
  });

  it('produces the Java types the member expects', () => {
    const service = new SerializationService();
    const typeId = (value: unknown) => service.toData(sqlParameter(value, 0)).getType();
    expect(typeId(7)).toBe(-7); // Integer
    expect(typeId(2 ** 40)).toBe(-8); // Long
    expect(typeId(7n)).toBe(-8); // Long
    expect(typeId(0.5)).toBe(-10); // Double
  });
});

describe('convertColumn', () => {
  // Only BIGINT needs the host (int64); OBJECT has its own test below.
  const host = { int64: (value: Long) => value.toBigInt() } as unknown as PluginHost;

  it('converts every column type to its documented JS value and keeps NULL as null', async () => {
    expect(
      await convertColumn(host, SqlColumnTypes.BIGINT, [Long.fromString('-9223372036854775808'), null]),
    ).toEqual([-(2n ** 63n), null]);
    expect(
      await convertColumn(host, SqlColumnTypes.DECIMAL, [{ unscaledValue: -123n, scale: 2 }, null]),
    ).toStrictEqual([new BigDecimal(-123n, 2), null]);
    expect(await convertColumn(host, SqlColumnTypes.DATE, [{ year: 2020, month: 2, day: 29 }])).toStrictEqual(
      [new LocalDate(2020, 2, 29)],
    );
    expect(
      await convertColumn(host, SqlColumnTypes.TIME, [{ hour: 1, minute: 2, second: 3, nano: 4 }]),
    ).toStrictEqual([new LocalTime(1, 2, 3, 4)]);
    const date = { year: 1, month: 1, day: 1 };
    const time = { hour: 0, minute: 0, second: 0, nano: 999_999_999 };
    expect(await convertColumn(host, SqlColumnTypes.TIMESTAMP, [{ date, time }])).toStrictEqual([
      new LocalDateTime(new LocalDate(1, 1, 1), new LocalTime(0, 0, 0, 999_999_999)),
    ]);
    expect(
      await convertColumn(host, SqlColumnTypes.TIMESTAMP_WITH_TIME_ZONE, [
        { dateTime: { date, time }, offsetSeconds: -64800 },
      ]),
    ).toStrictEqual([
      new OffsetDateTime(
        new LocalDateTime(new LocalDate(1, 1, 1), new LocalTime(0, 0, 0, 999_999_999)),
        -64800,
      ),
    ]);
    const [json] = await convertColumn(host, SqlColumnTypes.JSON, [{ value: '{"a":1}' }]);
    expect(json).toBeInstanceOf(HazelcastJsonValue);
    expect(String(json)).toBe('{"a":1}');
    for (const type of [
      SqlColumnTypes.VARCHAR,
      SqlColumnTypes.INTEGER,
      SqlColumnTypes.DOUBLE,
      SqlColumnTypes.NULL,
    ]) {
      expect(await convertColumn(host, type, ['x', null])).toEqual(['x', null]);
    }
  });

  it('deserializes OBJECT values through the host', async () => {
    const objectHost = {
      toObject: async (data: Buffer | null) => (data === null ? null : `object of ${data.length} bytes`),
    } as unknown as PluginHost;
    expect(await convertColumn(objectHost, SqlColumnTypes.OBJECT, [Buffer.alloc(12), null])).toEqual([
      'object of 12 bytes',
      null,
    ]);
  });
});
