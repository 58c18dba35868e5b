import type { FeatureBenchmark } from './feature';
import { multimapBenchmark } from './multimap';
import { queueBenchmark } from './queue';
import { slowNetworkBenchmark } from './slow-network';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [
  queueBenchmark,
  multimapBenchmark,
  slowNetworkBenchmark,
];
