import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../catalog';

// The examples stay listed, linked and runnable: every program in src/ has a catalog entry (so the
// integration test runs it), and both READMEs link every one.

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageDir, '..', '..');

describe('the examples catalog', () => {
  it('has an entry for every program in src/, and a program for every entry', () => {
    const programs = readdirSync(join(packageDir, 'src'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `src/${f}`)
      .sort();
    expect(EXAMPLES.map((e) => e.file).sort()).toEqual(programs);
  });

  it('is linked from examples/features/README.md and the root README', () => {
    const local = readFileSync(join(packageDir, 'README.md'), 'utf8');
    const root = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const example of EXAMPLES) {
      expect(local, example.file).toContain(`](${example.file})`);
      expect(root, example.file).toContain(`](examples/features/${example.file})`);
    }
  });
});
