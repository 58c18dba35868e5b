// Malformed Data must fail with HazelcastSerializationError: never another error type, a hang, or a huge
// allocation. Seeded mutations of valid Data (golden vectors plus generated values) are fed to toObject.
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { HeapData } from '../src/data/heap-data';
import { HazelcastSerializationError } from '../src/errors';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../src/java/date-time';
import { typed } from '../src/java/typed';
import { UUID } from '../src/java/uuid';
import { SerializationService } from '../src/service/serialization-service';
import { TypeId } from '../src/type-ids';
import { loadGoldenVectors } from './fixtures';
import { randomInt, seededRandom } from './random';
import { referenceConfig } from './reference-objects';

const INPUTS = Number(process.env.HZ_FUZZ_INPUTS ?? 50_000);

function corpus(service: SerializationService, bigEndian: boolean): Buffer[] {
  const order = bigEndian ? 'BIG_ENDIAN' : 'LITTLE_ENDIAN';
  const golden = [...loadGoldenVectors()]
    .filter(([key, bytes]) => key.endsWith(order) && bytes !== null && bytes.length < 10_000)
    .map(([, bytes]) => bytes as Buffer);
  const generated = [
    { a: [1, 2, { b: 'c' }] },
    typed([1, 'x', [true], typed([Long.ONE], 'LinkedList')], 'ArrayList'),
    typed([new UUID(Long.ONE, Long.ZERO), null], 'Object[]'),
    new OffsetDateTime(new LocalDateTime(new LocalDate(1, 2, 3), new LocalTime(4, 5, 6, 7)), 8),
    [Long.fromInt(3), Long.fromInt(4)],
    ['x', null, 'yz'],
    123456789n,
  ].map((value) => service.toData(value).toBuffer());
  return [...golden, ...generated];
}

function mutate(seed: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(seed);
  switch (randomInt(random, 0, 4)) {
    case 0: // truncate
      return bytes.subarray(0, randomInt(random, 8, Math.max(8, bytes.length - 1)));
    case 1: // flip some bytes
      for (let i = randomInt(random, 1, 4); i > 0; i--) {
        const at = randomInt(random, 8, bytes.length - 1);
        bytes[at] = randomInt(random, 0, 255);
      }
      return bytes;
    case 2: {
      // a lying length or offset: overwrite an int32 with a huge, negative or off-by-some value
      if (bytes.length < 12) return bytes;
      const at = randomInt(random, 8, bytes.length - 4);
      const lies = [
        0x7fffffff,
        -2,
        -0x80000000,
        bytes.length,
        bytes.readInt32BE(at) + randomInt(random, -16, 16),
      ];
      bytes.writeInt32BE(lies[randomInt(random, 0, lies.length - 1)] as number, at);
      return bytes;
    }
    case 3: {
      // right header, random payload
      const garbage = Buffer.alloc(randomInt(random, 0, 64));
      for (let i = 0; i < garbage.length; i++) garbage[i] = randomInt(random, 0, 255);
      return Buffer.concat([bytes.subarray(0, 8), garbage]);
    }
    default: {
      // a random built-in type id over the seed's payload
      const ids = Object.values(TypeId);
      bytes.writeInt32BE(ids[randomInt(random, 0, ids.length - 1)] as number, 4);
      return bytes;
    }
  }
}

describe('malformed data', () => {
  it(`gives HazelcastSerializationError or a value for ${INPUTS} seeded mutations, never another error`, () => {
    const random = seededRandom(20261122);
    const services = [true, false].map((bigEndian) => new SerializationService(referenceConfig(bigEndian)));
    const corpora = services.map((service, i) => corpus(service, i === 0));
    let rejected = 0;
    const internalLeaks: string[] = [];
    let slowest = 0;
    for (let n = 0; n < INPUTS; n++) {
      const which = n % 2;
      const seeds = corpora[which] as Buffer[];
      const input = mutate(seeds[randomInt(random, 0, seeds.length - 1)] as Buffer, random);
      const started = performance.now();
      try {
        // Every 8th input goes to a fresh service, which must learn Portable class definitions from the
        // (corrupt) data itself instead of using ones registered from earlier inputs.
        const service =
          n % 8 === 0 ? new SerializationService(referenceConfig(which === 0)) : services[which];
        (service as SerializationService).toObject(new HeapData(input));
      } catch (error) {
        if (!(error instanceof HazelcastSerializationError)) {
          throw new Error(`input ${n} (${input.toString('hex').slice(0, 200)}) threw ${String(error)}`);
        }
        rejected++;
        // Node's RangeError/TypeError are wrapped by toObject; from our own code they would be bugs (the
        // reference test classes read raw buffers themselves and may throw them legitimately).
        const cause = (error as Error).cause;
        if (
          (cause instanceof RangeError || cause instanceof TypeError) &&
          !String(cause.stack).includes('reference-objects')
        ) {
          internalLeaks.push(String(cause.stack));
        }
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(internalLeaks).toEqual([]);
    expect(rejected).toBeGreaterThan(INPUTS / 4);
    expect(slowest).toBeLessThan(1000);
    // About 3 s alone; generous for machines busy with other suites.
  }, 60_000);

  it('rejects lying lengths before allocating', () => {
    const service = new SerializationService();
    const header = Buffer.from('00000000ffffffef', 'hex'); // long[]
    const data = new HeapData(Buffer.concat([header, Buffer.from('7ffffff0', 'hex')]));
    expect(() => service.toObject(data)).toThrow(/long\[\] length 2147483632/);
  });

  it('rejects self-referencing nesting', () => {
    const service = new SerializationService();
    // An ArrayList whose single element is an ArrayList... deeper than any real object.
    const nested = Buffer.concat([
      Buffer.from('00000000ffffffe3', 'hex'),
      ...Array.from({ length: 300 }, () => Buffer.from('00000001ffffffe3', 'hex')),
    ]);
    expect(() => service.toObject(new HeapData(nested))).toThrow(/nested deeper than/);
  });
});
