import Long from 'long';
import { describe, expect, it } from 'vitest';
import type { CompactReader } from './compact-reader';
import type { CompactSerializer } from './compact-serializer';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { HazelcastSerializationError } from './errors';
import { FieldKind } from './field-kind';
import { SchemaRegistry } from './schema-registry';
import { readPayload, writePayload } from './test-support/payload';

class EmployeeV1 {
  constructor(
    readonly name: string,
    readonly age: number,
  ) {}
}

class EmployeeV2 {
  constructor(
    readonly name: string,
    readonly age: number | null,
    readonly salary: Long,
  ) {}
}

const v1: CompactSerializer<EmployeeV1> = {
  getClass: () => EmployeeV1,
  getTypeName: () => 'employee',
  read: (reader) => new EmployeeV1(reader.readString('name')!, reader.readInt32('age')),
  write: (writer, value) => {
    writer.writeString('name', value.name);
    writer.writeInt32('age', value.age);
  },
};

// Version 2 made age nullable and added salary; it reads version 1 data by checking what is there.
const v2: CompactSerializer<EmployeeV2> = {
  getClass: () => EmployeeV2,
  getTypeName: () => 'employee',
  read: (reader: CompactReader) =>
    new EmployeeV2(
      reader.readString('name')!,
      reader.readNullableInt32('age'),
      reader.getFieldKind('salary') === FieldKind.INT64 ? reader.readInt64('salary') : Long.ZERO,
    ),
  write: (writer, value) => {
    writer.writeString('name', value.name);
    writer.writeNullableInt32('age', value.age);
    writer.writeInt64('salary', value.salary);
  },
};

function serializerWith(serializer: CompactSerializer<never>, registry: SchemaRegistry) {
  return new CompactStreamSerializer({ serializers: [serializer] }, registry);
}

describe('compact schema evolution', () => {
  // Both versions share a registry, as one client talking to a cluster that holds both schemas.
  const registry = new SchemaRegistry();
  const oldWriter = serializerWith(v1 as never, registry);
  const newWriter = serializerWith(v2 as never, registry);

  it('a newer reader reads older data: the added field is NOT_AVAILABLE, plain int read as nullable', () => {
    const bytes = writePayload(oldWriter, new EmployeeV1('Ann', 41));
    expect(readPayload(newWriter, bytes)).toEqual(new EmployeeV2('Ann', 41, Long.ZERO));
  });

  it('an older reader reads newer data: extra fields are ignored, nullable age read as int', () => {
    const bytes = writePayload(newWriter, new EmployeeV2('Bob', 30, Long.fromInt(1000)));
    expect(readPayload(oldWriter, bytes)).toEqual(new EmployeeV1('Bob', 30));
  });

  it('reading a null nullable field through the plain reader fails with a clear error', () => {
    const bytes = writePayload(newWriter, new EmployeeV2('Cy', null, Long.ONE));
    expect(() => readPayload(oldWriter, bytes)).toThrow(HazelcastSerializationError);
    expect(() => readPayload(oldWriter, bytes)).toThrow(
      "Field 'age' of compact type 'employee' is null; read it as NULLABLE_INT32 to accept nulls",
    );
  });

  it('reading a field the data lacks names the field and the fields that exist', () => {
    const strict: CompactSerializer<EmployeeV2> = {
      ...v2,
      read: (reader) => new EmployeeV2(reader.readString('name')!, null, reader.readInt64('salary')),
    };
    const bytes = writePayload(oldWriter, new EmployeeV1('Di', 50));
    const reader = serializerWith(strict as never, registry);
    expect(() => readPayload(reader, bytes)).toThrow(
      /Compact type 'employee' has no field 'salary' in the data's schema \(fields: age, name\)/,
    );
  });

  it('reading a field as an unrelated kind fails with both kinds named', () => {
    const wrongKind: CompactSerializer<EmployeeV1> = {
      ...v1,
      read: (reader) => new EmployeeV1(reader.readString('name')!, Number(reader.readFloat64('age'))),
    };
    const bytes = writePayload(oldWriter, new EmployeeV1('Ed', 1));
    expect(() => readPayload(serializerWith(wrongKind as never, registry), bytes)).toThrow(
      "Field 'age' of compact type 'employee' is INT32, cannot read it as FLOAT64",
    );
  });

  it('arrays convert between plain and nullable items; a null item stops the plain reader', () => {
    class Holder {
      constructor(readonly items: unknown) {}
    }
    // Each side writes one array kind and reads the other one back.
    const writesNullable: CompactSerializer<Holder> = {
      getClass: () => Holder,
      getTypeName: () => 'holder',
      read: (reader) => new Holder(reader.readArrayOfInt8('items')),
      write: (writer, value) => writer.writeArrayOfNullableInt8('items', value.items as number[]),
    };
    const writesPlain: CompactSerializer<Holder> = {
      ...writesNullable,
      read: (reader) => new Holder(reader.readArrayOfNullableInt8('items')),
      write: (writer, value) => writer.writeArrayOfInt8('items', value.items as Buffer),
    };
    const nullableSide = serializerWith(writesNullable as never, new SchemaRegistry());
    const plainSide = serializerWith(writesPlain as never, new SchemaRegistry());

    const nullableBytes = writePayload(nullableSide, new Holder([-1, 2]));
    expect(readPayload(nullableSide, nullableBytes)).toEqual(new Holder(Buffer.from([0xff, 2])));
    const plainBytes = writePayload(plainSide, new Holder(Buffer.from([0xff, 2])));
    expect(readPayload(plainSide, plainBytes)).toEqual(new Holder([-1, 2]));
    const withNull = writePayload(nullableSide, new Holder([1, null]));
    expect(() => readPayload(nullableSide, withNull)).toThrow(/has a null at index 1/);
  });
});
