// Java members read what we write: values serialized by us are stored through the official client (used only
// as a transport for our raw Data) and queried on the member, which must deserialize them to match.
import { createRequire } from 'node:module';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeapData } from '../src/data/heap-data';
import type { ObjectDataInput, ObjectDataOutput } from '../src/io/data-io';
import { BigDecimal } from '../src/java/big-decimal';
import { typed } from '../src/java/typed';
import { portableSerialization } from '../src/portable/format';
import type { Portable, PortableReader, PortableWriter } from '../src/portable/portable';
import { SerializationService } from '../src/service/serialization-service';

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: the official client is untyped JavaScript here
const hz: any = require('hazelcast-client');
// biome-ignore lint/suspicious/noExplicitAny: see above
const { HeapData: OfficialHeapData }: any = require('hazelcast-client/lib/serialization/HeapData');

/** Same fields and order as the Java Employee on the member. */
class Employee {
  factoryId = 1000;
  classId = 1;
  constructor(
    public age = 0,
    public name: string | null = null,
    public id = 0n,
    public salary = 0,
    public tags: string[] | null = null,
  ) {}
  writeData(out: ObjectDataOutput) {
    out.writeInt(this.age);
    out.writeString(this.name);
    out.writeLong(this.id);
    out.writeDouble(this.salary);
    out.writeStringArray(this.tags);
  }
  readData(input: ObjectDataInput) {
    this.age = input.readInt();
    this.name = input.readString();
    this.id = BigInt(input.readLong().toString());
    this.salary = input.readDouble();
    this.tags = input.readStringArray() as string[] | null;
  }
}

/** Asks the member (Java's own serialization) for the bytes of a named sample value. */
class JavaSample {
  factoryId = 1000;
  classId = 2;
  constructor(public sample = '') {}
  writeData(out: ObjectDataOutput) {
    out.writeString(this.sample);
  }
  readData(input: ObjectDataInput) {
    this.sample = input.readString() ?? '';
  }
}

class Person implements Portable {
  factoryId = 9;
  classId = 1;
  constructor(
    public name = '',
    public age = 0,
  ) {}
  writePortable(w: PortableWriter) {
    w.writeString('name', this.name);
    w.writeInt('age', this.age);
  }
  readPortable(r: PortableReader) {
    this.name = r.readString('name') ?? '';
    this.age = r.readInt('age');
  }
}

