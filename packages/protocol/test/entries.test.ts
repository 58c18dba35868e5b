// The built subpath entries. The root holds the codecs of the client protocol and of the core structures;
// their subpaths (`@hz/protocol/codecs/map`, `@hz/protocol/custom`, ...) are built from generated wrappers
// that re-export from the root (src/generated/entry). A wrapper must export exactly what the module it
// stands for exports, and the same objects.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../src/generated/entries';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageJson = JSON.parse(readFileSync(resolve(packageRoot, 'package.json'), 'utf8')) as {
  exports: Record<string, { '@hz/source'?: string } | string>;
};

const load = (path: string) => import(pathToFileURL(resolve(packageRoot, path)).href) as Promise<object>;

/** Entry name → the module the entry stands for (its `@hz/source` target). */
const sourceOf = (entry: string): string => {
  const target = packageJson.exports[entry === 'index' ? '.' : `./${entry}`];
  if (typeof target !== 'object' || target['@hz/source'] === undefined)
    throw new Error(`no export for ${entry}`);
  return target['@hz/source'];
};

const wrapped = Object.entries(ENTRIES).filter(([, path]) => path.startsWith('src/generated/entry/'));

describe('subpath entries', () => {
  it('wrap the root services and custom types; the other services are built from their own module', () => {
    expect(wrapped.map(([entry]) => entry)).toEqual(
      expect.arrayContaining(['custom', 'codecs/client', 'codecs/map', 'codecs/queue', 'codecs/transaction']),
    );
    expect(ENTRIES['codecs/sql']).toBe('src/generated/codecs/sql/index.ts');
    expect(ENTRIES['codecs/atomic-long']).toBe('src/generated/codecs/atomic-long/index.ts');
    // Every exported subpath is built, and nothing else is.
    const exported = Object.keys(packageJson.exports)
      .filter((key) => key !== './package.json')
      .map((key) => (key === '.' ? 'index' : key.slice(2)));
    expect(Object.keys(ENTRIES).sort()).toEqual(exported.sort());
  });

  it.each(wrapped)('%s exports exactly the names and objects of its module', async (entry, wrapperPath) => {
    const [wrapper, original] = await Promise.all([load(wrapperPath), load(sourceOf(entry))]);
    expect(Object.keys(wrapper).sort()).toEqual(Object.keys(original).sort());
    expect(Object.keys(wrapper).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(original)) {
      expect((wrapper as Record<string, unknown>)[name], name).toBe(value);
    }
  });

  it('the root exports every codec of the services it holds, as the same objects', async () => {
    const root = (await load('src/index.ts')) as Record<string, unknown>;
    for (const [entry, wrapperPath] of wrapped) {
      const wrapper = (await load(wrapperPath)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(wrapper))
        expect(root[name], `${entry}: ${name}`).toBe(value);
    }
  });
});
