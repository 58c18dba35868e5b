import type { IndexConfig as WireIndexConfig } from '@hz/protocol';
import Long from 'long';
import { IllegalArgumentError } from '../errors/hazelcast-error';

export const IndexType = { SORTED: 'SORTED', HASH: 'HASH', BITMAP: 'BITMAP' } as const;
export type IndexType = (typeof IndexType)[keyof typeof IndexType];

export const UniqueKeyTransformation = { OBJECT: 'OBJECT', LONG: 'LONG', RAW: 'RAW' } as const;
export type UniqueKeyTransformation = (typeof UniqueKeyTransformation)[keyof typeof UniqueKeyTransformation];

/** An index on map attributes, as the official client's IndexConfig. */
export interface IndexConfig {
  name?: string;
  /** Default SORTED. */
  type?: IndexType;
  attributes: string[];
  /** BITMAP indexes only. */
  bitmapIndexOptions?: { uniqueKey?: string; uniqueKeyTransformation?: UniqueKeyTransformation };
}

/**
 * Java's BTreeIndexConfig defaults (16 KB pages, 256 MB memory tier; MemoryUnit KILOBYTES = 1, MEGABYTES = 2).
 * A 5.7 member compares index configs field by field and fails on a null B-tree config, so it is always sent.
 */
const DEFAULT_BTREE_INDEX_CONFIG = {
  pageSize: { value: Long.fromNumber(16), unit: 1 },
  memoryTierConfig: { capacity: { value: Long.fromNumber(256), unit: 2 } },
};

const TYPE_IDS: Record<IndexType, number> = { SORTED: 0, HASH: 1, BITMAP: 2 };
const TRANSFORMATION_IDS: Record<UniqueKeyTransformation, number> = { OBJECT: 0, LONG: 1, RAW: 2 };

/** Validates an index config (the same rules as Java's IndexUtils) and turns it into its wire form. */
export function toWireIndexConfig(config: IndexConfig): WireIndexConfig {
  if (typeof config !== 'object' || config === null)
    throw new IllegalArgumentError('addIndex takes an IndexConfig object');
  const type = config.type ?? 'SORTED';
  if (!(type in TYPE_IDS))
    throw new IllegalArgumentError(`Index type must be SORTED, HASH or BITMAP, got ${String(type)}`);
  if (!Array.isArray(config.attributes) || config.attributes.length === 0) {
    throw new IllegalArgumentError('An index needs at least one attribute');
  }
  const attributes = config.attributes.map((attribute) => {
    if (typeof attribute !== 'string' || attribute.trim().length === 0) {
      throw new IllegalArgumentError(
        `Index attributes must be non-empty strings, got ${JSON.stringify(attribute)}`,
      );
    }
    // "this.x" and "x" are the same attribute to the member.
    return attribute.trim().replace(/^this\./, '');
  });
  if (new Set(attributes).size !== attributes.length) {
    throw new IllegalArgumentError(`Index attributes must be distinct, got ${attributes.join(', ')}`);
  }
  if (type === 'BITMAP' && attributes.length !== 1) {
    throw new IllegalArgumentError('A BITMAP index has exactly one attribute');
  }
  const options = config.bitmapIndexOptions;
  if (options !== undefined && type !== 'BITMAP') {
    throw new IllegalArgumentError('bitmapIndexOptions apply to BITMAP indexes only');
  }
  const transformation = options?.uniqueKeyTransformation ?? 'OBJECT';
  if (!(transformation in TRANSFORMATION_IDS)) {
    throw new IllegalArgumentError(
      `uniqueKeyTransformation must be OBJECT, LONG or RAW, got ${String(transformation)}`,
    );
  }
  return {
    name: config.name ?? null,
    type: TYPE_IDS[type],
    attributes,
    bitmapIndexOptions:
      type === 'BITMAP'
        ? {
            uniqueKey: options?.uniqueKey ?? '__key',
            uniqueKeyTransformation: TRANSFORMATION_IDS[transformation],
          }
        : null,
    bTreeIndexConfig: DEFAULT_BTREE_INDEX_CONFIG,
  };
}
