import type {
  CompactGenericRecord,
  CompactReader,
  CompactSerializer,
  CompactWriter,
} from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compactGenericRecord,
  compactSerialization,
  FieldKind,
  getMap,
  type HazelcastClient,
  HazelcastSerializationError,
} from '../src/index';
import { connect } from './helpers';

class Employee {
  constructor(
    readonly name: string,
    readonly age: number,
  ) {}
}

const employeeSerializer: CompactSerializer<Employee> = {
  getClass: () => Employee,
  getTypeName: () => 'hz.test.Employee',
  read: (reader: CompactReader) => new Employee(reader.readString('name') ?? '', reader.readInt32('age')),
  write: (writer: CompactWriter, value: Employee) => {
    writer.writeString('name', value.name);
    writer.writeInt32('age', value.age);
  },
};

const cluster = useCluster({ members: 2 });

describe('Compact schemas through the client', () => {
  let writer: HazelcastClient;
  let plainReader: HazelcastClient;
  let typedReader: HazelcastClient;
  /** A Map user who did not register Compact (serialization.formats left out). */
  let unregistered: HazelcastClient;

  beforeAll(async () => {
    const serialization = { compact: { serializers: [employeeSerializer] }, formats: [compactSerialization] };
    writer = await connect(cluster.current, { serialization });
    typedReader = await connect(cluster.current, { serialization });
    plainReader = await connect(cluster.current, { serialization: { formats: [compactSerialization] } });
    unregistered = await connect(cluster.current);
  });

  afterAll(async () => {
    await Promise.all([
      writer?.shutdown(),
      plainReader?.shutdown(),
      typedReader?.shutdown(),
      unregistered?.shutdown(),
    ]);
  });

  it('sends a new schema before the data, so other clients can fetch it and read the value', async () => {
    // The first write with a new schema must not reach the cluster before the schema does: a reader that
    // has never seen it fetches it from the cluster.
    await getMap<string, Employee>(writer, 'employees').set('ada', new Employee('Ada', 36));
    const typed = await getMap<string, Employee>(typedReader, 'employees').get('ada');
    expect(typed).toBeInstanceOf(Employee);
    expect(typed).toEqual(new Employee('Ada', 36));
    const generic = (await getMap<string, CompactGenericRecord>(plainReader, 'employees').get('ada'))!;
    expect(generic.typeName).toBe('hz.test.Employee');
    expect(generic.getString('name')).toBe('Ada');
    expect(generic.getInt32('age')).toBe(36);
  });

  it('writes many values of a new schema concurrently, each readable', async () => {
    const map = getMap<number, Employee>(writer, 'employees-bulk');
    await Promise.all(Array.from({ length: 50 }, (_, i) => map.set(i, new Employee(`e${i}`, i))));
    const read = await getMap<number, Employee>(typedReader, 'employees-bulk').getAll([0, 49]);
    expect(new Map(read)).toEqual(
      new Map([
        [0, new Employee('e0', 0)],
        [49, new Employee('e49', 49)],
      ]),
    );
  });

  it('tells a client without Compact registered exactly what to add, and sends no Compact data', async () => {
    await getMap<string, Employee>(writer, 'employees-opt-in').set('grace', new Employee('Grace', 45));
    const hint =
      /serialization: \{ formats: \[compactSerialization\] \}.*import \{ compactSerialization \} from '@hz\/core-client'/;
    const read = getMap<string, unknown>(unregistered, 'employees-opt-in').get('grace');
    await expect(read).rejects.toBeInstanceOf(HazelcastSerializationError);
    await expect(read).rejects.toThrow(hint);
    // The client stays usable, and a Compact value it is asked to write fails before anything is sent.
    const record = compactGenericRecord('hz.test.Badge', { id: FieldKind.INT32 }, { id: 7 });
    await expect(
      getMap<string, unknown>(unregistered, 'employees-opt-in').set('badge', record),
    ).rejects.toThrow(hint);
    const check = getMap<string, Employee>(typedReader, 'employees-opt-in');
    expect(await check.containsKey('badge')).toBe(false);
    expect(await check.get('grace')).toEqual(new Employee('Grace', 45));
    // Registering the format is all it takes.
    expect(
      await getMap<string, CompactGenericRecord>(plainReader, 'employees-opt-in').get('grace'),
    ).toMatchObject({
      typeName: 'hz.test.Employee',
    });
  });
});
