import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed golden vectors: packages/protocol/test/fixtures (origin and layout in its README.md). */
export const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export const FIXTURE_FILES = [
  '2.10.protocol.compatibility.binary',
  '2.10.protocol.compatibility.null.binary',
] as const;

export function fixturePath(name: string): string {
  return resolve(fixturesDir, name);
}

export function readFixture(name: string): Buffer {
  const path = fixturePath(name);
  if (!existsSync(path)) throw new Error(`Golden vector file missing: ${path}`);
  return readFileSync(path);
}
