// Map with queries: JSON values queried by their attributes with predicates, an aggregation and a
// projection, all evaluated on the members.
//   pnpm cluster start && pnpm --filter @hz-examples/features start src/map-queries.ts
import { Aggregators, getMap, HazelcastClient, Predicates, Projections } from '@hz/core-client';
import { HazelcastJsonValue } from '@hz/serialization';

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
});
// Values are written as HazelcastJsonValue (JSON on the members, queryable by attribute) and read back
// parsed into plain objects (the default jsonStringDeserializationPolicy, 'EAGER', as in hazelcast-client):
// two typed views of the one map.
interface Person {
  name: string;
  age: number;
  city: string;
}
const people = getMap<string, HazelcastJsonValue>(client, 'people');
const peopleRead = getMap<string, Person>(client, 'people');
const person = (name: string, age: number, city: string) =>
  new HazelcastJsonValue(JSON.stringify({ name, age, city }));
await people.putAll([
  ['ada', person('Ada', 36, 'London')],
  ['alan', person('Alan', 41, 'Manchester')],
  ['grace', person('Grace', 45, 'New York')],
  ['linus', person('Linus', 28, 'Helsinki')],
]);

// Keys and values that match, evaluated on the members that own them.
const over40 = await people.keySet(Predicates.greaterThan('age', 40));
console.log('over 40:', [...over40].sort().join(', '));
const londonOrHelsinki = await peopleRead.values(Predicates.inPredicate('city', 'London', 'Helsinki'));
console.log(
  'in London or Helsinki:',
  londonOrHelsinki
    .map((p) => p.name)
    .sort()
    .join(', '),
);
const sqlLike = await peopleRead.entrySet(Predicates.sql('age BETWEEN 30 AND 42'));
console.log(
  'aged 30 to 42:',
  sqlLike
    .map(([key]) => key)
    .sort()
    .join(', '),
);

// Aggregations and projections run where the data is; only the result travels.
console.log('average age:', await people.aggregate(Aggregators.numberAvg('age')));
const names = await people.project<string>(
  Projections.singleAttribute('name'),
  Predicates.lessThan('age', 40),
);
console.log('names under 40:', names.sort().join(', '));

await client.shutdown();
