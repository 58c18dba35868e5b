import { describe, expect, it } from 'vitest';
import { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { CompactSerializer } from './compact-serializer';
import { CompactStreamSerializer } from './compact-stream-serializer';
import type { CompactWriter } from './compact-writer';
import { HazelcastSerializationError } from './errors';
import { compactGenericRecord } from './generic-record';
import { SchemaRegistry } from './schema-registry';
import { defineCompactType } from './test-support/dynamic-type';

class Shape {
  constructor(readonly write: (writer: CompactWriter) => void) {}
}

/** A serializer whose instances decide what they write, to provoke inconsistent writes. */
const shapeSerializer: CompactSerializer<Shape> = {
  getClass: () => Shape,
  getTypeName: () => 'shape',
  read: () => new Shape(() => {}),
  write: (writer, value) => value.write(writer),
};

function writeAll(...values: unknown[]): void {
  const serializer = new CompactStreamSerializer({ serializers: [shapeSerializer] }, new SchemaRegistry());
  for (const value of values) serializer.write(new ByteArrayObjectDataOutput(), value);
}

const writesA = new Shape((w) => w.writeInt32('a', 1));

describe('compact writer errors', () => {
  it.each([
    [
      'a field the schema lacks',
      new Shape((w) => w.writeInt32('b', 1)),
      "Compact type 'shape' has no field 'b'",
    ],
    [
      'a field as another kind',
      new Shape((w) => w.writeString('a', 'x')),
      "Field 'a' of compact type 'shape' is INT32, cannot write it as STRING",
    ],
    ['fewer fields than the schema', new Shape(() => {}), "field(s) 'a' of its schema were not written"],
    [
      'a non-integer int32',
      new Shape((w) => w.writeInt32('a', 1.5)),
      "Field 'a' of compact type 'shape': expected an integer in [-2147483648, 2147483647], got number 1.5",
    ],
  ])('rejects %s (schema learnt from the first instance)', (_, second, message) => {
    expect(() => writeAll(writesA, second)).toThrow(HazelcastSerializationError);
    expect(() => writeAll(writesA, second)).toThrow(message);
  });

  it('rejects a field written twice', () => {
    const twice = new Shape((w) => {
      w.writeInt32('a', 1);
      w.writeInt32('a', 2);
    });
    expect(() => writeAll(twice)).toThrow("Compact type 'shape': field 'a' is written twice");
  });

  it('rejects ARRAY_OF_COMPACT items of different classes', () => {
    const other = defineCompactType('other', []);
    const mixed = new Shape((w) => w.writeArrayOfCompact('items', [writesA, other.create({})]));
    const serializer = new CompactStreamSerializer(
      { serializers: [shapeSerializer, other.serializer] },
      new SchemaRegistry(),
    );
    expect(() => serializer.write(new ByteArrayObjectDataOutput(), mixed)).toThrow(
      'must hold items of a single type',
    );
  });

  it('rejects a cyclic object graph with a serialization error instead of a stack overflow', () => {
    class Node {
      next: Node | null = null;
    }
    const nodeSerializer: CompactSerializer<Node> = {
      getClass: () => Node,
      getTypeName: () => 'node',
      read: () => new Node(),
      write: (writer, value) => writer.writeCompact('next', value.next),
    };
    const node = new Node();
    node.next = node;
    const serializer = new CompactStreamSerializer({ serializers: [nodeSerializer] }, new SchemaRegistry());
    expect(() => serializer.write(new ByteArrayObjectDataOutput(), node)).toThrow(
      /cyclic or too deeply nested/,
    );
  });

  it('rejects values of classes without a serializer, naming the class', () => {
    class Unknown {}
    const serializer = new CompactStreamSerializer(undefined, new SchemaRegistry());
    expect(() => serializer.write(new ByteArrayObjectDataOutput(), new Unknown())).toThrow(
      'No compact serializer is registered for an object (Unknown)',
    );
  });

  it('handles() is true only for registered classes and GenericRecords', () => {
    const serializer = new CompactStreamSerializer({ serializers: [shapeSerializer] }, new SchemaRegistry());
    expect(serializer.handles(writesA)).toBe(true);
    expect(serializer.handles(compactGenericRecord('r', {}, {}))).toBe(true);
    for (const value of [{}, null, undefined, 1, 'x', [writesA], new (class Other {})()]) {
      expect(serializer.handles(value)).toBe(false);
    }
  });

  it.each([
    ['serializers that are not an array', { length: 1 }, 'compact.serializers must be an array'],
    ['a non-serializer', [{}], 'expected objects with getClass, getTypeName, read and write'],
    [
      'two serializers for one class',
      [shapeSerializer, { ...shapeSerializer, getTypeName: () => 'x' }],
      'class Shape has two serializers',
    ],
    [
      'two serializers for one type name',
      [shapeSerializer, defineCompactType('shape', []).serializer],
      "type name 'shape' is used by two serializers",
    ],
    [
      'an empty type name',
      [{ ...shapeSerializer, getTypeName: () => '' }],
      'getTypeName() for class Shape must return a non-empty string',
    ],
    [
      'a getClass that is not a class',
      [{ ...shapeSerializer, getClass: () => 'Shape' }],
      "getClass() of 'shape' must return a class",
    ],
  ])('rejects a config with %s', (_, serializers, message) => {
    const create = () =>
      new CompactStreamSerializer({ serializers: serializers as never }, new SchemaRegistry());
    expect(create).toThrow(HazelcastSerializationError);
    expect(create).toThrow(message);
  });
});
