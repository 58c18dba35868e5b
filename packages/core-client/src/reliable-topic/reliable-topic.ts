import type { HazelcastError } from '../errors/hazelcast-error';
import type { Message } from '../listener/message-listener';
import type { DistributedObject } from '../proxy/proxy-manager';
import type { Int64, Int64Input } from '../util/int64';

/**
 * What `publish` does when the topic's ringbuffer is full of messages that are still within their time to
 * live (configured per topic: `reliableTopics: { name: { overloadPolicy } }`). Without a time to live on
 * the ringbuffer nothing is ever "full": the oldest messages are overwritten whatever the policy.
 */
export const TopicOverloadPolicy = {
  /** Wait, retrying with a growing pause (100 ms up to 2 s), until there is room (the default). */
  BLOCK: 'BLOCK',
  /** Fail the publish with TopicOverloadError; nothing is stored. */
  ERROR: 'ERROR',
  /** Overwrite the oldest message, even though a slow listener may not have read it yet. */
  DISCARD_OLDEST: 'DISCARD_OLDEST',
  /** Drop the new message; the publish resolves as if it had been stored. */
  DISCARD_NEWEST: 'DISCARD_NEWEST',
} as const;
export type TopicOverloadPolicy = (typeof TopicOverloadPolicy)[keyof typeof TopicOverloadPolicy];

/** A reliable topic message: a topic message plus its place in the topic's ringbuffer. */
export interface ReliableMessage<E> extends Message<E> {
  /** The message's sequence in the ringbuffer; store it to resume from there later. */
  readonly sequence: Int64;
}

/**
 * A listener that controls where it starts, remembers where it is, and decides what happens on message
 * loss and errors. Only `onMessage` is required; the defaults are those of a plain function listener.
 *
 * The listener sees every message in the order of the ringbuffer, one at a time (an `onMessage` that
 * returns a promise is awaited before the next message), with no duplicates; gaps happen only when it is
 * slower than the ringbuffer overwrites (see `isLossTolerant`).
 */
export interface ReliableMessageListener<E> {
  onMessage(message: ReliableMessage<E>): void | Promise<void>;
  /**
   * Where to start: -1 (the default) for the next message published after registration, or a stored
   * sequence to resume a durable subscription (the stored one + 1 to not see it again).
   */
  retrieveInitialSequence?(): Int64Input;
  /** Called with each message's sequence before `onMessage`, so it can be stored. */
  storeSequence?(sequence: Int64): void;
  /**
   * Whether the listener goes on after losing messages: unread messages were overwritten (it continues from
   * the oldest message still stored), or the ringbuffer lost its data, as in a cluster restart (it continues
   * with the next message published). Default false: it stops, and `onCancel` gets a StaleSequenceError.
   */
  isLossTolerant?(): boolean;
  /** Whether an error thrown (or rejected) by `onMessage` stops the listener. Default false: it goes on. */
  isTerminal?(error: unknown): boolean;
  /**
   * The listener stopped: `null` when it was removed (removeMessageListener, destroy), otherwise why it
   * stopped (StaleSequenceError on message loss, the error `isTerminal` accepted, ClientNotActiveError at
   * shutdown, …).
   */
  onCancel?(reason: HazelcastError | Error | null): void;
}

export interface ReliablePublishOptions {
  /**
   * Gives up waiting for room in a full ringbuffer (overload policy BLOCK): the publish rejects with
   * AbortError and the message was not published. A write already sent when the signal aborts is waited
   * for; if it was stored, the publish resolves.
   */
  signal?: AbortSignal;
}

export interface ReliableMessagesOptions {
  /**
   * Ends the iteration: the pending `next()` rejects with AbortError. Reading consumes nothing, so no
   * message is lost: a new iteration from the last yielded `sequence + 1` (or from `nextSequence` of the
   * iterator) sees every later message.
   */
  signal?: AbortSignal;
  /** Where to start; -1 (the default) for the next message published after `messages()` was called. */
  initialSequence?: Int64Input;
  /**
   * Go on after losing messages (as `isLossTolerant` of a listener). Default false: the iteration throws
   * StaleSequenceError.
   */
  lossTolerant?: boolean;
}

/** The iterator `messages()` returns. */
export interface ReliableMessageIterator<E> extends AsyncIterableIterator<ReliableMessage<E>> {
  /**
   * The sequence of the next message this iterator would yield (known once it has started; the start
   * sequence until the first message). Resume an ended iteration from here to miss nothing.
   */
  readonly nextSequence: Int64 | null;
  /** Ends the iteration (what `break` in `for await` calls): a pending read is given up. */
  return(): Promise<IteratorResult<ReliableMessage<E>>>;
}

/**
 * A topic whose messages are stored in a ringbuffer (`_hz_rb_<name>` on the members, configured with a
 * `<ringbuffer>` of the topic's name): listeners read at their own pace, can resume where they left off,
 * and lose messages only if the ringbuffer overwrites them first. The publisher's side is configured per
 * topic in `reliableTopics` (read batch size, overload policy).
 */
export interface ReliableTopic<E> extends DistributedObject {
  /** Publishes a message; when the ringbuffer is full, the overload policy decides. */
  publish(message: E, options?: ReliablePublishOptions): Promise<void>;
  /** Publishes up to 1,000 messages in order, in one request, all or (BLOCK, ERROR) none. */
  publishAll(messages: Iterable<E>, options?: ReliablePublishOptions): Promise<void>;
  /**
   * Starts a listener; resolves with its id once its start sequence is known (messages published after
   * that are delivered). A function is a listener with the defaults: from the next message, not loss
   * tolerant, never stopped by its own errors.
   */
  addMessageListener(
    listener: ReliableMessageListener<E> | ((message: ReliableMessage<E>) => void | Promise<void>),
  ): Promise<string>;
  /** Stops a listener; false when the id is unknown or the listener already stopped. */
  removeMessageListener(registrationId: string): Promise<boolean>;
  /**
   * The messages as an async iterator: `for await (const m of topic.messages({ signal }))`. Reads batches
   * of `readBatchSize` ahead only when the previous batch has been yielded; `break` stops reading.
   */
  messages(options?: ReliableMessagesOptions): ReliableMessageIterator<E>;
}

export const RELIABLE_TOPIC_SERVICE_NAME = 'hz:impl:reliableTopicService';
/** The ringbuffer behind reliable topic `t` is `_hz_rb_t`. */
export const RELIABLE_TOPIC_RINGBUFFER_PREFIX = '_hz_rb_';
