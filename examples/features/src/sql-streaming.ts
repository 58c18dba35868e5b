// SQL streaming: rows arrive page by page with `for await`, only as fast as the loop uses them; leaving the
// loop early cancels the query on the member. Needs members with Jet enabled:
//   pnpm cluster start --jet && pnpm --filter @hz-examples/features start src/sql-streaming.ts
import { HazelcastClient } from '@hz/core-client';
import { getSql, HazelcastSqlError } from '@hz/sql';

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
});
const sql = getSql(client);

// A mapping makes an IMap a table; SINK INTO fills it from a generated series, on the members.
await sql.execute(`CREATE OR REPLACE MAPPING readings (__key INT, sensor VARCHAR, celsius DOUBLE)
  TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')`);
await sql.execute(`SINK INTO readings
  SELECT v, 'sensor-' || CAST(MOD(v, 3) AS VARCHAR), 15 + MOD(v, 10) FROM TABLE(generate_series(1, 5000))`);

// 5,000 rows in pages of 500: the member sends the next page only when the loop needs it.
let count = 0;
let sum = 0;
const all = await sql.execute('SELECT celsius FROM readings', [], { cursorBufferSize: 500 });
for await (const row of all) {
  count++;
  sum += row.getObject<number>('celsius');
}
console.log(`streamed ${count} rows, mean ${(sum / count).toFixed(2)} °C`);

// Leaving the loop early closes the result: the query is cancelled on the member.
const hot = await sql.execute('SELECT __key, sensor FROM readings WHERE celsius > ? ORDER BY __key', [23]);
const firstThree: string[] = [];
for await (const row of hot) {
  firstThree.push(`${row.getObject('__key')}:${row.getObject('sensor')}`);
  if (firstThree.length === 3) break;
}
console.log('first hot readings:', firstThree.join(', '));

try {
  await sql.execute('SELECT * FROM no_such_table');
} catch (error) {
  if (!(error instanceof HazelcastSqlError)) throw error;
  console.log('SQL error code:', error.code);
}
await client.shutdown();
