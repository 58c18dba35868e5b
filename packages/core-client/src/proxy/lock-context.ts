import { AsyncLocalStorage } from 'node:async_hooks';
import Long from 'long';

/**
 * Who owns a map lock. Members identify lock owners by (client, thread id); JavaScript has no threads, so
 * the "thread" is the async flow: code run inside `LockContext.run(fn)` gets its own owner id, which every
 * await inside `fn` keeps (AsyncLocalStorage). Two flows run concurrently in one client are two owners and
 * block each other as two Java threads would. Code outside any `run` shares the client-wide default owner,
 * as in the official Node.js client.
 */
const storage = new AsyncLocalStorage<Long>();
let nextThreadId = 2; // 1 is the default owner

const DEFAULT_THREAD_ID = Long.ONE;

export const LockContext = {
  /** Runs `fn` as a lock owner of its own; locks it takes are released by unlock() calls inside it. */
  run<T>(fn: () => T): T {
    return storage.run(Long.fromNumber(nextThreadId++), fn);
  },
} as const;

/** Package-internal. The thread id to send with lock-aware map operations. */
export function currentThreadId(): Long {
  return storage.getStore() ?? DEFAULT_THREAD_ID;
}

let nextReferenceId = 1;

/**
 * Package-internal. A fresh reference id for a lock or unlock request: it stays the same across retries of one
 * call, so the member recognises a resent request instead of applying it twice.
 */
export function nextLockReferenceId(): Long {
  return Long.fromNumber(nextReferenceId++);
}
