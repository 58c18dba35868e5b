// Mutated and random inputs to the reader and every decoder: each input either decodes or throws
// HazelcastProtocolError. HZ_FUZZ_ITERATIONS raises the count for long runs.
import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../src/client-message';
import { decodeErrorResponse } from '../src/errors/error-response';
import { HazelcastProtocolError } from '../src/errors/protocol-error';
import type { Frame } from '../src/frame';
import { REFERENCE_MESSAGES, type ReferenceMessage } from '../src/generated/reference/reference-table';
import { ClientMessageReader } from '../src/reader';
import { encodeMessage } from '../src/writer';
import { goldenMessages, prng, randomInt } from './support/streams';

const ITERATIONS = Number(process.env.HZ_FUZZ_ITERATIONS ?? 100_000);
const golden = goldenMessages();
const goldenBytes = golden.map((m) => encodeMessage(m));
const byType = new Map<number, ReferenceMessage>(
  REFERENCE_MESSAGES.map((entry) => [entry.messageType, entry]),
);

function decodeAll(message: ClientMessage): void {
  const type = message.messageType;
  if (type === 0) {
    decodeErrorResponse(message);
    return;
  }
  // Requests, responses and events share the id space; decode with the matching codec and, to reach more
  // code, with the neighbouring message kinds too.
  for (const candidate of [type, type ^ 1]) {
    const entry = byType.get(candidate);
    if (!entry) continue;
    if (entry.kind === 'request') entry.codec.decodeRequest(message);
    else if (entry.kind === 'response') entry.codec.decodeResponse(message);
    else entry.codec[`decode${entry.event}`](message);
  }
}

type Outcome = 'decoded' | 'protocol-error';

function attempt(fn: () => void): Outcome {
  try {
    fn();
    return 'decoded';
  } catch (error) {
    if (error instanceof HazelcastProtocolError) return 'protocol-error';
    throw error;
  }
}

function mutateBytes(random: () => number, source: Buffer): Buffer {
  const bytes = Buffer.from(source);
  const operations = randomInt(random, 1, 4);
  let result = bytes;
  for (let i = 0; i < operations; i++) {
    const at = randomInt(random, 0, Math.max(0, result.length - 1));
    switch (randomInt(random, 0, 4)) {
      case 0:
        result[at] = (result[at] ?? 0) ^ (1 << randomInt(random, 0, 7));
        break;
      case 1:
        result[at] = randomInt(random, 0, 255);
        break;
      case 2:
        result = result.subarray(0, at);
        break;
      case 3:
        result = Buffer.concat([
          result.subarray(0, at),
          Buffer.from([randomInt(random, 0, 255)]),
          result.subarray(at),
        ]);
        break;
      default:
        // Corrupt a 4-byte little-endian value (often a frame length or a count).
        if (at + 4 <= result.length) result.writeInt32LE(randomInt(random, -10, 1 << 30) | 0, at);
    }
  }
  return result;
}

function mutateFrames(random: () => number, source: ClientMessage): ClientMessage {
  const frames: Frame[] = source.frames.map((f) => ({ content: Buffer.from(f.content), flags: f.flags }));
  const index = randomInt(random, 0, frames.length - 1);
  const frame = frames[index]!;
  switch (randomInt(random, 0, 5)) {
    case 0:
      frames.splice(index === 0 ? 1 : index, 1);
      break;
    case 1:
      frame.flags ^= 1 << randomInt(random, 7, 15);
      break;
    case 2:
      frame.content = frame.content.subarray(0, randomInt(random, 0, frame.content.length));
      break;
    case 3:
      if (frame.content.length > 0)
        frame.content[randomInt(random, 0, frame.content.length - 1)] = randomInt(random, 0, 255);
      break;
    case 4:
      frames.splice(index, 0, {
        content: Buffer.from(frames[randomInt(random, 0, frames.length - 1)]!.content),
        flags: randomInt(random, 0, 0xffff),
      });
      break;
    default:
      frames.length = randomInt(random, 1, frames.length);
  }
  return new ClientMessage(frames.length > 0 ? frames : [{ content: Buffer.alloc(0), flags: 0 }]);
}

describe('fuzz', () => {
  it(`reader and decoders survive ${ITERATIONS} mutated and random inputs`, { timeout: 600_000 }, () => {
    const random = prng(20261122);
    const counts = { decoded: 0, 'protocol-error': 0 } satisfies Record<Outcome, number>;
    const perKind = { bytes: 0, frames: 0, random: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const pick = randomInt(random, 0, golden.length - 1);
      const kind = i % 3;
      let outcome: Outcome;
      if (kind === 0) {
        perKind.bytes++;
        const input = mutateBytes(random, goldenBytes[pick]!);
        outcome = attempt(() => {
          const reader = new ClientMessageReader({ maxMessageLength: 1 << 20 });
          for (const message of reader.read(input)) decodeAll(message);
        });
      } else if (kind === 1) {
        perKind.frames++;
        outcome = attempt(() => decodeAll(mutateFrames(random, golden[pick]!)));
      } else {
        perKind.random++;
        const input = Buffer.alloc(randomInt(random, 0, 64));
        for (let j = 0; j < input.length; j++) input[j] = randomInt(random, 0, 255);
        // Start most random inputs with a plausible header so they get past the first length check.
        if (input.length >= 6 && random() < 0.7) {
          input.writeInt32LE(randomInt(random, 6, input.length), 0);
          input.writeUInt16LE(0xe000, 4);
        }
        outcome = attempt(() => {
          for (const message of new ClientMessageReader({ maxMessageLength: 1 << 20 }).read(input))
            decodeAll(message);
        });
      }
      counts[outcome]++;
    }
    console.log(`fuzz: ${ITERATIONS} inputs`, perKind, counts);
    expect(counts.decoded + counts['protocol-error']).toBe(ITERATIONS);
    expect(counts['protocol-error']).toBeGreaterThan(ITERATIONS / 10);
  });
});
