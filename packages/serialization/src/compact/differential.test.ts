import Long from 'long';
import { describe, expect, it } from 'vitest';
import { SerializationService } from '../service/serialization-service';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { FieldKind, type SchemaFieldKind } from './field-kind';
import { compactSerialization } from './format';
import { Schema } from './schema';
import { SchemaRegistry } from './schema-registry';
import { type DynamicObject, type DynamicType, defineCompactType } from './test-support/dynamic-type';
import { ALL_KINDS } from './test-support/kind-methods';
import { OfficialCompactOracle, type OracleField, officialSchemaId } from './test-support/official-client';
import { readPayload, writePayload } from './test-support/payload';
import { sampleValue } from './test-support/sample-values';

// Differential tests against the official hazelcast-client@5.7.0 (test-only oracle): schema ids and the
// exact payload bytes must agree for every type below, in both byte orders.

interface TypeCase {
  readonly typeName: string;
  /** Write order (deliberately not name order, so variable-size data order is exercised). */
  readonly fields: readonly OracleField[];
  readonly values: (types: Map<string, DynamicType>) => Record<string, unknown>;
}

const FIXED: SchemaFieldKind[] = [
  FieldKind.INT8,
  FieldKind.FLOAT64,
  FieldKind.INT16,
  FieldKind.INT64,
  FieldKind.INT32,
  FieldKind.FLOAT32,
];
const JAVA_TYPES: SchemaFieldKind[] = [
  FieldKind.TIMESTAMP_WITH_TIMEZONE,
  FieldKind.DECIMAL,
  FieldKind.TIME,
  FieldKind.DATE,
  FieldKind.TIMESTAMP,
];
const PRIMITIVE_ARRAYS: SchemaFieldKind[] = [2, 4, 8, 10, 12, 14, 16] as SchemaFieldKind[];
const OBJECT_ARRAYS: SchemaFieldKind[] = [18, 20, 22, 24, 26, 28] as SchemaFieldKind[];
const NULLABLES: SchemaFieldKind[] = [33, 35, 37, 39, 41, 43, 45] as SchemaFieldKind[];
const NULLABLE_ARRAYS: SchemaFieldKind[] = [34, 36, 38, 40, 42, 44, 46] as SchemaFieldKind[];

function fieldsOf(kinds: readonly SchemaFieldKind[], prefix: string): OracleField[] {
  return kinds.map((kind, i) => ({ name: `${prefix}${kinds.length - i}_${kind}`, kind }));
}

function samples(fields: readonly OracleField[], variant = 0): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.kind, variant)]));
}

const primitivesFields: OracleField[] = [
  ...fieldsOf(FIXED, 'p'),
  ...Array.from({ length: 9 }, (_, i) => ({
    name: `flag${8 - i}`,
    kind: FieldKind.BOOLEAN as SchemaFieldKind,
  })),
];
const stringFields: OracleField[] = [
  { name: 'title', kind: FieldKind.STRING },
  { name: 'absent', kind: FieldKind.STRING },
  { name: 'empty', kind: FieldKind.STRING },
];
const everythingFields: OracleField[] = ALL_KINDS.map((kind) => ({
  name: `f${kind}`,
  kind,
  ...(kind === FieldKind.COMPACT || kind === FieldKind.ARRAY_OF_COMPACT ? { nestedType: 'strings' } : {}),
}));

function stringsValue(types: Map<string, DynamicType>, title: string): DynamicObject {
  return types.get('strings')!.create({ title, absent: null, empty: '' });
}

