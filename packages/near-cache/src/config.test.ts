import { CLIENT_PROPERTIES, InvalidConfigurationError } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { checkRepairConfig, configFor, resolveMapsConfig, resolveRepairConfig } from './config';
import { nearCache } from './plugin';

const defaults = Object.fromEntries(
  Object.entries(CLIENT_PROPERTIES).map(([name, spec]) => [name, spec.default]),
) as never;

describe('near-cache config', () => {
  it('fills in the official Node.js client defaults', () => {
    const config = resolveMapsConfig({ prices: {} }).get('prices');
    expect(config).toEqual({
      pattern: 'prices',
      invalidateOnChange: true,
      inMemoryFormat: 'BINARY',
      timeToLiveMillis: 0,
      maxIdleMillis: 0,
      evictionPolicy: 'LRU',
      evictionMaxSize: Number.MAX_SAFE_INTEGER,
      evictionSamplingCount: 8,
      evictionSamplingPoolSize: 16,
    });
  });

  it('takes every option, seconds as milliseconds', () => {
    const config = resolveMapsConfig({
      prices: {
        invalidateOnChange: false,
        inMemoryFormat: 'OBJECT',
        timeToLiveSeconds: 1.5,
        maxIdleSeconds: 2,
        evictionPolicy: 'LFU',
        evictionMaxSize: 100,
        evictionSamplingCount: 3,
        evictionSamplingPoolSize: 4,
      },
    }).get('prices');
    expect(config).toMatchObject({
      invalidateOnChange: false,
      inMemoryFormat: 'OBJECT',
      timeToLiveMillis: 1500,
      maxIdleMillis: 2000,
      evictionPolicy: 'LFU',
      evictionMaxSize: 100,
      evictionSamplingCount: 3,
      evictionSamplingPoolSize: 4,
    });
  });

  it('names the option path and what it accepts, with did-you-mean for typos', () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        { prices: { evictionPolicy: 'LRUU' } },
        /plugins\[near-cache\]\['prices'\]\.evictionPolicy must be one of "NONE", "LRU", "LFU", "RANDOM", got "LRUU"/,
      ],
      [
        { prices: { evictonPolicy: 'LRU' } },
        /unknown option plugins\[near-cache\]\['prices'\]\.evictonPolicy \(did you mean plugins\[near-cache\]\['prices'\]\.evictionPolicy\?\)/,
      ],
      [
        { 'ref-*': { inMemoryFormat: 'NATIVE' } },
        /plugins\[near-cache\]\['ref-\*'\]\.inMemoryFormat must be one of "BINARY", "OBJECT", got "NATIVE"/,
      ],
      [
        { prices: { timeToLiveSeconds: -1 } },
        /plugins\[near-cache\]\['prices'\]\.timeToLiveSeconds must be a number >= 0, got number -1/,
      ],
      [
        { prices: { maxIdleSeconds: '5' } },
        /plugins\[near-cache\]\['prices'\]\.maxIdleSeconds must be a number >= 0, got "5"/,
      ],
      [
        { prices: { evictionMaxSize: 0 } },
        /plugins\[near-cache\]\['prices'\]\.evictionMaxSize must be an integer in \[1, 9007199254740991\], got number 0/,
      ],
      [
        { prices: { evictionSamplingCount: 1.5 } },
        /plugins\[near-cache\]\['prices'\]\.evictionSamplingCount must be an integer/,
      ],
      [{ prices: { evictionSamplingPoolSize: 0 } }, /evictionSamplingPoolSize must be an integer/],
      [{ prices: { invalidateOnChange: 'yes' } }, /\.invalidateOnChange must be true or false, got "yes"/],
      [{ prices: 5 }, /plugins\[near-cache\]\['prices'\] must be an object of near-cache options/],
      [{ 'a*b*': {} }, /must be a map name or a pattern with at most one \* wildcard, got "a\*b\*"/],
      ['prices', /plugins\[near-cache\] must be an object of near-cache configs by map name/],
    ];
    for (const [input, message] of cases) {
      expect(() => nearCache(input as never)).toThrow(InvalidConfigurationError);
      expect(() => nearCache(input as never)).toThrow(message);
    }
  });

  it('matches names as Hazelcast does: exact first, then the pattern matching the most characters', () => {
    const configs = resolveMapsConfig({
      prices: { evictionMaxSize: 1 },
      'pri*': { evictionMaxSize: 2 },
      'ref-*': { evictionMaxSize: 3 },
      'ref-*-eu': { evictionMaxSize: 4 },
      '*': { evictionMaxSize: 5 },
    });
    expect(configFor(configs, 'prices')?.evictionMaxSize).toBe(1);
    expect(configFor(configs, 'pricelist')?.evictionMaxSize).toBe(2);
    expect(configFor(configs, 'ref-rates')?.evictionMaxSize).toBe(3);
    expect(configFor(configs, 'ref-rates-eu')?.evictionMaxSize).toBe(4);
    expect(configFor(configs, 'orders')?.evictionMaxSize).toBe(5);
    const narrow = resolveMapsConfig({ 'ref-*': {}, 'ab*ba': {} });
    expect(configFor(narrow, 'orders')).toBeUndefined();
    // The head and the tail of a pattern must not overlap.
    expect(configFor(narrow, 'aba')).toBeUndefined();
    expect(configFor(narrow, 'abba')?.pattern).toBe('ab*ba');
  });

  it('refuses a name two patterns match equally well', () => {
    const configs = resolveMapsConfig({ 'a*': {}, '*b': {} });
    expect(() => configFor(configs, 'ab')).toThrow(
      /map ab matches both plugins\[near-cache\]\['a\*'\] and plugins\[near-cache\]\['\*b'\] equally well/,
    );
  });

  it('takes the repair settings from the client properties unless the plug-in sets them', () => {
    expect(resolveRepairConfig({}, defaults)).toEqual({
      reconciliationIntervalMillis: 60_000,
      maxToleratedMissCount: 10,
    });
    const properties = {
      ...(defaults as object),
      'hazelcast.invalidation.reconciliation.interval.seconds': 5,
      'hazelcast.invalidation.min.reconciliation.interval.seconds': 2,
      'hazelcast.invalidation.max.tolerated.miss.count': 3,
    } as never;
    expect(resolveRepairConfig({}, properties)).toEqual({
      reconciliationIntervalMillis: 5_000,
      maxToleratedMissCount: 3,
    });
    expect(
      resolveRepairConfig({ reconciliationIntervalSeconds: 4, maxToleratedMissCount: 0 }, properties),
    ).toEqual({ reconciliationIntervalMillis: 4_000, maxToleratedMissCount: 0 });
    expect(resolveRepairConfig({ reconciliationIntervalSeconds: 0 }, defaults)).toEqual({
      reconciliationIntervalMillis: 0,
      maxToleratedMissCount: 10,
    });
  });

  it('refuses an interval below the minimum, naming where each came from', () => {
    expect(() => resolveRepairConfig({ reconciliationIntervalSeconds: 5 }, defaults)).toThrow(
      /plugins\[near-cache\]\.reconciliationIntervalSeconds must be 0 \(no periodic reconciliation\) or at least properties\['hazelcast\.invalidation\.min\.reconciliation\.interval\.seconds'\] \(30 seconds\), got 5/,
    );
    const properties = {
      ...(defaults as object),
      'hazelcast.invalidation.reconciliation.interval.seconds': 10,
    } as never;
    expect(() => resolveRepairConfig({ minReconciliationIntervalSeconds: 20 }, properties)).toThrow(
      /properties\['hazelcast\.invalidation\.reconciliation\.interval\.seconds'\] must be 0 .* or at least plugins\[near-cache\]\.minReconciliationIntervalSeconds \(20 seconds\), got 10/,
    );
    expect(() => checkRepairConfig({ reconcilationIntervalSeconds: 1 })).toThrow(
      /did you mean plugins\[near-cache\]\.reconciliationIntervalSeconds\?/,
    );
    expect(() => checkRepairConfig({ maxToleratedMissCount: -1 })).toThrow(
      /plugins\[near-cache\]\.maxToleratedMissCount must be an integer/,
    );
  });
});
