// Reliable topic: messages stored in a ringbuffer, read in order by a listener and by a `for await`
// iterator; a reader that stops can resume from the sequence after the last message it saw.
//   pnpm cluster start && pnpm --filter @hz-examples/features start src/reliable-topic.ts
import { getReliableTopic, HazelcastClient, type ReliableMessage } from '@hz/core-client';

interface Order {
  readonly id: number;
  readonly item: string;
}

const client = await HazelcastClient.newHazelcastClient({
  clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev',
  network: { clusterMembers: (process.env.HZ_MEMBERS ?? '127.0.0.1:5701').split(',') },
  reliableTopics: { 'orders*': { readBatchSize: 10, overloadPolicy: 'BLOCK' } },
});
const orders = getReliableTopic<Order>(client, 'orders');

// A listener: called once per message, in publish order; a returned promise is awaited before the next.
const heard: number[] = [];
let allHeard: () => void = () => {};
const listenerDone = new Promise<void>((resolve) => {
  allHeard = resolve;
});
const listenerId = await orders.addMessageListener({
  onMessage: (message: ReliableMessage<Order>) => {
    heard.push(message.message.id);
    if (heard.length === 3) allHeard();
  },
});

// An iterator from the current end of the topic; the abort ends it.
const stop = new AbortController();
const iterated: string[] = [];
let lastSequence = -1n;
const iterating = (async () => {
  try {
    for await (const message of orders.messages({ signal: stop.signal })) {
      iterated.push(message.message.item);
      lastSequence = BigInt(message.sequence);
      if (iterated.length === 3) stop.abort();
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
})();

await orders.publish({ id: 1, item: 'tea' });
await orders.publishAll([
  { id: 2, item: 'coffee' },
  { id: 3, item: 'cocoa' },
]);
await Promise.all([listenerDone, iterating]);
await orders.removeMessageListener(listenerId);
console.log('listener heard:', heard.join(', '));
console.log('iterator read:', iterated.join(', '));

// Resume after the last message seen: later messages only, none lost.
await orders.publish({ id: 4, item: 'juice' });
const resumed = orders.messages({ initialSequence: lastSequence + 1n });
const next = await resumed.next();
await resumed.return();
console.log('resumed with:', next.done ? null : next.value.message.item);
await client.shutdown();
