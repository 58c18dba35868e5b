import { describe, expect, it } from 'vitest';
import { bigIntFromBytes, bigIntToBytes } from '../src/serializers/big-integer-bytes';
import { randomInt, seededRandom } from './random';

/** Java BigInteger.toByteArray() by definition: the fewest bytes whose two's complement holds the value. */
function javaToByteArray(value: bigint): string {
  let length = 1;
  while (value < -(1n << BigInt(length * 8 - 1)) || value >= 1n << BigInt(length * 8 - 1)) length++;
  return BigInt.asUintN(length * 8, value)
    .toString(16)
    .padStart(length * 2, '0');
}

describe('BigInteger bytes (Java toByteArray)', () => {
  it.each([
    [0n, '00'],
    [1n, '01'],
    [-1n, 'ff'],
    [127n, '7f'],
    [128n, '0080'],
    [-128n, '80'],
    [-129n, 'ff7f'],
    [255n, '00ff'],
    [-256n, 'ff00'],
    [-32768n, '8000'],
    [1314432323232411n, '04ab781fb5229b'],
  ])('%s → %s', (value, hex) => {
    expect(bigIntToBytes(value).toString('hex')).toBe(hex);
    expect(bigIntFromBytes(Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('matches the definition and round-trips for 5,000 random values', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      let value = 0n;
      const words = randomInt(random, 0, 5);
      for (let w = 0; w < words; w++) value = (value << 32n) | BigInt(randomInt(random, 0, 0xffffffff));
      if (random() < 0.3) value = 1n << BigInt(randomInt(random, 0, 100));
      if (random() < 0.5) value = -value;
      expect(bigIntToBytes(value).toString('hex')).toBe(javaToByteArray(value));
      expect(bigIntFromBytes(bigIntToBytes(value))).toBe(value);
    }
  });
});
