import type { HazelcastClient } from '@hz/core-client';
import { compactSerialization } from '@hz/core-client';
import {
  BigDecimal,
  type CompactGenericRecord,
  HazelcastJsonValue,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  typed,
} from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSql, type SqlColumnMetadata, SqlColumnType, type SqlRow } from '../src/index';
import {
  connect,
  connectOfficial,
  type OfficialClient,
  official,
  SQL_HELPERS_XML,
  SqlBox,
  SqlPerson,
} from './helpers';

// Every SQL type both ways, against real members: values the official client wrote are read by @hz as the
// documented JS types; values @hz sends as parameters are stored exactly (read back by the official client
// and by a second @hz client), and every result value, sent back as a parameter, matches the row it came
// from. The official hazelcast-client is a test-only oracle.

const COLUMNS = [
  ['c_varchar', 'VARCHAR'],
  ['c_boolean', 'BOOLEAN'],
  ['c_tinyint', 'TINYINT'],
  ['c_smallint', 'SMALLINT'],
  ['c_integer', 'INTEGER'],
  ['c_bigint', 'BIGINT'],
  ['c_decimal', 'DECIMAL'],
  ['c_real', 'REAL'],
  ['c_double', 'DOUBLE'],
  ['c_date', 'DATE'],
  ['c_time', 'TIME'],
  ['c_timestamp', 'TIMESTAMP'],
  ['c_tstz', 'TIMESTAMP WITH TIME ZONE'],
] as const;
const NAMES = COLUMNS.map(([name]) => name);
const LIST = NAMES.join(', ');

/** The JS values @hz hands out for row 1 (written by the official client). */
const EXPECTED_1 = {
  c_varchar: 'héllo, wörld 👋',
  c_boolean: true,
  c_tinyint: -128,
  c_smallint: 32767,
  c_integer: -2147483648,
  c_bigint: 9223372036854775807n,
  c_decimal: new BigDecimal(12345678901234567890123456789n, 9),
  c_real: 1.5,
  c_double: 0.1,
  c_date: new LocalDate(2024, 2, 29),
  c_time: new LocalTime(23, 59, 58, 123456789),
  c_timestamp: new LocalDateTime(new LocalDate(1999, 12, 31), new LocalTime(23, 59, 59, 999999999)),
  c_tstz: new OffsetDateTime(
    new LocalDateTime(new LocalDate(2021, 6, 2), new LocalTime(1, 2, 3, 456789012)),
    5 * 3600 + 30 * 60,
  ),
};

/** Row 2: what @hz inserts through parameters (other values, so rows cannot be mixed up). */
const INSERTED_2 = {
  c_varchar: 'ünïcode ✓ and "quotes"',
  c_boolean: false,
  c_tinyint: 127,
  c_smallint: -32768,
  c_integer: 2147483647,
  c_bigint: -9223372036854775808n,
  c_decimal: new BigDecimal(-98765432109876543210n, 20),
  c_real: -0.25,
  c_double: 1e300,
  c_date: new LocalDate(-44, 3, 15),
  c_time: new LocalTime(0, 0, 0, 1),
  c_timestamp: new LocalDateTime(new LocalDate(2038, 1, 19), new LocalTime(3, 14, 8, 5000)),
  c_tstz: new OffsetDateTime(
    new LocalDateTime(new LocalDate(1970, 1, 1), new LocalTime(0, 0, 0, 0)),
    -(8 * 3600),
  ),
};

/**
 * Parameters for row 2. Whole numbers go as INTEGER, which the member narrows to TINYINT and SMALLINT when
 * the value fits; a fractional number goes as DOUBLE, so a REAL column takes `typed(x, 'float')`.
 */
function parametersOf(values: typeof INSERTED_2): unknown[] {
  return [
    values.c_varchar,
    values.c_boolean,
    values.c_tinyint,
    values.c_smallint,
    values.c_integer,
    values.c_bigint,
    values.c_decimal,
    typed(values.c_real, 'float'),
    values.c_double,
    values.c_date,
    values.c_time,
    values.c_timestamp,
    values.c_tstz,
  ];
}

