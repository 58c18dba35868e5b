import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';

const cluster = useCluster({ members: 2 });
const script = fileURLToPath(new URL('./fixtures/connect-and-exit.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

/** Runs the fixture in its own process: it must exit by itself, without unhandled rejections. */
function runFixture(
  args: string[],
  onOutput: (output: string) => void = () => {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['--conditions=@hz/source', script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      onOutput(output);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('client shutdown', () => {
  it('leaves no timer or socket behind: the process exits by itself', async () => {
    const { code, output } = await runFixture([cluster.current.name, ...cluster.current.addresses]);
    expect(output).toContain('done 100');
    expect(output).not.toContain('unhandled');
    expect(code).toBe(0);
  });

  it('leaves no unhandled rejection when the cluster goes away under load', async () => {
    let killed: Promise<void> | undefined;
    const { code, output } = await runFixture(
      [cluster.current.name, ...cluster.current.addresses, '--lose-cluster'],
      (out) => {
        if (out.includes('working') && !killed) {
          killed = Promise.all(
            cluster.current.liveMembers.map((m) => cluster.current.terminateMember(m)),
          ).then(() => {});
        }
      },
    );
    await killed;
    expect(output).toMatch(/lost the cluster; \d+ operations failed/);
    expect(output).not.toContain('unhandled');
    expect(code).toBe(0);
  });
});
