import { HazelcastError } from './hazelcast-error';

/**
 * Malformed or unexpected bytes on the wire: a frame that is too short, a length beyond the configured
 * limits, a missing frame, a structure that does not match the codec. Every decoder throws only this type
 * for bad input.
 */
export class HazelcastProtocolError extends HazelcastError {
  override name = 'HazelcastProtocolError';
}

export function protocolError(message: string): never {
  throw new HazelcastProtocolError(message);
}
