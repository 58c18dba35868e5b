import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  getList,
  getMap,
  getMultiMap,
  getQueue,
  getSet,
  type HazelcastClient,
  IllegalArgumentError,
  LockContext,
  newTransaction,
  Predicates,
  runInTransaction,
  TransactionError,
  TransactionNotActiveError,
  TransactionState,
  TransactionTimedOutError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect } from './helpers';

const cluster = useCluster({ members: 3 });
/** How long a lock release or a rollback may take to show on a loaded machine. */
const SHOWS = { timeout: 20_000, interval: 50 };

let client: HazelcastClient;
let observer: HazelcastClient;

beforeAll(async () => {
  [client, observer] = await Promise.all([connect(cluster.current), connect(cluster.current)]);
});

afterAll(async () => {
  await Promise.all([client?.shutdown(), observer?.shutdown()]);
});

const sorted = <T>(items: T[]) => [...items].sort();

describe('Transactions: visibility, commit and rollback (3 members)', () => {
  it('another client sees none of the writes before commit and all of them after', async () => {
    const tx = newTransaction(client, { timeoutMillis: 60_000 });
    expect(tx.state).toBe(TransactionState.NOT_STARTED);
    expect([tx.id, tx.startTime, tx.memberUuid]).toEqual([null, null, null]);
    expect([tx.timeoutMillis, tx.durability, tx.type]).toEqual([60_000, 1, 'TWO_PHASE']);
    await LockContext.run(async () => {
      await tx.begin();
      expect(tx.state).toBe(TransactionState.ACTIVE);
      expect(tx.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(cluster.current.liveMembers.map((m) => m.uuid)).toContain(tx.memberUuid);
      await tx.getMap<string, string>('iso-map').put('k', 'v');
      await tx.getQueue<string>('iso-queue').offer('job');
      await tx.getSet<string>('iso-set').add('s');
      await tx.getList<string>('iso-list').add('l');
      await tx.getMultiMap<string, string>('iso-multimap').put('mk', 'mv');

      // Inside: the transaction sees its own writes.
      expect(await tx.getMap<string, string>('iso-map').get('k')).toBe('v');
      expect(await tx.getQueue('iso-queue').size()).toBe(1);
      // Outside: nothing yet, and the key is locked by the transaction.
      expect(await getMap(observer, 'iso-map').get('k')).toBeNull();
      expect(await getMap(observer, 'iso-map').isLocked('k')).toBe(true);
      expect(await getQueue(observer, 'iso-queue').size()).toBe(0);
      expect(await getSet(observer, 'iso-set').size()).toBe(0);
      expect(await getList(observer, 'iso-list').size()).toBe(0);
      expect(await getMultiMap(observer, 'iso-multimap').size()).toBe(0);

      await tx.commit();
      expect(tx.state).toBe(TransactionState.COMMITTED);
    });
    expect(await getMap(observer, 'iso-map').get('k')).toBe('v');
    expect(await getMap(observer, 'iso-map').isLocked('k')).toBe(false);
    expect(await getQueue(observer, 'iso-queue').toArray()).toEqual(['job']);
    expect(await getSet(observer, 'iso-set').getAll()).toEqual(['s']);
    expect(await getList(observer, 'iso-list').getAll()).toEqual(['l']);
    expect(await getMultiMap(observer, 'iso-multimap').get('mk')).toEqual(['mv']);
  });

  it('atomicity: runInTransaction rolls back three writes when the work fails, and rethrows', async () => {
    await getMap<string, string>(observer, 'atom-map').put('k', 'before');
    const failure = new Error('payment declined');
    let seenInside: string | null = null;
    let state: TransactionState | undefined;
    const outcome = runInTransaction(client, { timeoutMillis: 60_000 }, async (tx) => {
      await tx.getMap<string, string>('atom-map').put('k', 'after');
      await tx.getQueue<string>('atom-queue').offer('job');
      await tx.getSet<string>('atom-set').add('member');
      seenInside = await getMap<string, string>(observer, 'atom-map').get('k');
      state = tx.state;
      throw failure;
    });
    await expect(outcome).rejects.toBe(failure);
    expect(seenInside).toBe('before');
    expect(state).toBe('ACTIVE');
    expect(await getMap(observer, 'atom-map').get('k')).toBe('before');
    expect(await getMap(observer, 'atom-map').isLocked('k')).toBe(false);
    expect(await getQueue(observer, 'atom-queue').size()).toBe(0);
    expect(await getSet(observer, 'atom-set').size()).toBe(0);
  });

  it('runInTransaction commits what the work did and resolves with its result; ONE_PHASE commits too', async () => {
    for (const type of ['TWO_PHASE', 'ONE_PHASE'] as const) {
      const result = await runInTransaction(client, { type, durability: 0 }, async (tx) => {
        expect(tx.type).toBe(type);
        await tx.getMap<string, number>(`helper-${type}`).set('a', 1);
        await tx.getList<number>(`helper-${type}`).add(2);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await getMap(observer, `helper-${type}`).get('a')).toBe(1);
      expect(await getList(observer, `helper-${type}`).getAll()).toEqual([2]);
    }
    // Options may be left out.
    expect(await runInTransaction(client, () => 7)).toBe(7);
  });

  it('rollback() discards everything, releases the locks and can be repeated; work that rolls back commits nothing', async () => {
    await LockContext.run(async () => {
      const tx = newTransaction(client);
      await tx.begin();
      await tx.getMap<string, string>('rb-map').put('k', 'v');
      await tx.getMultiMap<string, string>('rb-multimap').put('k', 'v');
      await tx.rollback();
      expect(tx.state).toBe(TransactionState.ROLLED_BACK);
      await tx.rollback();
      await expect(tx.commit()).rejects.toThrow(TransactionNotActiveError);
    });
    expect(await getMap(observer, 'rb-map').get('k')).toBeNull();
    expect(await getMap(observer, 'rb-map').isLocked('k')).toBe(false);
    expect(await getMultiMap(observer, 'rb-multimap').size()).toBe(0);

    const result = await runInTransaction(client, async (tx) => {
      await tx.getMap<string, string>('rb-map').put('k2', 'v');
      await tx.rollback();
      return 'rolled back by the work';
    });
    expect(result).toBe('rolled back by the work');
    expect(await getMap(observer, 'rb-map').containsKey('k2')).toBe(false);
  });
});

describe('TransactionalMap, MultiMap, Queue, List and Set: every method', () => {
  it('TransactionalMap', async () => {
    const seen = getMap<string, string>(observer, 'txmap');
    await seen.putAll([
      ['a', 'A'],
      ['b', 'B'],
      ['c', 'C'],
    ]);
    await runInTransaction(client, async (tx) => {
      const map = tx.getMap<string, string>('txmap');
      expect(map.getName()).toBe('txmap');
      expect(tx.getMap('txmap')).toBe(map);
      expect(await map.containsKey('a')).toBe(true);
      expect(await map.containsKey('z')).toBe(false);
      expect(await map.get('a')).toBe('A');
      expect(await map.get('z')).toBeNull();
      expect(await map.getForUpdate('b')).toBe('B');
      expect(await seen.isLocked('b')).toBe(true);
      expect(await map.size()).toBe(3);
      expect(await map.isEmpty()).toBe(false);
      expect(await map.put('d', 'D')).toBeNull();
      expect(await map.put('d', 'D2')).toBe('D');
      expect(await map.put('ttl', 'T', { ttl: 60_000 })).toBeNull();
      expect(await map.putIfAbsent('a', 'X')).toBe('A');
      expect(await map.putIfAbsent('e', 'E')).toBeNull();
      await map.set('f', 'F');
      expect(await map.replace('a', 'A2')).toBe('A');
      expect(await map.replace('absent', 'X')).toBeNull();
      expect(await map.replaceIfSame('b', 'wrong', 'X')).toBe(false);
      expect(await map.replaceIfSame('b', 'B', 'B2')).toBe(true);
      expect(await map.remove('c')).toBe('C');
      expect(await map.remove('c')).toBeNull();
      expect(await map.removeIfSame('e', 'wrong')).toBe(false);
      expect(await map.removeIfSame('e', 'E')).toBe(true);
      await map.delete('f');
      // The transaction's view: its own writes included.
      expect(sorted(await map.keySet())).toEqual(['a', 'b', 'd', 'ttl']);
      expect(sorted(await map.values())).toEqual(['A2', 'B2', 'D2', 'T']);
      expect(sorted(await map.keySet(Predicates.like('this', '%2')))).toEqual(['a', 'b', 'd']);
      expect(await map.values(Predicates.equal('this', 'T'))).toEqual(['T']);
      await expect(map.values(Predicates.paging(Predicates.alwaysTrue(), 2))).rejects.toThrow(
        /TransactionalMap txmap: a paging predicate is not supported in a transaction/,
      );
      expect(await map.size()).toBe(4);
      // The committed state, until commit.
      expect(sorted(await seen.keySet())).toEqual(['a', 'b', 'c']);
    });
    expect(sorted(await seen.entrySet())).toEqual(
      sorted([
        ['a', 'A2'],
        ['b', 'B2'],
        ['d', 'D2'],
        ['ttl', 'T'],
      ]),
    );
    expect(await seen.isLocked('b')).toBe(false);
    expect((await seen.getEntryView('ttl'))?.ttl).toBe(60_000n);
  });

  it('TransactionalMultiMap', async () => {
    const seen = getMultiMap<string, string>(observer, 'txmultimap');
    await seen.put('k', 'old');
    await runInTransaction(client, async (tx) => {
      const mm = tx.getMultiMap<string, string>('txmultimap');
      expect(await mm.put('k', 'a')).toBe(true);
      expect(await mm.put('k', 'a')).toBe(false);
      expect(await mm.put('k', 'b')).toBe(true);
      expect(await mm.put('other', 'x')).toBe(true);
      expect(sorted(await mm.get('k'))).toEqual(['a', 'b', 'old']);
      expect(await mm.get('absent')).toEqual([]);
      expect(await mm.valueCount('k')).toBe(3);
      expect(await mm.size()).toBe(4);
      expect(await mm.remove('k', 'old')).toBe(true);
      expect(await mm.remove('k', 'old')).toBe(false);
      expect(sorted(await mm.removeAll('other'))).toEqual(['x']);
      expect(await mm.removeAll('other')).toEqual([]);
      expect(await mm.size()).toBe(2);
      expect(await seen.size()).toBe(1);
    });
    expect(sorted(await seen.get('k'))).toEqual(['a', 'b']);
    expect(await seen.containsKey('other')).toBe(false);
  });

  it('TransactionalQueue: offer, poll, peek, size and take; polled items come back on rollback', async () => {
    const seen = getQueue<string>(observer, 'txqueue');
    await seen.addAll(['one', 'two']);
    await LockContext.run(async () => {
      const tx = newTransaction(client);
      await tx.begin();
      const queue = tx.getQueue<string>('txqueue');
      expect(await queue.peek()).toBe('one');
      expect(await queue.poll()).toBe('one');
      expect(await queue.size()).toBe(1);
      expect(await queue.take()).toBe('two');
      expect(await queue.poll()).toBeNull();
      expect(await queue.peek()).toBeNull();
      expect(await queue.offer('three')).toBe(true);
      expect(await queue.size()).toBe(1);
      // Outside, the polled items are reserved by the transaction (no other consumer gets them) and the
      // offered one is not there yet.
      expect(await seen.toArray()).toEqual([]);
      expect(await seen.poll()).toBeNull();
      await tx.rollback();
    });
    expect(await seen.toArray()).toEqual(['one', 'two']);

    await runInTransaction(client, async (tx) => {
      const queue = tx.getQueue<string>('txqueue');
      expect(await queue.poll({ timeout: 1_000 })).toBe('one');
      await queue.offer('three', { timeout: 1_000 });
    });
    expect(await seen.toArray()).toEqual(['two', 'three']);
  });

  it('TransactionalQueue: a take or a poll with a timeout waits for an item another client commits', async () => {
    const seen = getQueue<string>(observer, 'txqueue-wait');
    await runInTransaction(client, async (tx) => {
      const queue = tx.getQueue<string>('txqueue-wait');
      expect(await queue.poll({ timeout: 50 })).toBeNull();
      expect(await queue.peek({ timeout: 50 })).toBeNull();
      const taken = queue.take();
      await seen.offer('late');
      expect(await taken).toBe('late');
    });
    expect(await seen.size()).toBe(0);
  });

  it('TransactionalQueue: an aborted take rejects with AbortError and takes nothing', async () => {
    const seen = getQueue<string>(observer, 'txqueue-abort');
    await runInTransaction(client, async (tx) => {
      const queue = tx.getQueue<string>('txqueue-abort');
      const controller = new AbortController();
      const taken = queue.take({ signal: controller.signal });
      controller.abort();
      await expect(taken).rejects.toBeInstanceOf(AbortError);
      await expect(queue.poll({ timeout: 60_000, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
        AbortError,
      );
    });
    await seen.offer('kept');
    expect(await seen.toArray()).toEqual(['kept']);
  });

  it('TransactionalList and TransactionalSet', async () => {
    await getList<string>(observer, 'txlist').add('x');
    await getSet<string>(observer, 'txset').add('x');
    await runInTransaction(client, async (tx) => {
      const list = tx.getList<string>('txlist');
      expect(await list.add('x')).toBe(true);
      expect(await list.add('y')).toBe(true);
      expect(await list.size()).toBe(3);
      expect(await list.remove('x')).toBe(true);
      expect(await list.remove('absent')).toBe(false);
      expect(await list.size()).toBe(2);
      const set = tx.getSet<string>('txset');
      expect(await set.add('y')).toBe(true);
      expect(await set.size()).toBe(2);
      expect(await set.remove('x')).toBe(true);
      expect(await set.remove('x')).toBe(false);
      expect(await set.size()).toBe(1);
      // An item the set holds already is not added again. (The member then counts it in the transaction's
      // size() anyway, so this comes last.)
      expect(await set.add('y')).toBe(false);
    });
    expect(sorted(await getList<string>(observer, 'txlist').getAll())).toEqual(['x', 'y']);
    expect(await getSet<string>(observer, 'txset').getAll()).toEqual(['y']);
  });
});

describe('Transactions: moving items between queues', () => {
  it('concurrent poll/offer transactions, some rolled back, move every item exactly once', async () => {
    const total = 60;
    const source = getQueue<number>(observer, 'move-source');
    const target = getQueue<number>(observer, 'move-target');
    await source.addAll(Array.from({ length: total }, (_, i) => i));
    const second = await connect(cluster.current);
    let rolledBack = 0;
    let attempts = 0;
    const worker = async (mover: HazelcastClient) => {
      for (;;) {
        const attempt = attempts++;
        const moved = await runInTransaction(mover, async (tx) => {
          const item = await tx.getQueue<number>('move-source').poll();
          if (item === null) return false;
          await tx.getQueue<number>('move-target').offer(item);
          // Every 4th attempt fails after the pair: the item must go back to the source.
          if (attempt % 4 === 3) throw new Error(`fail ${item}`);
          return true;
        }).catch((error: Error) => {
          if (!error.message.startsWith('fail ')) throw error;
          rolledBack++;
          return true;
        });
        if (!moved) return;
      }
    };
    try {
      await Promise.all([worker(client), worker(client), worker(second), worker(second)]);
    } finally {
      await second.shutdown();
    }
    expect(rolledBack).toBeGreaterThan(0);
    expect(await source.size()).toBe(0);
    const arrived = await target.toArray();
    expect(arrived).toHaveLength(total);
    expect([...arrived].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('two flows of one client are two lock owners: getForUpdate serializes their increments', async () => {
    const counter = getMap<string, number>(observer, 'counter');
    await counter.set('n', 0);
    await Promise.all(
      Array.from({ length: 8 }, () =>
        runInTransaction(client, async (tx) => {
          const map = tx.getMap<string, number>('counter');
          const n = (await map.getForUpdate('n')) ?? 0;
          await map.set('n', n + 1);
        }),
      ),
    );
    expect(await counter.get('n')).toBe(8);
  });
});

describe('Transactions: timeouts', () => {
  it('a transaction not committed within timeoutMillis is rolled back: its lock frees, commit fails', async () => {
    const seen = getMap<string, string>(observer, 'timeout-map');
    const tx = newTransaction(client, { timeoutMillis: 3_000 });
    await LockContext.run(async () => {
      await tx.begin();
      await tx.getMap<string, string>('timeout-map').put('k', 'from tx');
    });
    expect(await seen.isLocked('k')).toBe(true);
    // Another writer waits for the transaction's lock, which its timeout releases.
    await seen.put('k', 'from observer');
    await vi.waitFor(() => expect(tx.state).toBe(TransactionState.ROLLED_BACK), SHOWS);
    await LockContext.run(async () => {
      await expect(tx.commit()).rejects.toThrow(TransactionTimedOutError);
      expect(() => tx.getMap('timeout-map')).toThrow(
        /timed out: it was not committed within its timeoutMillis \(3000 ms\) and was rolled back/,
      );
      await tx.rollback();
    });
    expect(await seen.get('k')).toBe('from observer');
  });

  it('runInTransaction rejects with TransactionTimedOutError when the work outlives the timeout', async () => {
    const outcome = runInTransaction(client, { timeoutMillis: 2_000 }, async (tx) => {
      await tx.getMap<string, string>('timeout-helper').put('k', 'v');
      await vi.waitFor(() => expect(tx.state).toBe(TransactionState.ROLLED_BACK), SHOWS);
      return 'late';
    });
    await expect(outcome).rejects.toBeInstanceOf(TransactionTimedOutError);
    expect(await getMap(observer, 'timeout-helper').containsKey('k')).toBe(false);
  });
});

describe('Transactions: ownership and misuse', () => {
  it('a transaction belongs to the flow that began it: another flow gets TransactionError and sends nothing', async () => {
    await LockContext.run(async () => {
      const tx = newTransaction(client);
      await tx.begin();
      const map = tx.getMap<string, string>('owned');
      await map.put('mine', 'v');
      const foreign = await LockContext.run(() => map.put('foreign', 'v').catch((e: unknown) => e));
      expect(foreign).toBeInstanceOf(TransactionError);
      expect((foreign as Error).message).toMatch(/used from another async flow than the one that began it/);
      await expect(LockContext.run(() => tx.commit())).rejects.toThrow(TransactionError);
      expect(() => LockContext.run(() => tx.getSet('s'))).toThrow(TransactionError);
      // One transaction per flow at a time.
      await expect(newTransaction(client).begin()).rejects.toThrow(/Nested transactions are not allowed/);
      await tx.commit();
    });
    expect(await getMap(observer, 'owned').keySet()).toEqual(['mine']);
  });

  it('state misuse is a TransactionNotActiveError or TransactionError naming what was wrong', async () => {
    await LockContext.run(async () => {
      const tx = newTransaction(client);
      await expect(tx.commit()).rejects.toThrow(/not begun; call begin\(\) first/);
      await expect(tx.rollback()).rejects.toThrow(TransactionNotActiveError);
      expect(() => tx.getMap('m')).toThrow(TransactionNotActiveError);
      await tx.begin();
      await expect(tx.begin()).rejects.toThrow(/begin\(\) was already called/);
      const map = tx.getMap<string, string>('misuse');
      await tx.commit();
      await expect(tx.commit()).rejects.toThrow(/is committed; it cannot be used any more/);
      await expect(tx.rollback()).rejects.toThrow(TransactionNotActiveError);
      await expect(map.put('k', 'v')).rejects.toThrow(TransactionNotActiveError);
      // The flow is free for the next transaction.
      const next = newTransaction(client);
      await next.begin();
      await next.rollback();
    });
  });

  it('bad input is an IllegalArgumentError and sends nothing', async () => {
    expect(() => newTransaction(client, { timeoutMillis: 0 })).toThrow(
      /timeoutMillis must be a whole number/,
    );
    expect(() => newTransaction(client, { durability: -1 })).toThrow(IllegalArgumentError);
    expect(() => newTransaction(client, { type: 'THREE_PHASE' as 'ONE_PHASE' })).toThrow(
      /type must be 'TWO_PHASE' or 'ONE_PHASE', got "THREE_PHASE"/,
    );
    await expect(runInTransaction(client, {}, null as never)).rejects.toThrow(IllegalArgumentError);
    await runInTransaction(client, async (tx) => {
      const map = tx.getMap<string | null, string | null>('bad');
      await expect(map.put(null, 'v')).rejects.toThrow(/TransactionalMap bad: a key must not be null/);
      await expect(map.put('k', undefined as never)).rejects.toThrow(/a value must not be undefined/);
      await expect(map.put('k', 'v', { ttl: -1 })).rejects.toThrow(/ttl must be >= 0|ttl must be a whole/);
      await expect(tx.getQueue('bad').offer(null)).rejects.toThrow(
        /TransactionalQueue bad: an item must not be null/,
      );
      await expect(tx.getQueue('bad').poll({ timeout: -5 })).rejects.toThrow(IllegalArgumentError);
      expect(() => tx.getList('')).toThrow(IllegalArgumentError);
      expect(await map.size()).toBe(0);
    });
    expect(await getMap(observer, 'bad').size()).toBe(0);
  });

  it('a number or an unknown key where the options go is refused, naming the method and the key', async () => {
    expect(() => newTransaction(client, 30_000 as never)).toThrow(
      /^newTransaction: the options must be an object \{ timeoutMillis, durability, type \}, got number 30000$/,
    );
    expect(() => newTransaction(client, { transactionType: 'ONE_PHASE' } as never)).toThrow(
      /^newTransaction: unknown option "transactionType" \(did you mean "type"\?\); known options: timeoutMillis, durability, type$/,
    );
    expect(() => newTransaction(client, { timeout: 5_000 } as never)).toThrow(IllegalArgumentError);
    const work = vi.fn();
    await expect(runInTransaction(client, { timeout: 5_000 } as never, work)).rejects.toThrow(
      /^runInTransaction: unknown option "timeout" \(did you mean "timeoutMillis"\?\)/,
    );
    expect(work).not.toHaveBeenCalled();
    await runInTransaction(client, async (tx) => {
      const map = tx.getMap<string, string>('bad-options');
      const queue = tx.getQueue<string>('bad-options');
      // Each call is made here, not in a callback: a synchronous throw would fail the test.
      const calls: Array<[Promise<unknown>, RegExp]> = [
        [
          map.put('k', 'v', 5_000 as never),
          /^TransactionalMap bad-options\.put: the options must be an object \{ ttl \}, got number 5000$/,
        ],
        [
          map.put('k', 'v', { ttlMillis: 5_000 } as never),
          /^TransactionalMap bad-options\.put: unknown option "ttlMillis" \(did you mean "ttl"\?\); known options: ttl$/,
        ],
        [
          queue.offer('x', 1_000 as never),
          /^TransactionalQueue bad-options\.offer: the options must be an object \{ timeout, signal \}/,
        ],
        [
          queue.poll({ timeoutMillis: 1_000 } as never),
          /^TransactionalQueue bad-options\.poll: unknown option "timeoutMillis" \(did you mean "timeout"\?\)/,
        ],
        [
          queue.take({ timeout: 1_000 } as never),
          /^TransactionalQueue bad-options\.take: unknown option "timeout"; known options: signal$/,
        ],
        [queue.peek(1_000 as never), /^TransactionalQueue bad-options\.peek: the options must be an object/],
      ];
      for (const [call, message] of calls) {
        const error = await call.then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, String(message)).toBeInstanceOf(IllegalArgumentError);
        expect((error as Error).message).toMatch(message);
      }
      expect(await map.size()).toBe(0);
      expect(await queue.size()).toBe(0);
    });
    expect(await getMap(observer, 'bad-options').size()).toBe(0);
    expect(await getQueue(observer, 'bad-options').size()).toBe(0);
  });

  it('shutting the client down rolls back its running transactions and frees their locks', async () => {
    const leaving = await connect(cluster.current);
    const tx = newTransaction(leaving);
    await LockContext.run(async () => {
      await tx.begin();
      await tx.getMap<string, string>('shutdown-map').put('k', 'v');
    });
    expect(await getMap(observer, 'shutdown-map').isLocked('k')).toBe(true);
    await leaving.shutdown();
    expect(tx.state).toBe(TransactionState.ROLLED_BACK);
    expect(await getMap(observer, 'shutdown-map').isLocked('k')).toBe(false);
    expect(await getMap(observer, 'shutdown-map').containsKey('k')).toBe(false);
    await expect(LockContext.run(() => tx.commit())).rejects.toThrow(/rolled back: the client shut down/);
  });
});

describe('Transactions, unisocket routing', () => {
  it('commit and rollback work through the one connection', async () => {
    const unisocket = await connect(cluster.current, { network: { smartRouting: false } });
    try {
      await runInTransaction(unisocket, async (tx) => {
        expect(tx.memberUuid).toBe(clientContext(unisocket).cluster.connectedMemberUuids()[0]);
        await tx.getMap<string, string>('uni').put('k', 'v');
        expect(await getMap(observer, 'uni').containsKey('k')).toBe(false);
      });
      expect(await getMap(observer, 'uni').get('k')).toBe('v');
      await expect(
        runInTransaction(unisocket, async (tx) => {
          await tx.getMap<string, string>('uni').put('k', 'changed');
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      expect(await getMap(observer, 'uni').get('k')).toBe('v');
    } finally {
      await unisocket.shutdown();
    }
  });
});
