// Runnable: `pnpm cluster start --jet` (a member with Jet on 127.0.0.1:5701), then from packages/sql:
//   npx tsx --conditions=@hz/source examples/employees.ts
import { HazelcastClient } from '@hz/core-client';
import { getSql, HazelcastSqlError } from '@hz/sql';

const client = await HazelcastClient.newHazelcastClient({
  clusterName: 'dev',
  network: { clusterMembers: ['127.0.0.1:5701'] },
});
const sql = getSql(client);

// A mapping makes an IMap a table; SINK INTO writes (and overwrites) entries.
await sql.execute(`
  CREATE OR REPLACE MAPPING employees (__key INT, name VARCHAR, age INT, salary DECIMAL)
  TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='compact', 'valueCompactTypeName'='Employee')`);
await sql.execute('SINK INTO employees VALUES (1, ?, ?, 5200.50), (2, ?, ?, 6100), (3, ?, ?, 4800)', [
  'Ada',
  36,
  'Grace',
  45,
  'Linus',
  28,
]);

// Rows stream page by page; leaving the loop early cancels the query on the member.
const young = await sql.execute('SELECT name, age, salary FROM employees WHERE age < ? ORDER BY age', [40]);
for await (const row of young) {
  // age is a number, salary an exact BigDecimal
  console.log(row.getObject('name'), row.getObject('age'), String(row.getObject('salary')));
}

// Plain objects instead of SqlRow, and the statement form with options.
const totals = await sql.executeStatement({
  sql: 'SELECT COUNT(*) AS n, SUM(salary) AS total FROM employees',
  rowFormat: 'object',
  timeout: 10_000,
});
for await (const row of totals) console.log(row); // { n: 3n, total: BigDecimal { … } }

try {
  await sql.execute('SELECT * FROM no_such_table');
} catch (error) {
  if (!(error instanceof HazelcastSqlError)) throw error;
  console.log(`SQL error ${error.code}: ${error.message}`);
}

await client.shutdown();