describe('a Java member reads our bytes', () => {
  // The member knows the Employee IdentifiedDataSerializable (tools/cluster/java/dev/hz/testing/serialization).
  const cluster = useCluster({
    members: 1,
    xml: `<serialization><data-serializable-factories>
      <data-serializable-factory factory-id="1000">dev.hz.testing.serialization.TestDataSerializableFactory</data-serializable-factory>
    </data-serializable-factories></serialization>`,
  });
  // biome-ignore lint/suspicious/noExplicitAny: see above
  let client: any;
  const ours = new SerializationService({
    formats: [portableSerialization],
    portableFactories: { 9: () => new Person() },
  });
  const raw = (data: HeapData) => new OfficialHeapData(data.toBuffer());

  beforeAll(async () => {
    client = await hz.Client.newHazelcastClient({
      clusterName: cluster.current.name,
      network: { clusterMembers: cluster.current.addresses },
      serialization: { portableFactories: { 9: () => new Person() } },
    });
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  async function put(mapName: string, entries: [unknown, unknown][]) {
    const map = await client.getMap(mapName);
    for (const [key, value] of entries) await map.set(raw(ours.toData(key)), raw(ours.toData(value)));
    return map;
  }

  it('compares our ints, longs and doubles on the member', async () => {
    const ints = await put(
      'ints',
      Array.from({ length: 20 }, (_, i) => [`k${i}`, typed(i, 'int')]),
    );
    expect((await ints.keySetWithPredicate(hz.Predicates.sql('this >= 15'))).length).toBe(5);
    const longs = await put('longs', [
      [1, typed(2 ** 40, 'long')],
      [2, typed(-(2 ** 40), 'long')],
    ]);
    expect((await longs.keySetWithPredicate(hz.Predicates.sql('this > 1000'))).length).toBe(1);
    const doubles = await put('doubles', [
      [1, 0.5],
      [2, -1.25],
      [3, 1e300],
    ]);
    expect((await doubles.keySetWithPredicate(hz.Predicates.sql('this < 0'))).length).toBe(1);
  });

  it('matches our UTF-8 strings, including surrogate pairs, with Java strings', async () => {
    const text = '😊 Hello Приве́т नमस्ते שָׁלוֹם';
    const strings = await put('strings', [
      [1, text],
      [2, 'other'],
    ]);
    expect(await strings.keySetWithPredicate(hz.Predicates.equal('this', text))).toHaveLength(1);
  });

  it('queries fields of our Portables and JSON by name', async () => {
    const people = await put('people', [
      [1, new Person('ann', 42)],
      [2, new Person('bob', 17)],
      [3, new Person('cid', 35)],
    ]);
    expect((await people.keySetWithPredicate(hz.Predicates.sql('age > 30'))).length).toBe(2);
    expect((await people.keySetWithPredicate(hz.Predicates.sql("name = 'bob'"))).length).toBe(1);
    const json = await put('json', [
      [1, { age: 50, tags: ['a'] }],
      [2, { age: 5 }],
    ]);
    expect((await json.keySetWithPredicate(hz.Predicates.sql('age > 10'))).length).toBe(1);
  });

  it('queries fields of our IdentifiedDataSerializable, which the member deserializes as its Java class', async () => {
    const staff = await put('staff', [
      [1, new Employee(41, 'Zoë 😊', 2n ** 40n, 1.5, ['a', 'b'])],
      [2, new Employee(25, 'bob', -7n, 2.5, null)],
    ]);
    expect((await staff.keySetWithPredicate(hz.Predicates.sql('age > 30'))).length).toBe(1);
    expect(await staff.keySetWithPredicate(hz.Predicates.equal('name', 'Zoë 😊'))).toEqual([1]);
    expect(await staff.keySetWithPredicate(hz.Predicates.sql(`id = ${2 ** 40}`))).toEqual([1]);
    expect(await staff.keySetWithPredicate(hz.Predicates.sql('tagCount = -1'))).toEqual([2]);
    expect(await staff.keySetWithPredicate(hz.Predicates.sql('salary > 2.0'))).toEqual([2]);
  });

  async function javaBytes(sample: string): Promise<Buffer> {
    const map = await client.getMap('java-samples');
    await map.set(1, 1);
    return map.executeOnKey(1, raw(ours.toData(new JavaSample(sample))));
  }

  it('reads the map entries Java writes (-22, -23)', async () => {
    for (const sample of ['SimpleEntry', 'SimpleImmutableEntry']) {
      const data = new HeapData(await javaBytes(sample));
      expect(ours.toObject(data)).toEqual({ key: 'key', value: 42 });
    }
  });

  it('writes BigInteger, BigDecimal and strings with odd surrogates to the bytes Java writes', async () => {
    const hex = async (sample: string) => (await javaBytes(sample)).toString('hex');
    for (const value of [
      '0',
      '-1',
      '127',
      '128',
      '-128',
      '-129',
      '255',
      '-32768',
      '123456789012345678901234567890',
    ]) {
      expect(ours.toData(BigInt(value)).toBuffer().toString('hex'), value).toBe(
        await hex(`BigInteger:${value}`),
      );
    }
    expect(ours.toData(new BigDecimal(-31231n, 3)).toBuffer().toString('hex')).toBe(
      await hex('BigDecimal:-31.231'),
    );
    expect(ours.toData('a\ud800b\udc00c').toBuffer().toString('hex')).toBe(await hex('LoneSurrogate'));
    expect(ours.toData('😊 ş').toBuffer().toString('hex')).toBe(await hex('String:😊 ş'));
  });

  it('reads back what the member stored as the bytes we wrote', async () => {
    const map = await put('roundtrip', [['key', typed([1, 'two', null], 'ArrayList')]]);
    const stored = await map.get('key');
    expect(stored).toEqual([1, 'two', null]);
  });
});
