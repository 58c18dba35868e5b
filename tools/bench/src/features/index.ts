import type { FeatureBenchmark } from './feature';
import { nearCacheBenchmark } from './near-cache';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [nearCacheBenchmark];
