import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HeapData } from '../src/data/heap-data';
import { typed } from '../src/java/typed';
import { SerializationService } from '../src/service/serialization-service';
import { loadGoldenVectors } from './fixtures';
import * as ref from './reference-objects';

/** Comparable form: Data → its bytes, Long → decimal string, bigint → string, class instances → plain. */
function normalize(value: unknown): unknown {
  if (value instanceof HeapData) return { data: value.toBuffer().toString('hex') };
  if (Long.isLong(value)) return `long:${value.toString()}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (Buffer.isBuffer(value)) return { bytes: value.toString('hex') };
  if (value instanceof Date) return { date: value.getTime() };
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = { class: value.constructor.name };
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
    return out;
  }
  return value;
}

const short = (n: number) => typed(n, 'short');

/** Java's ReferenceObjects list as JS values (read form) and how to write each one (write form). */
function allTestObjects(write: boolean): unknown[] {
  const w = <T>(read: T, asWritten: unknown) => (write ? asWritten : read);
  return [
    ref.aBoolean,
    w(ref.aByte, typed(ref.aByte, 'byte')),
    w(ref.aChar, typed(ref.aChar, 'char')),
    ref.aDouble,
    w(ref.aShort, short(ref.aShort)),
    w(ref.aFloat, typed(ref.aFloat, 'float')),
    w(ref.anInt, typed(ref.anInt, 'int')),
    ref.aLong,
    ref.aSmallString,
    ref.anInnerPortable,
    ref.booleans,
    ref.bytes,
    w(ref.chars, typed(ref.chars, 'char[]')),
    ref.doubles,
    w(ref.shorts, typed(ref.shorts, 'short[]')),
    w(ref.floats, typed(ref.floats, 'float[]')),
    w(ref.ints, typed(ref.ints, 'int[]')),
    ref.longs,
    ref.strings,
    ref.aCustomStream,
    ref.aCustomByteArray,
    new ref.AnIdentifiedDataSerializable(),
    ref.APortable.reference(),
    ref.aDate,
    ref.aLocalDate,
    ref.aLocalTime,
    ref.aLocalDateTime,
    ref.anOffsetDateTime,
    ref.aBigInteger,
    ref.aBigDecimal,
    w(ref.aClassName, typed(ref.aClassName, 'Class')),
  ];
}

/** Reference value (as read) and writable value per fixture type name; undefined write = read-only. */
function referenceTable(): Record<string, { read: unknown; write?: unknown }> {
  // Java's lists hold null and an ArrayList of every reference object (also inside the LinkedList).
  const list = (kind: 'ArrayList' | 'LinkedList') => ({
    read: [null, allTestObjects(false)],
    write: typed([null, typed(allTestObjects(true), 'ArrayList')], kind),
  });
  return {
    NULL: { read: null, write: null },
    Boolean: { read: ref.aBoolean, write: ref.aBoolean },
    Byte: { read: ref.aByte, write: typed(ref.aByte, 'byte') },
    Character: { read: ref.aChar, write: typed(ref.aChar, 'char') },
    Double: { read: ref.aDouble, write: ref.aDouble },
    Short: { read: ref.aShort, write: short(ref.aShort) },
    Float: { read: ref.aFloat, write: typed(ref.aFloat, 'float') },
    Integer: { read: ref.anInt, write: typed(ref.anInt, 'int') },
    Long: { read: ref.aLong, write: ref.aLong },
    String: { read: ref.bigString(), write: ref.bigString() },
    UUID: { read: ref.aUUID, write: ref.aUUID },
    AnInnerPortable: { read: ref.anInnerPortable, write: ref.anInnerPortable },
    'boolean[]': { read: ref.booleans, write: ref.booleans },
    'byte[]': { read: ref.bytes, write: ref.bytes },
    'char[]': { read: ref.chars, write: typed(ref.chars, 'char[]') },
    'double[]': { read: ref.doubles, write: ref.doubles },
    'short[]': { read: ref.shorts, write: typed(ref.shorts, 'short[]') },
    'float[]': { read: ref.floats, write: typed(ref.floats, 'float[]') },
    'int[]': { read: ref.ints, write: typed(ref.ints, 'int[]') },
    'long[]': { read: ref.longs, write: ref.longs },
    'String[]': { read: ref.strings, write: ref.strings },
    CustomStreamSerializable: { read: ref.aCustomStream, write: ref.aCustomStream },
    CustomByteArraySerializable: { read: ref.aCustomByteArray, write: ref.aCustomByteArray },
    AnIdentifiedDataSerializable: {
      read: new ref.AnIdentifiedDataSerializable(),
      write: new ref.AnIdentifiedDataSerializable(),
    },
    APortable: { read: ref.APortable.reference(), write: ref.APortable.reference() },
    Date: { read: ref.aDate, write: ref.aDate },
    LocalDate: { read: ref.aLocalDate, write: ref.aLocalDate },
    LocalTime: { read: ref.aLocalTime, write: ref.aLocalTime },
    LocalDateTime: { read: ref.aLocalDateTime, write: ref.aLocalDateTime },
    OffsetDateTime: { read: ref.anOffsetDateTime, write: ref.anOffsetDateTime },
    BigInteger: { read: ref.aBigInteger, write: ref.aBigInteger },
    BigDecimal: { read: ref.aBigDecimal, write: ref.aBigDecimal },
    Class: { read: ref.aClassName, write: typed(ref.aClassName, 'Class') },
    'Object[]': {
      read: [ref.anInnerPortable, null, ref.aBigDecimal, ref.aShort],
      write: typed([ref.anInnerPortable, null, ref.aBigDecimal, short(ref.aShort)], 'Object[]'),
    },
    ArrayList: list('ArrayList'),
    LinkedList: list('LinkedList'),
  };
}

const vectors = loadGoldenVectors();
const table = referenceTable();
const entries = [...vectors.entries()].map(([key, bytes]) => {
  const match = /^1-(.+)-(BIG|LITTLE)_ENDIAN$/.exec(key);
  if (match === null) throw new Error(`Unexpected fixture key ${key}`);
  return { key, typeName: match[1] as string, bigEndian: match[2] === 'BIG', bytes };
});

describe('golden vectors written by Java (1.serialization.compatibility.binary)', () => {
  it('covers every fixture entry with a reference value, in both byte orders', () => {
    expect(entries.length).toBe(72);
    const missing = entries.filter((e) => !(e.typeName in table)).map((e) => e.key);
    expect(missing).toEqual([]);
  });

  describe.each(entries)('$key', ({ typeName, bigEndian, bytes }) => {
    const reference = table[typeName] as { read: unknown; write?: unknown };
    const service = () => new SerializationService(ref.referenceConfig(bigEndian));

    it('reads back to the reference value', () => {
      const data = bytes === null ? null : new HeapData(bytes);
      expect(normalize(service().toObject(data))).toEqual(normalize(reference.read));
    });

    it('writes the same bytes Java wrote', () => {
      const written = service().toData(reference.write).toBuffer();
      expect(written.toString('hex')).toBe((bytes ?? Buffer.alloc(0)).toString('hex'));
    });
  });
});
