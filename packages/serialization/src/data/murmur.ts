/** Seed Hazelcast uses for partition hashes (`HashUtil.MurmurHash3_x86_32`). */
export const MURMUR_SEED = 0x01000193;

/**
 * MurmurHash3 x86_32 over `bytes[offset, offset + length)`, returning a signed 32-bit integer exactly as
 * Java's `HashUtil.MurmurHash3_x86_32` does (blocks read little-endian regardless of stream byte order).
 */
export function murmurHash3x86_32(
  bytes: Uint8Array,
  offset = 0,
  length = bytes.length - offset,
  seed = MURMUR_SEED,
): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h1 = seed | 0;
  const blocksEnd = offset + (length & ~3);
  let i = offset;
  for (; i < blocksEnd; i += 4) {
    let k1 =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
    h1 = (h1 << 13) | (h1 >>> 19);
    h1 = (Math.imul(h1, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail > 0) {
    let k1 = 0;
    if (tail === 3) k1 ^= (bytes[i + 2] as number) << 16;
    if (tail >= 2) k1 ^= (bytes[i + 1] as number) << 8;
    k1 ^= bytes[i] as number;
    k1 = Math.imul(k1, c1);
    k1 = (k1 << 15) | (k1 >>> 17);
    k1 = Math.imul(k1, c2);
    h1 ^= k1;
  }
  h1 ^= length;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return h1 | 0;
}
