import { createRequire } from 'node:module';
import {
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  HazelcastJsonValue,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  typed,
} from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactSerialization, getMap, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

// Cross-client interoperability: what @hz writes, the official hazelcast-client reads back identically, and
// the other way round, through one real map. The official client is a test-only devDependency.
const require = createRequire(import.meta.url);
const official = require('hazelcast-client') as {
  Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
  HazelcastJsonValue: new (json: string) => { toString(): string };
};
interface OfficialMap {
  put(key: string, value: unknown): Promise<unknown>;
  get(key: string): Promise<unknown>;
}
interface OfficialClient {
  getMap(name: string): Promise<OfficialMap>;
  shutdown(): Promise<void>;
}

class Point implements IdentifiedDataSerializable {
  factoryId = 1;
  classId = 7;
  constructor(
    public x = 0,
    public y = 0,
  ) {}
  readData(input: ObjectDataInput): void {
    this.x = input.readInt();
    this.y = input.readInt();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeInt(this.x);
    output.writeInt(this.y);
  }
}

class Person {
  constructor(
    readonly name: string,
    readonly age: number,
  ) {}
}

const personSerializer: CompactSerializer<Person> = {
  getClass: () => Person,
  getTypeName: () => 'interop.Person',
  read: (reader: CompactReader) => new Person(reader.readString('name') ?? '', reader.readInt32('age')),
  write: (writer: CompactWriter, value: Person) => {
    writer.writeString('name', value.name);
    writer.writeInt32('age', value.age);
  },
};

/** A comparable form of values of either client (their Long/BigDecimal/JSON classes differ). */
function normalize(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('hex')}`;
  if (value instanceof Date) return `date:${value.getTime()}`;
  if (typeof value === 'bigint') return `bigint:${value}`;
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.high === 'number' && typeof record.low === 'number') return `long:${String(value)}`;
    if (value.constructor?.name === 'HazelcastJsonValue') return `json:${String(value)}`;
    if (value instanceof Point || (record.factoryId === 1 && record.classId === 7))
      return `point:${record.x},${record.y}`;
    if (value instanceof Person || value.constructor?.name === 'Person')
      return `person:${record.name},${record.age}`;
    return JSON.parse(JSON.stringify(value));
  }
  return value;
}

const cluster = useCluster({ members: 1 });
let ours: HazelcastClient;
let theirs: OfficialClient;

const officialPointFactory = (classId: number) => (classId === 7 ? new Point() : null);

beforeAll(async () => {
  ours = await connect(cluster.current, {
    serialization: {
      formats: [compactSerialization],
      dataSerializableFactories: { 1: officialPointFactory },
      compact: { serializers: [personSerializer] },
    },
  });
  theirs = await official.Client.newHazelcastClient({
    clusterName: cluster.current.name,
    network: { clusterMembers: cluster.current.addresses },
    serialization: {
      dataSerializableFactories: { 1: officialPointFactory },
      compact: { serializers: [personSerializer] },
    },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
});

afterAll(async () => {
  await ours?.shutdown();
  await theirs?.shutdown();
});

const written: Array<[string, unknown, unknown]> = [
  ['string', 'héllo wörld ✓', 'héllo wörld ✓'],
  ['double', 3.25, 3.25],
  ['boolean', true, true],
  ['long', Long.fromString('-50992225'), 'long:-50992225'],
  ['int', typed(42, 'int'), 42],
  ['short', typed(-7, 'short'), -7],
  ['byte', typed(113, 'byte'), 113],
  ['float', typed(1.5, 'float'), 1.5],
  ['double[]', [1.5, 2.5], [1.5, 2.5]],
  ['String[]', ['a', 'b'], ['a', 'b']],
  ['int[]', typed([1, 2, 3], 'int[]'), [1, 2, 3]],
  ['byte[]', Buffer.from([1, 2, 255]), 'bytes:0102ff'],
  ['Date', new Date(1_234_567_890_123), 'date:1234567890123'],
  ['BigInteger', 123456789012345678901234567890n, 'bigint:123456789012345678901234567890'],
  ['JSON object', { a: 1, b: ['x', null] }, { a: 1, b: ['x', null] }],
  ['HazelcastJsonValue', new HazelcastJsonValue('{"x":1}'), { x: 1 }],
  ['IdentifiedDataSerializable', new Point(3, 4), 'point:3,4'],
  ['Compact', new Person('Ada', 36), 'person:Ada,36'],
];

describe('values written by @hz', () => {
  it.each(written)('%s reads back identically in the official client', async (name, value, expected) => {
    await getMap<string, unknown>(ours, 'interop-ours').set(name, value);
    const read = await (await theirs.getMap('interop-ours')).get(name);
    expect(normalize(read)).toEqual(normalize(expected));
  });
});

describe('values written by the official client', () => {
  const theirValues: Array<[string, () => unknown, unknown]> = [
    ['string', () => 'héllo wörld ✓', 'héllo wörld ✓'],
    ['double', () => 3.25, 3.25],
    ['boolean', () => false, false],
    ['double[]', () => [1.5, 2.5], [1.5, 2.5]],
    ['String[]', () => ['a', 'b'], ['a', 'b']],
    ['byte[]', () => Buffer.from([9, 8]), 'bytes:0908'],
    ['Date', () => new Date(1_000), 'date:1000'],
    ['BigInteger', () => 2n ** 70n, `bigint:${2n ** 70n}`],
    ['JSON object', () => ({ nested: { ok: true } }), { nested: { ok: true } }],
    ['HazelcastJsonValue', () => new official.HazelcastJsonValue('[1,2]'), [1, 2]],
    ['IdentifiedDataSerializable', () => new Point(5, 6), 'point:5,6'],
    ['Compact', () => new Person('Grace', 85), 'person:Grace,85'],
  ];

  it.each(theirValues)('%s reads back identically in @hz', async (name, make, expected) => {
    await (await theirs.getMap('interop-theirs')).put(name, make());
    const read = await getMap<string, unknown>(ours, 'interop-theirs').get(name);
    expect(normalize(read)).toEqual(normalize(expected));
  });
});
