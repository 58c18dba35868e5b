import Long from 'long';
import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../src/client-message';
import { createRequestMessage, createResponseMessage } from '../src/codecs/messages';
import { HazelcastProtocolError } from '../src/errors/protocol-error';
import { FrameFlags, hasFlag } from '../src/flags';
import { beginFrame, createFrame, endFrame, isNullFrame, nullFrame } from '../src/frame';
import { FrameCursor } from '../src/frame-cursor';
import { toLong } from '../src/long';

describe('FrameFlags', () => {
  it('has the protocol bit values', () => {
    expect(FrameFlags).toMatchObject({
      BEGIN_FRAGMENT: 0x8000,
      END_FRAGMENT: 0x4000,
      IS_FINAL: 0x2000,
      BEGIN_DATA_STRUCTURE: 0x1000,
      END_DATA_STRUCTURE: 0x0800,
      IS_NULL: 0x0400,
      IS_EVENT: 0x0200,
      BACKUP_AWARE: 0x0100,
      BACKUP_EVENT: 0x0080,
      UNFRAGMENTED: 0xc000,
    });
    expect(hasFlag(0xc000, FrameFlags.BEGIN_FRAGMENT)).toBe(true);
    expect(hasFlag(0x8000, FrameFlags.UNFRAGMENTED)).toBe(false);
  });
});

describe('ClientMessage header fields', () => {
  it('reads and writes message type, correlation id and partition id in the initial frame', () => {
    const message = createRequestMessage(0x010100, 22);
    expect(message.messageType).toBe(0x010100);
    expect(message.partitionId).toBe(-1);
    expect(message.correlationId).toBe(0);
    message.correlationId = 2 ** 40 + 5;
    message.partitionId = 270;
    expect(message.correlationId).toBe(2 ** 40 + 5);
    expect(message.initialFrame.content.readBigInt64LE(4)).toBe(2n ** 40n + 5n);
    expect(message.partitionId).toBe(270);
    message.correlationId = Number.MAX_SAFE_INTEGER;
    expect(message.correlationId).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('keeps the backup-ack count of responses', () => {
    const message = createResponseMessage(0x010101, 13);
    message.backupAcksCount = 2;
    expect(message.backupAcksCount).toBe(2);
    expect(message.initialFrame.content[12]).toBe(2);
  });

  it('rejects correlation ids that are not safe integers', () => {
    const message = createRequestMessage(1, 16);
    expect(() => {
      message.correlationId = 2 ** 60;
    }).toThrow(/safe integer/);
    expect(() => {
      message.correlationId = 1.5;
    }).toThrow(/safe integer/);
  });

  it('reports a too-short initial frame as a protocol error', () => {
    const message = new ClientMessage([createFrame(Buffer.alloc(3), FrameFlags.UNFRAGMENTED)]);
    expect(() => message.messageType).toThrow(HazelcastProtocolError);
    expect(() => message.correlationId).toThrow(HazelcastProtocolError);
    expect(() => new ClientMessage([])).toThrow(HazelcastProtocolError);
  });

  it('sets and clears initial-frame flags and reports event flags', () => {
    const message = createRequestMessage(1, 16);
    message.setInitialFlag(FrameFlags.BACKUP_AWARE);
    expect(message.initialFrame.flags).toBe(FrameFlags.UNFRAGMENTED | FrameFlags.BACKUP_AWARE);
    message.setInitialFlag(FrameFlags.BACKUP_AWARE, false);
    expect(message.initialFrame.flags).toBe(FrameFlags.UNFRAGMENTED);
    expect(message.isEvent).toBe(false);
    message.setInitialFlag(FrameFlags.IS_EVENT);
    expect(message.isEvent).toBe(true);
  });

  it('iterates over its frames', () => {
    const message = createRequestMessage(1, 16);
    message.add(nullFrame());
    expect([...message].map((f) => isNullFrame(f))).toEqual([false, true]);
  });
});

describe('FrameCursor', () => {
  it('skips nested structures up to the matching END frame', () => {
    const data = createFrame(Buffer.from('x'));
    const cursor = new FrameCursor([data, beginFrame(), data, endFrame(), data, endFrame(), data]);
    cursor.next();
    cursor.skipToEndFrame();
    expect(cursor.next()).toBe(data);
    expect(cursor.hasNext()).toBe(false);
  });

  it('throws a protocol error instead of running past the last frame', () => {
    const cursor = new FrameCursor([beginFrame()]);
    cursor.next();
    expect(cursor.nextIsEnd()).toBe(true);
    expect(() => cursor.skipToEndFrame()).toThrow(HazelcastProtocolError);
  });
});

describe('toLong', () => {
  it('accepts number, bigint and Long', () => {
    expect(toLong(-5).toString()).toBe('-5');
    expect(toLong(2n ** 63n - 1n).toString()).toBe('9223372036854775807');
    expect(toLong(2n ** 64n - 1n).toString()).toBe('-1');
    const long = Long.fromString('123456789012345');
    expect(toLong(long)).toBe(long);
  });

  it('names what is wrong with bad input', () => {
    expect(() => toLong(1.5)).toThrow(/integer/);
    expect(() => toLong('5' as never)).toThrow(/number, bigint or Long/);
  });
});