/** A comparable form of a value of either client (their BigDecimal, Long and date classes differ). */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return `int64:${value}`;
  if (Long.isLong(value)) return `int64:${value.toString()}`;
  if (typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if ('unscaledValue' in v && 'scale' in v) return `decimal:${String(v.unscaledValue)}e-${String(v.scale)}`;
  if ('localDateTime' in v) return `tstz:${normalize(v.localDateTime)}${String(v.offsetSeconds)}`;
  if ('localDate' in v) return `ts:${normalize(v.localDate)}T${normalize(v.localTime)}`;
  if ('year' in v) return `date:${String(v.year)}-${String(v.month)}-${String(v.date)}`;
  if ('nano' in v) return `time:${String(v.hour)}:${String(v.minute)}:${String(v.second)}.${String(v.nano)}`;
  if (value.constructor?.name === 'HazelcastJsonValue') return `json:${String(value)}`;
  return value;
}

function normalizeRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, normalize(v)]));
}

/** Row 1 as the official client writes it: a Compact record of nullable kinds, as SQL maps them. */
function officialRecord(o: typeof official): import('hazelcast-client').GenericRecord {
  const F = o.Fields;
  const v = EXPECTED_1;
  return o.GenericRecords.compact(
    'AllTypes',
    {
      c_varchar: F.STRING,
      c_boolean: F.NULLABLE_BOOLEAN,
      c_tinyint: F.NULLABLE_INT8,
      c_smallint: F.NULLABLE_INT16,
      c_integer: F.NULLABLE_INT32,
      c_bigint: F.NULLABLE_INT64,
      c_decimal: F.DECIMAL,
      c_real: F.NULLABLE_FLOAT32,
      c_double: F.NULLABLE_FLOAT64,
      c_date: F.DATE,
      c_time: F.TIME,
      c_timestamp: F.TIMESTAMP,
      c_tstz: F.TIMESTAMP_WITH_TIMEZONE,
    },
    {
      c_varchar: v.c_varchar,
      c_boolean: v.c_boolean,
      c_tinyint: v.c_tinyint,
      c_smallint: v.c_smallint,
      c_integer: v.c_integer,
      c_bigint: Long.fromString(v.c_bigint.toString()),
      c_decimal: new o.BigDecimal(v.c_decimal.unscaledValue, v.c_decimal.scale),
      c_real: v.c_real,
      c_double: v.c_double,
      c_date: new o.LocalDate(2024, 2, 29),
      c_time: new o.LocalTime(23, 59, 58, 123456789),
      c_timestamp: new o.LocalDateTime(new o.LocalDate(1999, 12, 31), new o.LocalTime(23, 59, 59, 999999999)),
      c_tstz: new o.OffsetDateTime(
        new o.LocalDateTime(new o.LocalDate(2021, 6, 2), new o.LocalTime(1, 2, 3, 456789012)),
        5 * 3600 + 30 * 60,
      ),
    },
  );
}

