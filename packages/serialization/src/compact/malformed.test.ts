import { describe, expect, it } from 'vitest';
import { ByteArrayObjectDataInput } from '../io/byte-input';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { HazelcastSerializationError } from './errors';
import { FieldKind, type SchemaFieldKind } from './field-kind';
import { Schema } from './schema';
import { SchemaRegistry } from './schema-registry';
import { defineCompactType } from './test-support/dynamic-type';
import { ALL_KINDS } from './test-support/kind-methods';
import { writePayload, writePayloadWithSchema } from './test-support/payload';
import { sampleValue } from './test-support/sample-values';

// Malformed compact payloads must fail with HazelcastSerializationError: no RangeError/TypeError, no
// hang, no allocation sized by a lying length. HZ_FUZZ_ITERATIONS raises the random-mutation count.
const FUZZ_ITERATIONS = Number(process.env.HZ_FUZZ_ITERATIONS ?? 3000);

const leaf = defineCompactType('leaf', [{ name: 'text', kind: FieldKind.STRING }]);
const simpleKinds = ALL_KINDS.filter((k) => k !== FieldKind.COMPACT && k !== FieldKind.ARRAY_OF_COMPACT);
const everything = defineCompactType('everything', [
  ...simpleKinds.map((kind) => ({ name: `f${kind}`, kind })),
  { name: 'child', kind: FieldKind.COMPACT },
  { name: 'children', kind: FieldKind.ARRAY_OF_COMPACT },
]);
const config = { serializers: [leaf.serializer, everything.serializer] };

function everythingValue() {
  const values: Record<string, unknown> = {};
  for (const kind of simpleKinds) values[`f${kind}`] = sampleValue(kind as SchemaFieldKind);
  values.child = leaf.create({ text: 'child' });
  values.children = [leaf.create({ text: 'a'.repeat(300) }), null];
  return everything.create(values);
}

function setUp(bigEndian: boolean) {
  const registry = new SchemaRegistry();
  const serializer = new CompactStreamSerializer(config, registry);
  const payload = writePayload(serializer, everythingValue(), bigEndian);
  const withSchema = writePayloadWithSchema(serializer, everythingValue(), bigEndian);
  const read = (bytes: Buffer, schemaInline = false, fresh = false) => {
    const reader = fresh ? new CompactStreamSerializer(config, new SchemaRegistry()) : serializer;
    return reader.read(new ByteArrayObjectDataInput(bytes, 0, bigEndian), schemaInline);
  };
  return { payload, withSchema, read };
}

/** Offset of the top-level object's data (after the 8-byte schema id and 4-byte data length). */
const DATA_START = 12;

describe.each([true, false])('malformed compact payloads (bigEndian=%s)', (bigEndian) => {
  const { payload, withSchema, read } = setUp(bigEndian);
  const writeInt = (bytes: Buffer, at: number, value: number) =>
    bigEndian ? bytes.writeInt32BE(value, at) : bytes.writeInt32LE(value, at);

  it('the unmodified payloads read fine', () => {
    expect(read(payload)).toEqual(everythingValue());
    expect(read(withSchema, true, true)).toEqual(everythingValue());
  });

  it('every truncation of the payload throws HazelcastSerializationError', () => {
    for (let length = 0; length < payload.length; length++) {
      expect(() => read(payload.subarray(0, length)), `truncated to ${length}`).toThrow(
        HazelcastSerializationError,
      );
    }
  });

  it('every truncation of a COMPACT_WITH_SCHEMA payload throws HazelcastSerializationError', () => {
    for (let length = 0; length < withSchema.length; length++) {
      expect(() => read(withSchema.subarray(0, length), true, true), `truncated to ${length}`).toThrow(
        HazelcastSerializationError,
      );
    }
  });

  it.each([
    ['a huge data length', 0x7fffffff],
    ['a negative data length', -5],
    ['a data length shorter than the fixed fields', 1],
  ])('rejects %s', (_, value) => {
    const bytes = Buffer.from(payload);
    writeInt(bytes, 8, value);
    expect(() => read(bytes)).toThrow(/Malformed compact data for type 'everything'/);
  });

  it('rejects a variable-size field offset that points past the data', () => {
    const bytes = Buffer.from(payload);
    // The offset table closes the object; with 255..65534 data bytes its entries are two bytes wide.
    const dataLength = bigEndian ? bytes.readInt32BE(8) : bytes.readInt32LE(8);
    const tableStart = DATA_START + dataLength;
    const variableFields = new Schema('everything', everything.fields).variableSizeFieldCount;
    expect((payload.length - tableStart) / variableFields).toBe(2);
    if (bigEndian) bytes.writeUInt16BE(dataLength + 10, tableStart);
    else bytes.writeUInt16LE(dataLength + 10, tableStart);
    expect(() => read(bytes)).toThrow(/has offset \d+ outside the data/);
  });

  it('rejects an array that claims more items than the bytes can hold, without allocating them', () => {
    const { payload: arrayPayload, read: readArray } = (() => {
      const type = defineCompactType('ints', [{ name: 'values', kind: FieldKind.ARRAY_OF_INT64 }]);
      const serializer = new CompactStreamSerializer(
        { serializers: [type.serializer] },
        new SchemaRegistry(),
      );
      const bytes = writePayload(serializer, type.create({ values: [1n, 2n] }), bigEndian);
      return {
        payload: bytes,
        read: (b: Buffer) => serializer.read(new ByteArrayObjectDataInput(b, 0, bigEndian), false),
      };
    })();
    const bytes = Buffer.from(arrayPayload);
    writeInt(bytes, DATA_START, 0x7ffffff0);
    expect(() => readArray(bytes)).toThrow(/claims 2147483632 items/);
  });

  it('rejects an inline schema whose id does not match the data', () => {
    const bytes = Buffer.from(withSchema);
    bytes[0] = (bytes[0]! + 1) & 0xff;
    expect(() => read(bytes, true, true)).toThrow(/inline schema .* does not match/);
  });

  it(
    `survives ${FUZZ_ITERATIONS} random mutations with a value or HazelcastSerializationError`,
    () => {
      let seed = bigEndian ? 7 : 11;
      const random = (n: number) => {
        seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
        return seed % n;
      };
      const outcomes = { value: 0, error: 0 };
      for (let i = 0; i < FUZZ_ITERATIONS; i++) {
        const inline = i % 4 === 0;
        const bytes = Buffer.from(inline ? withSchema : payload);
        const mutations = 1 + random(4);
        for (let m = 0; m < mutations; m++) {
          const at = random(bytes.length - 4);
          if (random(3) === 0) writeInt(bytes, at, random(2) === 0 ? -1 - random(1000) : random(0x7fffffff));
          else bytes[at] = random(256);
        }
        const cut = random(5) === 0 ? random(bytes.length) : bytes.length;
        try {
          read(bytes.subarray(0, cut), inline, inline);
          outcomes.value++;
        } catch (error) {
          if (!(error instanceof HazelcastSerializationError)) {
            throw new Error(`mutation ${i} threw ${(error as Error).name}: ${(error as Error).message}`);
          }
          outcomes.error++;
        }
      }
      expect(outcomes.value + outcomes.error).toBe(FUZZ_ITERATIONS);
      expect(outcomes.error).toBeGreaterThan(0);
    },
    Math.max(5000, FUZZ_ITERATIONS),
  );
});
