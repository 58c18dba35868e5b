import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import { int64Arg, int64Result } from './int64';

describe('64-bit values', () => {
  it('accepts number, bigint and Long arguments without precision loss', () => {
    expect(int64Arg(42, 'delta').toString()).toBe('42');
    expect(int64Arg(-(2n ** 63n), 'delta').toString()).toBe('-9223372036854775808');
    expect(int64Arg(2n ** 63n - 1n, 'delta').toString()).toBe('9223372036854775807');
    const long = Long.fromString('123456789012345678');
    expect(int64Arg(long, 'delta')).toBe(long);
  });

  it('refuses what is not a 64-bit integer, naming the argument', () => {
    expect(() => int64Arg(2 ** 53, 'delta')).toThrow(IllegalArgumentError);
    expect(() => int64Arg(1.5, 'delta')).toThrow(
      /delta must be a safe integer number, a bigint or a Long, got 1.5/,
    );
    expect(() => int64Arg(2n ** 63n, 'delta')).toThrow(/delta must fit a signed 64-bit integer/);
    expect(() => int64Arg('7' as never, 'delta')).toThrow(/got string/);
  });

  it('returns results as bigint, or as Long when the client asks for it', () => {
    const value = Long.fromString('9007199254740993');
    expect(int64Result(value, 'bigint')).toBe(9007199254740993n);
    expect(int64Result(value, 'Long')).toBe(value);
  });
});

describe('the core surface has one 64-bit result type', () => {
  const srcDir = join(__dirname, '..');
  const sources = (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.includes('test-support'))
    .map((file) => ({
      file: relative(srcDir, join(srcDir, file)),
      text: readFileSync(join(srcDir, file), 'utf8'),
    }));

  it('converts wire longs only through int64Result (host.int64), never to bigint or number by hand', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some(({ file }) => file === join('map', 'entry-view.ts'))).toBe(true);
    const offenders = sources
      .filter(({ file }) => file !== join('util', 'int64.ts'))
      .filter(({ text }) => /\.toBigInt\(\)/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('declares no public result as a Long or a bare bigint', () => {
    // Wire-level helpers keep Long (the codecs' type) and say so with `@internal` on the member or on the
    // declaration that holds it; what users see goes through host.int64.
    const offenders = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/(Promise|Aggregator)<(Long|bigint)>|readonly \w+: (Long|bigint);/g)]
        .filter((match) => !isInternal(text, match.index ?? 0))
        .map((match) => `${file}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('sees a Long result that is not marked internal (the check above can fail)', () => {
    const text = 'export interface X {\n  readonly at: Long;\n}\n';
    expect(isInternal(text, text.indexOf('readonly'))).toBe(false);
    const method = 'export class X {\n  at(): Promise<Long> {\n';
    expect(isInternal(method, method.indexOf('Promise'))).toBe(false);
    const marked = '/** @internal */\nexport interface X {\n  readonly at: Long;\n}\n';
    expect(isInternal(marked, marked.indexOf('readonly'))).toBe(true);
  });
});

/**
 * Whether the declaration at `index` is internal: the doc comment right above its line, or above the
 * enclosing top-level declaration, says `@internal`, or that declaration is not exported at all.
 */
function isInternal(text: string, index: number): boolean {
  const lines = text.slice(0, index).split('\n');
  const docAbove = (lineIndex: number): string => {
    const doc: string[] = [];
    for (let i = lineIndex - 1; i >= 0; i -= 1) {
      const line = (lines[i] ?? '').trim();
      if (!(line.startsWith('*') || line.startsWith('/**') || line.startsWith('//'))) break;
      doc.push(line);
    }
    return doc.join(' ');
  };
  const here = lines.length - 1;
  const line = (lines[here] ?? '') + text.slice(index, text.indexOf('\n', index));
  // A private member (#name) or a parameter (a line ending in a comma) is no result a user sees.
  if (/^\s*(async )?(get )?#/.test(line) || line.trimEnd().endsWith(',')) return true;
  if (docAbove(here).includes('@internal') || line.includes('@internal')) return true;
  for (let i = here; i >= 0; i -= 1) {
    const declaration = lines[i] ?? '';
    if (/^(export )?(declare )?(interface|class|type|function|const|abstract class) /.test(declaration)) {
      return !declaration.startsWith('export') || docAbove(i).includes('@internal');
    }
  }
  return false;
}