describe('SQL types', () => {
  const cluster = useCluster({ jet: true, xml: SQL_HELPERS_XML });
  let client: HazelcastClient;
  let second: HazelcastClient;
  let oracle: OfficialClient;

  beforeAll(async () => {
    client = await connect(cluster.current, { serialization: { formats: [compactSerialization] } });
    second = await connect(cluster.current);
    // Integer keys, as the mappings declare them ('keyFormat'='int').
    oracle = await connectOfficial(cluster.current, { serialization: { defaultNumberType: 'integer' } });
    await getSql(client).execute(
      `CREATE MAPPING all_types (__key INT, ${COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})
       TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='compact', 'valueCompactTypeName'='AllTypes')`,
    );
    const map = await oracle.getMap<number, unknown>('all_types');
    await map.set(1, officialRecord(official));
  });

  afterAll(async () => {
    await client?.shutdown();
    await second?.shutdown();
    await oracle?.shutdown();
  });

  async function rowsOf(c: HazelcastClient, where: string, params: unknown[] = []): Promise<SqlRow[]> {
    const rows: SqlRow[] = [];
    for await (const row of await getSql(c).execute(`SELECT ${LIST} FROM all_types WHERE ${where}`, params)) {
      rows.push(row);
    }
    return rows;
  }

  it('reads every type of a row the official client wrote as the documented JS value, with its metadata', async () => {
    const result = await getSql(client).execute(`SELECT ${LIST} FROM all_types WHERE __key = 1`);
    const metadata = result.getRowMetadata();
    expect(metadata.columns.map((c: SqlColumnMetadata) => [c.name, c.type, c.nullable])).toEqual(
      COLUMNS.map(([name, type]) => [
        name,
        SqlColumnType[type === 'TIMESTAMP WITH TIME ZONE' ? 'TIMESTAMP_WITH_TIME_ZONE' : type],
        true,
      ]),
    );
    const rows: SqlRow[] = [];
    for await (const row of result) rows.push(row);
    expect(rows).toHaveLength(1);
    // toStrictEqual: the classes too (BigDecimal, LocalDate, … of @hz/serialization; bigint for BIGINT).
    expect(rows[0]!.toObject()).toStrictEqual(EXPECTED_1);
    // Nanoseconds and the offset are kept as the member sent them.
    expect(String(rows[0]!.getObject('c_tstz'))).toBe('2021-06-02T01:02:03.456789012+05:30');
    expect(String(rows[0]!.getObject('c_decimal'))).toBe('12345678901234567890.123456789');
  });

  it('sends every type as a parameter: the official client and a second @hz client read back the same values', async () => {
    const inserted = await getSql(client).execute(
      `INSERT INTO all_types (__key, ${LIST}) VALUES (2, ${NAMES.map(() => '?').join(', ')})`,
      parametersOf(INSERTED_2),
    );
    expect(inserted.isRowSet()).toBe(false);
    // The official client's own decoding of the stored Compact record.
    const record = (await (
      await oracle.getMap<number, import('hazelcast-client').GenericRecord>('all_types')
    ).get(2))!;
    expect(
      normalizeRow({
        c_varchar: record.getString('c_varchar'),
        c_boolean: record.getNullableBoolean('c_boolean'),
        c_tinyint: record.getNullableInt8('c_tinyint'),
        c_smallint: record.getNullableInt16('c_smallint'),
        c_integer: record.getNullableInt32('c_integer'),
        c_bigint: record.getNullableInt64('c_bigint'),
        c_decimal: record.getDecimal('c_decimal'),
        c_real: record.getNullableFloat32('c_real'),
        c_double: record.getNullableFloat64('c_double'),
        c_date: record.getDate('c_date'),
        c_time: record.getTime('c_time'),
        c_timestamp: record.getTimestamp('c_timestamp'),
        c_tstz: record.getTimestampWithTimezone('c_tstz'),
      }),
    ).toEqual(normalizeRow(INSERTED_2));
    // A second @hz client, through SQL.
    const [row] = await rowsOf(second, '__key = 2');
    expect(row!.toObject()).toStrictEqual(INSERTED_2);
  });

  it('agrees with the official client row for row, NULLs included', async () => {
    await getSql(client).execute(
      `INSERT INTO all_types (__key, ${LIST}) VALUES (3, ${NAMES.map(() => '?').join(', ')})`,
      NAMES.map(() => null),
    );
    const ours = (await rowsOf(second, '__key IN (1, 2, 3) ORDER BY __key')).map((r) =>
      normalizeRow(r.toObject()),
    );
    const theirs: Record<string, unknown>[] = [];
    const result = await oracle
      .getSql()
      .execute(`SELECT ${LIST} FROM all_types WHERE __key IN (1, 2, 3) ORDER BY __key`);
    for await (const row of result) theirs.push(normalizeRow(row as Record<string, unknown>));
    // hazelcast-client 5.7.0 reads TINYINT as an unsigned byte (-128 arrives as 128); the member's own text
    // form of the value says -128, as we read it.
    expect(theirs[0]!.c_tinyint).toBe(128);
    const text = await getSql(client).execute(
      'SELECT CAST(c_tinyint AS VARCHAR) FROM all_types WHERE __key = 1',
    );
    for await (const row of text) expect(row.getObjectWithIndex(0)).toBe('-128');
    theirs[0]!.c_tinyint = -128;
    expect(ours).toHaveLength(3);
    expect(ours).toEqual(theirs);
    expect(ours[2]).toEqual(Object.fromEntries(NAMES.map((n) => [n, null])));
  });

  it('finds a row by every one of its values sent back as parameters (results round-trip exactly)', async () => {
    for (const key of [1, 2]) {
      const [row] = await rowsOf(client, `__key = ${key}`);
      const values = NAMES.map((name) => row!.getObject(name));
      // A REAL result is a plain number, which would go as DOUBLE: typed() says it is a float.
      values[7] = typed(values[7], 'float');
      const found = await rowsOf(client, NAMES.map((n) => `${n} = ?`).join(' AND '), values);
      expect(found.map((r) => r.getObject('c_integer'))).toEqual([row!.getObject('c_integer')]);
    }
  });

  it('sends each value the way the member reads it (its own text form)', async () => {
    const expressions = NAMES.map((n) => `CAST(${n} AS VARCHAR) AS ${n}`).join(', ');
    const result = await getSql(client).execute(`SELECT ${expressions} FROM all_types WHERE __key = 2`, [], {
      rowFormat: 'object',
    });
    const rows: Record<string, unknown>[] = [];
    for await (const row of result) rows.push(row);
    expect(rows).toEqual([
      {
        c_varchar: 'ünïcode ✓ and "quotes"',
        c_boolean: 'false',
        c_tinyint: '127',
        c_smallint: '-32768',
        c_integer: '2147483647',
        c_bigint: '-9223372036854775808',
        c_decimal: '-0.98765432109876543210',
        c_real: '-0.25',
        c_double: '1.0E300',
        c_date: '-0044-03-15',
        c_time: '00:00:00.000000001',
        c_timestamp: '2038-01-19T03:14:08.000005',
        c_tstz: '1970-01-01T00:00-08:00',
      },
    ]);
  });

  it('maps plain numbers and bigints to INTEGER, BIGINT and DOUBLE parameters', async () => {
    const result = await getSql(client).execute(
      'SELECT __key FROM all_types WHERE c_integer = ? OR c_bigint = ? OR c_double = ? OR c_bigint = ? ORDER BY __key',
      [-2147483648, -9223372036854775808n, 0.1, 2 ** 40],
    );
    const keys: number[] = [];
    for await (const row of result) keys.push(row.getObject('__key'));
    expect(keys).toEqual([1, 2]);
    // Whole numbers (INTEGER) widen to REAL and DECIMAL; a JS Date compares with TIMESTAMP WITH TIME ZONE.
    const widened = await getSql(client).execute(
      'SELECT __key FROM all_types WHERE c_real > ? AND c_decimal > ? AND c_tstz > ? ORDER BY __key',
      [0, 0, new Date(Date.UTC(2000, 0, 1))],
    );
    const widenedKeys: number[] = [];
    for await (const row of widened) widenedKeys.push(row.getObject('__key'));
    expect(widenedKeys).toEqual([1]);
    await expect(
      getSql(client).execute('SELECT 1 FROM all_types WHERE c_bigint = ?', [2n ** 64n]),
    ).rejects.toThrow(/parameter 0 \(18446744073709551616n\) does not fit BIGINT/);
    await expect(
      getSql(client).execute('SELECT 1 FROM all_types WHERE c_bigint = ?', [undefined]),
    ).rejects.toThrow(/parameter 0 is undefined/);
  });

  it('returns BIGINT as Long to a client configured with int64Type Long', async () => {
    const longClient = await connect(cluster.current, { int64Type: 'Long' });
    try {
      const result = await getSql(longClient).execute('SELECT c_bigint FROM all_types WHERE __key = 1');
      const values: unknown[] = [];
      for await (const row of result) values.push(row.getObjectWithIndex(0));
      expect(values).toHaveLength(1);
      expect(Long.isLong(values[0])).toBe(true);
      expect(String(values[0])).toBe('9223372036854775807');
      expect(Long.isLong(result.updateCount())).toBe(true);
    } finally {
      await longClient.shutdown();
    }
  });

  it('types NULL literals as NULL and keeps SQL NULL as null in every column', async () => {
    const result = await getSql(client)
      .execute('SELECT NULL AS n, CAST(NULL AS DECIMAL) AS d, ? AS p FROM all_types WHERE __key = 1', [null])
      .catch((e: unknown) => e);
    // A bare ? has no type the member can infer; with a CAST it has one.
    expect(result).toMatchObject({ name: 'HazelcastSqlError' });
    const typedNull = await getSql(client).execute(
      'SELECT NULL AS n, CAST(NULL AS DECIMAL) AS d, CAST(? AS INTEGER) AS p FROM all_types WHERE __key = 1',
      [null],
    );
    expect(typedNull.getRowMetadata().columns.map((c) => c.type)).toEqual([
      SqlColumnType.NULL,
      SqlColumnType.DECIMAL,
      SqlColumnType.INTEGER,
    ]);
    const rows: SqlRow[] = [];
    for await (const row of typedNull) rows.push(row);
    expect(rows.map((r) => r.toObject())).toEqual([{ n: null, d: null, p: null }]);
  });

  it('reads OBJECT columns through the serialization service (Compact without a serializer as a GenericRecord)', async () => {
    const result = await getSql(client).execute('SELECT __key, this FROM all_types WHERE __key = 1');
    expect(result.getRowMetadata().getColumn(1)).toEqual({
      name: 'this',
      type: SqlColumnType.OBJECT,
      nullable: true,
    });
    const values: CompactGenericRecord[] = [];
    for await (const row of result) values.push(row.getObject('this'));
    expect(values).toHaveLength(1);
    expect(values[0]!.getString('c_varchar')).toBe(EXPECTED_1.c_varchar);
    expect(String(values[0]!.getNullableInt64('c_bigint'))).toBe(String(EXPECTED_1.c_bigint));
    expect(String(values[0]!.getDecimal('c_decimal'))).toBe('12345678901234567890.123456789');
  });

  it('sends and reads JSON values (HazelcastJsonValue), interoperable with the official client', async () => {
    const sql = getSql(client);
    await sql.execute(
      `CREATE MAPPING json_docs (__key INT, this JSON) TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='json')`,
    );
    await sql.execute('INSERT INTO json_docs VALUES (1, ?), (2, ?)', [
      new HazelcastJsonValue('{"name":"ada","tags":[1,2]}'),
      { name: 'plain object', n: 3 },
    ]);
    // The official client parses JSON values it reads (its default EAGER policy).
    const map = await oracle.getMap<number, unknown>('json_docs');
    await map.set(3, new official.HazelcastJsonValue('{"name":"from official"}'));
    expect(await map.get(1)).toEqual({ name: 'ada', tags: [1, 2] });
    expect(await map.get(2)).toEqual({ name: 'plain object', n: 3 });

    const result = await sql.execute(
      `SELECT __key, this, JSON_VALUE(this, '$.name') AS name FROM json_docs ORDER BY __key`,
    );
    expect(result.getRowMetadata().getColumn(1).type).toBe(SqlColumnType.JSON);
    const rows: SqlRow[] = [];
    for await (const row of result) rows.push(row);
    expect(rows.map((r) => r.getObject('name'))).toEqual(['ada', 'plain object', 'from official']);
    const json = rows[2]!.getObject<HazelcastJsonValue>('this');
    expect(json).toBeInstanceOf(HazelcastJsonValue);
    expect(json.toString()).toBe('{"name":"from official"}');
    const cast = await sql.execute('SELECT CAST(? AS JSON) AS j FROM json_docs WHERE __key = 1', ['[1,2,3]']);
    for await (const row of cast) expect(String(row.getObject('j'))).toBe('[1,2,3]');
  });

  it('sends objects as OBJECT parameters and reads them back as OBJECT values', async () => {
    const sql = getSql(client);
    // SqlBox (Java, IdentifiedDataSerializable): label VARCHAR and content OBJECT columns.
    await sql.execute(
      `CREATE MAPPING boxes TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='java',
       'valueJavaClass'='dev.hz.testing.sql.SqlBox')`,
    );
    await sql.execute('INSERT INTO boxes (__key, label, content) VALUES (?, ?, ?), (?, ?, ?)', [
      1,
      'a person',
      new SqlPerson('Ada', 36),
      2,
      'a date',
      new LocalDate(1815, 12, 10),
    ]);
    const result = await sql.execute('SELECT label, content, this FROM boxes ORDER BY __key');
    expect(result.getRowMetadata().columns.map((c) => c.type)).toEqual([
      SqlColumnType.VARCHAR,
      SqlColumnType.OBJECT,
      SqlColumnType.OBJECT,
    ]);
    const rows: SqlRow[] = [];
    for await (const row of result) rows.push(row);
    // The member stored what it read from our bytes; our client reads its bytes back.
    expect(rows.map((r) => [r.getObject('label'), r.getObject('content')])).toEqual([
      ['a person', new SqlPerson('Ada', 36)],
      ['a date', new LocalDate(1815, 12, 10)],
    ]);
    expect(rows[0]!.getObject('content')).toBeInstanceOf(SqlPerson);
    expect(rows[1]!.getObject('this')).toEqual(new SqlBox('a date', new LocalDate(1815, 12, 10)));
  });
});
