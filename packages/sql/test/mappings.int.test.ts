import {
  compactSerialization,
  getMap,
  type HazelcastClient,
  IllegalArgumentError,
  IllegalStateError,
  IndexOutOfBoundsError,
  portableSerialization,
} from '@hz/core-client';
import { pluginHost } from '@hz/core-client/plugin';
import { SqlExecuteCodec } from '@hz/protocol/codecs/sql';
import {
  BigDecimal,
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  HazelcastJsonValue,
  type Portable,
  type PortableReader,
  type PortableWriter,
} from '@hz/serialization';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COLUMN_NOT_FOUND,
  getSql,
  HazelcastSqlError,
  SqlColumnType,
  SqlExpectedResultType,
  type SqlResult,
} from '../src/index';
import { connect, SQL_HELPERS_XML, SqlPerson } from './helpers';

// CREATE MAPPING for IMaps of every serialization format (Compact, Portable, JSON, Java), the SELECT
// features (filters, projections, aggregations, ORDER BY, LIMIT/OFFSET), the DML statements (INSERT, SINK
// INTO, UPDATE, DELETE) with their update counts, and the statement options, on two members so queries run
// distributed. What SQL writes is read back through a second client's IMap API, and what the IMap API wrote
// is what SQL reads.

class Employee {
  constructor(
    readonly name: string,
    readonly age: number,
    readonly dept: string,
    readonly salary: BigDecimal,
  ) {}
}

const employeeSerializer: CompactSerializer<Employee> = {
  getClass: () => Employee,
  getTypeName: () => 'Employee',
  read: (reader: CompactReader) =>
    new Employee(
      reader.readString('name') ?? '',
      reader.readNullableInt32('age') ?? 0,
      reader.readString('dept') ?? '',
      reader.readDecimal('salary') ?? new BigDecimal(0n, 0),
    ),
  write: (writer: CompactWriter, value: Employee) => {
    writer.writeString('name', value.name);
    writer.writeNullableInt32('age', value.age);
    writer.writeString('dept', value.dept);
    writer.writeDecimal('salary', value.salary);
  },
};

class Product implements Portable {
  factoryId = 5;
  classId = 1;
  constructor(
    public title = '',
    public price = 0,
    public stock = 0,
  ) {}
  readPortable(reader: PortableReader): void {
    this.title = reader.readString('title') ?? '';
    this.price = reader.readDouble('price');
    this.stock = reader.readInt('stock');
  }
  writePortable(writer: PortableWriter): void {
    writer.writeString('title', this.title);
    writer.writeDouble('price', this.price);
    writer.writeInt('stock', this.stock);
  }
}

const EMPLOYEES: Array<[number, Employee]> = [
  [1, new Employee('Ada', 36, 'eng', new BigDecimal(12000050n, 2))],
  [2, new Employee('Grace', 45, 'eng', new BigDecimal(15000000n, 2))],
  [3, new Employee('Linus', 28, 'ops', new BigDecimal(9000000n, 2))],
  [4, new Employee('Barbara', 52, 'research', new BigDecimal(17500025n, 2))],
  [5, new Employee('Ken', 31, 'ops', new BigDecimal(8000000n, 2))],
];

async function all<R>(result: SqlResult<R>): Promise<R[]> {
  const rows: R[] = [];
  for await (const row of result) rows.push(row);
  return rows;
}

