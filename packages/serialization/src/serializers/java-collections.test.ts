import Long from 'long';
import { describe, expect, it } from 'vitest';
import { JAVA } from '../../test/java-collection-vectors';
import { HeapData } from '../data/heap-data';
import { HazelcastSerializationError } from '../errors';
import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import { type JavaKind, typed } from '../java/typed';
import { SerializationService } from '../service/serialization-service';
import { TypeId } from '../type-ids';

const int = (n: number) => typed(n, 'int');
const ab = ['a', 'b'];
const intMap = (...keys: string[]) => new Map(keys.map((k) => [k, k === 'a' ? 1 : 2]));
const intMapTagged = (...keys: string[]) => new Map(keys.map((k) => [k, int(k === 'a' ? 1 : 2)]));

/** sample → [what it reads as, the value we write for the same bytes, the kind it is tagged with] */
const SAMPLES: Array<[string, unknown, unknown, JavaKind]> = [
  ['ArrayList', [1, 'two', null, 3.5], [int(1), 'two', null, 3.5], 'ArrayList'],
  ['LinkedList', ab, ab, 'LinkedList'],
  ['CopyOnWriteArrayList', ab, ab, 'CopyOnWriteArrayList'],
  ['HashMap', intMap('a', 'b'), intMapTagged('a', 'b'), 'HashMap'],
  ['ConcurrentSkipListMap', intMap('a', 'b'), intMapTagged('a', 'b'), 'ConcurrentSkipListMap'],
  ['ConcurrentHashMap', intMap('a', 'b'), intMapTagged('a', 'b'), 'ConcurrentHashMap'],
  ['LinkedHashMap', intMap('b', 'a'), intMapTagged('b', 'a'), 'LinkedHashMap'],
  ['TreeMap', intMap('a', 'b'), intMapTagged('a', 'b'), 'TreeMap'],
  ['HashSet', new Set(['x', 'y']), new Set(['x', 'y']), 'HashSet'],
  ['TreeSet', new Set(['x', 'y']), ['x', 'y'], 'TreeSet'],
  ['LinkedHashSet', new Set(['y', 'x']), new Set(['y', 'x']), 'LinkedHashSet'],
  ['CopyOnWriteArraySet', new Set(['x', 'y']), new Set(['x', 'y']), 'CopyOnWriteArraySet'],
  ['ConcurrentSkipListSet', new Set(['x', 'y']), new Set(['x', 'y']), 'ConcurrentSkipListSet'],
  ['ArrayDeque', ab, ab, 'ArrayDeque'],
  ['LinkedBlockingQueue', ab, new Set(ab), 'LinkedBlockingQueue'],
  ['ArrayBlockingQueue', ab, ab, 'ArrayBlockingQueue'],
  ['PriorityBlockingQueue', ab, ab, 'PriorityBlockingQueue'],
  ['DelayQueue', [], [], 'DelayQueue'],
  ['SynchronousQueue', [], [], 'SynchronousQueue'],
  ['LinkedTransferQueue', ab, ab, 'LinkedTransferQueue'],
  ['PriorityQueue', ab, ab, 'PriorityQueue'],
  ['Optional', 'x', 'x', 'Optional'],
  ['OptionalEmpty', null, null, 'Optional'],
];

const hex = (data: HeapData) => data.toBuffer().toString('hex');
const fromHex = (text: string) => new HeapData(Buffer.from(text, 'hex'));

