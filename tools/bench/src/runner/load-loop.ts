import { Socket } from 'node:net';
import * as hdr from 'hdr-histogram-js';
import { allocationProbe } from './alloc-probe';
import type { BenchMap, BenchValue } from './map-client';
import { benchValue, type RunResult, type Scenario } from './scenario';

type Phase = 'warmup' | 'measure' | 'stopped';

interface LoopOptions {
  readonly map: BenchMap;
  readonly scenario: Scenario;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly keyCount: number;
}

const HIGHEST_TRACKABLE_US = 60_000_000;

/**
 * Counts socket writes of this (runner) process, whichever client makes them: both write through
 * net.Socket.prototype.write, so wrapping it once measures how each batches its messages.
 */
const socketWrites = { count: 0 };
const originalWrite = Socket.prototype.write;
let countingInstalled = false;
export function countSocketWrites(): void {
  if (countingInstalled) return;
  countingInstalled = true;
  Socket.prototype.write = function countedWrite(this: Socket, ...args: Parameters<Socket['write']>) {
    socketWrites.count++;
    return originalWrite.apply(this, args);
  } as Socket['write'];
}
const MEMORY_SAMPLE_MS = 50;

/**
 * Keeps `concurrency` operations in flight for the warm-up and then the measured window. Latency,
 * operation count and CPU are taken only inside the measured window, so JIT warm-up and connection
 * set-up never count.
 */
export async function runLoadLoop(options: LoopOptions & { allocOps?: number }): Promise<RunResult> {
  const { scenario, keyCount } = options;
  const value: BenchValue = benchValue(scenario.valueKind, scenario.valueSize, 'a');
  const keys = Array.from({ length: keyCount }, (_, i) => `key-${i}`);
  const operation = pickOperation(options.map, scenario, keys, value);
  const result = await runOperationLoop({
    operation,
    concurrency: scenario.concurrency,
    warmupMs: options.warmupMs,
    measureMs: options.measureMs,
  });
  if (options.allocOps === undefined) return result;
  return { ...result, allocation: await allocationProbe(operation, scenario.concurrency, options.allocOps) };
}

export interface OperationLoopOptions {
  /** One operation; `random` is a per-worker pseudo-random 32-bit number. */
  readonly operation: (random: number) => Promise<unknown>;
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

/** The load loop of any benchmark: `concurrency` workers repeat `operation` (feature benchmarks use it too). */
export async function runOperationLoop(options: OperationLoopOptions): Promise<RunResult> {
  const { operation, concurrency } = options;
  countSocketWrites();
  const histogram = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_US,
    numberOfSignificantValueDigits: 3,
  });

  let phase: Phase = 'warmup';
  let operations = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const sampleMemory = (): void => {
    const usage = process.memoryUsage();
    if (usage.rss > peakRss) peakRss = usage.rss;
    if (usage.heapUsed > peakHeap) peakHeap = usage.heapUsed;
  };

  const worker = async (seed: number): Promise<void> => {
    let state = seed * 2_654_435_761 + 1;
    while (phase !== 'stopped') {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const started = process.hrtime.bigint();
      await operation(state);
      if (phase === 'measure') {
        const micros = Number(process.hrtime.bigint() - started) / 1000;
        histogram.recordValue(Math.min(Math.max(1, Math.round(micros)), HIGHEST_TRACKABLE_US));
        operations++;
      }
    }
  };

  const workers = Array.from({ length: concurrency }, (_, i) => worker(i + 1));
  await delay(options.warmupMs);

  const sampler = setInterval(sampleMemory, MEMORY_SAMPLE_MS);
  const writesAtStart = socketWrites.count;
  phase = 'measure';
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  await delay(options.measureMs);
  const cpu = process.cpuUsage(cpuStart);
  const elapsedMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
  const measured = operations;
  const writes = socketWrites.count - writesAtStart;
  phase = 'stopped';
  sampleMemory();
  clearInterval(sampler);
  await Promise.all(workers);

  const cpuMs = (cpu.user + cpu.system) / 1000;
  const result: RunResult = {
    operations: measured,
    elapsedMs,
    opsPerSec: (measured / elapsedMs) * 1000,
    cpuMsPer1kOps: measured === 0 ? 0 : (cpuMs / measured) * 1000,
    p50Us: histogram.getValueAtPercentile(50),
    p99Us: histogram.getValueAtPercentile(99),
    p999Us: histogram.getValueAtPercentile(99.9),
    maxUs: histogram.maxValue,
    peakRssMb: peakRss / 1024 / 1024,
    peakHeapMb: peakHeap / 1024 / 1024,
    writesPer1kOps: measured === 0 ? 0 : (writes / measured) * 1000,
  };
  histogram.destroy();
  return result;
}

/** Fills the key space so gets and getAll hit real entries. */
export async function prefill(map: BenchMap, scenario: Scenario, keyCount: number): Promise<void> {
  const value: BenchValue = benchValue(scenario.valueKind, scenario.valueSize, 'b');
  const chunk = 100;
  for (let start = 0; start < keyCount; start += chunk) {
    const entries: [string, BenchValue][] = [];
    for (let i = start; i < Math.min(keyCount, start + chunk); i++) entries.push([`key-${i}`, value]);
    await map.putAll(entries);
  }
}

function pickOperation(
  map: BenchMap,
  scenario: Scenario,
  keys: readonly string[],
  value: BenchValue,
): (random: number) => Promise<unknown> {
  const keyAt = (random: number): string => keys[random % keys.length] as string;
  switch (scenario.op) {
    case 'set':
      return (random) => map.set(keyAt(random), value);
    case 'get':
      return (random) => map.get(keyAt(random));
    case 'mix':
      // 40 % get, 40 % set, 20 % remove; the high bits choose so the key (low bits) stays independent.
      return (random) => {
        const dice = (random >>> 16) % 10;
        const key = keyAt(random);
        if (dice < 4) return map.get(key);
        if (dice < 8) return map.set(key, value);
        return map.remove(key);
      };
    case 'putAll': {
      return (random) => map.putAll(batchOf(keys, random, scenario.batch).map((key) => [key, value]));
    }
    case 'getAll':
      return (random) => map.getAll(batchOf(keys, random, scenario.batch));
  }
}

function batchOf(keys: readonly string[], random: number, size: number): string[] {
  const start = random % keys.length;
  const batch: string[] = [];
  for (let i = 0; i < size; i++) batch.push(keys[(start + i) % keys.length] as string);
  return batch;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
