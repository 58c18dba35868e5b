import type { FeatureBenchmark } from './feature';
import { multimapBenchmark } from './multimap';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [multimapBenchmark];
