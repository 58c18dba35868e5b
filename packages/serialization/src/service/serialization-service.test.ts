import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HeapData } from '../data/heap-data';
import { HazelcastSerializationError } from '../errors';
import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import { HazelcastJsonValue } from '../java/json-value';
import { typed } from '../java/typed';
import { portableSerialization } from '../portable/format';
import { TypeId } from '../type-ids';
import { SerializationService } from './serialization-service';

class Point {
  constructor(
    readonly x = 0,
    readonly y = 0,
  ) {}
}

const pointSerializer = {
  id: 10,
  type: Point,
  write: (out: ObjectDataOutput, p: Point) => {
    out.writeInt(p.x);
    out.writeInt(p.y);
  },
  read: (input: ObjectDataInput) => new Point(input.readInt(), input.readInt()),
};

class Both {
  factoryId = 1;
  classId = 2;
  hzCustomId = 10;
  value = 0;
  writeData(out: ObjectDataOutput) {
    out.writeInt(this.value);
  }
  readData(input: ObjectDataInput) {
    this.value = input.readInt();
  }
}

const typeOf = (data: HeapData) => data.getType();

describe('SerializationService', () => {
  it('sends JS numbers as the configured Java type (Double by default)', () => {
    expect(typeOf(new SerializationService().toData(1))).toBe(TypeId.DOUBLE);
    expect(typeOf(new SerializationService({ defaultNumberType: 'integer' }).toData(1))).toBe(TypeId.INT);
    expect(typeOf(new SerializationService({ defaultNumberType: 'long' }).toData([1, 2]))).toBe(
      TypeId.LONG_ARRAY,
    );
    expect(() => new SerializationService({ defaultNumberType: 'integer' }).toData(1.5)).toThrow(/Java int/);
    expect(() => new SerializationService({ defaultNumberType: 'short' }).toData(40000)).toThrow(
      /Java short/,
    );
  });

  it('maps JS values to the documented Java types', () => {
    const service = new SerializationService();
    const cases: [unknown, number][] = [
      ['text', TypeId.STRING],
      [true, TypeId.BOOLEAN],
      [Long.fromInt(5), TypeId.LONG],
      [5n, TypeId.BIG_INTEGER],
      [Buffer.from([1]), TypeId.BYTE_ARRAY],
      [new Uint8Array([1]), TypeId.BYTE_ARRAY],
      [new Date(0), TypeId.DATE],
      [['a', null], TypeId.STRING_ARRAY],
      [[true], TypeId.BOOLEAN_ARRAY],
      [[], TypeId.DOUBLE_ARRAY],
      [[Long.ONE], TypeId.LONG_ARRAY],
      [{ a: 1 }, TypeId.JSON],
      [[{ a: 1 }], TypeId.JSON],
      [new HazelcastJsonValue('{"a":1}'), TypeId.JSON],
    ];
    for (const [value, id] of cases) expect(typeOf(service.toData(value)), String(value)).toBe(id);
  });

  it('round-trips values tagged with a Java type', () => {
    const service = new SerializationService();
    const cases: [unknown, number, unknown][] = [
      [typed(-5, 'byte'), TypeId.BYTE, -5],
      [typed('x', 'char'), TypeId.CHAR, 'x'],
      [typed(-300, 'short'), TypeId.SHORT, -300],
      [typed(70000, 'int'), TypeId.INT, 70000],
      [typed(0.5, 'float'), TypeId.FLOAT, 0.5],
      [typed(2 ** 40, 'long'), TypeId.LONG, Long.fromNumber(2 ** 40)],
      [typed('ab', 'char[]'), TypeId.CHAR_ARRAY, ['a', 'b']],
      [typed([1, 2], 'int[]'), TypeId.INT_ARRAY, [1, 2]],
      [typed([1, -1], 'byte[]'), TypeId.BYTE_ARRAY, Buffer.from([1, 255])],
      [typed(12, 'BigInteger'), TypeId.BIG_INTEGER, 12n],
      [typed('java.lang.String', 'Class'), TypeId.JAVA_CLASS, 'java.lang.String'],
      [typed([1, 'a', null], 'ArrayList'), TypeId.ARRAY_LIST, [1, 'a', null]],
      [typed([typed(1, 'int')], 'LinkedList'), TypeId.LINKED_LIST, [1]],
      [typed([], 'Object[]'), TypeId.OBJECT_ARRAY, []],
    ];
    for (const [value, id, expected] of cases) {
      const data = service.toData(value);
      expect(data.getType()).toBe(id);
      expect(service.toObject(data)).toEqual(expected);
    }
    expect(() => service.toData(typed(200, 'byte'))).toThrow(/Java byte/);
    expect(() => typed(1, 'uint' as never)).toThrow(/Unknown Java kind/);
  });

  it('reads JSON eagerly or as HazelcastJsonValue per jsonStringDeserializationPolicy', () => {
    const data = new SerializationService().toData({ a: [1, 'b'] });
    expect(new SerializationService().toObject(data)).toEqual({ a: [1, 'b'] });
    const lazy = new SerializationService({ jsonStringDeserializationPolicy: 'NO_DESERIALIZATION' }).toObject(
      data,
    );
    expect(lazy).toBeInstanceOf(HazelcastJsonValue);
    expect(String(lazy)).toBe('{"a":[1,"b"]}');
  });

  it('uses custom serializers by class or hzCustomId, after IdentifiedDataSerializable', () => {
    const service = new SerializationService({
      customSerializers: [pointSerializer],
      dataSerializableFactories: { 1: () => new Both() },
    });
    const data = service.toData(new Point(3, -4));
    expect(data.getType()).toBe(10);
    expect(service.toObject(data)).toEqual(new Point(3, -4));
    const tagged = service.toData({ hzCustomId: 10, x: 1, y: 2 });
    expect(service.toObject(tagged)).toEqual(new Point(1, 2));
    // Lookup order: IdentifiedDataSerializable wins over a custom serializer.
    expect(service.toData(new Both()).getType()).toBe(TypeId.DATA_SERIALIZABLE);
    expect(() => service.toData({ hzCustomId: 99 })).toThrow(/hzCustomId 99/);
  });

  it('falls back to the global serializer before JSON', () => {
    const service = new SerializationService({
      globalSerializer: {
        id: 20,
        write: (out, value: { tag: string }) => out.writeString(value.tag),
        read: (input) => ({ tag: input.readString(), global: true }),
      },
    });
    const data = service.toData({ tag: 'g' });
    expect(data.getType()).toBe(20);
    expect(service.toObject(data)).toEqual({ tag: 'g', global: true });
    expect(service.toData('still a string').getType()).toBe(TypeId.STRING);
  });

  it('names the value type when nothing can serialize it', () => {
    const service = new SerializationService();
    expect(() => service.toData(undefined)).toThrow(/undefined/);
    expect(() => service.toData(Symbol('s'))).toThrow(/No serializer for a value of type symbol/);
    expect(() => service.toData(() => 1)).toThrow(/type function/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => service.toData(cyclic)).toThrow(HazelcastSerializationError);
    expect(() => service.toData(new Map())).not.toThrow();
  });

  it('reports unknown type ids and missing factories', () => {
    const service = new SerializationService({ formats: [portableSerialization] });
    const header = (typeId: number, payload: string) => {
      const bytes = Buffer.alloc(8);
      bytes.writeInt32BE(typeId, 4);
      return new HeapData(Buffer.concat([bytes, Buffer.from(payload, 'hex')]));
    };
    expect(() => service.toObject(header(12345, ''))).toThrow(/No deserializer for type id 12345/);
    expect(() => service.toObject(header(TypeId.DATA_SERIALIZABLE, '01000000070000000a'))).toThrow(
      /factoryId 7/,
    );
    expect(() => service.toObject(header(TypeId.DATA_SERIALIZABLE, '00'))).toThrow(
      /not IdentifiedDataSerializable/,
    );
    expect(() => service.toObject(header(TypeId.PORTABLE, '000000070000000100000000'))).toThrow(
      /factoryId 7/,
    );
  });

  it('treats null as the empty Data and passes Data through', () => {
    const service = new SerializationService();
    const empty = service.toData(null);
    expect(empty.totalSize()).toBe(0);
    expect(empty.getType()).toBe(TypeId.NULL);
    expect(service.toObject(empty)).toBeNull();
    expect(service.toObject(null)).toBeNull();
    const data = service.toData('x');
    expect(service.toData(data)).toBe(data);
    expect(() => service.toObject('x' as never)).toThrow(/expects Data/);
  });

  it('stores the partition key hash for partition-aware values', () => {
    const service = new SerializationService();
    const keyHash = service.toData('key-1').getPartitionHash();
    const aware = service.toData({ getPartitionKey: () => 'key-1', id: 5 });
    expect(aware.hasPartitionHash()).toBe(true);
    expect(aware.getPartitionHash()).toBe(keyHash);
    expect(service.toData({ id: 5 }).hasPartitionHash()).toBe(false);
  });

  it('validates the config with errors naming the option', () => {
    const make = (config: unknown) => () => new SerializationService(config as never);
    expect(make({ defaultNumberType: 'int' })).toThrow(/defaultNumberType/);
    expect(make({ isBigEndian: 'yes' })).toThrow(/isBigEndian/);
    expect(make({ portableVersion: -1 })).toThrow(/portableVersion/);
    expect(make({ jsonStringDeserializationPolicy: 'lazy' })).toThrow(/jsonStringDeserializationPolicy/);
    expect(make({ customSerializers: [{ id: 0, read() {}, write() {} }] })).toThrow(
      /customSerializers\[0\]\.id/,
    );
    expect(make({ customSerializers: [pointSerializer, pointSerializer] })).toThrow(/reuses type id 10/);
    expect(make({ globalSerializer: { id: 3 } })).toThrow(/globalSerializer needs read and write/);
    expect(make({ portableFactories: { x: () => null } })).toThrow(/portableFactories key "x"/);
    expect(make({ dataSerializableFactories: { 1: 'no' } })).toThrow(/dataSerializableFactories\[1\]/);
    expect(make({ isBigEndain: false })).toThrow(/unknown option "isBigEndain"/);
    expect(make({ compact: 5 })).toThrow(/compact must be an object/);
    expect(make({ classDefinitions: [{ factoryId: 1 }] })).toThrow(
      /classDefinitions\[0\] must be a ClassDefinition/,
    );
  });
});

