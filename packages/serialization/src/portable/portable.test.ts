import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HeapData } from '../data/heap-data';
import { HazelcastSerializationError } from '../errors';
import { BigDecimal } from '../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { SerializationService } from '../service/serialization-service';
import { ClassDefinitionBuilder } from './class-definition-builder';
import { FieldType } from './field-type';
import { portableSerialization } from './format';
import type { Portable, PortableReader, PortableWriter } from './portable';

class Child implements Portable {
  factoryId = 5;
  classId = 2;
  constructor(public name: string | null = null) {}
  writePortable(w: PortableWriter) {
    w.writeString('name', this.name);
  }
  readPortable(r: PortableReader) {
    this.name = r.readString('name');
  }
}

/** Version 1 of a class: an int `count`. */
class CounterV1 implements Portable {
  factoryId = 5;
  classId = 3;
  version = 1;
  count = 7;
  writePortable(w: PortableWriter) {
    w.writeInt('count', this.count);
    w.writeString('label', 'v1');
  }
  readPortable(r: PortableReader) {
    this.count = r.readInt('count');
  }
}

/** Version 2 widens `count` to long, reads `count` as double too, and adds `extra`. */
class CounterV2 implements Portable {
  factoryId = 5;
  classId = 3;
  version = 2;
  count: Long = Long.ZERO;
  asDouble = 0;
  extra: string | null = 'unset';
  flag = true;
  writePortable(w: PortableWriter) {
    w.writeLong('count', this.count);
    w.writeString('extra', this.extra);
  }
  readPortable(r: PortableReader) {
    this.count = r.readLong('count');
    this.asDouble = r.readDouble('count');
    this.extra = r.readString('extra');
    this.flag = r.readBoolean('flag');
  }
}

class Everything implements Portable {
  factoryId = 5;
  classId = 1;
  values: Record<string, unknown> = {};
  writePortable(w: PortableWriter) {
    w.writeByte('byte', -1);
    w.writeBoolean('bool', true);
    w.writeChar('char', 'z');
    w.writeShort('short', -2);
    w.writeInt('int', -3);
    w.writeLong('long', -4n);
    w.writeFloat('float', 0.5);
    w.writeDouble('double', 0.25);
    w.writeString('string', 'ş');
    w.writeUTF('utf', null);
    w.writePortable('child', new Child('c'));
    w.writeNullPortable('nullChild', 5, 2);
    w.writeDecimal('decimal', new BigDecimal(-12345n, 2));
    w.writeTime('time', new LocalTime(1, 2, 3, 4));
    w.writeDate('date', new LocalDate(2024, 2, 29));
    w.writeTimestamp('timestamp', new LocalDateTime(new LocalDate(1, 1, 1), new LocalTime(0, 0, 0, 0)));
    w.writeTimestampWithTimezone(
      'tz',
      new OffsetDateTime(
        new LocalDateTime(new LocalDate(2000, 12, 31), new LocalTime(23, 59, 59, 999)),
        -3600,
      ),
    );
    w.writeByteArray('bytes', Buffer.from([9]));
    w.writeBooleanArray('bools', [false]);
    w.writeCharArray('chars', [0x41]);
    w.writeShortArray('shorts', [1]);
    w.writeIntArray('ints', [2]);
    w.writeLongArray('longs', [3]);
    w.writeFloatArray('floats', [4]);
    w.writeDoubleArray('doubles', [5]);
    w.writeStringArray('strings', ['s', null]);
    w.writeUTFArray('utfs', null);
    w.writePortableArray('children', [new Child('a'), new Child('b')]);
    w.writeDecimalArray('decimals', [new BigDecimal(1n, 0)]);
    w.writeTimeArray('times', []);
    w.writeDateArray('dates', [new LocalDate(-5, 1, 1)]);
    w.writeTimestampArray('timestamps', null);
    w.writeTimestampWithTimezoneArray('tzs', null);
    w.getRawDataOutput().writeString('raw tail');
  }
  readPortable(r: PortableReader) {
    const names = r.getFieldNames();
    this.values = {
      names,
      byte: r.readByte('byte'),
      bool: r.readBoolean('bool'),
      char: r.readChar('char'),
      short: r.readShort('short'),
      int: r.readInt('int'),
      long: r.readLong('long').toNumber(),
      float: r.readFloat('float'),
      double: r.readDouble('double'),
      string: r.readString('string'),
      utf: r.readUTF('utf'),
      child: r.readPortable<Child>('child')?.name,
      nullChild: r.readPortable('nullChild'),
      decimal: r.readDecimal('decimal')?.toString(),
      time: r.readTime('time')?.toString(),
      date: r.readDate('date')?.toString(),
      timestamp: r.readTimestamp('timestamp')?.toString(),
      tz: r.readTimestampWithTimezone('tz')?.toString(),
      bytes: [...(r.readByteArray('bytes') ?? [])],
      bools: r.readBooleanArray('bools'),
      chars: r.readCharArray('chars'),
      shorts: r.readShortArray('shorts'),
      ints: r.readIntArray('ints'),
      longs: r.readLongArray('longs')?.map((l) => l.toNumber()),
      floats: r.readFloatArray('floats'),
      doubles: r.readDoubleArray('doubles'),
      strings: r.readStringArray('strings'),
      utfs: r.readUTFArray('utfs'),
      children: r.readPortableArray<Child>('children')?.map((c) => c.name),
      decimals: r.readDecimalArray('decimals')?.map(String),
      times: r.readTimeArray('times'),
      dates: r.readDateArray('dates')?.map(String),
      timestamps: r.readTimestampArray('timestamps'),
      tzs: r.readTimestampWithTimezoneArray('tzs'),
      type: r.getFieldType('children'),
      classId: r.getFieldClassId('children'),
      has: [r.hasField('int'), r.hasField('nope')],
      raw: r.getRawDataInput().readString(),
    };
  }
}

