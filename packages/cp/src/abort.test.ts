import { AbortError } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { raceSignal, SerialQueue } from './abort';

describe('SerialQueue', () => {
  it('runs the work of one key in call order, and of different keys side by side', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run('a', async () => {
      log.push('a1 start');
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      log.push('a1 end');
      throw new Error('a1 failed');
    });
    const second = queue.run('a', async () => {
      log.push('a2');
      return 2;
    });
    const other = queue.run('b', async () => {
      log.push('b1');
      return 'b';
    });
    expect(await other).toBe('b');
    expect(log).toEqual(['a1 start', 'b1']);
    releaseFirst();
    await expect(first).rejects.toThrow('a1 failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['a1 start', 'b1', 'a1 end', 'a2']);
  });
});

describe('raceSignal', () => {
  it('settles with the promise, or with an AbortError as soon as the signal aborts', async () => {
    expect(await raceSignal(Promise.resolve(1), new AbortController().signal)).toBe(1);
    const controller = new AbortController();
    const never = new Promise<number>(() => {});
    const raced = raceSignal(never, controller.signal);
    controller.abort(new Error('changed my mind'));
    const error = await raced.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).cause).toEqual(new Error('changed my mind'));
    await expect(raceSignal(never, controller.signal)).rejects.toThrow(AbortError);
  });
});
