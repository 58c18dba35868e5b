import { createRequire } from 'node:module';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { MetricDescriptor } from './metrics';
import { MetricsCompressor } from './metrics-compressor';

// The official Node.js client (a test-only oracle) writes the same blob layout; it compresses with another
// zlib level, so the comparison is on the inflated dictionary and metrics sections.
const require = createRequire(import.meta.url);
const official = require('hazelcast-client/lib/statistics/MetricsCompressor') as {
  MetricsCompressor: new () => {
    addLong(descriptor: object, value: number): void;
    addDouble(descriptor: object, value: number): void;
    generateBlob(): Promise<Buffer>;
  };
};
const UNIT_ORDINAL = { BYTES: 0, MS: 1, NS: 2, PERCENT: 3, COUNT: 4, BOOLEAN: 5, ENUM: 6 } as const;

function sections(blob: Buffer) {
  const version = blob.readInt16BE(0);
  const dictionarySize = blob.readInt32BE(2);
  const dictionary = inflateSync(blob.subarray(6, 6 + dictionarySize));
  const count = blob.readInt32BE(6 + dictionarySize);
  const metrics = inflateSync(blob.subarray(10 + dictionarySize));
  return { version, dictionary, count, metrics };
}

const samples: Array<[MetricDescriptor, number, 'long' | 'double']> = [
  [{ prefix: 'os', metric: 'freePhysicalMemorySize', unit: 'BYTES' }, 123_456_789, 'long'],
  [{ prefix: 'os', metric: 'systemLoadAverage' }, 0.75, 'double'],
  [{ prefix: 'runtime', metric: 'availableProcessors', unit: 'COUNT' }, 8, 'long'],
  [
    {
      prefix: 'nearcache',
      metric: 'hits',
      discriminator: 'name',
      discriminatorValue: 'prices',
      unit: 'COUNT',
    },
    42,
    'long',
  ],
  [
    {
      prefix: 'nearcache',
      metric: 'misses',
      discriminator: 'name',
      discriminatorValue: 'prices',
      unit: 'COUNT',
    },
    3,
    'long',
  ],
  [
    {
      prefix: 'nearcache',
      metric: 'hits',
      discriminator: 'name',
      discriminatorValue: 'prices-ü',
      unit: 'COUNT',
    },
    -1,
    'long',
  ],
  [{ metric: 'bare' }, 2 ** 40, 'long'],
];

describe('MetricsCompressor', () => {
  it('writes the same dictionary and metrics as the official client', async () => {
    const ours = new MetricsCompressor();
    const theirs = new official.MetricsCompressor();
    for (const [descriptor, value, type] of samples) {
      const theirDescriptor = {
        ...descriptor,
        unit: descriptor.unit === undefined ? undefined : UNIT_ORDINAL[descriptor.unit],
      };
      if (type === 'long') {
        ours.addLong(descriptor, value);
        theirs.addLong(theirDescriptor, value);
      } else {
        ours.addDouble(descriptor, value);
        theirs.addDouble(theirDescriptor, value);
      }
    }
    const mine = sections(ours.toBlob(deflateSync));
    const reference = sections(await theirs.generateBlob());
    expect(mine.version).toBe(1);
    expect(mine.count).toBe(samples.length);
    expect(mine.count).toBe(reference.count);
    expect(mine.dictionary.toString('hex')).toBe(reference.dictionary.toString('hex'));
    expect(mine.metrics.toString('hex')).toBe(reference.metrics.toString('hex'));
  });

  it('writes 64-bit values beyond 2^53 exactly from a bigint', () => {
    const compressor = new MetricsCompressor();
    compressor.addLong({ prefix: 'p', metric: 'm' }, 2n ** 62n + 1n);
    const { metrics } = sections(compressor.toBlob(deflateSync));
    // mask, 4 ids, unit, excluded targets, tag count, value type, value
    expect(metrics.readBigInt64BE(metrics.length - 8)).toBe(2n ** 62n + 1n);
    expect(metrics[metrics.length - 9]).toBe(0);
  });

  it('refuses a name part longer than 255 characters', () => {
    const compressor = new MetricsCompressor();
    expect(() => compressor.addLong({ prefix: 'p', metric: 'x'.repeat(256) }, 1)).toThrow(
      IllegalArgumentError,
    );
    expect(compressor.count).toBe(0);
  });
});