const childDefinition = new ClassDefinitionBuilder(5, 2).addField('name', FieldType.STRING).build();

function service(classes: Record<number, () => Portable>, portableVersion = 0) {
  return new SerializationService({
    formats: [portableSerialization],
    portableVersion,
    portableFactories: { 5: (classId) => classes[classId]?.() },
    classDefinitions: [childDefinition],
  });
}

describe('Portable', () => {
  it('round-trips every field kind, nested and null Portables, arrays and raw data', () => {
    const s = service({ 1: () => new Everything(), 2: () => new Child() });
    const back = s.toObject<Everything>(s.toData(new Everything()));
    expect(back.values).toEqual({
      names: expect.arrayContaining(['byte', 'tz', 'children']),
      byte: -1,
      bool: true,
      char: 0x7a,
      short: -2,
      int: -3,
      long: -4,
      float: 0.5,
      double: 0.25,
      string: 'ş',
      utf: null,
      child: 'c',
      nullChild: null,
      decimal: '-123.45',
      time: '01:02:03.000000004',
      date: '2024-02-29',
      timestamp: '0001-01-01T00:00:00.000000000',
      tz: '2000-12-31T23:59:59.000000999-01:00',
      bytes: [9],
      bools: [false],
      chars: [0x41],
      shorts: [1],
      ints: [2],
      longs: [3],
      floats: [4],
      doubles: [5],
      strings: ['s', null],
      utfs: null,
      children: ['a', 'b'],
      decimals: ['1'],
      times: [],
      dates: ['-0005-01-01'],
      timestamps: null,
      tzs: null,
      type: FieldType.PORTABLE_ARRAY,
      classId: 2,
      has: [true, false],
      raw: 'raw tail',
    });
  });

  it('learns the class definition from the data when the reader has never seen the class', () => {
    const writer = service({ 1: () => new Everything(), 2: () => new Child() });
    const data = writer.toData(new Everything());
    const fresh = new SerializationService({
      formats: [portableSerialization],
      portableFactories: { 5: (classId) => (classId === 1 ? new Everything() : new Child()) },
    });
    expect(fresh.toObject<Everything>(data).values.raw).toBe('raw tail');
  });

  it('does not keep a class definition learned from data that failed to read', () => {
    const data = service({ 2: () => new Child() })
      .toData(new Child('ok'))
      .toBuffer();
    const corrupt = Buffer.from(data);
    // The field's name length in the field table: the learned definition names the field differently.
    const nameAt = corrupt.readInt32BE(28);
    corrupt[nameAt + 3] = 'x'.charCodeAt(0);
    const reader = new SerializationService({
      formats: [portableSerialization],
      portableFactories: { 5: () => new Child() },
    });
    expect(() => reader.toObject(new HeapData(corrupt))).toThrow(/Unknown field "name"/);
    expect(reader.toObject<Child>(new HeapData(data)).name).toBe('ok');
  });

  it('reads another version through the morphing reader: widening, defaults for missing fields', () => {
    const v1 = service({ 3: () => new CounterV1() });
    const data = v1.toData(new CounterV1());
    const v2 = service({ 3: () => new CounterV2() });
    const read = v2.toObject<CounterV2>(data);
    expect(read.count.toNumber()).toBe(7);
    expect(read.asDouble).toBe(7);
    expect(read.extra).toBeNull();
    expect(read.flag).toBe(false);
  });

  it('rejects an incompatible type change between versions', () => {
    class CounterAsString extends CounterV2 {
      override readPortable(r: PortableReader) {
        r.readString('count');
      }
    }
    const data = service({ 3: () => new CounterV1() }).toData(new CounterV1());
    expect(() => service({ 3: () => new CounterAsString() }).toObject(data)).toThrow(
      /"count" is INT, not STRING/,
    );
  });

  it('uses portableVersion for classes without a version', () => {
    const s = service({ 2: () => new Child() }, 4);
    const data = s.toData(new Child('x'));
    expect(data.toBuffer().readInt32BE(16)).toBe(4);
  });

  it('explains what is wrong with a Portable that cannot be written or read', () => {
    const s = service({ 2: () => new Child() });
    class NullNested implements Portable {
      factoryId = 5;
      classId = 9;
      writePortable(w: PortableWriter) {
        w.writePortable('p', null);
      }
      readPortable() {}
    }
    expect(() => s.toData(new NullNested())).toThrow(/Cannot write null Portable field "p"/);
    class Twice implements Portable {
      factoryId = 5;
      classId = 10;
      writePortable(w: PortableWriter) {
        w.writeInt('a', 1);
        w.writeInt('a', 2);
      }
      readPortable() {}
    }
    expect(() => s.toData(new Twice())).toThrow(/"a" is already defined/);
    class WrongRead extends Child {
      override readPortable(r: PortableReader) {
        r.readInt('name');
      }
    }
    const data = s.toData(new Child('x'));
    expect(() => service({ 2: () => new WrongRead() }).toObject(data)).toThrow(/"name" is STRING, not INT/);
    class UnknownField extends Child {
      override readPortable(r: PortableReader) {
        r.readString('nope');
      }
    }
    expect(() => service({ 2: () => new UnknownField() }).toObject(data)).toThrow(/Unknown field "nope"/);
    expect(() => service({}).toObject(data)).toThrow(/returned undefined for classId 2/);
  });

  it('refuses conflicting class definitions for the same ids', () => {
    const other = new ClassDefinitionBuilder(5, 2).addField('name', FieldType.INT).build();
    expect(
      () =>
        new SerializationService({
          formats: [portableSerialization],
          classDefinitions: [childDefinition, other],
          portableFactories: {},
        }),
    ).toThrow(HazelcastSerializationError);
    expect(() => new ClassDefinitionBuilder(1, 1).addField('p', FieldType.PORTABLE)).toThrow(
      /addPortableField/,
    );
  });
});
