import type Long from 'long';
import type { DataBytes, PluginHost } from '../client/client-context';
import {
  AbortError,
  ClientNotActiveError,
  ClientOfflineError,
  IllegalArgumentError,
  OperationTimeoutError,
  StaleSequenceError,
} from '../errors/hazelcast-error';
import type { RawReadResult, RingbufferProxy } from '../ringbuffer/ringbuffer-proxy';
import type { ReliableMessage } from './reliable-topic';
import { decodeReliableTopicMessage } from './reliable-topic-message';

/** What a reader of a reliable topic needs: its ringbuffer and how to turn items into messages. */
export interface TopicSource {
  readonly host: PluginHost;
  readonly topicName: string;
  readonly ringbuffer: RingbufferProxy<unknown>;
  readonly batchSize: number;
  readonly bigEndian: boolean;
}

/** @internal One batch read at `sequence`: its items and where the next read starts. */
export interface Batch {
  readonly items: DataBytes[];
  readonly sequences: Long[];
  readonly nextSequence: Long;
}

/**
 * Reads the next batch (at least one message) at `cursor.sequence`, waiting as long as it takes. Transient
 * failures are retried from the same sequence (a member-side timeout, the client being offline); lost
 * messages either move the cursor to the oldest stored message (loss tolerant) or fail with
 * StaleSequenceError. Everything else, and the signal, ends the read with its error.
 */
export async function readBatch(
  source: TopicSource,
  cursor: { sequence: Long; readonly lossTolerant: boolean },
  signal: AbortSignal,
): Promise<Batch> {
  const { host, ringbuffer, topicName } = source;
  for (;;) {
    let result: RawReadResult;
    try {
      result = await ringbuffer.readManyData(cursor.sequence, 1, source.batchSize, null, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      if (error instanceof OperationTimeoutError) continue;
      if (error instanceof ClientOfflineError) {
        await whenConnected(host, signal);
        continue;
      }
      // The member has nothing at this sequence: older than the head (StaleSequence), or beyond the tail
      // because the ringbuffer lost its data (a cluster restart, a partition lost with all its replicas).
      if (error instanceof StaleSequenceError || error instanceof IllegalArgumentError) {
        if (!cursor.lossTolerant) {
          throw new StaleSequenceError(
            `Reliable topic ${topicName}: sequence ${cursor.sequence} is no longer available in ringbuffer ${ringbuffer.getName()} (${(error as Error).message}); the listener is not loss tolerant, so it stops`,
            { cause: error },
          );
        }
        const head = await ringbuffer.headSequenceLong();
        host.logger.debug(
          'ReliableTopic',
          `topic ${topicName}: sequence ${cursor.sequence} is gone, continuing from the head ${head}`,
        );
        cursor.sequence = head;
        continue;
      }
      throw error;
    }
    // The member reads from the nearest stored sequence: the head when ours was overwritten (lost > 0),
    // the tail + 1 when ours is beyond the tail because the ringbuffer lost its data (lost < 0).
    const readFrom = result.nextSequence.subtract(result.readCount);
    const lost = readFrom.subtract(cursor.sequence);
    if (!lost.isZero()) {
      const what = lost.greaterThan(0)
        ? `${lost} message(s) from sequence ${cursor.sequence} were overwritten before they were read`
        : `sequence ${cursor.sequence} is beyond the end of ringbuffer ${ringbuffer.getName()}, which now continues at ${readFrom}: its messages were lost (a cluster restart, or every replica lost)`;
      if (!cursor.lossTolerant) {
        throw new StaleSequenceError(
          `Reliable topic ${topicName}: ${what}; the listener is not loss tolerant, so it stops`,
        );
      }
      host.logger.debug('ReliableTopic', `topic ${topicName}: ${what}; going on from ${readFrom}`);
    }
    return { items: result.items, sequences: result.sequences, nextSequence: result.nextSequence };
  }
}

/** A ringbuffer item as the message a listener receives. */
export async function toMessage<E>(
  source: TopicSource,
  item: DataBytes,
  sequence: Long,
): Promise<ReliableMessage<E>> {
  const { host } = source;
  const stored = decodeReliableTopicMessage(item, source.bigEndian);
  const publisher = stored.publisher;
  const member = publisher
    ? (host.cluster
        .getMembers()
        .find((m) => m.address.port === publisher.port && m.address.host === publisher.host) ?? null)
    : null;
  return {
    name: source.topicName,
    message: (await host.toObject<E>(stored.payload)) as E,
    publishTime: host.int64(stored.publishTime),
    member,
    sequence: host.int64(sequence),
  };
}

/** Resolves once the client has a connection again; rejects on abort or shutdown. */
function whenConnected(host: PluginHost, signal: AbortSignal): Promise<void> {
  if (host.cluster.connectedMemberUuids().length > 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      offConnection();
      offLifecycle();
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => done(new AbortError('The operation was aborted', { cause: signal.reason }));
    const offConnection = host.on('connectionAdded', () => done());
    const offLifecycle = host.on('lifecycle', (state) => {
      if (state === 'SHUTTING_DOWN' || state === 'SHUTDOWN') {
        done(new ClientNotActiveError('The client is shutting down'));
      }
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
