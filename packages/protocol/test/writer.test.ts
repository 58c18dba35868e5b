import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../src/client-message';
import { FrameFlags } from '../src/flags';
import { createFrame } from '../src/frame';
import { MapPutCodec } from '../src/generated/codecs/map';
import { ClientMessageReader } from '../src/reader';
import { encodedLength, encodeMessage, writeMessage } from '../src/writer';

function mapPut(i: number): ClientMessage {
  const message = MapPutCodec.encodeRequest(`map-${i}`, Buffer.from([i]), Buffer.alloc(i * 3, 7), i, -1);
  message.correlationId = i;
  return message;
}

describe('message writer', () => {
  it('writes frames as length, flags, payload with IS_FINAL on the last frame only', () => {
    const message = new ClientMessage([
      createFrame(Buffer.from([1, 2]), FrameFlags.UNFRAGMENTED | FrameFlags.IS_FINAL),
      createFrame(Buffer.from([3]), FrameFlags.IS_NULL),
    ]);
    expect(encodeMessage(message).toString('hex')).toBe(`08000000${'00c0'}0102${'07000000'}${'0024'}03`);
  });

  it('coalesces many messages into one caller-provided buffer at increasing offsets', () => {
    const messages = Array.from({ length: 20 }, (_, i) => mapPut(i));
    const total = messages.reduce((n, m) => n + encodedLength(m), 0);
    const buffer = Buffer.alloc(total + 10, 0xee);
    let offset = 5;
    for (const message of messages) {
      const next = writeMessage(message, buffer, offset);
      expect(next - offset).toBe(encodedLength(message));
      offset = next;
    }
    expect(offset).toBe(5 + total);
    expect(buffer.subarray(5, offset)).toEqual(Buffer.concat(messages.map(encodeMessage)));
    expect(buffer[4]).toBe(0xee);
    expect(buffer[offset]).toBe(0xee);
    const decoded = new ClientMessageReader().read(buffer.subarray(5, offset));
    expect(decoded.map((m) => MapPutCodec.decodeRequest(m).name)).toEqual(messages.map((_, i) => `map-${i}`));
  });

  it('refuses to write past the end of the target buffer', () => {
    const message = mapPut(1);
    expect(() => writeMessage(message, Buffer.alloc(encodedLength(message) - 1), 0)).toThrow(/too small/);
    expect(() => writeMessage(message, Buffer.alloc(100), -1)).toThrow(/too small/);
  });
});
