// Differential tests: for random values our bytes must equal those of the official Node.js client
// (hazelcast-client 5.7.0, used here only as a test oracle).
import { createRequire } from 'node:module';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HeapData } from '../src/data/heap-data';
import { murmurHash3x86_32 } from '../src/data/murmur';
import { type DefaultNumberType, portableSerialization, SerializationService } from '../src/index';
import type { ObjectDataInput, ObjectDataOutput } from '../src/io/data-io';
import { BigDecimal } from '../src/java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../src/java/date-time';
import { HazelcastJsonValue } from '../src/java/json-value';
import { typed } from '../src/java/typed';
import { UUID } from '../src/java/uuid';
import type { Portable, PortableReader, PortableWriter } from '../src/portable/portable';
import { randomBytes, randomInt, randomString, seededRandom } from './random';

const require = createRequire(import.meta.url);
const official = {
  ...require('hazelcast-client/lib/serialization/SerializationService'),
  ...require('hazelcast-client/lib/config/SerializationConfig'),
  ...require('hazelcast-client/lib/serialization/HeapData'),
  ...require('hazelcast-client/lib/invocation/Murmur'),
  core: require('hazelcast-client/lib/core'),
  // The oracle recognizes Longs by its own copy of the long library.
  Long: require(require.resolve('long', { paths: [require.resolve('hazelcast-client')] })) as typeof Long,
};

const ROUNDS = Number(process.env.HZ_DIFF_ROUNDS ?? 300);

// biome-ignore lint/suspicious/noExplicitAny: the oracle is untyped JavaScript
type Any = any;

function officialService(config: Record<string, unknown> = {}): Any {
  const cfg = new official.SerializationConfigImpl();
  Object.assign(cfg, config);
  return new official.SerializationServiceV1(cfg);
}

/** Converts our Java value classes to the official client's equivalents. */
function toOfficial(value: unknown): unknown {
  const c = official.core;
  if (Long.isLong(value)) return official.Long.fromBits(value.low, value.high);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => Long.isLong(v)))
    return value.map(toOfficial);
  if (value instanceof UUID) return new c.UUID(value.mostSignificant, value.leastSignificant);
  if (value instanceof LocalDate) return new c.LocalDate(value.year, value.month, value.date);
  if (value instanceof LocalTime) return new c.LocalTime(value.hour, value.minute, value.second, value.nano);
  if (value instanceof LocalDateTime)
    return new c.LocalDateTime(toOfficial(value.localDate), toOfficial(value.localTime));
  if (value instanceof OffsetDateTime)
    return new c.OffsetDateTime(toOfficial(value.localDateTime), value.offsetSeconds);
  if (value instanceof HazelcastJsonValue) return new c.HazelcastJsonValue(value.toString());
  return value;
}

function expectSameBytes(
  ours: SerializationService,
  theirs: Any,
  value: unknown,
  theirValue = toOfficial(value),
) {
  const mine = ours.toData(value);
  const reference = theirs.toData(theirValue);
  expect(mine.toBuffer().toString('hex')).toBe(reference.toBuffer().toString('hex'));
  expect(mine.getPartitionHash()).toBe(reference.getPartitionHash());
}

const random = seededRandom(0x5eed);
const int32 = () => randomInt(random, -0x80000000, 0x7fffffff);
const randomLong = () => Long.fromBits(int32(), int32());
const randomDouble = () => {
  const bits = Buffer.alloc(8);
  bits.writeInt32BE(int32(), 0);
  bits.writeInt32BE(int32(), 4);
  const value = bits.readDoubleBE(0);
  return Number.isNaN(value) ? 0.5 : value;
};
const array = <T>(make: () => T, max = 8) => Array.from({ length: randomInt(random, 0, max) }, make);

describe('murmur hash matches the official client', () => {
  it(`for ${ROUNDS * 10} random byte strings`, () => {
    for (let i = 0; i < ROUNDS * 10; i++) {
      const bytes = randomBytes(random, 40);
      expect(murmurHash3x86_32(bytes)).toBe(official.murmur(bytes));
    }
  });

  it('hashes the payload only, matching HeapData.getPartitionHash', () => {
    for (let i = 0; i < ROUNDS; i++) {
      const bytes = Buffer.concat([
        Buffer.alloc(4),
        Buffer.from([0xff, 0xff, 0xff, 0xf5]),
        randomBytes(random, 30),
      ]);
      expect(new HeapData(bytes).getPartitionHash()).toBe(new official.HeapData(bytes).getPartitionHash());
    }
  });
});

