import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AbortError, getQueue, type HazelcastClient } from '../src/index';
import { connect } from './helpers';

// 10 producers and 10 consumers move 100,000 items through one queue on a two-member cluster (so every
// offer and poll also waits for its backup): each item must arrive exactly once. Consumers block in take
// and are stopped by aborting their signal once every item has arrived, which must not lose any either.
const cluster = useCluster({ members: 2 });

const PRODUCERS = 10;
const CONSUMERS = 10;
const PER_PRODUCER = 10_000;
const TOTAL = PRODUCERS * PER_PRODUCER;

let producerClient: HazelcastClient;
const consumerClients: HazelcastClient[] = [];
let observer: HazelcastClient;

beforeAll(async () => {
  producerClient = await connect(cluster.current);
  consumerClients.push(await connect(cluster.current));
  consumerClients.push(await connect(cluster.current, { network: { smartRouting: false } }));
  observer = await connect(cluster.current);
});

afterAll(async () => {
  await Promise.all([producerClient, ...consumerClients, observer].map((c) => c?.shutdown()));
});

it(`moves ${TOTAL} items from ${PRODUCERS} producers to ${CONSUMERS} consumers, none lost or duplicated`, {
  timeout: 900_000,
}, async () => {
  const name = 'producers-consumers';
  const producerQueue = getQueue<string>(producerClient, name);
  const received: string[] = [];
  const perConsumer = new Array<number>(CONSUMERS).fill(0);
  const stop = new AbortController();

  const consumers = Array.from({ length: CONSUMERS }, async (_, c) => {
    const queue = getQueue<string>(consumerClients[c % consumerClients.length]!, name);
    for (;;) {
      let item: string;
      try {
        item = await queue.take({ signal: stop.signal });
      } catch (error) {
        expect(error).toBeInstanceOf(AbortError);
        return;
      }
      received.push(item);
      perConsumer[c]!++;
      if (received.length >= TOTAL) stop.abort();
    }
  });
  const producers = Array.from({ length: PRODUCERS }, async (_, p) => {
    for (let n = 0; n < PER_PRODUCER; n++) expect(await producerQueue.offer(`${p}:${n}`)).toBe(true);
  });

  await Promise.all(producers);
  await Promise.all(consumers);

  expect(received.length).toBe(TOTAL);
  const unique = new Set(received);
  expect(unique.size).toBe(TOTAL);
  for (let p = 0; p < PRODUCERS; p++) {
    for (let n = 0; n < PER_PRODUCER; n++) {
      if (!unique.has(`${p}:${n}`)) throw new Error(`item ${p}:${n} was lost`);
    }
  }
  // Every consumer took part, and nothing is left behind.
  for (const count of perConsumer) expect(count).toBeGreaterThan(0);
  expect(await getQueue(observer, name).size()).toBe(0);
});
