// CP lock: a FencedLock guards a read-modify-write done by several concurrent flows; each flow is its own
// lock owner through LockContext.run. Needs a cluster with a CP Subsystem (Hazelcast 5.4.0 or older
// Community Edition, or Enterprise):
//   pnpm cluster start --cp && pnpm --filter @hz-examples/features start src/cp-lock.ts
import { getMap, HazelcastClient, LockContext } from '@hz/core-client';
import { getFencedLock } from '@hz/cp';

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
});
const lock = getFencedLock(client, 'inventory-lock');
const inventory = getMap<string, number>(client, 'inventory');
await inventory.set('widgets', 0);

const fences: bigint[] = [];
async function addWidgets(count: number): Promise<void> {
  // A lock is owned by a flow: LockContext.run gives this one (and every await inside it) its own owner.
  await LockContext.run(async () => {
    const fence = await lock.lock({ signal: AbortSignal.timeout(30_000) }); // grows with every new holder
    try {
      fences.push(BigInt(fence));
      const current = (await inventory.get('widgets')) ?? 0;
      await inventory.set('widgets', current + count); // no lost update: only the holder writes
    } finally {
      await lock.unlock();
    }
  });
}

await Promise.all([addWidgets(1), addWidgets(2), addWidgets(3), addWidgets(4)]);
console.log('widgets:', await inventory.get('widgets'));
console.log(
  'fences increase:',
  fences.every((fence, i) => i === 0 || fence > fences[i - 1]!),
);
console.log('locked now:', await lock.isLocked());
await client.shutdown();
