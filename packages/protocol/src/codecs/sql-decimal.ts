// DECIMAL values: int32 length, the unscaled value as big-endian two's complement bytes, int32 scale.
import type { ClientMessage } from '../client-message';
import { INT_SIZE } from '../constants';
import { HazelcastProtocolError } from '../errors/protocol-error';
import { createFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import { readInt, requireLength, writeInt } from './fixed';
import type { SqlDecimal } from './sql-types';

export function decodeDecimal(cursor: FrameCursor): SqlDecimal {
  const content = cursor.next().content;
  requireLength(content, INT_SIZE, 'DECIMAL');
  const length = readInt(content, 0);
  if (length < 0) throw new HazelcastProtocolError(`DECIMAL: negative length ${length}`);
  requireLength(content, INT_SIZE * 2 + length, 'DECIMAL');
  const bytes = content.subarray(INT_SIZE, INT_SIZE + length);
  let unscaled = 0n;
  for (const byte of bytes) unscaled = (unscaled << 8n) | BigInt(byte);
  if (length > 0 && (bytes[0]! & 0x80) !== 0) unscaled -= 1n << BigInt(length * 8);
  return { unscaledValue: unscaled, scale: readInt(content, INT_SIZE + length) };
}

export function encodeDecimal(message: ClientMessage, value: SqlDecimal): void {
  let hex = BigInt.asUintN(4096, value.unscaledValue).toString(16);
  // Minimal two's complement: trim the 4096-bit sign extension, keep one sign byte.
  const negative = value.unscaledValue < 0n;
  hex = hex.padStart(1024, negative ? 'f' : '0');
  let bytes = Buffer.from(hex, 'hex');
  let start = 0;
  const fill = negative ? 0xff : 0;
  while (
    start < bytes.length - 1 &&
    bytes[start] === fill &&
    ((bytes[start + 1]! & 0x80) !== 0) === negative
  ) {
    start++;
  }
  bytes = bytes.subarray(start);
  const content = Buffer.alloc(INT_SIZE * 2 + bytes.length);
  writeInt(content, 0, bytes.length);
  bytes.copy(content, INT_SIZE);
  writeInt(content, INT_SIZE + bytes.length, value.scale);
  message.add(createFrame(content));
}
