import type Long from 'long';
import { ClientNotActiveError } from '../errors/hazelcast-error';
import type { ReliableMessage, ReliableMessageListener } from './reliable-topic';
import { readBatch, type TopicSource, toMessage } from './topic-reader';

/** A listener with every optional part filled in. */
export interface ResolvedListener<E> {
  onMessage(message: ReliableMessage<E>): void | Promise<void>;
  storeSequence(sequence: ReliableMessage<E>['sequence']): void;
  readonly lossTolerant: boolean;
  isTerminal(error: unknown): boolean;
  onCancel(reason: Error | null): void;
}

export function resolveListener<E>(
  listener: ReliableMessageListener<E> | ((message: ReliableMessage<E>) => void | Promise<void>),
): ResolvedListener<E> {
  if (typeof listener === 'function') {
    return {
      onMessage: listener,
      storeSequence: () => {},
      lossTolerant: false,
      isTerminal: () => false,
      onCancel: () => {},
    };
  }
  return {
    onMessage: (message) => listener.onMessage(message),
    storeSequence: (sequence) => listener.storeSequence?.(sequence),
    lossTolerant: listener.isLossTolerant?.() ?? false,
    isTerminal: (error) => listener.isTerminal?.(error) ?? false,
    onCancel: (reason) => listener.onCancel?.(reason),
  };
}

/**
 * Runs one listener: reads a batch, hands its messages to the listener one at a time (awaiting each), and
 * reads the next batch from where that one ended, until it is cancelled or a terminal error stops it.
 */
export class ListenerRunner<E> {
  readonly #source: TopicSource;
  readonly #listener: ResolvedListener<E>;
  readonly #onStop: () => void;
  readonly #controller = new AbortController();
  readonly #cursor: { sequence: Long; readonly lossTolerant: boolean };
  #stopped = false;

  constructor(source: TopicSource, listener: ResolvedListener<E>, start: Long, onStop: () => void) {
    this.#source = source;
    this.#listener = listener;
    this.#onStop = onStop;
    this.#cursor = { sequence: start, lossTolerant: listener.lossTolerant };
  }

  start(): void {
    void this.#run();
  }

  /** Stops the listener without an error (removeMessageListener, destroy); false if it had stopped. */
  cancel(): boolean {
    return this.#stop(null);
  }

  async #run(): Promise<void> {
    const signal = this.#controller.signal;
    while (!this.#stopped) {
      let batch: Awaited<ReturnType<typeof readBatch>>;
      try {
        batch = await readBatch(this.#source, this.#cursor, signal);
      } catch (error) {
        if (!this.#stopped) this.#stop(error as Error);
        return;
      }
      for (let i = 0; i < batch.items.length; i++) {
        if (this.#stopped) return;
        try {
          const message = await toMessage<E>(this.#source, batch.items[i]!, batch.sequences[i]!);
          if (this.#stopped) return;
          this.#listener.storeSequence(message.sequence);
          await this.#listener.onMessage(message);
        } catch (error) {
          if (this.#stopped) return;
          if (this.#terminal(error)) {
            this.#stop(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          this.#source.host.logger.warn(
            'ReliableTopic',
            `a message listener of reliable topic ${this.#source.topicName} threw; it goes on`,
            error,
          );
        }
      }
      this.#cursor.sequence = batch.nextSequence;
    }
  }

  #terminal(error: unknown): boolean {
    try {
      return this.#listener.isTerminal(error);
    } catch (checkError) {
      this.#source.host.logger.warn(
        'ReliableTopic',
        `isTerminal of a listener of reliable topic ${this.#source.topicName} threw; the listener stops`,
        checkError,
      );
      return true;
    }
  }

  #stop(reason: Error | null): boolean {
    if (this.#stopped) return false;
    this.#stopped = true;
    this.#controller.abort();
    this.#onStop();
    if (reason instanceof ClientNotActiveError) {
      this.#source.host.logger.debug(
        'ReliableTopic',
        `a listener of ${this.#source.topicName} stopped: shutdown`,
      );
    } else if (reason) {
      this.#source.host.logger.warn(
        'ReliableTopic',
        `a message listener of reliable topic ${this.#source.topicName} stopped: ${reason.message}`,
      );
    }
    try {
      this.#listener.onCancel(reason);
    } catch (error) {
      this.#source.host.logger.warn('ReliableTopic', 'onCancel of a reliable topic listener threw', error);
    }
    return true;
  }
}
