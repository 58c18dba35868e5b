/** Java `BigInteger.toByteArray()`: minimal big-endian two's complement (at least one byte). */
export function bigIntToBytes(value: bigint): Buffer {
  let hex = (value < 0n ? -value : value).toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  let magnitude = Buffer.from(hex, 'hex');
  if (value >= 0n) {
    return (magnitude[0] as number) & 0x80 ? Buffer.concat([Buffer.from([0]), magnitude]) : magnitude;
  }
  // Two's complement of the magnitude, widened by a byte when the sign bit would read as positive.
  if ((magnitude[0] as number) & 0x80) magnitude = Buffer.concat([Buffer.from([0]), magnitude]);
  const modulus = 1n << BigInt(magnitude.length * 8);
  let twos = (modulus + value).toString(16).padStart(magnitude.length * 2, '0');
  // -2^(8n-1) fits one byte shorter than the padded form: drop a redundant leading 0xff.
  while (twos.length > 2 && twos.startsWith('ff') && Number.parseInt(twos.slice(2, 3), 16) >= 8)
    twos = twos.slice(2);
  return Buffer.from(twos, 'hex');
}

/** Inverse of bigIntToBytes; an empty array reads as zero. */
export function bigIntFromBytes(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  const unsigned = BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex')}`);
  return (bytes[0] as number) & 0x80 ? unsigned - (1n << BigInt(bytes.length * 8)) : unsigned;
}
