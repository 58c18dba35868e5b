// One import for the common case: a Map user writes and reads every value type of @hz/serialization with
// nothing but '@hz/core-client' (here '../src/index', the package's entry point).
import * as serialization from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../src/index';
import {
  BigDecimal,
  CompactGenericRecord,
  compactGenericRecord,
  FieldKind,
  getMap,
  type HazelcastClient,
  HazelcastError,
  HazelcastJsonValue,
  HazelcastSerializationError,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  typed,
  UUID,
} from '../src/index';
import { connect } from './helpers';

const cluster = useCluster({ members: 1 });

describe('@hz/serialization types from @hz/core-client', () => {
  let writer: HazelcastClient;
  let reader: HazelcastClient;

  beforeAll(async () => {
    writer = await connect(cluster.current);
    // The reader asks for JSON values unparsed, so a HazelcastJsonValue reads back as one.
    reader = await connect(cluster.current, {
      serialization: { jsonStringDeserializationPolicy: 'NO_DESERIALIZATION' },
    });
  });

  afterAll(async () => {
    await writer?.shutdown();
    await reader?.shutdown();
  });

  it('are the very bindings of @hz/serialization (pure re-exports)', () => {
    const names = [
      'BigDecimal',
      'CompactGenericRecord',
      'compactGenericRecord',
      'FieldKind',
      'HazelcastJsonValue',
      'HazelcastSerializationError',
      'JavaTyped',
      'LocalDate',
      'LocalDateTime',
      'LocalTime',
      'OffsetDateTime',
      'typed',
      'UUID',
    ] as const;
    const fromCore = new Map(Object.entries(core));
    const fromSerialization = new Map(Object.entries(serialization));
    for (const name of names) {
      expect(fromCore.get(name), name).toBeDefined();
      expect(fromCore.get(name), name).toBe(fromSerialization.get(name));
    }
  });

  it('round-trip through a map, read back by another client', async () => {
    const date = new LocalDate(2024, 2, 29);
    const time = new LocalTime(23, 59, 58, 123_456_789);
    const dateTime = new LocalDateTime(date, time);
    const record = compactGenericRecord(
      'surface.Person',
      { name: FieldKind.STRING, age: FieldKind.INT32 },
      { name: 'Ada', age: 36 },
    );
    const values: Array<[string, unknown]> = [
      ['json', new HazelcastJsonValue('{"a":[1,2,{"b":null}]}')],
      ['decimal', new BigDecimal(-12345678901234567890123n, 7)],
      ['date', date],
      ['time', time],
      ['dateTime', dateTime],
      ['offsetDateTime', new OffsetDateTime(dateTime, -5 * 3600)],
      ['uuid', UUID.fromString('123e4567-e89b-12d3-a456-426614174000')],
      ['record', record],
      ['int', typed(42, 'int')],
    ];
    const map = getMap<string, unknown>(writer, 'one-import');
    await map.putAll(values);
    const read = new Map(await getMap<string, unknown>(reader, 'one-import').entrySet());
    expect(read.get('json')).toBeInstanceOf(HazelcastJsonValue);
    expect(String(read.get('json'))).toBe('{"a":[1,2,{"b":null}]}');
    expect(read.get('decimal')).toBeInstanceOf(BigDecimal);
    expect(String(read.get('decimal'))).toBe('-1234567890123456.7890123');
    expect(read.get('date')).toEqual(date);
    expect(read.get('time')).toEqual(time);
    expect(read.get('dateTime')).toEqual(dateTime);
    expect(String(read.get('offsetDateTime'))).toBe('2024-02-29T23:59:58.123456789-05:00');
    expect(read.get('uuid')).toBeInstanceOf(UUID);
    expect(String(read.get('uuid'))).toBe('123e4567-e89b-12d3-a456-426614174000');
    const person = read.get('record');
    expect(person).toBeInstanceOf(CompactGenericRecord);
    expect((person as CompactGenericRecord).getString('name')).toBe('Ada');
    expect((person as CompactGenericRecord).getInt32('age')).toBe(36);
    expect((person as CompactGenericRecord).getFieldKind('age')).toBe(FieldKind.INT32);
    expect(read.get('int')).toBe(42);
  });

  it('report a value that cannot be written with the re-exported error class, which is a HazelcastError', async () => {
    const map = getMap<string, unknown>(writer, 'one-import-errors');
    const failure = await map.set('k', () => 1).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HazelcastSerializationError);
    expect(failure).toBeInstanceOf(HazelcastError);
    expect((failure as Error).message).toMatch(/function/);
    expect(await getMap(reader, 'one-import-errors').size()).toBe(0);
  });
});
