import type { FeatureBenchmark } from './feature';
import { sqlBenchmark } from './sql';
import { sqlStreamBenchmark } from './sql-stream';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [sqlBenchmark, sqlStreamBenchmark];
