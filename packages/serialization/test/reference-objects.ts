// Our own reference table for the golden vectors: the values Java's ReferenceObjects wrote (read from the
// fixtures' decoded content and the public ReferenceObjects.java description), and test classes whose
// field layout matches the Java test classes that wrote them.
import Long from 'long';
import type { HeapData } from '../src/data/heap-data';
import { HeapData as Data } from '../src/data/heap-data';
import type { ByteArrayObjectDataInput } from '../src/io/byte-input';
import type { ByteArrayObjectDataOutput } from '../src/io/byte-output';
import { BigDecimal } from '../src/java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../src/java/date-time';
import { UUID } from '../src/java/uuid';
import { portableSerialization } from '../src/portable/format';
import type { Portable, PortableReader, PortableWriter } from '../src/portable/portable';
import type { SerializationConfig } from '../src/service/config';

export const PORTABLE_FACTORY_ID = 1;
export const PORTABLE_CLASS_ID = 1;
export const INNER_PORTABLE_CLASS_ID = 2;
export const IDS_FACTORY_ID = 1;
export const IDS_CLASS_ID = 1;
export const CUSTOM_STREAM_ID = 1;
export const CUSTOM_BYTE_ARRAY_ID = 2;

export const aBoolean = true;
export const aByte = 113;
export const aChar = 'x';
export const aDouble = -897543.3678909;
export const aShort = -500;
export const aFloat = Math.fround(900.5678);
export const anInt = 56789;
export const aLong = Long.fromNumber(-50992225);
export const aSmallString = '😊 Hello Приве́т नमस्ते שָׁלוֹם';
/** The string Java's APortable holds (named field and raw section). */
export const APORTABLE_STRING = 'this > 5 AND this < 100';

/** Every char from 0 to 0xFFFE except the surrogate range, as Java's CharBuffer of size 0xFFFF, zero-padded. */
export function bigString(): string {
  const units: number[] = [];
  for (let c = 0; c < 0xffff; c++) if (c < 0xd800 || c > 0xdfff) units.push(c);
  while (units.length < 0xffff) units.push(0);
  let text = '';
  for (let i = 0; i < units.length; i += 4096) text += String.fromCharCode(...units.slice(i, i + 4096));
  return text;
}

export const booleans = [true, false, true];
export const bytes = Buffer.from([112, 4, 255, 4, 112, 221, 43]);
export const chars = ['a', 'b', 'c'];
export const doubles = [-897543.3678909, 11.1, 22.2, 33.3];
export const shorts = [-500, 2, 3];
export const floats = [900.5678, 1.0, 2.1, 3.4].map(Math.fround);
export const ints = [56789, 2, 3];
export const longs = [-50992225, 1231232141, 2, 3].map((n) => Long.fromNumber(n));
export const strings = [
  'Pijamalı hasta, yağız şoföre çabucak güvendi.',
  'イロハニホヘト チリヌルヲ ワカヨタレソ ツネナラム',
  'The quick brown fox jumps over the lazy dog',
];
export const aUUID = new UUID(aLong, Long.fromNumber(anInt));
export const aDate = new Date(Date.UTC(1990, 1, 1));
export const aLocalDate = new LocalDate(2021, 6, 28);
export const aLocalTime = new LocalTime(11, 22, 41, 123456789);
export const aLocalDateTime = new LocalDateTime(aLocalDate, aLocalTime);
export const anOffsetDateTime = new OffsetDateTime(aLocalDateTime, 18 * 3600);
export const aBigInteger = 1314432323232411n;
export const aBigDecimal = new BigDecimal(31231n, 0);
export const aClassName = 'java.math.BigDecimal';
export const aData = new Data(Buffer.from('111313123131313131'));

export class CustomStreamSerializable {
  constructor(
    readonly i: number,
    readonly f: number,
  ) {}
}

export class CustomByteArraySerializable {
  constructor(
    readonly i: number,
    readonly f: number,
  ) {}
}

export class AnInnerPortable implements Portable {
  factoryId = PORTABLE_FACTORY_ID;
  classId = INNER_PORTABLE_CLASS_ID;
  constructor(
    public i = 0,
    public f = 0,
  ) {}
  writePortable(writer: PortableWriter): void {
    writer.writeInt('i', this.i);
    writer.writeFloat('f', this.f);
  }
  readPortable(reader: PortableReader): void {
    this.i = reader.readInt('i');
    this.f = reader.readFloat('f');
  }
}

