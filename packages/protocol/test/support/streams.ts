import { ClientMessage } from '../../src/client-message';
import { FrameFlags } from '../../src/flags';
import { createFrame, type Frame } from '../../src/frame';
import { ClientMessageReader } from '../../src/reader';
import { encodeMessage } from '../../src/writer';
import { FIXTURE_FILES, readFixture } from './paths';

/** Deterministic PRNG (mulberry32) so failures reproduce from the seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Every golden-vector message, as parsed from the fixture files. */
export function goldenMessages(): ClientMessage[] {
  return FIXTURE_FILES.flatMap((file) => new ClientMessageReader().read(readFixture(file)));
}

/** A comparable form of a message: its frames' flags and bytes. */
export function describeMessage(message: ClientMessage): string {
  return message.frames
    .map((f) => `${f.flags & ~FrameFlags.IS_FINAL}:${f.content.toString('hex')}`)
    .join('|');
}

export function chunk(bytes: Buffer, sizes: () => number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const size = Math.max(1, sizes());
    // Copy each chunk, as a socket would hand over separate buffers.
    chunks.push(Buffer.from(bytes.subarray(offset, offset + size)));
    offset += size;
  }
  return chunks;
}

export function readAll(chunks: Buffer[], reader = new ClientMessageReader()): ClientMessage[] {
  return chunks.flatMap((c) => reader.read(c));
}

/**
 * Splits a message into fragments of at most `framesPerFragment` frames, each led by a fragment frame with
 * the int64 fragmentation id, as a member does for large messages.
 */
export function fragment(message: ClientMessage, id: bigint, framesPerFragment: number): Buffer[] {
  const groups: Frame[][] = [];
  for (let i = 0; i < message.frames.length; i += framesPerFragment) {
    groups.push(message.frames.slice(i, i + framesPerFragment));
  }
  return groups.map((group, index) => {
    let flags = 0;
    if (index === 0) flags |= FrameFlags.BEGIN_FRAGMENT;
    if (index === groups.length - 1) flags |= FrameFlags.END_FRAGMENT;
    const idBytes = Buffer.alloc(8);
    idBytes.writeBigInt64LE(id);
    return encodeMessage(new ClientMessage([createFrame(idBytes, flags), ...group]));
  });
}
