import {
  type ClientMessage,
  randomUuid,
  TransactionalMapPutCodec,
  TransactionalQueuePollCodec,
  TransactionCommitCodec,
  TransactionCreateCodec,
  TransactionRollbackCodec,
  uuidToString,
} from '@hz/protocol';
import Long from 'long';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientContext, PluginEvents } from '../client/client-context';
import { AbortError, TransactionNotActiveError, TransactionTimedOutError } from '../errors/hazelcast-error';
import { LockContext } from '../proxy/lock-context';
import { TransactionImpl } from './transaction-impl';

// The wire side of a transaction against a fake host (the behaviour against members is in
// test/transaction*.int.test.ts): what Transaction.create carries, and that every request goes to the
// transaction's one connection with its id and lock owner.

interface Sent {
  readonly request: ClientMessage;
  /** The member it was sent to. */
  readonly connection: string;
}

function fakeHost() {
  const connection = { id: 7, memberUuid: 'aaaaaaaa-0000-4000-8000-000000000001', alive: true };
  const other = { id: 8, memberUuid: 'bbbbbbbb-0000-4000-8000-000000000002', alive: true };
  const txnId = randomUuid();
  const sent: Sent[] = [];
  const handlers: Array<PluginEvents['connectionLost']> = [];
  let queueItems = [Buffer.from('item')];
  let hangPolls = false;
  const host = {
    config: { properties: { 'hazelcast.client.invocation.timeout.millis': 120_000 } },
    logger: { debug() {}, warn() {} },
    lifecycle: { state: 'CONNECTED' },
    connections: { anyConnection: () => connection },
    toData: (value: unknown) => Buffer.from(JSON.stringify(value)),
    toObject: async (data: Buffer | null) => (data === null ? null : data.toString()),
    on: (event: string, handler: PluginEvents['connectionLost']) => {
      if (event === 'connectionLost') handlers.push(handler);
      return () => handlers.splice(handlers.indexOf(handler), 1);
    },
    onShutdown() {},
    invokeOnMember: async (request: ClientMessage, memberUuid: string, options: { signal?: AbortSignal }) => {
      expect(options.signal).toBeInstanceOf(AbortSignal);
      sent.push({ request, connection: memberUuid });
      switch (request.messageType) {
        case TransactionCreateCodec.REQUEST_MESSAGE_TYPE:
          return TransactionCreateCodec.encodeResponse({ response: txnId });
        case TransactionalMapPutCodec.REQUEST_MESSAGE_TYPE:
          return TransactionalMapPutCodec.encodeResponse({ response: null });
        case TransactionalQueuePollCodec.REQUEST_MESSAGE_TYPE: {
          if (hangPolls) {
            // A wait on the member that the lost connection will never answer.
            return new Promise((_, reject) =>
              options.signal?.addEventListener('abort', () => reject(new AbortError('aborted'))),
            );
          }
          const [item, ...rest] = queueItems;
          queueItems = rest;
          return TransactionalQueuePollCodec.encodeResponse({ response: item ?? null });
        }
        case TransactionCommitCodec.REQUEST_MESSAGE_TYPE:
          return TransactionCommitCodec.encodeResponse();
        default:
          return TransactionRollbackCodec.encodeResponse();
      }
    },
  };
  return {
    host: host as unknown as ClientContext,
    connection,
    other,
    txnId,
    sent,
    hang() {
      hangPolls = true;
    },
    loseConnection(memberUuid: string) {
      for (const handler of [...handlers]) handler({ memberUuid, reason: new Error('gone') });
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Transaction on the wire', () => {
  it('Transaction.create carries timeout, durability, the members’ type id and the flow’s lock owner', async () => {
    for (const [type, id] of [
      ['TWO_PHASE', 2],
      ['ONE_PHASE', 1],
    ] as const) {
      const fake = fakeHost();
      await LockContext.run(async () => {
        const tx = new TransactionImpl(fake.host, { timeoutMillis: 30_000, durability: 2, type });
        await tx.begin();
        const create = TransactionCreateCodec.decodeRequest(fake.sent[0]!.request);
        expect(create.timeout.toNumber()).toBe(30_000);
        expect(create.durability).toBe(2);
        expect(create.transactionType).toBe(id);
        // The flow's own lock owner: not the client-wide default (1).
        expect(create.threadId.greaterThan(Long.ONE)).toBe(true);
        expect(tx.id).toBe(uuidToString(fake.txnId));
        expect(tx.memberUuid).toBe(fake.connection.memberUuid);
        await tx.rollback();
      });
    }
    // Defaults: 120 s, durability 1, TWO_PHASE.
    const fake = fakeHost();
    await LockContext.run(() => new TransactionImpl(fake.host, undefined).begin());
    const create = TransactionCreateCodec.decodeRequest(fake.sent[0]!.request);
    expect([create.timeout.toNumber(), create.durability, create.transactionType]).toEqual([120_000, 1, 2]);
  });

  it('every request goes to the one connection with the transaction id and lock owner', async () => {
    const fake = fakeHost();
    await LockContext.run(async () => {
      const tx = new TransactionImpl(fake.host, {});
      await tx.begin();
      const threadId = TransactionCreateCodec.decodeRequest(fake.sent[0]!.request).threadId;
      await tx.getMap('m').put('k', 'v', { ttl: 5_000 });
      expect(await tx.getQueue('q').poll()).toBe('item');
      await tx.commit();
      expect(fake.sent.map((s) => s.connection)).toEqual(Array(4).fill(fake.connection.memberUuid));
      const put = TransactionalMapPutCodec.decodeRequest(fake.sent[1]!.request);
      expect(uuidToString(put.txnId!)).toBe(uuidToString(fake.txnId));
      expect(put.threadId.equals(threadId)).toBe(true);
      expect(put.ttl.toNumber()).toBe(5_000);
      const poll = TransactionalQueuePollCodec.decodeRequest(fake.sent[2]!.request);
      expect(poll.timeout.toNumber()).toBe(0);
      const commit = TransactionCommitCodec.decodeRequest(fake.sent[3]!.request);
      expect(uuidToString(commit.transactionId!)).toBe(uuidToString(fake.txnId));
      expect(commit.threadId.equals(threadId)).toBe(true);
    });
  });

  it('the timeout rolls back on the member; later calls fail with TransactionTimedOutError', async () => {
    vi.useFakeTimers();
    const fake = fakeHost();
    await LockContext.run(async () => {
      const tx = new TransactionImpl(fake.host, { timeoutMillis: 1_000 });
      await tx.begin();
      await vi.advanceTimersByTimeAsync(999);
      expect(tx.state).toBe('ACTIVE');
      await vi.advanceTimersByTimeAsync(1);
      expect(tx.state).toBe('ROLLED_BACK');
      const rollback = fake.sent.at(-1)!.request;
      expect(rollback.messageType).toBe(TransactionRollbackCodec.REQUEST_MESSAGE_TYPE);
      await expect(tx.commit()).rejects.toBeInstanceOf(TransactionTimedOutError);
      await expect(tx.rollback()).resolves.toBeUndefined();
      expect(fake.sent).toHaveLength(2);
    });
  });

  it('losing the connection to its member ends the transaction without sending anything', async () => {
    const fake = fakeHost();
    await LockContext.run(async () => {
      const tx = new TransactionImpl(fake.host, {});
      await tx.begin();
      const map = tx.getMap('m');
      fake.loseConnection(fake.other.memberUuid);
      expect(tx.state).toBe('ACTIVE');
      fake.loseConnection(fake.connection.memberUuid);
      expect(tx.state).toBe('ROLLED_BACK');
      await expect(map.put('k', 'v')).rejects.toThrow(TransactionNotActiveError);
      await expect(tx.commit()).rejects.toThrow(/connection to its member aaaaaaaa-.* was lost/);
      expect(fake.sent).toHaveLength(1);
    });
  });

  it('a request in flight when the connection is lost rejects at once and is never resent', async () => {
    const fake = fakeHost();
    await LockContext.run(async () => {
      const tx = new TransactionImpl(fake.host, {});
      await tx.begin();
      fake.hang();
      const polled = tx.getQueue('q').poll({ timeout: 500 });
      await vi.waitFor(() => expect(fake.sent).toHaveLength(2));
      fake.loseConnection(fake.connection.memberUuid);
      await expect(polled).rejects.toThrow(
        /was rolled back: the connection to its member .* was lost before the answer arrived/,
      );
      expect(fake.sent).toHaveLength(2);
    });
  });
});
