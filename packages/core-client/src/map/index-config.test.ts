import Long from 'long';
import { describe, expect, it } from 'vitest';
import { toWireIndexConfig } from './index-config';

describe('toWireIndexConfig', () => {
  it('defaults to a SORTED index and normalises "this." attributes', () => {
    expect(toWireIndexConfig({ attributes: ['this.age', 'name'] })).toEqual({
      name: null,
      type: 0,
      attributes: ['age', 'name'],
      bitmapIndexOptions: null,
      bTreeIndexConfig: {
        pageSize: { value: Long.fromNumber(16), unit: 1 },
        memoryTierConfig: { capacity: { value: Long.fromNumber(256), unit: 2 } },
      },
    });
  });

  it('fills bitmap options with the member defaults', () => {
    expect(toWireIndexConfig({ type: 'BITMAP', attributes: ['age'], name: 'bm' })).toMatchObject({
      name: 'bm',
      type: 2,
      bitmapIndexOptions: { uniqueKey: '__key', uniqueKeyTransformation: 0 },
    });
    expect(
      toWireIndexConfig({
        type: 'BITMAP',
        attributes: ['a'],
        bitmapIndexOptions: { uniqueKey: 'id', uniqueKeyTransformation: 'LONG' },
      }).bitmapIndexOptions,
    ).toEqual({ uniqueKey: 'id', uniqueKeyTransformation: 1 });
  });

  it.each([
    [{ attributes: [] }, /at least one attribute/],
    [{ attributes: ['a', 'this.a'] }, /must be distinct/],
    [{ attributes: [''] }, /non-empty strings/],
    [{ type: 'TREE', attributes: ['a'] }, /SORTED, HASH or BITMAP, got TREE/],
    [{ type: 'BITMAP', attributes: ['a', 'b'] }, /exactly one attribute/],
    [{ type: 'HASH', attributes: ['a'], bitmapIndexOptions: {} }, /BITMAP indexes only/],
    [
      { type: 'BITMAP', attributes: ['a'], bitmapIndexOptions: { uniqueKeyTransformation: 'X' } },
      /OBJECT, LONG or RAW, got X/,
    ],
  ])('rejects %j', (config, message) => {
    expect(() => toWireIndexConfig(config as never)).toThrow(message);
  });
});
