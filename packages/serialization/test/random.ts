/** A small seeded PRNG (mulberry32) so randomized tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A random well-formed string mixing ASCII, BMP characters and surrogate pairs. */
export function randomString(random: () => number, maxLength = 40): string {
  let text = '';
  const length = randomInt(random, 0, maxLength);
  for (let i = 0; i < length; i++) {
    const pick = random();
    if (pick < 0.5) text += String.fromCharCode(randomInt(random, 0x20, 0x7e));
    else if (pick < 0.8) text += String.fromCharCode(randomInt(random, 0x80, 0xd7ff));
    else if (pick < 0.9) text += String.fromCharCode(randomInt(random, 0xe000, 0xfffd));
    else text += String.fromCodePoint(randomInt(random, 0x10000, 0x10ffff));
  }
  return text;
}

export function randomBytes(random: () => number, maxLength = 64): Buffer {
  const bytes = Buffer.alloc(randomInt(random, 0, maxLength));
  for (let i = 0; i < bytes.length; i++) bytes[i] = randomInt(random, 0, 255);
  return bytes;
}