describe('default types produce the official client bytes', () => {
  const numberTypes: [DefaultNumberType, () => number][] = [
    ['double', randomDouble],
    ['float', () => Math.fround(randomDouble()) || 1.5],
    ['integer', int32],
    ['short', () => randomInt(random, -32768, 32767)],
    ['byte', () => randomInt(random, -128, 127)],
    ['long', () => randomInt(random, -(2 ** 53) + 1, 2 ** 53 - 1)],
  ];
  for (const [type, make] of numberTypes) {
    for (const bigEndian of [true, false]) {
      it(`numbers and number arrays as ${type} (${bigEndian ? 'big' : 'little'} endian)`, () => {
        const ours = new SerializationService({ defaultNumberType: type, isBigEndian: bigEndian });
        const theirs = officialService({ defaultNumberType: type, isBigEndian: bigEndian });
        for (let i = 0; i < ROUNDS; i++) {
          const value = make();
          // The oracle writes 'long' numbers only when given Longs, and 'byte' arrays only as Buffers.
          if (type === 'long') {
            expectSameBytes(ours, theirs, value, official.Long.fromNumber(value));
            const values = array(make);
            expectSameBytes(
              ours,
              theirs,
              values,
              values.map((v) => official.Long.fromNumber(v)),
            );
          } else if (type === 'byte') {
            expectSameBytes(ours, theirs, value);
            const values = array(make);
            expectSameBytes(ours, theirs, values, Buffer.from(values));
          } else {
            expectSameBytes(ours, theirs, value);
            expectSameBytes(ours, theirs, array(make));
          }
        }
      });
    }
  }

  for (const bigEndian of [true, false]) {
    it(`strings, booleans, Longs, byte[], Date, UUID, Java time and JSON (${bigEndian ? 'big' : 'little'} endian)`, () => {
      const ours = new SerializationService({ isBigEndian: bigEndian });
      const theirs = officialService({ isBigEndian: bigEndian });
      for (let i = 0; i < ROUNDS; i++) {
        expectSameBytes(ours, theirs, randomString(random));
        expectSameBytes(
          ours,
          theirs,
          array(() => randomString(random, 10)),
        );
        expectSameBytes(ours, theirs, random() < 0.5);
        expectSameBytes(
          ours,
          theirs,
          array(() => random() < 0.5),
        );
        expectSameBytes(ours, theirs, randomLong());
        expectSameBytes(ours, theirs, [randomLong(), ...array(randomLong)]);
        expectSameBytes(ours, theirs, randomBytes(random));
        expectSameBytes(ours, theirs, new Date(randomInt(random, -(2 ** 40), 2 ** 42)));
        // BigInteger/BigDecimal are not compared: the oracle writes non-minimal byte arrays (a leading 0x00
        // on every non-negative value, two bytes for zero) where Java's toByteArray() is minimal;
        // big-integer-bytes.test.ts checks ours against Java's definition and the golden vectors.
        expectSameBytes(ours, theirs, new UUID(randomLong(), randomLong()));
        const date = new LocalDate(
          randomInt(random, -999999999, 999999999),
          randomInt(random, 1, 12),
          randomInt(random, 1, 28),
        );
        const time = new LocalTime(
          randomInt(random, 0, 23),
          randomInt(random, 0, 59),
          randomInt(random, 0, 59),
          randomInt(random, 0, 999999999),
        );
        expectSameBytes(ours, theirs, date);
        expectSameBytes(ours, theirs, time);
        expectSameBytes(ours, theirs, new LocalDateTime(date, time));
        expectSameBytes(
          ours,
          theirs,
          new OffsetDateTime(new LocalDateTime(date, time), randomInt(random, -64800, 64800)),
        );
        const json = {
          name: randomString(random, 8),
          n: randomInt(random, -1000, 1000),
          list: array(() => random() < 0.5),
        };
        expectSameBytes(ours, theirs, json);
        expectSameBytes(ours, theirs, new HazelcastJsonValue(JSON.stringify(json)));
      }
    });
  }

  it('partition-aware values hash their partition key', () => {
    const ours = new SerializationService();
    const theirs = officialService();
    for (let i = 0; i < ROUNDS; i++) {
      const value = { partitionKey: randomString(random, 12), payload: randomString(random, 12) };
      expectSameBytes(ours, theirs, value);
      expect(ours.toData(value).getPartitionHash()).toBe(ours.toData(value.partitionKey).getPartitionHash());
    }
  });
});

