// Generates packages/protocol/src/generated from the protocol definitions (YAML) and keeps the package's
// "exports" in step. With --check it writes nothing and fails when the committed files are out of date.
// Usage: pnpm exec tsx tools/codegen/src/main.ts [--check] [definitionsDir]
// definitionsDir defaults to tools/codegen/protocol-definitions (a vendored copy; see its README.md).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCustomTypes, loadServices } from './definitions';
import { exportsField, generate } from './generate';

const codegenDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(codegenDir, '../..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const definitionsDir = resolve(
  args.find((a) => !a.startsWith('--')) ?? join(codegenDir, 'protocol-definitions'),
);
const packageDir = join(repoRoot, 'packages/protocol');
const outDir = join(packageDir, 'src/generated');
const packageJsonPath = join(packageDir, 'package.json');

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [relative(outDir, path)];
  });
}

const output = generate(loadServices(definitionsDir), loadCustomTypes(definitionsDir));
const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
const wantedExports = exportsField(output.sources);

if (check) {
  const stale: string[] = [];
  const committed = new Set(listFiles(outDir));
  for (const [path, text] of output.files) {
    if (!committed.has(path) || readFileSync(join(outDir, path), 'utf8') !== text) stale.push(path);
    committed.delete(path);
  }
  stale.push(...[...committed].map((path) => `${path} (not generated any more)`));
  if (JSON.stringify(packageJson.exports) !== JSON.stringify(wantedExports))
    stale.push('package.json exports');
  if (stale.length > 0) {
    console.error(`Generated codecs are out of date (${stale.length}): ${stale.slice(0, 10).join(', ')}`);
    process.exit(1);
  }
  console.log(`Generated codecs are up to date (${output.files.size} files).`);
} else {
  rmSync(outDir, { recursive: true, force: true });
  for (const [path, text] of output.files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), text);
  }
  packageJson.exports = wantedExports;
  writeFileSync(packageJsonPath, `${JSON.stringify(packageJson, null, 2)}\n`);
  console.log(
    `Generated ${output.messageCount} message codecs and ${output.files.size} files into ${relative(repoRoot, outDir)}`,
  );
}
