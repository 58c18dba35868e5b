// Compact serialization: a class with a CompactSerializer is stored in a map, read back as the class, and
// queried by its fields on the members (no Java class needed there: the schema travels with the data).
//   pnpm cluster start && pnpm --filter @hz-examples/features start src/compact-serialization.ts
import { compactSerialization, getMap, HazelcastClient, Predicates } from '@hz/core-client';
import type { CompactReader, CompactSerializer, CompactWriter } from '@hz/serialization';

class Employee {
  constructor(
    readonly name: string,
    readonly age: number,
    readonly salary: bigint,
  ) {}
}

const employeeSerializer: CompactSerializer<Employee> = {
  getClass: () => Employee,
  getTypeName: () => 'example.Employee', // the schema's type name; the same in every client language
  read: (reader: CompactReader) =>
    new Employee(
      reader.readString('name') ?? '',
      reader.readInt32('age'),
      BigInt(reader.readInt64('salary').toString()),
    ),
  write: (writer: CompactWriter, employee: Employee) => {
    writer.writeString('name', employee.name);
    writer.writeInt32('age', employee.age);
    writer.writeInt64('salary', employee.salary);
  },
};

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
  // Compact is opt-in (a program that does not use it does not bundle it): register the format, then the serializers.
  serialization: { formats: [compactSerialization], compact: { serializers: [employeeSerializer] } },
});
const employees = getMap<number, Employee>(client, 'employees');
await employees.set(1, new Employee('Ada', 36, 5200n));
await employees.set(2, new Employee('Grace', 45, 6100n));
await employees.set(3, new Employee('Linus', 28, 4800n));

const ada = await employees.get(1);
console.log('read back:', ada instanceof Employee, ada?.name, ada?.salary);
// Members query Compact data by field name, without the class.
const seniors = await employees.values(Predicates.greaterEqual('age', 36));
console.log(
  '36 or older:',
  seniors
    .map((e) => e.name)
    .sort()
    .join(', '),
);
await client.shutdown();
