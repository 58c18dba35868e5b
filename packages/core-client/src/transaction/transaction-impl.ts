import {
  type ClientMessage,
  TransactionCommitCodec,
  TransactionCreateCodec,
  TransactionRollbackCodec,
  type Uuid,
  uuidToString,
} from '@hz/protocol';
import Long from 'long';
import type { ClientContext, InvokeOptions, PluginHost } from '../client/client-context';
import {
  AbortError,
  ClientNotActiveError,
  ClientOfflineError,
  IllegalArgumentError,
  TargetDisconnectedError,
  TransactionError,
  TransactionNotActiveError,
  TransactionTimedOutError,
} from '../errors/hazelcast-error';
import type { Connection } from '../network/connection';
import { currentThreadId } from '../proxy/lock-context';
import { checkOptions } from '../util/options';
import {
  type Transaction,
  type TransactionalList,
  type TransactionalMap,
  type TransactionalMultiMap,
  type TransactionalQueue,
  type TransactionalSet,
  type TransactionOptions,
  TransactionState,
  TransactionType,
} from './transaction';
import { TransactionalListProxy } from './transactional-list';
import { TransactionalMapProxy } from './transactional-map';
import { TransactionalMultiMapProxy } from './transactional-multimap';
import { TransactionalQueueProxy } from './transactional-queue';
import { TransactionalSetProxy } from './transactional-set';

const DEFAULT_TIMEOUT_MILLIS = 120_000;
const MAX_INT = 2 ** 31 - 1;
/** The keys of TransactionOptions, for checkOptions (`satisfies` keeps the list equal to the type). */
const TRANSACTION_OPTIONS = Object.keys({
  timeoutMillis: true,
  durability: true,
  type: true,
} satisfies Record<keyof TransactionOptions, true>);

/**
 * The members' ids of the transaction types (Java's TransactionOptions.TransactionType.getById). The
 * protocol's description of Transaction.create says the opposite (1 for two-phase), but members read 1 as
 * ONE_PHASE: sent 1, a transaction makes other clients' reads of its keys wait, which only ONE_PHASE does.
 */
const TYPE_IDS: Readonly<Record<TransactionType, number>> = { ONE_PHASE: 1, TWO_PHASE: 2 };

/** @internal What a transactional structure needs of its transaction. */
export interface TransactionPort {
  /** The id and lock owner to send; throws unless the transaction is active and used from its own flow. */
  active(): { readonly id: Uuid; readonly threadId: Long };
  /** Sends on the transaction's connection; a lost connection rolls the transaction back. */
  invoke(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage>;
}

/** Why the client ended a transaction by itself; later calls report it. */
type EndReason = 'timeout' | 'connection-lost' | 'shutdown';

/**
 * The client side of a transaction: the member keeps its state (the log, the locks), the client keeps which
 * member and which flow it belongs to, and its timeout.
 *
 * Binding. Transaction.create goes to one connection (the load balancer's pick) and every later request of
 * the transaction goes to that connection only (see #send), with the transaction id and the lock owner
 * ("thread id") of the flow that began it: the members lock keys for the pair (client, thread id), so two
 * transactions of one client must never share a thread id. A flow therefore runs one transaction at a time,
 * and a call from another flow is refused before anything is sent.
 *
 * Ending by itself. The member would keep an abandoned transaction's locks until its timeout, so the client
 * rolls back: when the timeout passes (a timer from begin()), when the client shuts down (a shutdown step,
 * while the connections are still open), and when the connection closes (the member then rolls the
 * transaction back itself or is gone; nothing can be sent).
 */
export class TransactionImpl implements Transaction, TransactionPort {
  readonly timeoutMillis: number;
  readonly durability: number;
  readonly type: TransactionType;
  readonly #host: ClientContext;
  #state: TransactionState = TransactionState.NOT_STARTED;
  #id: Uuid | undefined;
  #idText: string | null = null;
  #startTime: number | null = null;
  #threadId: Long | undefined;
  #connection: Connection | undefined;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #endReason: EndReason | undefined;
  #rollingBack: Promise<void> | undefined;
  /** Aborted when the connection the transaction began on is lost: ends every request of it in flight. */
  #bound = new AbortController();
  readonly #objects = new Map<string, unknown>();

  /** `where` names the call that creates the transaction in errors about its options. */
  constructor(host: ClientContext, options: TransactionOptions | undefined, where = 'newTransaction') {
    this.#host = host;
    const { timeoutMillis, durability, type } = resolveOptions(options, where);
    this.timeoutMillis = timeoutMillis;
    this.durability = durability;
    this.type = type;
  }

