import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runInFreshProcess } from '../fork-runner';
import { cacheDir, repoRoot } from '../paths';
import type { RunRequest, RunResult, Scenario } from '../runner/scenario';
import { type ProfileSummary, summarizeCpuProfile } from './cpu-profile';

export interface ProfileReport {
  readonly scenario: string;
  readonly profile: string;
  readonly result: RunResult;
  readonly summary: ProfileSummary;
}

interface Target {
  readonly clusterName: string;
  readonly addresses: readonly string[];
}

/** Runs the @hz runner under `node --cpu-prof` for one scenario and summarizes self time. */
export async function profileScenario(
  target: Target,
  scenario: Scenario,
  measureMs: number,
): Promise<ProfileReport> {
  const dir = join(cacheDir, 'profiles', scenario.name.replace(/[^a-zA-Z0-9]+/g, '-'));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const request: RunRequest = {
    client: 'ours',
    clusterName: target.clusterName,
    addresses: target.addresses,
    scenario,
    warmupMs: 2000,
    measureMs,
    keyCount: 1000,
  };
  const result = await runInFreshProcess<RunResult>('map', request, {
    execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--enable-source-maps'],
  });
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`bench: node --cpu-prof wrote no profile into ${dir}`);
  const profile = join(dir, file);
  return { scenario: scenario.name, profile, result, summary: await summarizeCpuProfile(profile, repoRoot) };
}
