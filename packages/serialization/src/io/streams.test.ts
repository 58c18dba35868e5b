import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HazelcastSerializationError } from '../errors';
import { ByteArrayObjectDataInput } from './byte-input';
import { ByteArrayObjectDataOutput } from './byte-output';

describe('ByteArrayObjectDataOutput / ByteArrayObjectDataInput', () => {
  for (const bigEndian of [true, false]) {
    it(`round-trips every primitive and array (${bigEndian ? 'big' : 'little'} endian)`, () => {
      const out = new ByteArrayObjectDataOutput(bigEndian, undefined, 1);
      out.writeBoolean(true);
      out.writeByte(-5);
      out.writeChar(0x263a);
      out.writeShort(-1234);
      out.writeInt(-123456789);
      out.writeLong(-(2n ** 62n));
      out.writeLong(Long.MAX_VALUE);
      out.writeLong(12345);
      out.writeFloat(1.5);
      out.writeDouble(Math.PI);
      out.writeString('héllo 😊');
      out.writeString(null);
      out.writeBooleanArray([true, false]);
      out.writeByteArray(Buffer.from([1, 255]));
      out.writeCharArray([65, 'B']);
      out.writeShortArray([1, -2]);
      out.writeIntArray([3, -4]);
      out.writeLongArray([5n, Long.fromInt(-6), 7]);
      out.writeFloatArray([0.25]);
      out.writeDoubleArray([-0.5]);
      out.writeStringArray(['a', null, '']);
      out.writeIntArray(null);
      const input = new ByteArrayObjectDataInput(out.toBuffer(), 0, bigEndian);
      expect(input.readBoolean()).toBe(true);
      expect(input.readByte()).toBe(-5);
      expect(input.readChar()).toBe(0x263a);
      expect(input.readShort()).toBe(-1234);
      expect(input.readInt()).toBe(-123456789);
      expect(input.readLong().toString()).toBe((-(2n ** 62n)).toString());
      expect(input.readLong().equals(Long.MAX_VALUE)).toBe(true);
      expect(input.readLong().toNumber()).toBe(12345);
      expect(input.readFloat()).toBe(1.5);
      expect(input.readDouble()).toBe(Math.PI);
      expect(input.readString()).toBe('héllo 😊');
      expect(input.readString()).toBeNull();
      expect(input.readBooleanArray()).toEqual([true, false]);
      expect(input.readByteArray()).toEqual(Buffer.from([1, 255]));
      expect(input.readCharArray()).toEqual([65, 66]);
      expect(input.readShortArray()).toEqual([1, -2]);
      expect(input.readIntArray()).toEqual([3, -4]);
      expect(input.readLongArray()?.map((l) => l.toNumber())).toEqual([5, -6, 7]);
      expect(input.readFloatArray()).toEqual([0.25]);
      expect(input.readDoubleArray()).toEqual([-0.5]);
      expect(input.readStringArray()).toEqual(['a', null, '']);
      expect(input.readIntArray()).toBeNull();
      expect(input.available()).toBe(0);
    });
  }

  it('writes multi-byte values in the configured order', () => {
    const be = new ByteArrayObjectDataOutput(true);
    be.writeInt(1);
    const le = new ByteArrayObjectDataOutput(false);
    le.writeInt(1);
    le.writeIntBE(1);
    expect(be.toBuffer().toString('hex')).toBe('00000001');
    expect(le.toBuffer().toString('hex')).toBe('0100000000000001');
  });

  it('writes strings as int32 UTF-8 byte length then the bytes, and lone surrogates as ? like Java', () => {
    const out = new ByteArrayObjectDataOutput(true);
    out.writeString('é😊');
    out.writeString('a\ud800b');
    expect(out.toBuffer().toString('hex')).toBe(`00000006c3a9f09f988a${'00000003613f62'}`);
  });

  it('patches earlier positions and rejects patches outside what was written', () => {
    const out = new ByteArrayObjectDataOutput(false);
    out.writeZeroBytes(8);
    out.writeIntAt(0, 0x01020304);
    out.writeShortAt(4, 0x0506);
    out.writeByteAt(6, 7);
    expect(out.toBuffer().toString('hex')).toBe('0403020106050700');
    expect(() => out.writeIntAt(6, 1)).toThrow(HazelcastSerializationError);
  });

  it('rejects values out of range for the Java type instead of truncating', () => {
    const out = new ByteArrayObjectDataOutput();
    expect(() => out.writeInt(2 ** 31)).toThrow(/int/);
    expect(() => out.writeShort(1.5)).toThrow(/short/);
    expect(() => out.writeByte(300)).toThrow(/byte/);
    expect(() => out.writeLong(2 ** 60)).toThrow(/long/);
    expect(() => out.writeLong(2n ** 63n)).toThrow(/long/);
    expect(() => out.writeChar('ab')).toThrow(/char/);
  });

  it('fails truncated reads with HazelcastSerializationError, not RangeError', () => {
    const input = new ByteArrayObjectDataInput(Buffer.from([0, 0, 0]), 0, true);
    expect(() => input.readInt()).toThrow(HazelcastSerializationError);
    expect(() => input.readLong()).toThrow(HazelcastSerializationError);
    expect(() => input.readIntAt(1)).toThrow(HazelcastSerializationError);
    expect(() => input.readIntAt(-1)).toThrow(HazelcastSerializationError);
    expect(input.readShort()).toBe(0);
    expect(() => input.readShort()).toThrow(/need 2 bytes/);
  });

  it('caps array and string lengths by the bytes available', () => {
    const lying = Buffer.from('7fffffff00', 'hex');
    for (const read of [
      'readString',
      'readByteArray',
      'readIntArray',
      'readStringArray',
      'readLongArray',
    ] as const) {
      const input = new ByteArrayObjectDataInput(lying, 0, true);
      expect(() => input[read]()).toThrow(/exceeds the 1 bytes left/);
    }
    const negative = new ByteArrayObjectDataInput(Buffer.from('fffffffe', 'hex'), 0, true);
    expect(() => negative.readBooleanArray()).toThrow(HazelcastSerializationError);
  });

  it('writes every string whole, whatever room the buffer has when it starts', () => {
    // writeString encodes into the room it has and measures only when the text may have been cut, so each
    // text is tried at every start position and initial size around its length: ASCII, 2-, 3- and 4-byte
    // characters at the end, where a cut would fall, and a lone surrogate (Java writes '?').
    const texts = [
      '',
      'a',
      'abc',
      'x'.repeat(40),
      `${'a'.repeat(20)}é`,
      `${'a'.repeat(20)}世`,
      `${'a'.repeat(20)}😀`,
    ];
    texts.push('é'.repeat(17), '世'.repeat(13), '😀'.repeat(11), `a\ud800b${'c'.repeat(12)}`);
    // Longer texts, some cut where the buffer ends.
    texts.push(
      'y'.repeat(65),
      'é'.repeat(70),
      '世'.repeat(66),
      '😀'.repeat(40),
      `${'a'.repeat(60)}😀世é${'b'.repeat(9)}`,
    );
    texts.push(`${'z'.repeat(70)}\udc00${'é'.repeat(20)}`);
    for (const text of texts) {
      const expected = Buffer.from(
        text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'),
      );
      for (let size = 16; size <= 4 * text.length + 24; size++) {
        for (const before of [0, 1, 5]) {
          const out = new ByteArrayObjectDataOutput(true, undefined, size);
          for (let i = 0; i < before; i++) out.writeByte(7);
          out.writeString(text);
          out.writeByte(9);
          const bytes = out.toBuffer();
          expect(bytes.readInt32BE(before), `${JSON.stringify(text)} size ${size} after ${before}`).toBe(
            expected.length,
          );
          expect(bytes.subarray(before + 4, before + 4 + expected.length).equals(expected)).toBe(true);
          expect(bytes.length).toBe(before + 4 + expected.length + 1);
          expect(new ByteArrayObjectDataInput(bytes, before, true).readString()).toBe(
            text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?'),
          );
        }
      }
    }
  });

  it('needs a service for writeObject/readObject', () => {
    expect(() => new ByteArrayObjectDataOutput().writeObject(1)).toThrow(/SerializationService/);
    expect(() => new ByteArrayObjectDataInput(Buffer.alloc(4)).readObject()).toThrow(/SerializationService/);
  });
});