const CASES: TypeCase[] = [
  { typeName: 'empty', fields: [], values: () => ({}) },
  { typeName: 'primitives', fields: primitivesFields, values: () => samples(primitivesFields, 1) },
  { typeName: 'strings', fields: stringFields, values: () => ({ title: 'Grüße', absent: null, empty: '' }) },
  {
    typeName: 'java.types',
    fields: fieldsOf(JAVA_TYPES, 'j'),
    values: () => samples(fieldsOf(JAVA_TYPES, 'j')),
  },
  {
    typeName: 'primitive-arrays',
    fields: fieldsOf(PRIMITIVE_ARRAYS, 'a'),
    values: () => samples(fieldsOf(PRIMITIVE_ARRAYS, 'a')),
  },
  {
    typeName: 'object-arrays',
    fields: fieldsOf(OBJECT_ARRAYS, 'o'),
    values: () => samples(fieldsOf(OBJECT_ARRAYS, 'o')),
  },
  {
    typeName: 'nullables',
    fields: fieldsOf(NULLABLES, 'n'),
    values: () => samples(fieldsOf(NULLABLES, 'n'), 0),
  },
  {
    typeName: 'nullables.null',
    fields: fieldsOf(NULLABLES, 'n'),
    values: () => samples(fieldsOf(NULLABLES, 'n'), 1),
  },
  {
    typeName: 'nullable-arrays',
    fields: fieldsOf(NULLABLE_ARRAYS, 'na'),
    values: () => samples(fieldsOf(NULLABLE_ARRAYS, 'na')),
  },
  {
    typeName: 'nested',
    fields: [
      { name: 'items', kind: FieldKind.ARRAY_OF_COMPACT, nestedType: 'strings' },
      { name: 'id', kind: FieldKind.INT32 },
      { name: 'child', kind: FieldKind.COMPACT, nestedType: 'strings' },
      { name: 'none', kind: FieldKind.COMPACT, nestedType: 'strings' },
    ],
    values: (types) => ({
      items: [stringsValue(types, 'one'), null, stringsValue(types, 'three')],
      id: 42,
      child: stringsValue(types, 'child'),
      none: null,
    }),
  },
  {
    typeName: 'everything',
    fields: everythingFields,
    values: (types) => ({
      ...samples(everythingFields.filter((f) => f.nestedType === undefined)),
      [`f${FieldKind.COMPACT}`]: stringsValue(types, 'nested'),
      [`f${FieldKind.ARRAY_OF_COMPACT}`]: [null, stringsValue(types, 'x')],
    }),
  },
  {
    // Names that sort differently by code unit than by locale, and a non-ASCII name (UTF-8 in the fingerprint).
    typeName: 'com.example.Ordering',
    fields: [
      { name: 'zeta', kind: FieldKind.STRING },
      { name: 'Alpha', kind: FieldKind.INT64 },
      { name: 'alpha', kind: FieldKind.INT64 },
      { name: '_under', kind: FieldKind.BOOLEAN },
      { name: 'ümlaut', kind: FieldKind.NULLABLE_INT32 },
      { name: 'Zeta', kind: FieldKind.FLOAT32 },
    ],
    values: () => ({ zeta: 'z', Alpha: 1n, alpha: -1, _under: true, ümlaut: 7, Zeta: 0.5 }),
  },
  {
    // 300 bytes of variable data: two-byte offsets; 70,000 bytes: four-byte offsets.
    typeName: 'wide',
    fields: [
      { name: 'text', kind: FieldKind.STRING },
      { name: 'texts', kind: FieldKind.ARRAY_OF_STRING },
      { name: 'bytes', kind: FieldKind.ARRAY_OF_INT8 },
      { name: 'nothing', kind: FieldKind.STRING },
    ],
    values: () => ({
      text: 'x'.repeat(300),
      texts: ['y'.repeat(200), null, 'z'.repeat(100)],
      bytes: Buffer.alloc(70_000, 7),
      nothing: null,
    }),
  },
  {
    typeName: 'medium',
    fields: [
      { name: 'texts', kind: FieldKind.ARRAY_OF_STRING },
      { name: 'nothing', kind: FieldKind.ARRAY_OF_STRING },
    ],
    values: () => ({ texts: ['y'.repeat(40_000), null, 'z'.repeat(100)], nothing: null }),
  },
];

