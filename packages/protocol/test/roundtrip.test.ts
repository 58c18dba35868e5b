import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../src/client-message';
import { REFERENCE_MESSAGES, type ReferenceMessage } from '../src/generated/reference/reference-table';
import { ClientMessageReader } from '../src/reader';
import { encodeMessage } from '../src/writer';
import { RandomValues } from './support/random-values';
import { prng } from './support/streams';

const ROUNDS = 4;

function encode(entry: ReferenceMessage, values: Record<string, unknown>): ClientMessage {
  if (entry.kind === 'request') return entry.codec.encodeRequest(...entry.params.map((p) => values[p.name]));
  if (entry.kind === 'response') return entry.codec.encodeResponse(values);
  return entry.codec[`encode${entry.event}`](values);
}

function decode(entry: ReferenceMessage, message: ClientMessage): unknown {
  if (entry.kind === 'request') return entry.codec.decodeRequest(message);
  if (entry.kind === 'response') return entry.codec.decodeResponse(message);
  return entry.codec[`decode${entry.event}`](message);
}

describe('random round trips', () => {
  it(`every message kind decodes what it encoded (${ROUNDS} random values each, through bytes)`, () => {
    const values = new RandomValues(prng(7));
    let checked = 0;
    for (const entry of REFERENCE_MESSAGES) {
      for (let round = 0; round < ROUNDS; round++) {
        const input = values.params(entry.params);
        const bytes = encodeMessage(encode(entry, input));
        const [message] = new ClientMessageReader().read(bytes);
        expect(message!.messageType).toBe(entry.messageType);
        expect(decode(entry, message!), `${entry.service}.${entry.method} ${entry.kind}`).toEqual(input);
        checked++;
      }
    }
    console.log(`round trips: ${checked} messages`);
  });
});
