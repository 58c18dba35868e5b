// Entry point of one measured round of a feature benchmark: a fresh Node process per client and round.

import type { ClientKind, FeatureScenario, FeatureTarget } from '../features/feature';
import { FEATURES } from '../features/index';
import { readRequest, send } from './ipc';
import { runOperationLoop } from './load-loop';

export interface FeatureRunRequest {
  readonly feature: string;
  readonly client: ClientKind;
  readonly target: FeatureTarget;
  readonly scenario: FeatureScenario;
  readonly warmupMs: number;
  readonly measureMs: number;
}

async function main(): Promise<void> {
  const request = readRequest<FeatureRunRequest>();
  const feature = FEATURES.find((f) => f.name === request.feature);
  if (!feature) throw new Error(`bench: no feature benchmark named ${request.feature}`);
  const driver = await feature.prepare(request.client, request.target, request.scenario);
  try {
    const result = await runOperationLoop({
      operation: (random) => driver.operation(random),
      concurrency: request.scenario.concurrency,
      warmupMs: request.warmupMs,
      measureMs: request.measureMs,
    });
    await send({ ok: true, result });
  } finally {
    await driver.close();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
