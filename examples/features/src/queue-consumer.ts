// Queue consumer: a producer offers jobs, a consumer takes them with `for await` until its AbortSignal
// fires. An abort never drops an item: a job the member handed out is still yielded.
//   pnpm cluster start && pnpm --filter @hz-examples/features start src/queue-consumer.ts
import { getQueue, HazelcastClient } from '@hz/core-client';

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
});
const jobs = getQueue<string>(client, 'jobs');

const producer = (async () => {
  for (let i = 1; i <= 5; i++) await jobs.offer(`job-${i}`);
  await jobs.offer('stop');
})();

const stop = new AbortController();
const done: string[] = [];
for await (const job of jobs.consume({ signal: stop.signal })) {
  if (job === 'stop') {
    stop.abort(); // ends the loop after this item
    continue;
  }
  done.push(job);
  console.log('processed', job);
}
await producer;
console.log(`processed ${done.length} jobs; left in the queue: ${await jobs.size()}`);

// A bounded wait: null when nothing arrives in time.
console.log('poll with a timeout:', await jobs.poll({ timeout: 100 }));
await client.shutdown();