  get state(): TransactionState {
    return this.#state;
  }

  get id(): string | null {
    return this.#idText;
  }

  get startTime(): number | null {
    return this.#startTime;
  }

  get memberUuid(): string | null {
    return this.#connection?.memberUuid ?? null;
  }

  async begin(): Promise<void> {
    if (this.#state !== TransactionState.NOT_STARTED || this.#threadId !== undefined) {
      throw new TransactionError(`${this.#what()}: begin() was already called; a transaction begins once`);
    }
    const state = this.#host.lifecycle.state;
    if (state === 'SHUTTING_DOWN' || state === 'SHUTDOWN') {
      throw new ClientNotActiveError('Cannot begin a transaction: the client is shut down');
    }
    const threadId = currentThreadId();
    const running = activeTransactions(this.#host);
    const other = running.get(threadId.toString());
    if (other) {
      throw new TransactionError(
        `Cannot begin a transaction in this async flow: it already runs transaction ${other.id ?? '(beginning)'}. ` +
          'Nested transactions are not allowed; run each transaction in a flow of its own ' +
          '(runInTransaction does, or LockContext.run)',
      );
    }
    const connection = this.#host.connections.anyConnection();
    if (!connection) {
      throw new ClientOfflineError('Cannot begin a transaction: the client is not connected to any member');
    }
    this.#threadId = threadId;
    running.set(threadId.toString(), this);
    this.#connection = connection;
    // From here on, the loss of this connection ends the transaction and every request in flight.
    this.#unsubscribe = this.#host.on('connectionLost', ({ memberUuid }) => {
      if (memberUuid === connection.memberUuid) this.#lost();
    });
    const startTime = Date.now();
    let id: Uuid | null;
    try {
      const request = TransactionCreateCodec.encodeRequest(
        Long.fromNumber(this.timeoutMillis),
        this.durability,
        TYPE_IDS[this.type],
        threadId,
      );
      id = TransactionCreateCodec.decodeResponse(await this.#send(request)).response;
      if (id === null) throw new TransactionError('The member created a transaction without an id');
      if (!connection.alive) throw this.#connectionLost('while the transaction began');
    } catch (error) {
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
      this.#connection = undefined;
      const lost = this.#bound.signal.aborted && error instanceof AbortError;
      this.#bound = new AbortController();
      running.delete(threadId.toString());
      this.#threadId = undefined;
      throw lost
        ? new TargetDisconnectedError(
            `Cannot begin a transaction: the connection to member ${connection.memberUuid} closed`,
            { cause: error },
          )
        : error;
    }
    this.#id = id;
    this.#idText = uuidToString(id);
    this.#startTime = startTime;
    this.#state = TransactionState.ACTIVE;
    this.#timer = setTimeout(
      () => {
        if (this.#state === TransactionState.ACTIVE) void this.#rollBack('timeout');
      },
      Math.max(0, startTime + this.timeoutMillis - Date.now()),
    );
    // An abandoned transaction must not keep the process alive; its member times it out anyway.
    this.#timer.unref();
  }

  async commit(): Promise<void> {
    const { id, threadId } = this.active();
    this.#state = TransactionState.COMMITTING;
    this.#stopTimer();
    try {
      // The member prepares (TWO_PHASE) and commits in one request.
      await this.#send(TransactionCommitCodec.encodeRequest(id, threadId));
    } catch (error) {
      this.#state = TransactionState.COMMIT_FAILED;
      throw this.#bound.signal.aborted && error instanceof AbortError
        ? new TargetDisconnectedError(
            `${this.#what()}: the connection to its member ${this.memberUuid} closed during commit; the ` +
              'transaction may or may not have been committed',
            { cause: error },
          )
        : error;
    }
    this.#state = TransactionState.COMMITTED;
    this.#finish();
  }