function setUp(bigEndian: boolean) {
  const types = new Map(CASES.map((c) => [c.typeName, defineCompactType(c.typeName, c.fields)]));
  const ours = new CompactStreamSerializer(
    { serializers: [...types.values()].map((t) => t.serializer) },
    new SchemaRegistry(),
  );
  const oracle = new OfficialCompactOracle(CASES, bigEndian);
  return { types, ours, oracle };
}

describe('compact differential against hazelcast-client 5.7.0', () => {
  it(`has at least 10 schemas covering every field kind`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(10);
    const covered = new Set(CASES.flatMap((c) => c.fields.map((f) => f.kind)));
    expect([...covered].sort((a, b) => a - b)).toEqual([...ALL_KINDS].sort((a, b) => a - b));
  });

  it.each(CASES.map((c) => [c.typeName, c] as const))(
    'schema id of %s equals the official fingerprint',
    (_, c) => {
      const ours = new Schema(c.typeName, c.fields);
      expect(ours.id.toString()).toBe(officialSchemaId(c.typeName, c.fields).toString());
    },
  );

  it('schema ids agree for 300 generated schemas', () => {
    let seed = 12345;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const alphabet = 'abcXYZ_09é中';
    for (let i = 0; i < 300; i++) {
      const names = new Set<string>();
      const count = next(12);
      while (names.size < count) {
        names.add(Array.from({ length: 1 + next(8) }, () => alphabet[next(alphabet.length)]).join(''));
      }
      const fields = [...names].map((name) => ({ name, kind: ALL_KINDS[next(ALL_KINDS.length)]! }));
      const typeName = `type${i}.${next(1000)}`;
      expect(new Schema(typeName, fields).id.toString()).toBe(officialSchemaId(typeName, fields).toString());
    }
  });

  for (const bigEndian of [true, false]) {
    describe(bigEndian ? 'big-endian' : 'little-endian', () => {
      const { types, ours, oracle } = setUp(bigEndian);

      it.each(CASES.map((c) => [c.typeName, c] as const))(
        '%s: same payload bytes as the official client',
        (_, c) => {
          const value = types.get(c.typeName)!.create(c.values(types));
          const expected = oracle.payload(c.typeName, value);
          const actual = writePayload(ours, value, bigEndian);
          expect(actual.toString('hex')).toBe(expected.toString('hex'));
        },
      );

      it.each(CASES.map((c) => [c.typeName, c] as const))(
        '%s: whole Data through SerializationService',
        (_, c) => {
          const service = new SerializationService({
            formats: [compactSerialization],
            isBigEndian: bigEndian,
            compact: { serializers: [...types.values()].map((t) => t.serializer) },
          });
          const value = types.get(c.typeName)!.create(c.values(types));
          const data = service.toData(value);
          expect(data.toBuffer().toString('hex')).toBe(oracle.data(c.typeName, value).toString('hex'));
          expect(service.schemas.drainPending().map((schema) => schema.typeName)).toContain(c.typeName);
          expect(service.toObject<DynamicObject>(data).values).toEqual(normalized(value.values));
        },
      );

      it.each(CASES.map((c) => [c.typeName, c] as const))(
        '%s: the official bytes read back to the value',
        (_, c) => {
          const value = types.get(c.typeName)!.create(c.values(types));
          const read = readPayload(ours, oracle.payload(c.typeName, value), bigEndian) as DynamicObject;
          expect(read).toBeInstanceOf(value.constructor);
          expect(read.values).toEqual(normalized(value.values));
        },
      );
    });
  }
});

/** Inputs in reader form: 64-bit numbers/bigints as Long. */
function normalized(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'bigint' || (typeof value === 'number' && name.toLowerCase() === 'alpha')
        ? Long.fromValue(typeof value === 'bigint' ? value.toString() : value)
        : value,
    ]),
  );
}
