import Long from 'long';
import { describe, expect, it } from 'vitest';
import { LocalDate } from '../java/date-time';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { HazelcastSerializationError } from './errors';
import { FieldKind } from './field-kind';
import { CompactGenericRecord, compactGenericRecord } from './generic-record';
import { SchemaRegistry } from './schema-registry';
import { defineCompactType } from './test-support/dynamic-type';
import { readPayload, writePayload } from './test-support/payload';

const address = () =>
  compactGenericRecord(
    'address',
    { city: FieldKind.STRING, zip: FieldKind.NULLABLE_INT32 },
    { city: 'Oslo', zip: null },
  );

function employee() {
  return compactGenericRecord(
    'employee',
    {
      name: FieldKind.STRING,
      id: FieldKind.INT64,
      active: FieldKind.BOOLEAN,
      born: FieldKind.DATE,
      home: FieldKind.COMPACT,
      scores: FieldKind.ARRAY_OF_NULLABLE_INT32,
    },
    {
      name: 'Ann',
      id: 12n,
      active: true,
      born: new LocalDate(1990, 5, 17),
      home: address(),
      scores: [1, null, 3],
    },
  );
}

describe('CompactGenericRecord', () => {
  it('exposes typed getters, kinds and names of a built record', () => {
    const record = employee();
    expect(record.typeName).toBe('employee');
    expect(record.getFieldNames()).toEqual(['active', 'born', 'home', 'id', 'name', 'scores']);
    expect(record.getFieldKind('id')).toBe(FieldKind.INT64);
    expect(record.getFieldKind('salary')).toBe(FieldKind.NOT_AVAILABLE);
    expect(record.getInt64('id')).toEqual(Long.fromInt(12));
    expect(record.getNullableInt64('id')).toEqual(Long.fromInt(12));
    expect(record.getString('name')).toBe('Ann');
    expect(record.getBoolean('active')).toBe(true);
    expect(record.getDate('born')).toEqual(new LocalDate(1990, 5, 17));
    expect(record.getGenericRecord('home')!.getString('city')).toBe('Oslo');
    expect(record.getArrayOfNullableInt32('scores')).toEqual([1, null, 3]);
    expect(() => record.getArrayOfInt32('scores')).toThrow(/null at index 1/);
    expect(() => record.getInt32('salary')).toThrow("GenericRecord 'employee' has no field 'salary'");
    expect(() => record.getInt32('name')).toThrow('is STRING, cannot read it as INT32');
  });

  it('writes and reads back as a GenericRecord when no serializer is registered', () => {
    const serializer = new CompactStreamSerializer(undefined, new SchemaRegistry());
    const read = readPayload(serializer, writePayload(serializer, employee())) as CompactGenericRecord;
    expect(read).toBeInstanceOf(CompactGenericRecord);
    expect(read.schema.equals(employee().schema)).toBe(true);
    expect(read.getGenericRecord('home')).toBeInstanceOf(CompactGenericRecord);
    expect(read).toEqual(employee());
  });

  it('is read by a registered serializer of the same type name, and back into a record without one', () => {
    const typed = defineCompactType('address', [
      { name: 'city', kind: FieldKind.STRING },
      { name: 'zip', kind: FieldKind.NULLABLE_INT32 },
    ]);
    const registry = new SchemaRegistry();
    const withClass = new CompactStreamSerializer({ serializers: [typed.serializer] }, registry);
    const bytes = writePayload(withClass, address());
    expect(readPayload(withClass, bytes)).toEqual(typed.create({ city: 'Oslo', zip: null }));
    const classBytes = writePayload(withClass, typed.create({ city: 'Oslo', zip: null }));
    expect(classBytes.equals(bytes)).toBe(true);
    const generic = new CompactStreamSerializer(undefined, registry);
    expect(readPayload(generic, classBytes)).toEqual(address());
  });

  it('returns copies of arrays, so the record cannot be changed through them', () => {
    const record = employee();
    record.getArrayOfNullableInt32('scores')![0] = 99;
    expect(record.getArrayOfNullableInt32('scores')).toEqual([1, null, 3]);
  });

  it('types values by field kind at compile time', () => {
    // @ts-expect-error an INT32 field takes a number
    expect(() => compactGenericRecord('typed', { a: FieldKind.INT32 }, { a: 'one' })).toThrow(
      /expected an integer/,
    );
    // @ts-expect-error a STRING field takes a string or null
    expect(() => compactGenericRecord('typed', { a: FieldKind.STRING }, { a: 1 })).toThrow(
      /expected a string/,
    );
  });

  it('withValues copies with checked changes', () => {
    const changed = employee().withValues({ name: 'Bo', id: -1 });
    expect(changed.getString('name')).toBe('Bo');
    expect(changed.getInt64('id')).toEqual(Long.fromInt(-1));
    expect(employee().getString('name')).toBe('Ann');
    expect(() => employee().withValues({ nope: 1 })).toThrow("GenericRecord 'employee' has no field 'nope'");
    expect(() => employee().withValues({ active: 'yes' })).toThrow(
      /expected a boolean, got the string "yes"/,
    );
  });

  it.each([
    ['a missing value', { a: FieldKind.INT32 }, {}, "no value given for field 'a'"],
    ['an unknown field', { a: FieldKind.INT32 }, { a: 1, b: 2 }, "value given for unknown field 'b'"],
    [
      'an out-of-range int8',
      { a: FieldKind.INT8 },
      { a: 128 },
      'expected an integer in [-128, 127], got number 128',
    ],
    ['a null int32', { a: FieldKind.INT32 }, { a: null }, 'INT32 fields cannot be null'],
    [
      'an unsafe number for int64',
      { a: FieldKind.INT64 },
      { a: 2 ** 60 },
      'expected a Long, a 64-bit bigint',
    ],
    ['a bad date', { a: FieldKind.DATE }, { a: { year: 1, month: 13, date: 1 } }, 'expected a LocalDate'],
    [
      'a class instance as COMPACT',
      { a: FieldKind.COMPACT },
      { a: new Date(0) },
      'expected a CompactGenericRecord',
    ],
    ['a null in a primitive array', { a: FieldKind.ARRAY_OF_INT32 }, { a: [1, null] }, 'item 1 is null'],
    [
      'a string in a float array',
      { a: FieldKind.ARRAY_OF_FLOAT64 },
      { a: ['1'] },
      'item 0: expected a number',
    ],
  ])('rejects %s with a message naming the field', (_, fields, values, message) => {
    const build = () => compactGenericRecord('bad', fields as never, values as never);
    expect(build).toThrow(HazelcastSerializationError);
    expect(build).toThrow(message);
  });

  it('rejects an ARRAY_OF_COMPACT of records with different schemas when writing', () => {
    const other = compactGenericRecord('other', { x: FieldKind.INT8 }, { x: 1 });
    const record = compactGenericRecord(
      'list',
      { items: FieldKind.ARRAY_OF_COMPACT },
      { items: [address(), other] },
    );
    const serializer = new CompactStreamSerializer(undefined, new SchemaRegistry());
    expect(() => writePayload(serializer, record)).toThrow('must hold items of a single type');
  });
});
