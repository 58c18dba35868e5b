import Long from 'long';
import { describe, expect, it } from 'vitest';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { FieldKind, fieldKindName, fixedSizeOf, type SchemaFieldKind } from './field-kind';
import { CompactGenericRecord, compactGenericRecord } from './generic-record';
import { SchemaRegistry } from './schema-registry';
import { type DynamicObject, defineCompactType } from './test-support/dynamic-type';
import { ALL_KINDS } from './test-support/kind-methods';
import { readPayload, writePayload, writePayloadWithSchema } from './test-support/payload';
import { sampleValue } from './test-support/sample-values';

const SIMPLE_KINDS = ALL_KINDS.filter((k) => k !== FieldKind.COMPACT && k !== FieldKind.ARRAY_OF_COMPACT);

function emptyOf(kind: SchemaFieldKind): unknown {
  return kind === FieldKind.ARRAY_OF_INT8 ? Buffer.alloc(0) : [];
}

const isArrayKind = (kind: SchemaFieldKind) => kind % 2 === 0;

for (const bigEndian of [true, false]) {
  describe(`compact round trips (${bigEndian ? 'big' : 'little'}-endian)`, () => {
    describe.each(SIMPLE_KINDS.map((kind) => [fieldKindName(kind), kind] as const))('%s', (_, kind) => {
      const type = defineCompactType(`single.${kind}`, [
        { name: 'value', kind },
        { name: 'marker', kind: FieldKind.INT32 },
      ]);
      const serializer = new CompactStreamSerializer(
        { serializers: [type.serializer] },
        new SchemaRegistry(),
      );
      const values = [sampleValue(kind, 0), sampleValue(kind, 1)];
      if (fixedSizeOf(kind) < 0) values.push(null);
      if (isArrayKind(kind)) values.push(emptyOf(kind));

      it.each(values.map((value, i) => [i, value] as const))(
        'value #%i survives a round trip',
        (_, value) => {
          const object = type.create({ value, marker: 0x5a5a5a5a });
          const bytes = writePayload(serializer, object, bigEndian);
          const read = readPayload(serializer, bytes, bigEndian) as DynamicObject;
          expect(read.values).toEqual({ value, marker: 0x5a5a5a5a });
        },
      );

      it('round-trips as a GenericRecord with the same bytes as the class', () => {
        const value = values[0];
        const record = compactGenericRecord(type.typeName, { value: kind, marker: FieldKind.INT32 }, {
          value,
          marker: 0x5a5a5a5a,
        } as never);
        const generic = new CompactStreamSerializer(undefined, new SchemaRegistry());
        const bytes = writePayload(generic, record, bigEndian);
        expect(
          bytes.equals(writePayload(serializer, type.create({ value, marker: 0x5a5a5a5a }), bigEndian)),
        ).toBe(true);
        const read = readPayload(generic, bytes, bigEndian) as CompactGenericRecord;
        expect(read).toBeInstanceOf(CompactGenericRecord);
        expect(read.rawValue('value')).toEqual(value);
      });
    });

    it('round-trips nested compact objects three levels deep, with null children and arrays', () => {
      const leaf = defineCompactType('leaf', [{ name: 'n', kind: FieldKind.NULLABLE_INT32 }]);
      const middle = defineCompactType('middle', [
        { name: 'leaves', kind: FieldKind.ARRAY_OF_COMPACT },
        { name: 'leaf', kind: FieldKind.COMPACT },
      ]);
      const root = defineCompactType('root', [
        { name: 'middle', kind: FieldKind.COMPACT },
        { name: 'name', kind: FieldKind.STRING },
        { name: 'empty', kind: FieldKind.ARRAY_OF_COMPACT },
      ]);
      const serializer = new CompactStreamSerializer(
        { serializers: [leaf.serializer, middle.serializer, root.serializer] },
        new SchemaRegistry(),
      );
      const value = root.create({
        middle: middle.create({
          leaves: [leaf.create({ n: 1 }), null, leaf.create({ n: null })],
          leaf: null,
        }),
        name: 'root',
        empty: [],
      });
      const read = readPayload(
        serializer,
        writePayload(serializer, value, bigEndian),
        bigEndian,
      ) as DynamicObject;
      expect(read).toEqual(value);
      const readMiddle = read.values.middle as DynamicObject;
      expect(readMiddle).toBeInstanceOf(middle.create({}).constructor);
      expect((readMiddle.values.leaves as DynamicObject[])[0]).toBeInstanceOf(leaf.create({}).constructor);
    });

    it('round-trips COMPACT_WITH_SCHEMA data into a registry that has never seen the schemas', () => {
      const inner = defineCompactType('inner', [{ name: 's', kind: FieldKind.STRING }]);
      const outer = defineCompactType('outer', [
        { name: 'inner', kind: FieldKind.COMPACT },
        { name: 'x', kind: FieldKind.FLOAT64 },
      ]);
      const config = { serializers: [inner.serializer, outer.serializer] };
      const writerRegistry = new SchemaRegistry();
      const value = outer.create({ inner: inner.create({ s: 'in' }), x: 1.5 });
      const bytes = writePayloadWithSchema(
        new CompactStreamSerializer(config, writerRegistry),
        value,
        bigEndian,
      );
      expect(writerRegistry.drainPending()).toEqual([]);

      const readerRegistry = new SchemaRegistry();
      const reader = new CompactStreamSerializer(config, readerRegistry);
      expect(readPayload(reader, bytes, bigEndian, true)).toEqual(value);
      expect(
        readerRegistry
          .all()
          .map((s) => s.typeName)
          .sort(),
      ).toEqual(['inner', 'outer']);
      // Known schemas are skipped on the second read.
      expect(readPayload(reader, bytes, bigEndian, true)).toEqual(value);
    });
  });
}

describe('compact writer inputs', () => {
  const type = defineCompactType('inputs', [
    { name: 'long', kind: FieldKind.INT64 },
    { name: 'longs', kind: FieldKind.ARRAY_OF_NULLABLE_INT64 },
    { name: 'bytes', kind: FieldKind.ARRAY_OF_INT8 },
    { name: 'maybe', kind: FieldKind.NULLABLE_FLOAT64 },
  ]);
  const serializer = new CompactStreamSerializer({ serializers: [type.serializer] }, new SchemaRegistry());

  it('accepts bigint, number and unsigned Long for 64-bit fields, Int8Array for bytes, undefined as null', () => {
    const value = type.create({
      long: Long.fromString('18446744073709551615', true),
      longs: [-5n, 7, undefined],
      bytes: Int8Array.from([-1, 2]),
      maybe: undefined,
    });
    const read = readPayload(serializer, writePayload(serializer, value)) as DynamicObject;
    expect(read.values).toEqual({
      long: Long.fromInt(-1),
      longs: [Long.fromInt(-5), Long.fromInt(7), null],
      bytes: Buffer.from([0xff, 2]),
      maybe: null,
    });
  });
});
