import { useCluster } from '@hz-tools/cluster/vitest';
import Long from 'long';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  getRingbuffer,
  type HazelcastClient,
  IllegalArgumentError,
  OverflowPolicy,
  RINGBUFFER_MAX_BATCH_SIZE,
  StaleSequenceError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, expectRefusedBeforeSending } from './helpers';
import { MESSAGING_FACTORY_XML, prefixItemFilter } from './messaging-java-helpers';

// Ringbuffers named rb-small-* hold 10 items and overwrite freely (no TTL); rb-ttl-* hold 10 items for
// 5 minutes, so with OverflowPolicy.FAIL a full one refuses new items for the whole test.
const cluster = useCluster({
  members: 2,
  xml: `
    <ringbuffer name="rb-small-*"><capacity>10</capacity><time-to-live-seconds>0</time-to-live-seconds></ringbuffer>
    <ringbuffer name="rb-ttl-*"><capacity>10</capacity><time-to-live-seconds>300</time-to-live-seconds></ringbuffer>
    ${MESSAGING_FACTORY_XML}`,
});

describe('Ringbuffer', () => {
  let client: HazelcastClient;
  let observer: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current);
    observer = await connect(cluster.current, { network: { smartRouting: false } });
  });

  afterAll(async () => {
    await client?.shutdown();
    await observer?.shutdown();
  });

  it('starts empty, numbers items from 0 and reads them back through another client', async () => {
    const rb = getRingbuffer<string>(client, 'rb-ttl-fresh');
    expect(await rb.capacity()).toBe(10n);
    expect(await rb.size()).toBe(0n);
    expect(await rb.tailSequence()).toBe(-1n);
    expect(await rb.headSequence()).toBe(0n);
    expect(await rb.remainingCapacity()).toBe(10n);

    expect(await rb.add('a')).toBe(0n);
    expect(await rb.add('b', { overflowPolicy: OverflowPolicy.FAIL })).toBe(1n);
    expect(await rb.addAll(['c', 'd', 'e'])).toBe(4n);

    const other = getRingbuffer<string>(observer, 'rb-ttl-fresh');
    expect(await other.size()).toBe(5n);
    expect(await other.tailSequence()).toBe(4n);
    expect(await other.headSequence()).toBe(0n);
    expect(await other.remainingCapacity()).toBe(5n);
    expect(await other.readOne(0)).toBe('a');
    expect(await other.readOne(3n)).toBe('d');
    expect(await other.readOne(Long.fromNumber(4))).toBe('e');
    const read = await other.readMany(1, 0, 10);
    expect(read.items).toEqual(['b', 'c', 'd', 'e']);
    expect(read.sequences).toEqual([1n, 2n, 3n, 4n]);
    expect(read.readCount).toBe(4);
    expect(read.nextSequenceToReadFrom).toBe(5n);
  });

  it('returns Long for every 64-bit result when the client asks for it', async () => {
    const longClient = await connect(cluster.current, { int64Type: 'Long' });
    try {
      const rb = getRingbuffer<string>(longClient, 'rb-small-long');
      const sequence = (await rb.add('x')) as unknown as Long;
      expect(Long.isLong(sequence)).toBe(true);
      expect(sequence.toString()).toBe('0');
      const read = await rb.readMany(Long.ZERO, 1, 1);
      expect(Long.isLong(read.nextSequenceToReadFrom)).toBe(true);
      expect(read.sequences.map(String)).toEqual(['0']);
      expect(Long.isLong(await rb.capacity())).toBe(true);
    } finally {
      await longClient.shutdown();
    }
  });

  it('OVERWRITE: a full ringbuffer drops its oldest items; reads below the head are stale', async () => {
    const rb = getRingbuffer<number>(client, 'rb-small-overwrite');
    for (let i = 0; i < 15; i++) expect(await rb.add(i)).toBe(BigInt(i));
    const other = getRingbuffer<number>(observer, 'rb-small-overwrite');
    expect(await other.size()).toBe(10n);
    // Without a time to live no item blocks a write, so the whole capacity counts as free.
    expect(await other.remainingCapacity()).toBe(10n);
    expect(await other.headSequence()).toBe(5n);
    expect(await other.tailSequence()).toBe(14n);
    expect(await other.readOne(5)).toBe(5);
    await expect(other.readOne(4)).rejects.toBeInstanceOf(StaleSequenceError);
    // A readMany from before the head starts at the head: nextSequence - readCount shows the jump.
    const read = await other.readMany(0, 1, 3);
    expect(read.items).toEqual([5, 6, 7]);
    expect(read.sequences).toEqual([5n, 6n, 7n]);
    expect(read.readCount).toBe(3);
    expect(read.nextSequenceToReadFrom).toBe(8n);
    // addAll overwrites too, and keeps the order of its items.
    expect(await rb.addAll([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111])).toBe(26n);
    expect((await other.readMany(0, 10, 10)).items).toEqual([
      102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    ]);
  });

  it('FAIL: a full ringbuffer of live items refuses add and addAll with -1 and stores nothing', async () => {
    const rb = getRingbuffer<string>(client, 'rb-ttl-fail');
    expect(await rb.addAll(Array.from({ length: 8 }, (_, i) => `item-${i}`))).toBe(7n);
    expect(await rb.remainingCapacity()).toBe(2n);
    // Three items do not fit in two free slots: none of them is stored.
    expect(await rb.addAll(['x', 'y', 'z'], { overflowPolicy: 'FAIL' })).toBe(-1n);
    expect(await rb.tailSequence()).toBe(7n);
    expect(await rb.add('item-8', { overflowPolicy: 'FAIL' })).toBe(8n);
    expect(await rb.add('item-9', { overflowPolicy: 'FAIL' })).toBe(9n);
    expect(await rb.remainingCapacity()).toBe(0n);
    expect(await rb.add('refused', { overflowPolicy: 'FAIL' })).toBe(-1n);
    const other = getRingbuffer<string>(observer, 'rb-ttl-fail');
    expect(await other.tailSequence()).toBe(9n);
    expect(await other.readOne(9)).toBe('item-9');
    // OVERWRITE still writes, over the oldest live item.
    expect(await rb.add('forced')).toBe(10n);
    expect(await other.headSequence()).toBe(1n);
    expect(await other.readOne(10)).toBe('forced');
  });

  it('readOne at tail + 1 waits for the next item; an abort gives up without losing it', async () => {
    const rb = getRingbuffer<string>(client, 'rb-small-blocking');
    const other = getRingbuffer<string>(observer, 'rb-small-blocking');
    const waiting = rb.readOne(0);
    const controller = new AbortController();
    const aborted = rb.readOne(0, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    expect(await other.add('first')).toBe(0n);
    expect(await waiting).toBe('first');
    // Reading consumes nothing: the item the aborted call waited for is still there.
    expect(await rb.readOne(0, { signal: new AbortController().signal })).toBe('first');
    // Beyond tail + 1 there is nothing to wait for.
    await expect(rb.readOne(5)).rejects.toBeInstanceOf(IllegalArgumentError);
  });

  it('readMany waits for minCount items and returns at most maxCount', async () => {
    const rb = getRingbuffer<number>(client, 'rb-small-many');
    const other = getRingbuffer<number>(observer, 'rb-small-many');
    const waiting = rb.readMany(0, 3, 5);
    let settled = false;
    void waiting.then(() => {
      settled = true;
    });
    await other.add(0);
    await other.add(1);
    // Two of three: still waiting (the member answers only once minCount items exist).
    expect(await other.readMany(0, 2, 2)).toMatchObject({ items: [0, 1] });
    expect(settled).toBe(false);
    await other.addAll([2, 3, 4, 5, 6]);
    const read = await waiting;
    expect(read.items.length).toBeGreaterThanOrEqual(3);
    expect(read.items.length).toBeLessThanOrEqual(5);
    expect(read.items).toEqual([0, 1, 2, 3, 4].slice(0, read.items.length));
    expect(read.nextSequenceToReadFrom).toBe(BigInt(read.items.length));
    // minCount 0 answers at once, also with nothing new to read.
    const none = await rb.readMany(7, 0, 5);
    expect(none).toMatchObject({ items: [], sequences: [], readCount: 0 });
    expect(none.nextSequenceToReadFrom).toBe(7n);
    const controller = new AbortController();
    const blocked = rb.readMany(7, 1, 5, { signal: controller.signal });
    controller.abort();
    await expect(blocked).rejects.toBeInstanceOf(AbortError);
  });

  it('readMany with a Java filter returns the matching items; readCount counts every item read', async () => {
    const rb = getRingbuffer<string>(client, 'rb-small-filter');
    await rb.addAll(['a-1', 'b-1', 'a-2', 'b-2', 'b-3', 'a-3']);
    const read = await getRingbuffer<string>(observer, 'rb-small-filter').readMany(0, 0, 6, {
      filter: prefixItemFilter('a-'),
    });
    expect(read.items).toEqual(['a-1', 'a-2', 'a-3']);
    expect(read.sequences).toEqual([0n, 2n, 5n]);
    expect(read.readCount).toBe(6);
    expect(read.nextSequenceToReadFrom).toBe(6n);
    const none = await rb.readMany(0, 0, 6, { filter: prefixItemFilter('zzz') });
    expect(none.items).toEqual([]);
    expect(none.readCount).toBe(6);
    expect(none.nextSequenceToReadFrom).toBe(6n);
  });

  it('refuses bad arguments with IllegalArgumentError and sends nothing', async () => {
    const rb = getRingbuffer<unknown>(client, 'rb-small-bad');
    const context = clientContext(client);
    const sent = vi.spyOn(context, 'invokeOnPartition');
    try {
      const cases: Array<[() => Promise<unknown>, RegExp]> = [
        [() => rb.add(null), /Ringbuffer rb-small-bad: an item must not be null/],
        [() => rb.add(undefined), /an item must not be undefined/],
        [
          () => rb.add('x', { overflowPolicy: 'DROP' as OverflowPolicy }),
          /overflowPolicy must be "OVERWRITE" or "FAIL", got "DROP"/,
        ],
        [() => rb.addAll([]), /addAll needs at least one item/],
        [() => rb.addAll(['a', null]), /an item must not be null/],
        [
          () => rb.addAll(Array.from({ length: RINGBUFFER_MAX_BATCH_SIZE + 1 }, () => 'x')),
          /addAll takes at most 1000 items, got 1001/,
        ],
        [() => rb.addAll(42 as unknown as string[]), /expected an iterable of items, got 42/],
        [() => rb.readOne(-1), /sequence must be >= 0, got -1/],
        [() => rb.readOne(1.5), /sequence must be a safe integer number, a bigint or a Long, got 1.5/],
        [() => rb.readOne(2n ** 64n), /sequence must fit a signed 64-bit integer/],
        [() => rb.readMany(-2n, 0, 1), /startSequence must be >= 0, got -2/],
        [() => rb.readMany(0, -1, 1), /minCount must be a whole number >= 0, got -1/],
        [() => rb.readMany(0, 5, 4), /maxCount must be a whole number >= minCount \(5\), got 4/],
        [() => rb.readMany(0, 0, 1001), /maxCount must be at most 1000, got 1001/],
        [
          () => rb.readMany(0, 0, 1, { filter: 'a-' as unknown as object }),
          /the filter must be an object the member knows/,
        ],
        [
          () => rb.readOne(0, { signal: 'stop' as unknown as AbortSignal }),
          /signal must be an AbortSignal, got stop/,
        ],
      ];
      for (const [call, message] of cases) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      expect(sent).not.toHaveBeenCalled();
    } finally {
      sent.mockRestore();
    }
  });

  it('a number or an unknown key where the options go is refused, naming the method and the key; nothing is sent', async () => {
    const rb = getRingbuffer<string>(client, 'rb-small-bad-options');
    await expectRefusedBeforeSending(client, ['toData', 'invokeOnPartition'], () => [
      [
        rb.add('x', 'FAIL' as never),
        /^Ringbuffer rb-small-bad-options\.add: the options must be an object \{ overflowPolicy \}, got the string "FAIL"$/,
      ],
      [
        rb.addAll(['x'], { overflow: 'FAIL' } as never),
        /^Ringbuffer rb-small-bad-options\.addAll: unknown option "overflow" \(did you mean "overflowPolicy"\?\)/,
      ],
      [
        rb.readOne(0, 1000 as never),
        /^Ringbuffer rb-small-bad-options\.readOne: the options must be an object \{ signal \}/,
      ],
      [
        rb.readMany(0, 1, 10, { filter: undefined, timeout: 1000 } as never),
        /^Ringbuffer rb-small-bad-options\.readMany: unknown option "timeout"; known options: filter, signal$/,
      ],
    ]);
    expect(Number(await getRingbuffer(observer, 'rb-small-bad-options').size())).toBe(0);
    // null and undefined are no options: the defaults.
    expect(Number(await rb.add('x', undefined))).toBe(0);
    expect(await rb.readOne(0, null as never)).toBe('x');
  });
});
