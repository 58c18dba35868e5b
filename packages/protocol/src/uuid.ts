import Long from 'long';

/** A Java-style UUID: two signed 64-bit halves, as the protocol carries it. */
export interface Uuid {
  readonly mostSignificantBits: Long;
  readonly leastSignificantBits: Long;
}

export function createUuid(mostSignificantBits: Long, leastSignificantBits: Long): Uuid {
  return { mostSignificantBits, leastSignificantBits };
}

/**
 * A random (version 4) UUID. The bytes come from Web Crypto (`globalThis.crypto`), which Node loads on
 * first use: importing the package does not load the crypto module.
 */
export function randomUuid(): Uuid {
  const bytes = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16)).buffer);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return {
    mostSignificantBits: Long.fromBits(bytes.readInt32BE(4), bytes.readInt32BE(0)),
    leastSignificantBits: Long.fromBits(bytes.readInt32BE(12), bytes.readInt32BE(8)),
  };
}

function hex(value: Long): string {
  return value.toUnsigned().toString(16).padStart(16, '0');
}

/** The canonical 8-4-4-4-12 form. */
export function uuidToString(uuid: Uuid): string {
  const s = hex(uuid.mostSignificantBits) + hex(uuid.leastSignificantBits);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export function uuidFromString(text: string): Uuid {
  if (
    typeof text !== 'string' ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
  ) {
    throw new TypeError(`Not a UUID: "${text}"`);
  }
  const s = text.replaceAll('-', '');
  return {
    mostSignificantBits: Long.fromString(s.slice(0, 16), true, 16).toSigned(),
    leastSignificantBits: Long.fromString(s.slice(16), true, 16).toSigned(),
  };
}
