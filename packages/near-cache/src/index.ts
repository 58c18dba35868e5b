// @hz/near-cache: client-side Near Cache for @hz/core-client maps, as a config plug-in
// (`plugins: [nearCache({ 'prices': {…} })]`). Nothing here runs at import.

import type { IMap } from '@hz/core-client';
import { NearCachedMap } from './near-cached-map';
import type { NearCacheStats } from './record-store';

export {
  EvictionPolicy,
  InMemoryFormat,
  type NearCacheMapConfig,
  type NearCacheMapsConfig,
  type NearCacheRepairConfig,
} from './config';
export { type NearCacheManager, nearCache } from './plugin';
export type { NearCacheStats } from './record-store';

/**
 * The statistics of `map`'s near cache (hits, misses, evictions, expirations, invalidations, entries and
 * their memory cost, and the repair's counters), or null when the map has no near cache.
 */
export function getNearCacheStats<K, V>(map: IMap<K, V>): NearCacheStats | null {
  return map instanceof NearCachedMap ? map.stats() : null;
}
