// Micro-benchmarks in one fresh process: each pair runs ours then official, case by case, so both see the
// same machine state; a case's figures are medians of several timed samples after a warm-up.
import { readRequest, send } from '../runner/ipc';
import { codecPairs, type MicroPair } from './codec-cases';
import { opsPerSecond } from './measure';
import type { MicroCase, MicroReport } from './micro-types';
import { loadOfficial } from './official-modules';
import { serializationPairs } from './serialization-cases';

async function main(): Promise<void> {
  const { quick } = readRequest<{ quick: boolean }>();
  const timing = quick
    ? { warmupMs: 200, sampleMs: 200, samples: 3 }
    : { warmupMs: 500, sampleMs: 400, samples: 5 };
  const official = loadOfficial();
  const skipped: string[] = [];
  const pairs: MicroPair[] = [...codecPairs(official), ...serializationPairs(official, skipped)];
  const cases: MicroCase[] = pairs.map((pair) => ({
    name: pair.name,
    oursOpsPerSec: opsPerSecond(pair.ours, timing),
    officialOpsPerSec: opsPerSecond(pair.official, timing),
  }));
  const report: MicroReport = { cases, skipped };
  await send({ ok: true, result: report });
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