describe('the official client reads what we write for types it cannot write itself', () => {
  for (const bigEndian of [true, false]) {
    it(`char, char[], Class, lists, BigInteger and BigDecimal (${bigEndian ? 'big' : 'little'} endian)`, () => {
      const ours = new SerializationService({ isBigEndian: bigEndian });
      const theirs = officialService({ isBigEndian: bigEndian });
      const read = (value: unknown) => theirs.toObject(new official.HeapData(ours.toData(value).toBuffer()));
      for (let i = 0; i < ROUNDS; i++) {
        const char = String.fromCharCode(randomInt(random, 0, 0xffff));
        expect(read(typed(char, 'char'))).toBe(char);
        const text = randomString(random, 10);
        expect(read(typed(text, 'char[]'))).toEqual(
          [...Array(text.length).keys()].map((k) => text.charAt(k)),
        );
        expect(read(typed(text, 'Class'))).toBe(text);
        const items = [randomString(random, 5), randomDouble(), random() < 0.5, null];
        expect(read(typed(items, 'ArrayList'))).toEqual(items);
        expect(read(typed(items, 'LinkedList'))).toEqual(items);
        expect(read(typed(items, 'Object[]'))).toEqual(items);
        let big = 0n;
        for (let w = randomInt(random, 0, 4); w > 0; w--) big = (big << 32n) | BigInt(int32() >>> 0);
        if (random() < 0.5) big = -big;
        expect(read(big)).toBe(big);
        const decimal = read(new BigDecimal(big, randomInt(random, -10, 10)));
        expect(decimal.unscaledValue).toBe(big);
      }
    });
  }
});

class Employee {
  factoryId = 66;
  classId = 1;
  constructor(
    public id = 0,
    public name: string | null = null,
    public salary = 0,
    public joined: Long = Long.ZERO,
    public tags: (string | null)[] = [],
    public manager: Employee | null = null,
  ) {}
  writeData(out: ObjectDataOutput): void {
    out.writeInt(this.id);
    out.writeString(this.name);
    out.writeDouble(this.salary);
    out.writeLong(this.joined);
    out.writeStringArray(this.tags);
    out.writeObject(this.manager);
  }
  readData(input: ObjectDataInput): void {
    this.id = input.readInt();
    this.name = input.readString();
    this.salary = input.readDouble();
    this.joined = input.readLong();
    this.tags = input.readStringArray() ?? [];
    this.manager = input.readObject();
  }
}

class Address implements Portable {
  factoryId = 77;
  classId = 2;
  constructor(
    public street: string | null = null,
    public no = 0,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('street', this.street);
    w.writeInt('no', this.no);
  }
  readPortable(r: PortableReader): void {
    this.street = r.readString('street');
    this.no = r.readInt('no');
  }
}

class Person implements Portable {
  factoryId = 77;
  classId = 1;
  constructor(
    public name: string | null = null,
    public age = 0,
    public id: Long = Long.ZERO,
    public scores: number[] = [],
    public home: Address | null = null,
    public past: Address[] = [],
    public alive = true,
    public weight = 0,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('name', this.name);
    w.writeInt('age', this.age);
    w.writeLong('id', this.id);
    w.writeDoubleArray('scores', this.scores);
    w.writePortable('home', this.home);
    w.writePortableArray('past', this.past);
    w.writeBoolean('alive', this.alive);
    w.writeFloat('weight', this.weight);
    w.writeShort('s', 7);
    w.writeByteArray('b', Buffer.from([1, 2, 3]));
    w.writeLongArray('ls', [this.id]);
  }
  readPortable(r: PortableReader): void {
    this.name = r.readString('name');
    this.age = r.readInt('age');
    this.id = r.readLong('id');
    this.scores = r.readDoubleArray('scores') ?? [];
    this.home = r.readPortable('home');
    this.past = r.readPortableArray('past') ?? [];
    this.alive = r.readBoolean('alive');
    this.weight = r.readFloat('weight');
  }
}

describe('IdentifiedDataSerializable and Portable produce the official client bytes', () => {
  for (const bigEndian of [true, false]) {
    it(`random objects (${bigEndian ? 'big' : 'little'} endian)`, () => {
      const config = {
        formats: [portableSerialization],
        isBigEndian: bigEndian,
        dataSerializableFactories: { 66: () => new Employee() },
        portableFactories: { 77: (id: number) => (id === 1 ? new Person() : new Address()) },
      };
      const ours = new SerializationService(config);
      const theirs = officialService(config);
      const address = () => new Address(randomString(random, 12), int32());
      for (let i = 0; i < ROUNDS; i++) {
        const boss = new Employee(
          int32(),
          randomString(random),
          randomDouble(),
          randomLong(),
          array(() => randomString(random, 6)),
        );
        const employee = new Employee(
          int32(),
          randomString(random),
          randomDouble(),
          randomLong(),
          [],
          random() < 0.5 ? boss : null,
        );
        expectSameBytes(ours, theirs, employee);
        const person = new Person(
          randomString(random),
          int32(),
          randomLong(),
          array(randomDouble),
          address(),
          [address(), ...array(address, 3)],
          random() < 0.5,
          Math.fround(randomDouble()) || 1,
        );
        expectSameBytes(ours, theirs, person);
        const back = ours.toObject<Person>(ours.toData(person));
        expect(back.name).toBe(person.name);
        expect(back.past.length).toBe(person.past.length);
        expect(back.home?.street).toBe(person.home?.street);
      }
    });
  }
});
