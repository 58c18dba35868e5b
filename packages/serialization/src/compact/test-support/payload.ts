import { ByteArrayObjectDataInput } from '../../io/byte-input';
import { ByteArrayObjectDataOutput } from '../../io/byte-output';
import type { CompactStreamSerializer } from '../compact-stream-serializer';

/** The bytes `serializer.write` produces for `value` (a COMPACT payload, no Data header). */
export function writePayload(serializer: CompactStreamSerializer, value: unknown, bigEndian = true): Buffer {
  const out = new ByteArrayObjectDataOutput(bigEndian);
  serializer.write(out, value);
  return out.toBuffer();
}

export function writePayloadWithSchema(
  serializer: CompactStreamSerializer,
  value: unknown,
  bigEndian = true,
): Buffer {
  const out = new ByteArrayObjectDataOutput(bigEndian);
  serializer.writeWithSchema(out, value);
  return out.toBuffer();
}

/** Reads a payload and checks the reader consumed it exactly. */
export function readPayload(
  serializer: CompactStreamSerializer,
  bytes: Buffer,
  bigEndian = true,
  withSchema = false,
): unknown {
  const input = new ByteArrayObjectDataInput(bytes, 0, bigEndian);
  const value = serializer.read(input, withSchema);
  if (input.available() !== 0) throw new Error(`${input.available()} bytes left after reading the payload`);
  return value;
}
