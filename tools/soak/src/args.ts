/** Command-line options of `pnpm soak`. */
export interface SoakArgs {
  minutes: number;
  restartEveryMinutes: number;
  sampleEverySeconds: number;
  workers: number;
  members: number;
  version: string | undefined;
  out: string | undefined;
}

export const USAGE = `Usage: pnpm soak [--minutes N] [--restart-every M] [--sample-every S] [--workers W] [--members K]
                 [--version X.Y.Z] [--out DIR]

  --minutes N         how long the load runs (default 2)
  --restart-every M   minutes between member restarts, one member at a time, round robin (default 3;
                      0: no restarts; runs shorter than 9 minutes restart every third of the run)
  --sample-every S    seconds between samples (default: about 150 samples per run, 5 to 30 s apart)
  --workers W         concurrent operation loops (default 8)
  --members K         cluster members (default 3)
  --version X.Y.Z     Hazelcast version (default 5.7.0 or $HZ_VERSION)
  --out DIR           where samples.jsonl, report.json and soak.svg go (default tools/soak/results/<time>)`;

export function parseArgs(argv: readonly string[]): SoakArgs {
  const values = new Map<string, string>();
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (!flag.startsWith('--')) throw new Error(`unexpected argument "${flag}"\n${USAGE}`);
    const value = args[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    values.set(flag.slice(2), value);
  }
  const known = ['minutes', 'restart-every', 'sample-every', 'workers', 'members', 'version', 'out'];
  for (const name of values.keys()) {
    if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  }
  const number = (name: string, fallback: number, min: number): number => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`--${name} must be a number >= ${min}, got "${text}"`);
    return value;
  };
  const minutes = number('minutes', 2, 0.5);
  const restartEveryMinutes = number('restart-every', minutes < 9 ? minutes / 3 : 3, 0);
  const sampleEverySeconds = number('sample-every', Math.min(30, Math.max(5, (minutes * 60) / 150)), 1);
  return {
    minutes,
    restartEveryMinutes,
    sampleEverySeconds,
    workers: Math.round(number('workers', 8, 1)),
    members: Math.round(number('members', 3, 1)),
    version: values.get('version'),
    out: values.get('out'),
  };
}
