// Near cache: reads of keys this client read before come from local memory; a change anywhere in the
// cluster invalidates the cached entry, so the next read goes to the cluster again.
//   pnpm cluster start && pnpm --filter @hz-examples/features start src/near-cache.ts
import { getMap, HazelcastClient } from '@hz/core-client';
import { getNearCacheStats, nearCache } from '@hz/near-cache';

const clusterName = process.env.HZ_CLUSTER_NAME ?? 'dev';
const clusterMembers = (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',');

const client = await HazelcastClient.newHazelcastClient({
  clusterName,
  network: { clusterMembers },
  // Maps named prices (or matching a pattern with one *) are near-cached; nothing else changes in the code.
  plugins: [nearCache({ prices: { inMemoryFormat: 'OBJECT', timeToLiveSeconds: 300 } })],
});
const prices = getMap<string, number>(client, 'prices');
await prices.put('tea', 3);

// Reads are cached once the map's invalidation listener is registered and its first metadata arrived, a
// moment after getMap; until then they go to the cluster. An application need not wait: this example does,
// so that the second read below is a hit.
for (let i = 0; i < 600 && (getNearCacheStats(prices)?.reconciliations ?? 0) === 0; i++) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
console.log('first read:', await prices.get('tea')); // from the cluster, now cached
console.log('second read:', await prices.get('tea')); // from local memory
let stats = getNearCacheStats(prices);
console.log(`hits ${stats?.hits}, misses ${stats?.misses}`);

// Another client changes the entry: the cluster tells this client, which drops its cached copy.
const other = await HazelcastClient.newHazelcastClient({ clusterName, network: { clusterMembers } });
await getMap<string, number>(other, 'prices').put('tea', 4);
await other.shutdown();
let price = await prices.get('tea');
for (let attempt = 0; price !== 4 && attempt < 100; attempt++) {
  // The invalidation travels asynchronously; until it arrives the cached value is served.
  await new Promise((resolve) => setTimeout(resolve, 50));
  price = await prices.get('tea');
}
stats = getNearCacheStats(prices);
console.log('after the change elsewhere:', price);
console.log('invalidated:', (stats?.invalidations ?? 0) >= 1);
await client.shutdown();
