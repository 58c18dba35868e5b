// `pnpm lint:packages`: packs every public package (run `pnpm build` first) and runs publint and
// arethetypeswrong on the tarballs, as test/packed-install.int.test.ts does in the suite.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attwProblems, publintProblems } from './lint-packages';
import { packAll } from './pack';

const dir = await mkdtemp(join(tmpdir(), 'hz-lint-packages-'));
try {
  const packed = await packAll(join(dir, 'tarballs'));
  let problems = 0;
  for (const pkg of packed.values()) {
    const found = [...(await publintProblems(pkg))];
    const types = await attwProblems(pkg, dir);
    if (types) found.push(types);
    problems += found.length;
    console.log(found.length === 0 ? `${pkg.name}: publint and arethetypeswrong clean` : found.join('\n'));
  }
  process.exitCode = problems === 0 ? 0 : 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
