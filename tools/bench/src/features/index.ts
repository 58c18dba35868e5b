import type { FeatureBenchmark } from './feature';
import { flakeIdBenchmark } from './flake-id';
import { reliableTopicBenchmark } from './reliable-topic';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [reliableTopicBenchmark, flakeIdBenchmark];