describe('Java collection types (-29 … -50)', () => {
  const service = new SerializationService();

  it.each(SAMPLES)('reads Java %s and writes the same bytes', (name, read, written, kind) => {
    const bytes = JAVA[name]!;
    expect(service.toObject(fromHex(bytes))).toEqual(read);
    expect(hex(service.toData(typed(written, kind)))).toBe(bytes);
  });

  it('reads nested collections (Longs stay Long) and writes them back byte for byte', () => {
    const nested = service.toObject<Map<string, unknown>>(fromHex(JAVA.Nested!));
    expect(nested).toBeInstanceOf(Map);
    expect([...nested.keys()]).toEqual(['list', 'set', 'map']);
    expect((nested.get('list') as Long[]).map(String)).toEqual(['1', '2']);
    expect(nested.get('set')).toEqual(new Set(['s']));
    expect(nested.get('map')).toEqual(new Map([['k', [true]]]));
    // A JS Map is a LinkedHashMap by default, so only the inner types need tags.
    const written = new Map<string, unknown>([
      ['list', typed([Long.fromInt(1), Long.fromInt(2)], 'ArrayList')],
      ['set', typed(['s'], 'HashSet')],
      ['map', typed(new Map([['k', typed([true], 'LinkedList')]]), 'TreeMap')],
    ]);
    expect(hex(service.toData(written))).toBe(JAVA.Nested);
  });

  it('refuses a sorted collection whose comparator only Java can read, naming the reason', () => {
    expect(() => service.toObject(fromHex(JAVA.TreeMapWithComparator!))).toThrow(
      /sorted Java collection whose comparator is java\.io\.Serializable/,
    );
    const serializable = fromHex('00000000ffffff9c00');
    expect(() => service.toObject(serializable)).toThrow(
      /type id -100 \(java\.io\.Serializable, which only Java reads\)/,
    );
  });

  it('writes a JS Map as a LinkedHashMap and a Set as a LinkedHashSet, keeping their order', () => {
    const map = new Map<unknown, unknown>([
      ['z', 1],
      [2, 'two'],
      ['a', null],
    ]);
    const mapData = service.toData(map);
    expect(mapData.getType()).toBe(-35);
    expect(service.toObject(mapData)).toEqual(map);
    expect([...service.toObject<Map<unknown, unknown>>(mapData).keys()]).toEqual(['z', 2, 'a']);
    const set = new Set(['q', 'b', 'm']);
    const setData = service.toData(set);
    expect(setData.getType()).toBe(-39);
    expect([...service.toObject<Set<string>>(setData)]).toEqual(['q', 'b', 'm']);
    expect(hex(service.toData(new Set(['y', 'x'])))).toBe(JAVA.LinkedHashSet);
  });

  it('leaves Maps and Sets to a custom or global serializer that claims them', () => {
    const mapSerializer = {
      id: 7,
      type: Map,
      write: (out: ObjectDataOutput, value: Map<unknown, unknown>) => out.writeInt(value.size),
      read: (input: ObjectDataInput) => ({ size: input.readInt() }),
    };
    const custom = new SerializationService({ customSerializers: [mapSerializer] });
    expect(custom.toData(new Map([['a', 1]])).getType()).toBe(7);
    const global = new SerializationService({
      globalSerializer: { id: 9, write: (out: ObjectDataOutput) => out.writeInt(0), read: () => 'global' },
    });
    expect(global.toData(new Set([1])).getType()).toBe(9);
    expect(global.toData(new Map()).getType()).toBe(9);
  });

  it('keeps every existing mapping: arrays, objects and typed lists serialize as before', () => {
    expect(service.toData([1, 2]).getType()).toBe(TypeId.DOUBLE_ARRAY);
    expect(service.toData(['a', 'b']).getType()).toBe(TypeId.STRING_ARRAY);
    expect(service.toData([1, 'a']).getType()).toBe(TypeId.JSON);
    expect(service.toData({ a: 1 }).getType()).toBe(TypeId.JSON);
    expect(hex(service.toData(typed(ab, 'LinkedList')))).toBe(JAVA.LinkedList);
  });

  it('accepts maps as Map, [key, value] pairs or plain objects, and lists as any iterable', () => {
    const expected = JAVA.HashMap;
    expect(
      hex(
        service.toData(
          typed(
            [
              ['a', int(1)],
              ['b', int(2)],
            ],
            'HashMap',
          ),
        ),
      ),
    ).toBe(expected);
    expect(hex(service.toData(typed({ a: int(1), b: int(2) }, 'HashMap')))).toBe(expected);
    expect(hex(service.toData(typed(new Set(ab), 'ArrayDeque')))).toBe(JAVA.ArrayDeque);
  });

  it('round-trips in little-endian streams too', () => {
    const little = new SerializationService({ isBigEndian: false });
    const value = new Map<string, unknown>([['k', typed(new Set([1, 2]), 'TreeSet')]]);
    expect(little.toObject(little.toData(typed(value, 'ConcurrentHashMap')))).toEqual(
      new Map([['k', new Set([1, 2])]]),
    );
    expect(little.toObject(little.toData(typed('v', 'Optional')))).toBe('v');
  });

  it('rejects values Java could not read back, naming the problem', () => {
    const fails = (value: unknown, kind: JavaKind, message: RegExp) => {
      expect(() => service.toData(typed(value, kind))).toThrow(HazelcastSerializationError);
      expect(() => service.toData(typed(value, kind))).toThrow(message);
    };
    fails([], 'ArrayBlockingQueue', /an empty Java ArrayBlockingQueue: Java cannot read it back/);
    fails(['a'], 'SynchronousQueue', /a non-empty Java SynchronousQueue: Java cannot read it back/);
    fails(['a'], 'DelayQueue', /a non-empty Java DelayQueue/);
    fails('abc', 'HashSet', /Cannot serialize string as a Java HashSet/);
    fails(new Map(), 'ArrayList', /Java list/);
    fails(new Map(), 'TreeSet', /Map as a Java TreeSet: expected an array or another iterable/);
    fails([['a', 1, 2]], 'HashMap', /expected \[key, value\] pairs/);
    fails(42, 'TreeMap', /expected a Map/);
    fails(undefined, 'Optional', /use null for empty/);
  });

  it('bounds element counts by the bytes left', () => {
    const lying = fromHex('00000000ffffffe07fffffff');
    expect(() => service.toObject(lying)).toThrow(/map entry count 2147483647 exceeds/);
    const lyingSet = fromHex('00000000ffffffdb7fffffff');
    expect(() => service.toObject(lyingSet)).toThrow(/collection element count/);
  });
});
