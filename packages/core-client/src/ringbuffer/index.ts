import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { createRingbuffer } from './create';
import { RINGBUFFER_SERVICE_NAME, type Ringbuffer } from './ringbuffer';

/** The ringbuffer `name` (configured on the members: `<ringbuffer name="…"><capacity>…`). */
export function getRingbuffer<E>(client: HazelcastClient, name: string): Ringbuffer<E> {
  return contextOf(client).proxies.getOrCreate(
    RINGBUFFER_SERVICE_NAME,
    name,
    createRingbuffer,
  ) as Ringbuffer<E>;
}

export {
  OverflowPolicy,
  type ReadResult,
  RINGBUFFER_MAX_BATCH_SIZE,
  type Ringbuffer,
  type RingbufferAddOptions,
  type RingbufferReadManyOptions,
  type RingbufferReadOneOptions,
} from './ringbuffer';
