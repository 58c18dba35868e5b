import type Long from 'long';
import { describe, expect, it } from 'vitest';
import { ByteArrayObjectDataInput } from '../io/byte-input';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { HazelcastSerializationError, SchemaNotFoundError } from './errors';
import { FieldKind } from './field-kind';
import { readResolvingSchemas } from './read-resolving-schemas';
import type { Schema } from './schema';
import { SchemaRegistry } from './schema-registry';
import { type DynamicObject, defineCompactType } from './test-support/dynamic-type';
import { writePayload } from './test-support/payload';

const inner = defineCompactType('inner', [{ name: 'v', kind: FieldKind.STRING }]);
const outer = defineCompactType('outer', [{ name: 'child', kind: FieldKind.COMPACT }]);
const config = { serializers: [inner.serializer, outer.serializer] };

/** A payload written by another client, whose schemas only "the cluster" knows. */
function remoteWrite() {
  const cluster = new SchemaRegistry();
  const value = outer.create({ child: inner.create({ v: 'hi' }) });
  const bytes = writePayload(new CompactStreamSerializer(config, cluster), value);
  return { value, bytes, cluster };
}

describe('SchemaNotFoundError and readResolvingSchemas', () => {
  it('a read of an unknown schema throws SchemaNotFoundError carrying the id', () => {
    const { bytes, cluster } = remoteWrite();
    const local = new CompactStreamSerializer(config, new SchemaRegistry());
    let caught: unknown;
    try {
      local.read(new ByteArrayObjectDataInput(bytes), false);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SchemaNotFoundError);
    expect(caught).toBeInstanceOf(HazelcastSerializationError);
    const id = (caught as SchemaNotFoundError).schemaId;
    expect(cluster.get(id)?.typeName).toBe('outer');
  });

  it('fetches every missing schema (outer, then nested) and retries until the read succeeds', async () => {
    const { value, bytes, cluster } = remoteWrite();
    const registry = new SchemaRegistry();
    const local = new CompactStreamSerializer(config, registry);
    const fetched: string[] = [];
    const result = await readResolvingSchemas(
      () => local.read(new ByteArrayObjectDataInput(bytes), false) as DynamicObject,
      async (id: Long) => {
        const schema = cluster.get(id)!;
        fetched.push(schema.typeName);
        return schema;
      },
      registry,
    );
    expect(result).toEqual(value);
    expect(fetched).toEqual(['outer', 'inner']);
    expect(registry.isReplicated(cluster.all()[0]!.id)).toBe(true);
    expect(registry.drainPending()).toEqual([]);
  });

  it('fails clearly when the cluster does not know the schema', async () => {
    const { bytes } = remoteWrite();
    const registry = new SchemaRegistry();
    const local = new CompactStreamSerializer(config, registry);
    await expect(
      readResolvingSchemas(
        () => local.read(new ByteArrayObjectDataInput(bytes), false),
        async () => null,
        registry,
      ),
    ).rejects.toThrow(/The cluster does not know compact schema -?\d+/);
  });

  it('fails when the fetched schema has another id, or the same id keeps missing', async () => {
    const { bytes, cluster } = remoteWrite();
    const registry = new SchemaRegistry();
    const local = new CompactStreamSerializer(config, registry);
    const read = () => local.read(new ByteArrayObjectDataInput(bytes), false);
    const innerSchema = cluster.all().find((s) => s.typeName === 'inner')!;
    await expect(readResolvingSchemas(read, async () => innerSchema, registry)).rejects.toThrow(
      /but its id is/,
    );

    const forgetful = new SchemaRegistry();
    const never = async (): Promise<Schema> => cluster.all()[0]!;
    const missing = () => {
      throw new SchemaNotFoundError(cluster.all()[0]!.id);
    };
    await expect(readResolvingSchemas(missing, never, forgetful)).rejects.toThrow(
      /still missing after it was fetched/,
    );
  });

  it('passes other errors through untouched, without fetching', async () => {
    let fetches = 0;
    const boom = new TypeError('not a schema problem');
    await expect(
      readResolvingSchemas(
        () => {
          throw boom;
        },
        async () => {
          fetches++;
          return null;
        },
        new SchemaRegistry(),
      ),
    ).rejects.toBe(boom);
    expect(fetches).toBe(0);
  });
});
