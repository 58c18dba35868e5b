import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HAZELCAST_VERSION, ensureHazelcastJars } from '@hz-tools/cluster';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { FieldKind, type SchemaFieldKind } from './field-kind';
import { type CompactGenericRecord, compactGenericRecord } from './generic-record';
import { SchemaRegistry } from './schema-registry';
import { ALL_KINDS } from './test-support/kind-methods';
import { readPayload, writePayload, writePayloadWithSchema } from './test-support/payload';
import { sampleValue } from './test-support/sample-values';

// Java itself is the oracle here: java-oracle/CompactJavaOracle.java builds the same records with
// Java's GenericRecordBuilder, prints the COMPACT and COMPACT_WITH_SCHEMA payloads Java writes, and
// re-serializes our payloads after reading them. No member is needed, only a JDK and the Hazelcast jar.

const ORACLE_SOURCE = fileURLToPath(new URL('./java-oracle/CompactJavaOracle.java', import.meta.url));

const inner = (s: string, n: number | null) =>
  compactGenericRecord('inner', { s: FieldKind.STRING, n: FieldKind.NULLABLE_INT32 }, { s, n });

function records(): Map<string, CompactGenericRecord> {
  const kinds: Record<string, SchemaFieldKind> = {};
  const values: Record<string, unknown> = {};
  for (const kind of ALL_KINDS) {
    kinds[`f${kind}`] = kind;
    if (kind === FieldKind.COMPACT) values[`f${kind}`] = inner('child', 7);
    else if (kind === FieldKind.ARRAY_OF_COMPACT) values[`f${kind}`] = [inner('a', null), null];
    else values[`f${kind}`] = sampleValue(kind, 0);
  }
  return new Map([
    ['everything', compactGenericRecord('everything', kinds, values as never)],
    [
      'nulls',
      compactGenericRecord(
        'nulls',
        {
          s: FieldKind.STRING,
          d: FieldKind.DECIMAL,
          c: FieldKind.COMPACT,
          a: FieldKind.ARRAY_OF_INT32,
          ac: FieldKind.ARRAY_OF_COMPACT,
          n: FieldKind.NULLABLE_INT64,
          i: FieldKind.INT32,
        },
        { s: null, d: null, c: null, a: null, ac: null, n: null, i: 0 },
      ),
    ],
    [
      'wide',
      compactGenericRecord(
        'wide',
        { text: FieldKind.STRING, texts: FieldKind.ARRAY_OF_STRING, bytes: FieldKind.ARRAY_OF_INT8 },
        {
          text: 'x'.repeat(300),
          texts: ['y'.repeat(40_000), null, 'z'.repeat(100)],
          bytes: Buffer.alloc(70_000, 7),
        },
      ),
    ],
  ]);
}

interface Ours {
  readonly name: string;
  readonly order: 'be' | 'le';
  /** COMPACT payload. */
  readonly hex: string;
  /** COMPACT_WITH_SCHEMA payload. */
  readonly withSchemaHex: string;
}

describe('compact against Java (hazelcast jar)', () => {
  const ours: Ours[] = [];
  const javaWrites = new Map<string, string>();
  const javaWritesWithSchema = new Map<string, string>();
  const javaRereads: string[] = [];

  beforeAll(async () => {
    const jars = await ensureHazelcastJars(DEFAULT_HAZELCAST_VERSION);
    const serializer = new CompactStreamSerializer(undefined, new SchemaRegistry());
    for (const order of ['be', 'le'] as const) {
      for (const [name, record] of records()) {
        ours.push({
          name,
          order,
          hex: writePayload(serializer, record, order === 'be').toString('hex'),
          withSchemaHex: writePayloadWithSchema(serializer, record, order === 'be').toString('hex'),
        });
      }
    }
    const java = spawnSync('java', ['-cp', jars.join(':'), ORACLE_SOURCE], {
      input: [
        ...ours.map((o) => `${o.order} -55 ${o.hex}`),
        ...ours.map((o) => `${o.order} -56 ${o.withSchemaHex}`),
      ].join('\n'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (java.status !== 0) throw new Error(`Java oracle failed (${java.status}): ${java.stderr}`);
    for (const line of java.stdout.split('\n')) {
      const [tag, a, b, c] = line.split(' ');
      if (tag === 'WRITE') javaWrites.set(`${a} ${b}`, c!);
      if (tag === 'WRITE_WITH_SCHEMA') javaWritesWithSchema.set(`${a} ${b}`, c!);
      if (tag === 'REREAD') javaRereads[Number(a)] = b!;
    }
  }, 180_000);

  it('Java writes the same payload bytes as we do, for every record in both byte orders', () => {
    expect(ours).toHaveLength(6);
    for (const { name, order, hex } of ours) {
      expect(javaWrites.get(`${name} ${order}`), `${name} ${order}`).toBe(hex);
    }
  });

  it('Java writes the same COMPACT_WITH_SCHEMA payloads (schema inline) as we do', () => {
    for (const { name, order, withSchemaHex } of ours) {
      expect(javaWritesWithSchema.get(`${name} ${order}`), `${name} ${order}`).toBe(withSchemaHex);
    }
  });

  it('we read the COMPACT_WITH_SCHEMA payloads Java writes, with an empty registry', () => {
    const expected = records();
    for (const { name, order } of ours) {
      const fresh = new CompactStreamSerializer(undefined, new SchemaRegistry());
      const bytes = Buffer.from(javaWritesWithSchema.get(`${name} ${order}`)!, 'hex');
      expect(readPayload(fresh, bytes, order === 'be', true), `${name} ${order}`).toEqual(expected.get(name));
    }
  });

  it('Java reads our payloads and writes them back unchanged', () => {
    expect(javaRereads).toHaveLength(ours.length * 2);
    ours.forEach((o, i) => {
      expect(javaRereads[i], `${o.name} ${o.order}`).toBe(o.hex);
    });
  });

  it('Java reads our COMPACT_WITH_SCHEMA payloads knowing no schemas beforehand', () => {
    ours.forEach((o, i) => {
      expect(javaRereads[ours.length + i], `${o.name} ${o.order}`).toBe(o.hex);
    });
  });
});
