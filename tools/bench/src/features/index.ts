import type { FeatureBenchmark } from './feature';
import { surfaceBenchmark } from './surface';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [surfaceBenchmark];
