import Long from 'long';

// Java's RabinFingerprint (the Avro 64-bit Rabin fingerprint): the polynomial below, bytes folded in
// least-significant-first, ints as 4 little-endian bytes, strings as their UTF-8 length then bytes.
const EMPTY = 0xc15d213aa4d7a795n;

let table: BigUint64Array | undefined;

function fingerprintTable(): BigUint64Array {
  if (table) return table;
  table = new BigUint64Array(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let bit = 0; bit < 8; bit++) fp = (fp >> 1n) ^ (fp & 1n ? EMPTY : 0n);
    table[i] = fp;
  }
  return table;
}

function foldByte(fp: bigint, byte: number): bigint {
  return (fp >> 8n) ^ fingerprintTable()[Number((fp ^ BigInt(byte)) & 0xffn)]!;
}

function foldInt(fp: bigint, value: number): bigint {
  fp = foldByte(fp, value & 0xff);
  fp = foldByte(fp, (value >>> 8) & 0xff);
  fp = foldByte(fp, (value >>> 16) & 0xff);
  return foldByte(fp, (value >>> 24) & 0xff);
}

function foldString(fp: bigint, value: string): bigint {
  const bytes = Buffer.from(value, 'utf8');
  fp = foldInt(fp, bytes.length);
  for (const byte of bytes) fp = foldByte(fp, byte);
  return fp;
}

/**
 * The schema id Java computes: fingerprint of the type name, the field count, then each field's name
 * and kind id in field-name order.
 */
export function schemaFingerprint(
  typeName: string,
  sortedFields: readonly { readonly name: string; readonly kind: number }[],
): Long {
  let fp = foldString(EMPTY, typeName);
  fp = foldInt(fp, sortedFields.length);
  for (const field of sortedFields) {
    fp = foldString(fp, field.name);
    fp = foldInt(fp, field.kind);
  }
  return Long.fromBits(Number(fp & 0xffffffffn) | 0, Number(fp >> 32n) | 0, false);
}
