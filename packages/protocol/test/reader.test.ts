import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../src/client-message';
import { HazelcastProtocolError } from '../src/errors/protocol-error';
import { FrameFlags } from '../src/flags';
import { createFrame } from '../src/frame';
import { ClientMessageReader } from '../src/reader';
import { encodeMessage } from '../src/writer';
import {
  chunk,
  describeMessage,
  fragment,
  goldenMessages,
  prng,
  randomInt,
  readAll,
} from './support/streams';

const golden = goldenMessages();
const stream = Buffer.concat(golden.map((m) => encodeMessage(m)));
const expected = golden.map(describeMessage);

describe('ClientMessageReader', () => {
  it('reads a stream of every golden message in one chunk', () => {
    const messages = new ClientMessageReader().read(stream);
    expect(messages.map(describeMessage)).toEqual(expected);
    console.log(`reader stream: ${messages.length} messages, ${stream.length} bytes`);
  });

  it('decodes identically from 1-byte chunks', () => {
    const messages = readAll(chunk(stream, () => 1));
    expect(messages.map(describeMessage)).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5])('decodes identically from random chunkings (seed %i)', (seed) => {
    const random = prng(seed);
    const messages = readAll(chunk(stream, () => randomInt(random, 1, seed * 40)));
    expect(messages.map(describeMessage)).toEqual(expected);
  });

  it('splits headers across chunks at every position', () => {
    const one = encodeMessage(golden[0]!);
    for (let cut = 1; cut < 12; cut++) {
      const reader = new ClientMessageReader();
      expect(reader.read(one.subarray(0, cut))).toEqual([]);
      const [message] = reader.read(one.subarray(cut));
      expect(describeMessage(message!)).toBe(expected[0]);
    }
  });

  it('returns frames as views into the received chunk, without copying', () => {
    const bytes = encodeMessage(golden[0]!);
    const [message] = new ClientMessageReader().read(bytes);
    const nonEmpty = message!.frames.filter((frame) => frame.content.length > 0);
    expect(nonEmpty.length).toBeGreaterThan(0);
    for (const frame of nonEmpty) expect(frame.content.buffer).toBe(bytes.buffer);
  });

  it('reassembles fragmented messages interleaved with each other and with whole messages', () => {
    const big = golden.reduce((a, b) => (b.frames.length > a.frames.length ? b : a));
    const other = golden[golden.length - 1]!;
    const first = fragment(big, 7n, 2);
    const second = fragment(other, -3n, 1);
    expect(first.length).toBeGreaterThan(2);
    const parts: Buffer[] = [];
    const whole = encodeMessage(golden[1]!);
    for (let i = 0; i < Math.max(first.length, second.length); i++) {
      if (first[i]) parts.push(first[i]!);
      parts.push(whole);
      if (second[i]) parts.push(second[i]!);
    }
    const random = prng(42);
    const messages = readAll(chunk(Buffer.concat(parts), () => randomInt(random, 1, 17)));
    const described = messages.map(describeMessage);
    expect(described).toContain(describeMessage(big));
    expect(described).toContain(describeMessage(other));
    expect(described.filter((d) => d === describeMessage(golden[1]!))).toHaveLength(
      Math.max(first.length, second.length),
    );
    expect(messages).toHaveLength(Math.max(first.length, second.length) + 2);
  });

  it('rejects a frame length beyond the limit as soon as the header arrives', () => {
    const reader = new ClientMessageReader({ maxMessageLength: 1024 });
    const header = Buffer.alloc(6);
    header.writeInt32LE(2000, 0);
    header.writeUInt16LE(FrameFlags.UNFRAGMENTED | FrameFlags.IS_FINAL, 4);
    expect(() => reader.read(header)).toThrow(HazelcastProtocolError);
  });

  it('rejects a huge length (e.g. 2 GiB) without allocating or waiting', () => {
    const header = Buffer.from([0xff, 0xff, 0xff, 0x7f, 0x00, 0xe0]);
    expect(() => new ClientMessageReader().read(header)).toThrow(/exceeds/);
  });

  it('rejects frame lengths smaller than the header, including negative ones', () => {
    for (const length of [0, 5, -1]) {
      const header = Buffer.alloc(6);
      header.writeInt32LE(length, 0);
      expect(() => new ClientMessageReader().read(header)).toThrow(HazelcastProtocolError);
    }
  });

  it('limits the sum of frames of one message', () => {
    const frames = Array.from({ length: 20 }, () => createFrame(Buffer.alloc(100)));
    const bytes = encodeMessage(
      new ClientMessage([createFrame(Buffer.alloc(22), FrameFlags.UNFRAGMENTED), ...frames]),
    );
    expect(() => new ClientMessageReader({ maxMessageLength: 1000 }).read(bytes)).toThrow(/limit/);
  });

  it('limits the total size of a fragmented message', () => {
    const big = golden.reduce((a, b) => (b.frames.length > a.frames.length ? b : a));
    const limit = encodeMessage(big).length - 10;
    const reader = new ClientMessageReader({ maxMessageLength: limit });
    expect(() => {
      for (const part of fragment(big, 1n, 1)) reader.read(part);
    }).toThrow(HazelcastProtocolError);
  });

  it('rejects a fragment of an unknown fragmentation id', () => {
    const [, middle] = fragment(golden[0]!, 5n, 1);
    expect(() => new ClientMessageReader().read(middle!)).toThrow(/unknown fragmentation id/);
  });

  it('stays failed after a protocol error', () => {
    const reader = new ClientMessageReader();
    expect(() => reader.read(Buffer.from([1, 0, 0, 0, 0, 0]))).toThrow(HazelcastProtocolError);
    expect(() => reader.read(encodeMessage(golden[0]!))).toThrow(HazelcastProtocolError);
  });

  it('validates its options', () => {
    expect(() => new ClientMessageReader({ maxMessageLength: 3 })).toThrow(/maxMessageLength/);
  });
});
