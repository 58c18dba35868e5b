import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('has defaults for a short run, and restarts every third of it', () => {
    expect(parseArgs([])).toEqual({
      minutes: 2,
      restartEveryMinutes: 2 / 3,
      sampleEverySeconds: 5,
      workers: 8,
      members: 3,
      version: undefined,
      out: undefined,
    });
  });

  it('reads every option (pnpm passes a leading --)', () => {
    const args = parseArgs([
      '--',
      '--minutes',
      '30',
      '--workers',
      '4',
      '--out',
      '/tmp/x',
      '--version',
      '5.4.0',
    ]);
    expect(args).toMatchObject({ minutes: 30, restartEveryMinutes: 3, sampleEverySeconds: 12, workers: 4 });
    expect(args.out).toBe('/tmp/x');
    expect(args.version).toBe('5.4.0');
  });

  it('names what is wrong', () => {
    expect(() => parseArgs(['--minutes', 'ten'])).toThrow(/--minutes must be a number >= 0.5, got "ten"/);
    expect(() => parseArgs(['--hours', '1'])).toThrow(/unknown option --hours/);
    expect(() => parseArgs(['--minutes'])).toThrow(/--minutes needs a value/);
  });
});
