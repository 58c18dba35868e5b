export interface BenchArgs {
  readonly quick: boolean;
  readonly micro: boolean;
  readonly profile: boolean;
  /** Allocation mode: bytes per operation of the quick scenarios (no other part runs). */
  readonly alloc: boolean;
  readonly json: boolean;
  readonly members: number;
  readonly rounds: number;
  readonly build: boolean;
  readonly only: string[];
  /** Which parts to run; the default (full or --quick) runs all of them. */
  readonly parts: {
    map: boolean;
    features: boolean;
    bundle: boolean;
    loadTime: boolean;
    micro: boolean;
    profile: boolean;
  };
}

const USAGE = `usage: pnpm bench [--quick] [--micro] [--profile] [--alloc] [--json] [--members N] [--rounds N] [--only TEXT]…
                  [--no-build] [--skip-map] [--skip-features] [--skip-bundle] [--skip-load-time] [--skip-micro]`;

/** Parses the command line; unknown options are an error rather than silently ignored. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let micro = false;
  let profile = false;
  let alloc = false;
  let json = false;
  let members = 1;
  let rounds: number | undefined;
  let build = true;
  const only: string[] = [];
  const skip = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`bench: ${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--') continue;
    else if (arg === '--quick') quick = true;
    else if (arg === '--micro') micro = true;
    else if (arg === '--profile') profile = true;
    else if (arg === '--alloc') alloc = true;
    else if (arg === '--json') json = true;
    else if (arg === '--no-build') build = false;
    else if (arg === '--members') members = positiveInt(arg, value());
    else if (arg === '--rounds') rounds = positiveInt(arg, value());
    else if (arg === '--only') only.push(value());
    else if (arg.startsWith('--skip-')) skip.add(arg.slice('--skip-'.length));
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else throw new Error(`bench: unknown option '${arg}'\n${USAGE}`);
  }
  for (const part of skip) {
    if (!['map', 'features', 'bundle', 'load-time', 'micro'].includes(part))
      throw new Error(`bench: unknown --skip-${part}`);
  }
  // --micro and --profile are modes of their own; combined, they run both and nothing else.
  const parts =
    micro || profile || alloc
      ? { map: false, features: false, bundle: false, loadTime: false, micro, profile }
      : {
          map: !skip.has('map'),
          features: !skip.has('features'),
          bundle: !skip.has('bundle'),
          loadTime: !skip.has('load-time'),
          micro: !quick && !skip.has('micro'),
          profile: false,
        };
  return { quick, micro, profile, alloc, json, members, rounds: rounds ?? 3, build, only, parts };
}

function positiveInt(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`bench: ${option} must be a positive integer, got '${text}'`);
  return n;
}
