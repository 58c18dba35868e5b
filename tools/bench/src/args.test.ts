import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('runs every part with 1 member and 3 rounds by default', () => {
    const args = parseArgs([]);
    expect(args).toMatchObject({ quick: false, json: false, members: 1, rounds: 3, build: true });
    expect(args.parts).toEqual({
      map: true,
      features: true,
      bundle: true,
      loadTime: true,
      micro: true,
      profile: false,
    });
  });

  it('leaves micro-benchmarks out of --quick and runs only them with --micro', () => {
    expect(parseArgs(['--quick']).parts.micro).toBe(false);
    expect(parseArgs(['--micro']).parts).toEqual({
      map: false,
      features: false,
      bundle: false,
      loadTime: false,
      micro: true,
      profile: false,
    });
    expect(parseArgs(['--profile']).parts).toMatchObject({ map: false, micro: false, profile: true });
  });

  it('reads values and skips the "--" pnpm forwards', () => {
    const args = parseArgs([
      '--',
      '--members',
      '3',
      '--rounds',
      '5',
      '--only',
      'set',
      '--json',
      '--skip-bundle',
    ]);
    expect(args).toMatchObject({ members: 3, rounds: 5, only: ['set'], json: true });
    expect(args.parts.bundle).toBe(false);
    expect(parseArgs(['--skip-features']).parts.features).toBe(false);
  });

  it('names the bad option or value', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option '--fast'/);
    expect(() => parseArgs(['--members', 'two'])).toThrow(/--members must be a positive integer, got 'two'/);
    expect(() => parseArgs(['--rounds'])).toThrow(/--rounds needs a value/);
    expect(() => parseArgs(['--skip-everything'])).toThrow(/unknown --skip-everything/);
  });
});
