import { cpBenchmark } from './cp';
import type { FeatureBenchmark } from './feature';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [cpBenchmark];
