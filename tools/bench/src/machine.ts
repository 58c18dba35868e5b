import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly nproc: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly java: string;
  readonly platform: string;
  readonly date: string;
}

export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    nproc: cpus().length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    java: javaVersion(),
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

function javaVersion(): string {
  // `java -version` writes to stderr; the first line names vendor and version.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return result.stderr?.split('\n')[0]?.trim() || 'unknown';
}
