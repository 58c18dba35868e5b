import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  readonly functionName: string;
  /** file:line (1-based), repo-relative when the file is in the repo. */
  readonly location: string;
  readonly area: string;
  readonly selfMs: number;
  readonly percent: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Self time per area (@hz package, node internals, GC, idle…), largest first. */
  readonly areas: { area: string; selfMs: number; percent: number }[];
  /** The heaviest functions by self time, excluding idle. */
  readonly top: SelfTime[];
}

/** Self time per function from a V8 .cpuprofile (as written by `node --cpu-prof`). */
export async function summarizeCpuProfile(
  path: string,
  repoRoot: string,
  limit = 25,
): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const byFunction = new Map<string, { functionName: string; location: string; area: string; us: number }>();
  const byArea = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    const file = frame.url.replace(/^file:\/\//, '').replace(`${repoRoot}/`, '');
    const area = areaOf(frame.functionName, file);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const location = file ? `${file}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName}@${location}`;
    const entry = byFunction.get(key);
    if (entry) entry.us += us;
    else byFunction.set(key, { functionName: frame.functionName || '(anonymous)', location, area, us });
  }
  const percent = (us: number) => (totalUs === 0 ? 0 : (us / totalUs) * 100);
  return {
    totalMs: totalUs / 1000,
    areas: [...byArea]
      .sort((a, b) => b[1] - a[1])
      .map(([area, us]) => ({ area, selfMs: us / 1000, percent: percent(us) })),
    top: [...byFunction.values()]
      .filter((f) => f.area !== '(idle)')
      .sort((a, b) => b.us - a.us)
      .slice(0, limit)
      .map((f) => ({ ...f, selfMs: f.us / 1000, percent: percent(f.us) })),
  };
}

function areaOf(functionName: string, file: string): string {
  if (functionName === '(idle)' || functionName === '(garbage collector)' || functionName === '(program)') {
    return functionName;
  }
  const ours = /^packages\/([^/]+)\//.exec(file);
  if (ours) return `@hz/${ours[1]}`;
  if (file.includes('node_modules/long/')) return 'long';
  if (file.includes('node_modules/hdr-histogram-js/')) return 'bench (hdr-histogram-js)';
  if (file.includes('tools/bench/')) return 'bench (load loop)';
  if (file.startsWith('node:') || file === '') return 'node internals / native';
  return file.includes('node_modules/') ? 'other dependencies' : 'other';
}
