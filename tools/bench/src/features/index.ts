import { cpBenchmark } from './cp';
import { executorBenchmark } from './executor';
import type { FeatureBenchmark } from './feature';
import { flakeIdBenchmark } from './flake-id';
import { multimapBenchmark } from './multimap';
import { nearCacheBenchmark } from './near-cache';
import { observabilityBenchmark } from './observability';
import { queueBenchmark } from './queue';
import { reliableTopicBenchmark } from './reliable-topic';
import { slowNetworkBenchmark } from './slow-network';
import { sqlBenchmark } from './sql';
import { sqlStreamBenchmark } from './sql-stream';
import { surfaceBenchmark } from './surface';
import { transactionBenchmark } from './transaction';

/** Every feature benchmark `pnpm bench` runs after the Map scenarios; add yours here (one line). */
export const FEATURES: readonly FeatureBenchmark[] = [
  queueBenchmark,
  multimapBenchmark,
  reliableTopicBenchmark,
  flakeIdBenchmark,
  observabilityBenchmark,
  cpBenchmark,
  sqlBenchmark,
  sqlStreamBenchmark,
  nearCacheBenchmark,
  surfaceBenchmark,
  executorBenchmark,
  transactionBenchmark,
  slowNetworkBenchmark,
];
