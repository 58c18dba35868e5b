import type { Member } from '../cluster/member';
import type { Int64 } from '../util/int64';

// What Topic and ReliableTopic listeners receive; shared here so neither structure imports the other.

/** One message as a topic listener receives it. */
export interface Message<E> {
  /** The topic's name. */
  readonly name: string;
  /** What was published. */
  readonly message: E;
  /** When it was published, in epoch milliseconds (the member's clock for a Topic, the publisher's for a ReliableTopic). */
  readonly publishTime: Int64;
  /**
   * The member that published it. For a message a client published: on a Topic the member that took it
   * from the client; on a ReliableTopic null (clients record no member there). Null too when that member
   * has left the cluster since.
   */
  readonly member: Member | null;
}

/** Receives a topic's messages: a function, or an object with `onMessage`. */
export type MessageListener<E> = ((message: Message<E>) => void) | { onMessage(message: Message<E>): void };

/** The listener's callback, or an error naming what was given instead. */
export function messageCallback<E>(
  listener: MessageListener<E>,
  fail: (message: string) => Error,
): (message: Message<E>) => unknown {
  if (typeof listener === 'function') return listener;
  if (typeof listener === 'object' && listener !== null && typeof listener.onMessage === 'function') {
    return (message) => listener.onMessage(message);
  }
  throw fail(
    `a message listener must be a function or an object with onMessage(message), got ${String(listener)}`,
  );
}