export const anInnerPortable = new AnInnerPortable(anInt, aFloat);
export const aCustomStream = new CustomStreamSerializable(anInt, aFloat);
export const aCustomByteArray = new CustomByteArraySerializable(anInt, aFloat);

/** The values after the named/primitive fields that both APortable and AnIdentifiedDataSerializable write raw. */
interface RawSection {
  bool: boolean;
  b: number;
  c: number;
  d: number;
  s: number;
  f: number;
  i: number;
  l: Long;
  str: string;
  booleans: boolean[] | null;
  bytes: Buffer | null;
  chars: number[] | null;
  doubles: number[] | null;
  shorts: number[] | null;
  floats: number[] | null;
  ints: number[] | null;
  longs: Long[] | null;
  strings: (string | null)[] | null;
  byteSize: number;
  bytesFully: Buffer;
  bytesOffset: Buffer;
  strChars: number[];
  strBytes: Buffer;
  unsignedByte: number;
  unsignedShort: number;
  portableObject: unknown;
  identifiedDataSerializableObject: unknown;
  customByteArraySerializableObject: unknown;
  customStreamSerializableObject: unknown;
  data: HeapData | null;
  nulls: unknown[];
}

function referenceRaw(str: string): RawSection {
  return {
    bool: aBoolean,
    b: aByte,
    c: aChar.charCodeAt(0),
    d: aDouble,
    s: aShort,
    f: aFloat,
    i: anInt,
    l: aLong,
    str,
    booleans,
    bytes,
    chars: chars.map((c) => c.charCodeAt(0)),
    doubles,
    shorts,
    floats,
    ints,
    longs,
    strings,
    byteSize: bytes.length,
    bytesFully: bytes,
    bytesOffset: bytes.subarray(1, 3),
    strChars: [...Array(str.length).keys()].map((k) => str.charCodeAt(k)),
    strBytes: Buffer.from([...Array(str.length).keys()].map((k) => str.charCodeAt(k) & 0xff)),
    unsignedByte: 227,
    unsignedShort: 32867,
    portableObject: anInnerPortable,
    identifiedDataSerializableObject: null,
    customByteArraySerializableObject: aCustomByteArray,
    customStreamSerializableObject: aCustomStream,
    data: aData,
    nulls: [null, null, null, null, null, null, null, null, null],
  };
}

function writeRaw(out: ByteArrayObjectDataOutput, r: RawSection, withNulls: boolean): void {
  out.writeBoolean(r.bool);
  out.writeByte(r.b);
  out.writeChar(r.c);
  out.writeDouble(r.d);
  out.writeShort(r.s);
  out.writeFloat(r.f);
  out.writeInt(r.i);
  out.writeLong(r.l);
  out.writeString(r.str);
  out.writeBooleanArray(r.booleans);
  out.writeByteArray(r.bytes);
  out.writeCharArray(r.chars);
  out.writeDoubleArray(r.doubles);
  out.writeShortArray(r.shorts);
  out.writeFloatArray(r.floats);
  out.writeIntArray(r.ints);
  out.writeLongArray(r.longs);
  out.writeStringArray(r.strings);
  if (withNulls) {
    out.writeBooleanArray(null);
    out.writeByteArray(null);
    out.writeCharArray(null);
    out.writeDoubleArray(null);
    out.writeShortArray(null);
    out.writeFloatArray(null);
    out.writeIntArray(null);
    out.writeLongArray(null);
    out.writeStringArray(null);
  }
  out.writeByte(r.byteSize);
  out.writeBytes(r.bytesFully);
  out.writeBytes(r.bytesOffset);
  out.writeInt(r.strChars.length);
  for (const c of r.strChars) out.writeChar(c);
  out.writeBytes(r.strBytes);
  out.writeByte(r.unsignedByte);
  out.writeShort(r.unsignedShort);
  out.writeObject(r.portableObject);
  out.writeObject(r.identifiedDataSerializableObject);
  out.writeObject(r.customByteArraySerializableObject);
  out.writeObject(r.customStreamSerializableObject);
  out.writeData(r.data);
}