  rollback(): Promise<void> {
    switch (this.#state) {
      case TransactionState.ROLLED_BACK:
        return Promise.resolve();
      case TransactionState.ROLLING_BACK:
        return this.#rollingBack ?? Promise.resolve();
      case TransactionState.ACTIVE:
      case TransactionState.COMMIT_FAILED: {
        const misuse = this.#foreignFlow();
        return misuse ? Promise.reject(misuse) : this.#rollBack(undefined);
      }
      default:
        return Promise.reject(this.#notActive());
    }
  }

  getMap<K, V>(name: string): TransactionalMap<K, V> {
    return this.#object('map', name, () => new TransactionalMapProxy<K, V>(this.#host, name, this));
  }

  getMultiMap<K, V>(name: string): TransactionalMultiMap<K, V> {
    return this.#object('multimap', name, () => new TransactionalMultiMapProxy<K, V>(this.#host, name, this));
  }

  getQueue<E>(name: string): TransactionalQueue<E> {
    return this.#object('queue', name, () => new TransactionalQueueProxy<E>(this.#host, name, this));
  }

  getList<E>(name: string): TransactionalList<E> {
    return this.#object('list', name, () => new TransactionalListProxy<E>(this.#host, name, this));
  }

  getSet<E>(name: string): TransactionalSet<E> {
    return this.#object('set', name, () => new TransactionalSetProxy<E>(this.#host, name, this));
  }

  /**
   * @internal rollback() was called (not a timeout, a lost member or shutdown): runInTransaction then commits
   * nothing.
   */
  get rolledBackByCaller(): boolean {
    return (
      (this.#state === TransactionState.ROLLED_BACK || this.#state === TransactionState.ROLLING_BACK) &&
      this.#endReason === undefined
    );
  }

  /** @internal */
  active(): { readonly id: Uuid; readonly threadId: Long } {
    if (this.#state !== TransactionState.ACTIVE) throw this.#notActive();
    const misuse = this.#foreignFlow();
    if (misuse) throw misuse;
    if (!this.#connection!.alive) {
      this.#lost();
      throw this.#notActive();
    }
    return { id: this.#id!, threadId: this.#threadId! };
  }

  /**
   * @internal A write waits on the member for its key's lock up to the transaction's timeout (then the member
   * gives up), so no request of a transaction is cut off by the invocation timeout before that.
   */
  async invoke(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage> {
    const timeoutMillis =
      options?.timeoutMillis ??
      this.timeoutMillis + this.#host.config.properties['hazelcast.client.invocation.timeout.millis'];
    try {
      return await this.#send(request, { ...options, timeoutMillis });
    } catch (error) {
      if (this.#bound.signal.aborted && error instanceof AbortError && !options?.signal?.aborted) {
        throw this.#connectionLost('before the answer arrived');
      }
      if (!this.#connection!.alive) this.#lost();
      throw error;
    }
  }

  /**
   * Sends to the member the transaction began on, over the connection it began on: the request goes to that
   * member's connection while it is the same one, and the transaction's signal, aborted when that connection
   * is lost, stops a request in flight from being resent on a new connection (the member knows the
   * transaction only on the connection that began it, and the client has already rolled it back).
   */
  #send(request: ClientMessage, options?: InvokeOptions): Promise<ClientMessage> {
    const connection = this.#connection!;
    const own = this.#bound.signal;
    const signal = options?.signal ? AbortSignal.any([options.signal, own]) : own;
    return this.#host.invokeOnMember(request, connection.memberUuid!, { ...options, signal });
  }

  #connectionLost(when: string): TransactionNotActiveError {
    return new TransactionNotActiveError(
      `${this.#what()} was rolled back: the connection to its member ${this.memberUuid} was lost${when ? ` ${when}` : ''}`,
    );
  }

  /** @internal Client shutdown: roll back while the connection is still open. */
  shutdown(): Promise<void> {
    if (this.#state === TransactionState.ACTIVE || this.#state === TransactionState.COMMIT_FAILED) {
      return this.#rollBack('shutdown');
    }
    return this.#rollingBack ?? Promise.resolve();
  }

  #object<T>(kind: string, name: string, create: () => T): T {
    if (typeof name !== 'string' || name.length === 0) {
      throw new IllegalArgumentError(
        `${this.#what()}: a transactional ${kind} name must be a non-empty string, got ${JSON.stringify(name)}`,
      );
    }
    this.active();
    const key = `${kind}/${name}`;
    let object = this.#objects.get(key) as T | undefined;
    if (!object) {
      object = create();
      this.#objects.set(key, object);
    }
    return object;
  }

  /** Rolls back on the member (if it can still be reached) and ends the transaction; never rejects. */
  #rollBack(reason: EndReason | undefined): Promise<void> {
    this.#state = TransactionState.ROLLING_BACK;
    this.#endReason = reason;
    this.#stopTimer();
    const connection = this.#connection!;
    const request = TransactionRollbackCodec.encodeRequest(this.#id!, this.#threadId!);
    this.#rollingBack = (async () => {
      if (connection.alive) {
        try {
          await this.#send(request);
        } catch (error) {
          // The member rolls back a transaction it cannot finish (its timeout, or its client gone).
          this.#host.logger.debug(
            'Transaction',
            `rolling back transaction ${this.#idText} failed: ${(error as Error).message}`,
          );
        }
      }
      this.#state = TransactionState.ROLLED_BACK;
      this.#finish();
    })();
    return this.#rollingBack;
  }