describe('SQL over IMap mappings', () => {
  const cluster = useCluster({ jet: true, members: 2, xml: SQL_HELPERS_XML });
  let client: HazelcastClient;
  let second: HazelcastClient;
  // Integer keys, as the mappings declare them ('keyFormat'='int'): plain numbers are Doubles otherwise.
  const config = {
    serialization: {
      formats: [compactSerialization, portableSerialization],
      defaultNumberType: 'integer' as const,
      compact: { serializers: [employeeSerializer] },
      portableFactories: { 5: (classId: number) => (classId === 1 ? new Product() : undefined) },
    },
  };

  beforeAll(async () => {
    client = await connect(cluster.current, config);
    second = await connect(cluster.current, config);
    await getMap<number, Employee>(client, 'employees').putAll(EMPLOYEES);
    await getSql(client).execute(
      `CREATE MAPPING employees (__key INT, name VARCHAR, age INT, dept VARCHAR, salary DECIMAL)
       TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='compact', 'valueCompactTypeName'='Employee')`,
    );
  });

  afterAll(async () => {
    await client?.shutdown();
    await second?.shutdown();
  });

  const sql = () => getSql(client);

  it('selects with filters and projections from a Compact mapping', async () => {
    const rows = await all(
      await sql().execute(
        `SELECT __key, UPPER(name) AS shout, age + 1 AS next_age FROM employees
         WHERE (dept = ? AND age > ?) OR name LIKE 'B%' OR __key IN (5) ORDER BY __key`,
        ['eng', 40],
        { rowFormat: 'object' },
      ),
    );
    expect(rows).toEqual([
      // INT + INT is BIGINT in SQL: bigint here.
      { __key: 2, shout: 'GRACE', next_age: 46n },
      { __key: 4, shout: 'BARBARA', next_age: 53n },
      { __key: 5, shout: 'KEN', next_age: 32n },
    ]);
    const between = await all(
      await sql().execute('SELECT name FROM employees WHERE age BETWEEN ? AND ? ORDER BY name', [30, 45]),
    );
    expect(between.map((r) => r.getObject('name'))).toEqual(['Ada', 'Grace', 'Ken']);
  });

  it('aggregates (COUNT, SUM, AVG, MIN, MAX, GROUP BY, HAVING) exactly', async () => {
    const rows = await all(
      await sql().execute(
        `SELECT dept, COUNT(*) AS n, SUM(salary) AS total, MIN(age) AS youngest, MAX(age) AS oldest,
                AVG(CAST(age AS DOUBLE)) AS mean
         FROM employees GROUP BY dept HAVING COUNT(*) > 1 ORDER BY dept`,
        [],
        { rowFormat: 'object' },
      ),
    );
    expect(rows).toEqual([
      { dept: 'eng', n: 2n, total: new BigDecimal(27000050n, 2), youngest: 36, oldest: 45, mean: 40.5 },
      { dept: 'ops', n: 2n, total: new BigDecimal(17000000n, 2), youngest: 28, oldest: 31, mean: 29.5 },
    ]);
    const [count] = await all(await sql().execute('SELECT COUNT(*) FROM employees'));
    expect(count!.getObjectWithIndex(0)).toBe(5n);
    expect(count!.metadata.getColumn(0).type).toBe(SqlColumnType.BIGINT);
  });

  it('orders by several columns, with LIMIT and OFFSET', async () => {
    const rows = await all(
      await sql().execute('SELECT name FROM employees ORDER BY dept DESC, age ASC LIMIT 3 OFFSET 1'),
    );
    // research: Barbara; ops: Linus(28), Ken(31); eng: Ada(36), Grace(45) → skip 1, take 3.
    expect(rows.map((r) => r.getObject('name'))).toEqual(['Linus', 'Ken', 'Ada']);
  });

  it('reads rows by index and by name, with metadata; refuses unknown columns and indexes', async () => {
    const result = await sql().execute('SELECT __key AS id, name, age FROM employees WHERE __key = ?', [1]);
    const metadata = result.getRowMetadata();
    expect(metadata.columnCount).toBe(3);
    expect(metadata.columns.map((c) => c.name)).toEqual(['id', 'name', 'age']);
    expect(metadata.getColumn(1)).toEqual({ name: 'name', type: SqlColumnType.VARCHAR, nullable: true });
    expect(metadata.findColumn('age')).toBe(2);
    expect(metadata.findColumn('AGE')).toBe(COLUMN_NOT_FOUND);
    expect(() => metadata.getColumn(3)).toThrow(IndexOutOfBoundsError);
    expect(result.isRowSet()).toBe(true);
    expect(result.updateCount()).toBe(-1n);
    const [row] = await all(result);
    expect(row!.getObject('name')).toBe('Ada');
    expect(row!.getObjectWithIndex(0)).toBe(1);
    expect(row!.metadata).toBe(metadata);
    expect(row!.toObject()).toEqual({ id: 1, name: 'Ada', age: 36 });
    expect(() => row!.getObject('Name')).toThrow(IllegalArgumentError);
    expect(() => row!.getObject('Name')).toThrow(/no column named "Name".*columns: id, name, age/);
    expect(() => row!.getObjectWithIndex(3)).toThrow(IndexOutOfBoundsError);
    expect(() => row!.getObjectWithIndex(-1)).toThrow(IndexOutOfBoundsError);
    expect(() => row!.getObjectWithIndex(1.5)).toThrow(IllegalArgumentError);
  });

  it('INSERT, SINK INTO, UPDATE and DELETE report update counts and change the map another client reads', async () => {
    const inserted = await sql().execute(
      'INSERT INTO employees (__key, name, age, dept, salary) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)',
      [10, 'Margaret', 33, 'eng', new BigDecimal(1n, 0), 11, 'Edsger', 70, 'research', new BigDecimal(2n, 0)],
    );
    expect(inserted.isRowSet()).toBe(false);
    expect(inserted.updateCount()).toBe(0n);
    expect(() => inserted.getRowMetadata()).toThrow(IllegalStateError);
    expect(() => inserted.iterator()).toThrow(/update count/);
    await inserted.close(); // a no-op for update counts

    const map = getMap<number, Employee>(second, 'employees');
    expect(await map.get(10)).toEqual(new Employee('Margaret', 33, 'eng', new BigDecimal(1n, 0)));

    // INSERT refuses an existing key; SINK INTO overwrites it.
    await expect(
      sql().execute('INSERT INTO employees VALUES (10, ?, 1, ?, 1)', ['Dup', 'x']),
    ).rejects.toBeInstanceOf(HazelcastSqlError);
    await sql().execute('SINK INTO employees VALUES (10, ?, 34, ?, ?)', [
      'Margaret',
      'eng',
      new BigDecimal(3n, 0),
    ]);
    expect((await map.get(10))?.age).toBe(34);

    const updated = await sql().execute('UPDATE employees SET age = age + 1, dept = ? WHERE __key = ?', [
      'lead',
      11,
    ]);
    expect(updated.isRowSet()).toBe(false);
    expect(await map.get(11)).toEqual(new Employee('Edsger', 71, 'lead', new BigDecimal(2n, 0)));

    const deleted = await sql().execute('DELETE FROM employees WHERE __key >= ?', [10]);
    expect(deleted.isRowSet()).toBe(false);
    expect(await map.containsKey(10)).toBe(false);
    expect(await map.containsKey(11)).toBe(false);
    expect(await map.size()).toBe(EMPLOYEES.length);
  });

  it('maps a Portable IMap: reads what the IMap API wrote, writes what it reads', async () => {
    await getMap<string, Product>(client, 'products').putAll([
      ['p1', new Product('Pen', 1.5, 100)],
      ['p2', new Product('Desk', 250, 3)],
    ]);
    await sql().execute(
      `CREATE MAPPING products (__key VARCHAR, title VARCHAR, price DOUBLE, stock INT) TYPE IMap
       OPTIONS ('keyFormat'='varchar', 'valueFormat'='portable', 'valuePortableFactoryId'='5', 'valuePortableClassId'='1')`,
    );
    const rows = await all(
      await sql().execute(
        'SELECT __key, title, price * stock AS worth FROM products WHERE stock > ? ORDER BY __key',
        [0],
      ),
    );
    expect(rows.map((r) => r.toObject())).toEqual([
      { __key: 'p1', title: 'Pen', worth: 150 },
      { __key: 'p2', title: 'Desk', worth: 750 },
    ]);
    await sql().execute('INSERT INTO products VALUES (?, ?, ?, ?)', ['p3', 'Lamp', 19.99, 7]);
    const lamp = await getMap<string, Product>(second, 'products').get('p3');
    expect(lamp).toBeInstanceOf(Product);
    expect(lamp).toEqual(new Product('Lamp', 19.99, 7));
    // OBJECT column: the whole value, deserialized by this client's Portable factory.
    const [whole] = await all(await sql().execute("SELECT this FROM products WHERE __key = 'p2'"));
    expect(whole!.getObject('this')).toEqual(new Product('Desk', 250, 3));
  });

  it("maps JSON IMaps: 'json-flat' columns and 'json' documents", async () => {
    const flat = getMap<number, unknown>(client, 'orders');
    await flat.set(1, { item: 'book', qty: 2, paid: true });
    await flat.set(2, new HazelcastJsonValue('{"item":"pen","qty":10,"paid":false}'));
    await sql().execute(
      `CREATE MAPPING orders (__key INT, item VARCHAR, qty INT, paid BOOLEAN) TYPE IMap
       OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')`,
    );
    const rows = await all(
      await sql().execute(
        'SELECT item, qty FROM orders WHERE paid = ? OR qty > ? ORDER BY __key',
        [true, 5],
        {
          rowFormat: 'object',
        },
      ),
    );
    expect(rows).toEqual([
      { item: 'book', qty: 2 },
      { item: 'pen', qty: 10 },
    ]);
    await sql().execute('INSERT INTO orders VALUES (?, ?, ?, ?)', [3, 'ink', 1, false]);
    expect(await getMap(second, 'orders').get(3)).toEqual({ item: 'ink', qty: 1, paid: false });

    await sql().execute(
      `CREATE MAPPING documents (__key INT, this JSON) TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='json')`,
    );
    await sql().execute('INSERT INTO documents VALUES (1, ?)', [{ a: { b: [1, 2, 3] } }]);
    const [doc] = await all(
      await sql().execute(`SELECT JSON_QUERY(this, '$.a') AS a, this FROM documents WHERE __key = 1`),
    );
    expect(doc!.metadata.getColumn(0).type).toBe(SqlColumnType.JSON);
    expect(String(doc!.getObject('a'))).toBe('{"b":[1,2,3]}');
    expect(doc!.getObject<HazelcastJsonValue>('this').toJSON()).toEqual({ a: { b: [1, 2, 3] } });
    expect(await getMap(second, 'documents').get(1)).toEqual({ a: { b: [1, 2, 3] } });
  });

  it("maps a Java-class IMap ('java' format): fields from the member-side class", async () => {
    const people = getMap<number, SqlPerson>(client, 'java_people');
    await people.putAll([
      [1, new SqlPerson('Ada', 36)],
      [2, new SqlPerson('Alan', 41)],
    ]);
    await sql().execute(
      `CREATE MAPPING java_people TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='java',
       'valueJavaClass'='dev.hz.testing.sql.SqlPerson')`,
    );
    const columns = (await sql().execute('SELECT * FROM java_people')).getRowMetadata().columns;
    expect(columns.map((c) => [c.name, c.type])).toEqual(
      expect.arrayContaining([
        ['__key', SqlColumnType.INTEGER],
        ['name', SqlColumnType.VARCHAR],
        ['age', SqlColumnType.INTEGER],
      ]),
    );
    await sql().execute('UPDATE java_people SET age = age + ? WHERE name = ?', [1, 'Alan']);
    expect(await getMap<number, SqlPerson>(second, 'java_people').get(2)).toEqual(new SqlPerson('Alan', 42));
    await sql().execute('INSERT INTO java_people (__key, name, age) VALUES (3, ?, ?)', ['Grace', 85]);
    const rows = await all(
      await sql().execute('SELECT name FROM java_people WHERE age > 40 ORDER BY age DESC'),
    );
    expect(rows.map((r) => r.getObject('name'))).toEqual(['Grace', 'Alan']);
    expect(await getMap<number, SqlPerson>(second, 'java_people').get(3)).toEqual(new SqlPerson('Grace', 85));
  });

  it('runs DDL: CREATE and DROP MAPPING, listed in information_schema', async () => {
    const created = await sql().execute(
      `CREATE OR REPLACE MAPPING temporary_mapping TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='varchar')`,
    );
    expect(created.isRowSet()).toBe(false);
    expect(created.updateCount()).toBe(0n);
    const names = async () =>
      (await all(await sql().execute('SELECT table_name FROM information_schema.mappings'))).map((r) =>
        r.getObject<string>('table_name'),
      );
    expect(await names()).toContain('temporary_mapping');
    await sql().execute('DROP MAPPING temporary_mapping');
    expect(await names()).not.toContain('temporary_mapping');
  });

  it('sends a statement keyed by a parameter to the owner of that key, once the member named the parameter', async () => {
    const c = await connect(cluster.current, config);
    const host = pluginHost(c);
    const invoke = host.invokeOnMember.bind(host);
    const targets: string[] = [];
    (host as { invokeOnMember: typeof host.invokeOnMember }).invokeOnMember = (request, uuid, options) => {
      if (request.messageType === SqlExecuteCodec.REQUEST_MESSAGE_TYPE) targets.push(uuid);
      return invoke(request, uuid, options);
    };
    try {
      const byKey = 'SELECT name FROM employees WHERE __key = ?';
      await all(await getSql(c).execute(byKey, [1]));
      const owners = new Set<string>();
      // 40 keys (most without an entry): both members own some of them, whatever the partition table.
      for (let key = 1; key <= 40; key++) {
        targets.length = 0;
        const rows = await all(await getSql(c).execute(byKey, [key]));
        const employee = EMPLOYEES.find(([k]) => k === key)?.[1];
        expect(rows.map((r) => r.getObject('name'))).toEqual(employee ? [employee.name] : []);
        const owner = host.cluster.partitionOwner(host.partitionIdOf(host.toData(key)))!;
        expect(targets).toEqual([owner]);
        owners.add(owner);
      }
      // The routing followed the keys, not one member.
      expect(owners.size).toBe(2);
    } finally {
      await c.shutdown();
    }
  });

  it('executeStatement honours schema, expectedResultType and rowFormat', async () => {
    // `mappings` resolves only in the information_schema schema.
    const rows = await all(
      await sql().executeStatement({
        sql: 'SELECT table_name FROM mappings WHERE table_name = ?',
        parameters: ['employees'],
        schema: 'information_schema',
        rowFormat: 'object',
        expectedResultType: 'ROWS',
      }),
    );
    expect(rows).toEqual([{ table_name: 'employees' }]);
    await expect(
      sql().executeStatement({ sql: 'SELECT table_name FROM mappings', schema: 'public' }),
    ).rejects.toMatchObject({ name: 'HazelcastSqlError', code: 1010 });

    const rowsRequired = sql().executeStatement({
      sql: 'DELETE FROM employees WHERE __key = 999',
      expectedResultType: SqlExpectedResultType.ROWS,
    });
    await expect(rowsRequired).rejects.toBeInstanceOf(HazelcastSqlError);
    await expect(rowsRequired).rejects.toThrow(/does not produce rows|produce.*row/i);
    const countRequired = sql().executeStatement({
      sql: 'SELECT * FROM employees',
      expectedResultType: 'UPDATE_COUNT',
    });
    await expect(countRequired).rejects.toThrow(/produce.*update count|does not produce an update count/i);

    // The parameters are copied when the statement runs.
    const parameters: unknown[] = [1];
    const statement = { sql: 'SELECT name FROM employees WHERE __key = ?', parameters };
    const pending = sql().executeStatement(statement);
    parameters[0] = 2;
    const [row] = await all(await pending);
    expect(row!.getObject('name')).toBe('Ada');
  });
});
