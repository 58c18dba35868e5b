import { readFile } from 'node:fs/promises';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import type { PackedPackage } from './pack';
import { rootBin, run } from './workspace';

/** publint's findings for a packed tarball, warnings included (strict), formatted; empty when clean. */
export async function publintProblems(pkg: PackedPackage): Promise<string[]> {
  const data = await readFile(pkg.tarball);
  const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const { messages, pkg: manifest } = await publint({ pack: { tarball }, level: 'warning', strict: true });
  return messages.map((message) => `${pkg.name}: ${formatMessage(message, manifest) ?? message.code}`);
}

/**
 * arethetypeswrong on a packed tarball with the node16 profile: Node.js ≥ 20.19 (the packages' engines)
 * resolves through `exports` for CJS and ESM, and bundlers likewise; node10 cannot see subpath exports.
 * Returns its report when it finds a problem, null when clean.
 */
export async function attwProblems(pkg: PackedPackage, cwd: string): Promise<string | null> {
  const result = await run(
    rootBin('attw'),
    [pkg.tarball, '--profile', 'node16', '--format', 'ascii', '--no-color'],
    {
      cwd,
    },
  );
  return result.code === 0 ? null : `${pkg.name}:\n${result.stdout}${result.stderr}`;
}