function readRaw(input: ByteArrayObjectDataInput, withNulls: boolean): RawSection {
  const r = {
    bool: input.readBoolean(),
    b: input.readByte(),
    c: input.readChar(),
    d: input.readDouble(),
    s: input.readShort(),
    f: input.readFloat(),
    i: input.readInt(),
    l: input.readLong(),
    str: input.readString() as string,
    booleans: input.readBooleanArray(),
    bytes: input.readByteArray(),
    chars: input.readCharArray(),
    doubles: input.readDoubleArray(),
    shorts: input.readShortArray(),
    floats: input.readFloatArray(),
    ints: input.readIntArray(),
    longs: input.readLongArray(),
    strings: input.readStringArray(),
  };
  const nulls: unknown[] = withNulls
    ? [
        input.readBooleanArray(),
        input.readByteArray(),
        input.readCharArray(),
        input.readDoubleArray(),
        input.readShortArray(),
        input.readFloatArray(),
        input.readIntArray(),
        input.readLongArray(),
        input.readStringArray(),
      ]
    : [];
  const byteSize = input.readByte();
  const bytesFully = Buffer.from(input.readBytes(byteSize));
  const bytesOffset = Buffer.from(input.readBytes(2));
  const strSize = input.readInt();
  const strChars: number[] = [];
  for (let k = 0; k < strSize; k++) strChars.push(input.readChar());
  const strBytes = Buffer.from(input.readBytes(strSize));
  return {
    ...r,
    nulls,
    byteSize,
    bytesFully,
    bytesOffset,
    strChars,
    strBytes,
    unsignedByte: input.readUnsignedByte(),
    unsignedShort: input.readUnsignedShort(),
    portableObject: input.readObject(),
    identifiedDataSerializableObject: input.readObject(),
    customByteArraySerializableObject: input.readObject(),
    customStreamSerializableObject: input.readObject(),
    data: input.readData(),
  };
}

export class AnIdentifiedDataSerializable {
  factoryId = IDS_FACTORY_ID;
  classId = IDS_CLASS_ID;
  raw: RawSection = referenceRaw(aSmallString);

  writeData(out: ByteArrayObjectDataOutput): void {
    writeRaw(out, this.raw, true);
  }

  readData(input: ByteArrayObjectDataInput): void {
    this.raw = readRaw(input, true);
  }
}

/** Named fields of APortable, in the order Java's APortable writes them. */
export class APortable implements Portable {
  factoryId = PORTABLE_FACTORY_ID;
  classId = PORTABLE_CLASS_ID;
  fields: Record<string, unknown> = {};
  raw: RawSection = {
    ...referenceRaw(APORTABLE_STRING),
    identifiedDataSerializableObject: new AnIdentifiedDataSerializable(),
  };

  static reference(): APortable {
    const p = new APortable();
    p.fields = {
      bool: aBoolean,
      b: aByte,
      c: aChar.charCodeAt(0),
      d: aDouble,
      s: aShort,
      f: aFloat,
      i: anInt,
      l: aLong,
      str: APORTABLE_STRING,
      bd: aBigDecimal,
      ld: aLocalDate,
      lt: aLocalTime,
      ldt: aLocalDateTime,
      odt: anOffsetDateTime,
      p: anInnerPortable,
      booleans,
      bs: bytes,
      cs: chars.map((c) => c.charCodeAt(0)),
      ds: doubles,
      ss: shorts,
      fs: floats,
      is: ints,
      ls: longs,
      strs: strings,
      decimals: null,
      dates: null,
      times: null,
      dateTimes: null,
      offsetDateTimes: null,
      ps: [anInnerPortable, anInnerPortable, anInnerPortable],
      nulls: [null, null, null, null, null, null, null, null, null],
    };
    return p;
  }

  writePortable(w: PortableWriter): void {
    // biome-ignore lint/suspicious/noExplicitAny: a bag of differently typed reference fields
    const v = this.fields as Record<string, any>;
    w.writeBoolean('bool', v.bool);
    w.writeByte('b', v.b);
    w.writeChar('c', v.c);
    w.writeDouble('d', v.d);
    w.writeShort('s', v.s);
    w.writeFloat('f', v.f);
    w.writeInt('i', v.i);
    w.writeLong('l', v.l);
    w.writeString('str', v.str);
    w.writeDecimal('bd', v.bd);
    w.writeDate('ld', v.ld);
    w.writeTime('lt', v.lt);
    w.writeTimestamp('ldt', v.ldt);
    w.writeTimestampWithTimezone('odt', v.odt);
    w.writePortable('p', v.p);
    w.writeBooleanArray('booleans', v.booleans);
    w.writeByteArray('bs', v.bs);
    w.writeCharArray('cs', v.cs);
    w.writeDoubleArray('ds', v.ds);
    w.writeShortArray('ss', v.ss);
    w.writeFloatArray('fs', v.fs);
    w.writeIntArray('is', v.is);
    w.writeLongArray('ls', v.ls);
    w.writeStringArray('strs', v.strs);
    w.writeDecimalArray('decimals', v.decimals);
    w.writeDateArray('dates', v.dates);
    w.writeTimeArray('times', v.times);
    w.writeTimestampArray('dateTimes', v.dateTimes);
    w.writeTimestampWithTimezoneArray('offsetDateTimes', v.offsetDateTimes);
    w.writePortableArray('ps', v.ps);
    w.writeBooleanArray('booleansNull', null);
    w.writeByteArray('bsNull', null);
    w.writeCharArray('csNull', null);
    w.writeDoubleArray('dsNull', null);
    w.writeShortArray('ssNull', null);
    w.writeFloatArray('fsNull', null);
    w.writeIntArray('isNull', null);
    w.writeLongArray('lsNull', null);
    w.writeStringArray('strsNull', null);
    writeRaw(w.getRawDataOutput(), this.raw, true);
  }

