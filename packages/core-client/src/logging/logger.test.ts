import { describe, expect, it } from 'vitest';
import { consoleLogger, type PinoLike, pinoLogger } from './logger';

describe('consoleLogger', () => {
  it('emits records at or above its level only', () => {
    const lines: string[] = [];
    const logger = consoleLogger('INFO', (line) => lines.push(line));
    logger.debug('Test', 'hidden');
    logger.info('Test', 'shown', { a: 1 });
    logger.error('Test', 'failed', new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\[INFO\] \[Test\] shown \{"a":1\}$/);
    expect(lines[1]).toContain('[ERROR] [Test] failed Error: boom');
  });

  it('is silent at OFF', () => {
    const lines: string[] = [];
    const logger = consoleLogger('OFF', (line) => lines.push(line));
    logger.error('Test', 'nothing');
    expect(lines).toEqual([]);
  });
});

describe('pinoLogger', () => {
  it('forwards the component and extra information as fields', () => {
    const calls: Array<[string, object, string | undefined]> = [];
    const record = (level: string) => (obj: object, msg?: string) => calls.push([level, obj, msg]);
    const target: PinoLike = {
      error: record('error'),
      warn: record('warn'),
      info: record('info'),
      debug: record('debug'),
      trace: record('trace'),
    };
    const error = new Error('x');
    pinoLogger(target).info('ClusterService', 'members changed', { size: 3 });
    pinoLogger(target).error('Connection', 'closed', error);
    expect(calls).toEqual([
      ['info', { component: 'ClusterService', info: { size: 3 } }, 'members changed'],
      ['error', { component: 'Connection', err: error }, 'closed'],
    ]);
  });
});
