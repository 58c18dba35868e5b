import { median } from '../stats';

/** A side-effect sink: results go here so the JIT cannot drop the measured work as dead code. */
let sink: unknown;
export function consume(value: unknown): void {
  sink = value;
}
export function lastConsumed(): unknown {
  return sink;
}

export interface MeasureOptions {
  readonly warmupMs: number;
  readonly sampleMs: number;
  readonly samples: number;
}

/** Median operations per second over several timed samples, after a warm-up that lets the JIT settle. */
export function opsPerSecond(work: () => unknown, options: MeasureOptions): number {
  runFor(work, options.warmupMs);
  const rates: number[] = [];
  for (let i = 0; i < options.samples; i++) rates.push(runFor(work, options.sampleMs));
  return median(rates);
}

function runFor(work: () => unknown, ms: number): number {
  const batch = 64;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(ms) * 1_000_000n;
  let operations = 0;
  let now = started;
  while (now < deadline) {
    for (let i = 0; i < batch; i++) consume(work());
    operations += batch;
    now = process.hrtime.bigint();
  }
  return operations / (Number(now - started) / 1e9);
}
