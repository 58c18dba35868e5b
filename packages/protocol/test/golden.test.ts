import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../src/client-message';
import { REFERENCE_MESSAGES, type ReferenceMessage } from '../src/generated/reference/reference-table';
import { ClientMessageReader } from '../src/reader';
import { encodedLength, encodeMessage } from '../src/writer';
import { FIXTURE_FILES, readFixture } from './support/paths';
import { referenceParams } from './support/reference-values';

/** Management Center messages are in the vectors but not generated: they are not client operations. */
const MC_SERVICE_ID = 32;

interface Vector {
  message: ClientMessage;
  bytes: Buffer;
}

function readVectors(file: string): Vector[] {
  const bytes = readFixture(file);
  const messages = new ClientMessageReader().read(bytes);
  let offset = 0;
  const vectors: Vector[] = [];
  for (const message of messages) {
    const length = encodedLength(message);
    vectors.push({ message, bytes: bytes.subarray(offset, offset + length) });
    offset += length;
  }
  expect(offset).toBe(bytes.length);
  return vectors;
}

function decode(entry: ReferenceMessage, message: ClientMessage): unknown {
  if (entry.kind === 'request') return entry.codec.decodeRequest(message);
  if (entry.kind === 'response') return entry.codec.decodeResponse(message);
  return entry.codec[`decode${entry.event}`](message);
}

function encode(entry: ReferenceMessage, values: Record<string, unknown>): ClientMessage {
  if (entry.kind === 'request') return entry.codec.encodeRequest(...entry.params.map((p) => values[p.name]));
  if (entry.kind === 'response') return entry.codec.encodeResponse(values);
  return entry.codec[`encode${entry.event}`](values);
}

describe.each(FIXTURE_FILES)('golden vectors %s', (file) => {
  const nullVariant = file.includes('.null.');
  const vectors = readVectors(file);
  const generated = vectors.filter((v) => v.message.messageType >>> 16 !== MC_SERVICE_ID);

  it('frames every message (MC included) so that writing the parsed frames gives the same bytes', () => {
    for (const vector of vectors) expect(encodeMessage(vector.message).equals(vector.bytes)).toBe(true);
  });

  it('holds every generated message, in protocol order', () => {
    expect(generated.map((v) => v.message.messageType)).toEqual(REFERENCE_MESSAGES.map((m) => m.messageType));
    console.log(
      `${file}: ${vectors.length} messages, ${generated.length} checked, ${vectors.length - generated.length} MC messages skipped`,
    );
  });

  it.each(
    REFERENCE_MESSAGES.map(
      (entry, index) =>
        [`${entry.service}.${entry.method} ${entry.event ?? entry.kind}`, entry, index] as const,
    ),
  )('%s decodes to the reference values and re-encodes to the same bytes', (_name, entry, index) => {
    const vector = generated[index]!;
    const expected = referenceParams(entry.params, nullVariant);
    expect(decode(entry, vector.message)).toEqual(expected);
    const reencoded = encodeMessage(encode(entry, expected));
    expect(reencoded.toString('hex')).toBe(vector.bytes.toString('hex'));
  });
});