  readPortable(r: PortableReader): void {
    this.fields = {
      bool: r.readBoolean('bool'),
      b: r.readByte('b'),
      c: r.readChar('c'),
      d: r.readDouble('d'),
      s: r.readShort('s'),
      f: r.readFloat('f'),
      i: r.readInt('i'),
      l: r.readLong('l'),
      str: r.readString('str'),
      bd: r.readDecimal('bd'),
      ld: r.readDate('ld'),
      lt: r.readTime('lt'),
      ldt: r.readTimestamp('ldt'),
      odt: r.readTimestampWithTimezone('odt'),
      p: r.readPortable('p'),
      booleans: r.readBooleanArray('booleans'),
      bs: r.readByteArray('bs'),
      cs: r.readCharArray('cs'),
      ds: r.readDoubleArray('ds'),
      ss: r.readShortArray('ss'),
      fs: r.readFloatArray('fs'),
      is: r.readIntArray('is'),
      ls: r.readLongArray('ls'),
      strs: r.readStringArray('strs'),
      decimals: r.readDecimalArray('decimals'),
      dates: r.readDateArray('dates'),
      times: r.readTimeArray('times'),
      dateTimes: r.readTimestampArray('dateTimes'),
      offsetDateTimes: r.readTimestampWithTimezoneArray('offsetDateTimes'),
      ps: r.readPortableArray('ps'),
      nulls: [
        r.readBooleanArray('booleansNull'),
        r.readByteArray('bsNull'),
        r.readCharArray('csNull'),
        r.readDoubleArray('dsNull'),
        r.readShortArray('ssNull'),
        r.readFloatArray('fsNull'),
        r.readIntArray('isNull'),
        r.readLongArray('lsNull'),
        r.readStringArray('strsNull'),
      ],
    };
    this.raw = readRaw(r.getRawDataInput(), true);
  }
}

/** The config the golden vectors need: the test classes' factories and custom serializers. */
export function referenceConfig(isBigEndian: boolean): SerializationConfig {
  return {
    formats: [portableSerialization],
    isBigEndian,
    portableFactories: {
      [PORTABLE_FACTORY_ID]: (classId) =>
        classId === PORTABLE_CLASS_ID
          ? new APortable()
          : classId === INNER_PORTABLE_CLASS_ID
            ? new AnInnerPortable()
            : undefined,
    },
    dataSerializableFactories: {
      [IDS_FACTORY_ID]: (classId) =>
        classId === IDS_CLASS_ID ? new AnIdentifiedDataSerializable() : undefined,
    },
    customSerializers: [
      {
        id: CUSTOM_STREAM_ID,
        type: CustomStreamSerializable,
        write: (out, value: CustomStreamSerializable) => {
          out.writeInt(value.i);
          out.writeFloat(value.f);
        },
        read: (input) => new CustomStreamSerializable(input.readInt(), input.readFloat()),
      },
      {
        id: CUSTOM_BYTE_ARRAY_ID,
        type: CustomByteArraySerializable,
        // Java's test serializer writes a 10-byte array holding a big-endian int and float, whatever the stream order.
        write: (out, value: CustomByteArraySerializable) => {
          const body = Buffer.alloc(10);
          body.writeInt32BE(value.i, 0);
          body.writeFloatBE(value.f, 4);
          out.writeByteArray(body);
        },
        read: (input) => {
          const body = input.readByteArray() as Buffer;
          return new CustomByteArraySerializable(body.readInt32BE(0), body.readFloatBE(4));
        },
      },
    ],
  };
}
