import { createRequire } from 'node:module';
import { HeapData as OurHeapData, SerializationService } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import { official } from '../query/test-support/official-client';
import { decodeReliableTopicMessage, encodeReliableTopicMessage } from './reliable-topic-message';

const require = createRequire(import.meta.url);
// The official client's own classes, to build what it stores in a reliable topic's ringbuffer.
const { ReliableTopicMessage } = require('hazelcast-client/lib/proxy/topic/ReliableTopicMessage');
const { AddressImpl } = require('hazelcast-client/lib/core/Address');
const { HeapData } = require('hazelcast-client/lib/serialization/HeapData');

const ours = new SerializationService();

function officialMessage(payload: Buffer, publishTime: number, address: unknown): Buffer {
  const message = new ReliableTopicMessage();
  message.payload = new HeapData(payload);
  message.publishTime = official().Long.fromNumber(publishTime);
  message.publisherAddress = address;
  return official().service().toData(message).toBuffer();
}

describe('reliable topic message format', () => {
  it('writes the bytes the official client writes (no publisher address)', () => {
    const payload = ours.toData('hello, topic').toBuffer();
    const time = 1_754_000_000_123;
    const encoded = encodeReliableTopicMessage(payload, time, true);
    expect(encoded.toString('hex')).toBe(officialMessage(payload, time, null).toString('hex'));
  });

  it('reads what the official client writes, publisher address included', () => {
    const payload = ours.toData({ id: 7 }).toBuffer();
    const bytes = officialMessage(payload, 1_600_000_000_000, new AddressImpl('127.0.0.1', 5702));
    const decoded = decodeReliableTopicMessage(bytes, true);
    expect(decoded.publishTime.toString()).toBe('1600000000000');
    expect(decoded.publisher).toEqual({ host: '127.0.0.1', port: 5702 });
    expect(ours.toObject(new OurHeapData(decoded.payload))).toEqual({ id: 7 });
  });

  it('round-trips in both byte orders, 64-bit times included', () => {
    const payload = ours.toData(42).toBuffer();
    for (const bigEndian of [true, false]) {
      const decoded = decodeReliableTopicMessage(
        encodeReliableTopicMessage(payload, 2 ** 50 + 3, bigEndian),
        bigEndian,
      );
      expect(decoded.publishTime.toString()).toBe(String(2 ** 50 + 3));
      expect(decoded.publisher).toBeNull();
      expect(decoded.payload.equals(payload)).toBe(true);
    }
  });

  it('names what is wrong with data that is not a reliable topic message', () => {
    expect(() => decodeReliableTopicMessage(ours.toData('plain string').toBuffer(), true)).toThrow(
      /Malformed reliable topic message: not an IdentifiedDataSerializable/,
    );
    const truncated = encodeReliableTopicMessage(ours.toData('x').toBuffer(), 1, true).subarray(0, 20);
    expect(() => decodeReliableTopicMessage(truncated, true)).toThrow(/needs 8 more byte\(s\)/);
  });
});