  /** The connection to the coordinating member closed: the transaction is over. */
  #lost(): void {
    if (!this.#bound.signal.aborted) this.#bound.abort();
    if (this.#state !== TransactionState.ACTIVE) return;
    this.#state = TransactionState.ROLLED_BACK;
    this.#endReason = 'connection-lost';
    this.#finish();
  }

  #finish(): void {
    this.#stopTimer();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const running = activeTransactions(this.#host);
    const key = this.#threadId!.toString();
    if (running.get(key) === this) running.delete(key);
  }

  #stopTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #foreignFlow(): TransactionError | undefined {
    if (currentThreadId().equals(this.#threadId!)) return undefined;
    return new TransactionError(
      `${this.#what()} was used from another async flow than the one that began it; a transaction belongs ` +
        'to its flow (run the work inside the LockContext.run or runInTransaction callback that began it)',
    );
  }

  #notActive(): TransactionError {
    const what = this.#what();
    switch (this.#state) {
      case TransactionState.NOT_STARTED:
        return new TransactionNotActiveError(`${what} is not begun; call begin() first`);
      case TransactionState.COMMITTING:
        return new TransactionNotActiveError(`${what} is committing`);
      case TransactionState.COMMITTED:
        return new TransactionNotActiveError(`${what} is committed; it cannot be used any more`);
      case TransactionState.COMMIT_FAILED:
        return new TransactionNotActiveError(`${what} failed to commit; roll it back`);
      default:
        switch (this.#endReason) {
          case 'timeout':
            return new TransactionTimedOutError(
              `${what} timed out: it was not committed within its timeoutMillis (${this.timeoutMillis} ms) ` +
                'and was rolled back',
            );
          case 'connection-lost':
            return this.#connectionLost('');
          case 'shutdown':
            return new TransactionNotActiveError(`${what} was rolled back: the client shut down`);
          default:
            return new TransactionNotActiveError(`${what} is rolled back; it cannot be used any more`);
        }
    }
  }

  #what(): string {
    return this.#idText ? `Transaction ${this.#idText}` : 'The transaction';
  }
}

function resolveOptions(
  options: TransactionOptions | undefined,
  where: string,
): Required<TransactionOptions> {
  if (options !== undefined) {
    // null is refused here (not taken as "no options"), as it always was.
    if (options === null) throw new IllegalArgumentError(`${where}: options must be an object, got null`);
    checkOptions(options, TRANSACTION_OPTIONS, where);
  }
  const {
    timeoutMillis = DEFAULT_TIMEOUT_MILLIS,
    durability = 1,
    type = TransactionType.TWO_PHASE,
  } = options ?? {};
  if (typeof timeoutMillis !== 'number' || !Number.isSafeInteger(timeoutMillis) || timeoutMillis <= 0) {
    throw new IllegalArgumentError(
      `Transaction option timeoutMillis must be a whole number of milliseconds > 0, got ${String(timeoutMillis)}`,
    );
  }
  if (
    typeof durability !== 'number' ||
    !Number.isInteger(durability) ||
    durability < 0 ||
    durability > MAX_INT
  ) {
    throw new IllegalArgumentError(
      `Transaction option durability must be a whole number >= 0, got ${String(durability)}`,
    );
  }
  if (type !== TransactionType.TWO_PHASE && type !== TransactionType.ONE_PHASE) {
    throw new IllegalArgumentError(
      `Transaction option type must be 'TWO_PHASE' or 'ONE_PHASE', got ${JSON.stringify(type)}`,
    );
  }
  return { timeoutMillis, durability, type };
}

/**
 * The transactions running per client, by the thread id of their flow. The first transaction of a client
 * registers the shutdown step that rolls back whatever still runs when the client shuts down.
 */
const running = new WeakMap<PluginHost, Map<string, TransactionImpl>>();

function activeTransactions(host: PluginHost): Map<string, TransactionImpl> {
  let transactions = running.get(host);
  if (!transactions) {
    const created = new Map<string, TransactionImpl>();
    transactions = created;
    running.set(host, created);
    host.onShutdown(async () => {
      await Promise.all([...created.values()].map((transaction) => transaction.shutdown()));
    });
  }
  return transactions;
}