describe('HeapData', () => {
  it('rejects buffers shorter than the header', () => {
    expect(() => new HeapData(Buffer.alloc(5))).toThrow(HazelcastSerializationError);
  });

  it('uses the stored partition hash when non-zero, else MurmurHash3 of the payload', () => {
    const bytes = Buffer.from('00000000fffffff5000000016100', 'hex');
    const data = new HeapData(bytes);
    expect(data.hasPartitionHash()).toBe(false);
    expect(data.getPartitionHash()).toBe(data.hashCode());
    const stored = Buffer.from(bytes);
    stored.writeInt32BE(42, 0);
    expect(new HeapData(stored).getPartitionHash()).toBe(42);
    expect(new HeapData(stored).equals(data)).toBe(true);
  });
});

describe('string values of different scripts, one after the other', () => {
  it('serialize to the same bytes as on a fresh service (the buffer sizing one string leaves for the next)', () => {
    const texts = [
      'plain ascii',
      '世界'.repeat(300),
      'x'.repeat(2000),
      'Grüße '.repeat(90),
      '😀'.repeat(500),
      '',
      'a',
    ];
    const service = new SerializationService({});
    for (const text of [...texts, ...texts.reverse()]) {
      const data = service.toData(text);
      expect(data.toBuffer().equals(new SerializationService({}).toData(text).toBuffer())).toBe(true);
      expect(service.toObject(data)).toBe(text);
    }
  });
});
