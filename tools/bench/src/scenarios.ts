import { type Operation, type Scenario, scenarioName, type ValueKind } from './runner/scenario';

const VALUE_SIZES = [100, 1024, 10 * 1024] as const;
const CONCURRENCIES = [1, 32, 256] as const;
const SINGLE_KEY_OPS: readonly Operation[] = ['set', 'get', 'mix'];
const BATCH = 100;
const BATCH_CONCURRENCY = 32;

function scenario(
  op: Operation,
  valueSize: number,
  concurrency: number,
  batch = 1,
  valueKind: ValueKind = 'buffer',
): Scenario {
  return {
    name: scenarioName(op, valueSize, concurrency, batch, valueKind),
    op,
    valueSize,
    valueKind,
    concurrency,
    batch,
  };
}

/** Every combination the issue asks for: 3 operations x 3 sizes x 3 concurrencies, plus the batches. */
export function fullScenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const op of SINGLE_KEY_OPS) {
    for (const size of VALUE_SIZES) {
      for (const concurrency of CONCURRENCIES) list.push(scenario(op, size, concurrency));
    }
  }
  list.push(scenario('putAll', 1024, BATCH_CONCURRENCY, BATCH));
  list.push(scenario('getAll', 1024, BATCH_CONCURRENCY, BATCH));
  for (const kind of ['string', 'object'] as const) {
    for (const op of ['set', 'get'] as const) list.push(scenario(op, 1024, 256, 1, kind));
  }
  return list;
}

/**
 * The headline scenarios, for a run of several minutes: set and get at 256 in flight for 1 KB bytes,
 * strings and objects and for 100 B and 10 KB bytes, a request-response round trip (get at 1 in flight),
 * and the 1 KB mix.
 */
export function quickScenarios(): Scenario[] {
  return [
    scenario('set', 1024, 256),
    scenario('get', 1024, 256),
    scenario('set', 1024, 256, 1, 'string'),
    scenario('get', 1024, 256, 1, 'string'),
    scenario('set', 1024, 256, 1, 'object'),
    scenario('get', 1024, 256, 1, 'object'),
    scenario('set', 100, 256),
    scenario('get', 100, 256),
    scenario('set', 10 * 1024, 256),
    scenario('get', 10 * 1024, 256),
    scenario('get', 1024, 1),
    scenario('mix', 1024, 32),
  ];
}

/** Restricts to scenarios whose name contains any of the filters (the --only option). */
export function filterScenarios(list: Scenario[], filters: readonly string[]): Scenario[] {
  if (filters.length === 0) return list;
  return list.filter((s) => filters.some((f) => s.name.includes(f)));
}
