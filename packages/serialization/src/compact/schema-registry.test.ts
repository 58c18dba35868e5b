import { describe, expect, it } from 'vitest';
import { CompactStreamSerializer } from './compact-stream-serializer';
import { FieldKind } from './field-kind';
import { Schema } from './schema';
import { SchemaRegistry } from './schema-registry';
import { defineCompactType } from './test-support/dynamic-type';
import { writePayload } from './test-support/payload';

const schemaA = new Schema('a', [{ name: 'x', kind: FieldKind.INT32 }]);
const schemaB = new Schema('b', [{ name: 'y', kind: FieldKind.STRING }]);

describe('SchemaRegistry', () => {
  it('queues schemas met while writing once, and drainPending empties the queue', () => {
    const registry = new SchemaRegistry();
    expect(registry.registerForWrite(schemaA)).toBe(true);
    expect(registry.registerForWrite(schemaB)).toBe(true);
    expect(registry.registerForWrite(schemaA)).toBe(false);
    expect(registry.hasPending()).toBe(true);
    expect(registry.drainPending()).toEqual([schemaA, schemaB]);
    expect(registry.drainPending()).toEqual([]);
    expect(registry.hasPending()).toBe(false);
    // Drained but not acknowledged: not queued again by further writes.
    expect(registry.registerForWrite(schemaA)).toBe(false);
    expect(registry.drainPending()).toEqual([]);
  });

  it('register() stores schemas from the cluster without queueing them and dequeues pending ones', () => {
    const registry = new SchemaRegistry();
    registry.register(schemaA);
    expect(registry.has(schemaA.id)).toBe(true);
    expect(registry.isReplicated(schemaA.id)).toBe(true);
    expect(registry.drainPending()).toEqual([]);
    registry.registerForWrite(schemaB);
    registry.register(schemaB);
    expect(registry.drainPending()).toEqual([]);
  });

  it('looks schemas up by Long, bigint or decimal number forms of the id', () => {
    const registry = new SchemaRegistry();
    registry.register(schemaA);
    expect(registry.get(schemaA.id)).toBe(schemaA);
    expect(registry.get(BigInt(schemaA.id.toString()))).toBe(schemaA);
    expect(registry.get(1)).toBeUndefined();
    expect(registry.has(schemaB.id)).toBe(false);
  });

  it('requeue puts back failed sends, but not schemas already acknowledged', () => {
    const registry = new SchemaRegistry();
    registry.registerForWrite(schemaA);
    registry.registerForWrite(schemaB);
    const sent = registry.drainPending();
    registry.markReplicated(schemaA.id);
    registry.requeue(sent);
    expect(registry.drainPending()).toEqual([schemaB]);
    expect(() => registry.markReplicated(12345)).toThrow('Schema 12345 is not registered');
  });

  it('all() lists every schema for re-sending after a cluster restart', () => {
    const registry = new SchemaRegistry();
    registry.register(schemaA);
    registry.registerForWrite(schemaB);
    registry.clearReplicated();
    expect(registry.isReplicated(schemaA.id)).toBe(false);
    expect(registry.all()).toEqual([schemaA, schemaB]);
    // The next write of a schema queues it again, in case it was not re-sent.
    expect(registry.registerForWrite(schemaA)).toBe(true);
    expect(registry.drainPending()).toEqual([schemaA]);
  });

  it('a schema only read inline (COMPACT_WITH_SCHEMA) is still queued when first written', () => {
    const registry = new SchemaRegistry();
    registry.registerLocal(schemaA);
    expect(registry.get(schemaA.id)).toBe(schemaA);
    expect(registry.isReplicated(schemaA.id)).toBe(false);
    expect(registry.drainPending()).toEqual([]);
    expect(registry.registerForWrite(schemaA)).toBe(true);
    expect(registry.drainPending()).toEqual([schemaA]);
  });

  it('refuses a different schema under an existing id', () => {
    const registry = new SchemaRegistry();
    registry.register(schemaA);
    const impostor = Object.assign(Object.create(Schema.prototype), schemaB, { id: schemaA.id }) as Schema;
    expect(() => registry.register(impostor)).toThrow(/Schema id collision/);
  });

  it('the serializer queues the outer and nested schemas of a write, each once', () => {
    const inner = defineCompactType('inner', [{ name: 'v', kind: FieldKind.INT8 }]);
    const outer = defineCompactType('outer', [{ name: 'in', kind: FieldKind.ARRAY_OF_COMPACT }]);
    const registry = new SchemaRegistry();
    const serializer = new CompactStreamSerializer(
      { serializers: [inner.serializer, outer.serializer] },
      registry,
    );
    writePayload(serializer, outer.create({ in: [inner.create({ v: 1 }), inner.create({ v: 2 })] }));
    expect(registry.drainPending().map((s) => s.typeName)).toEqual(['outer', 'inner']);
    writePayload(serializer, outer.create({ in: [] }));
    expect(registry.drainPending()).toEqual([]);
  });
});
