import { describe, expect, it } from 'vitest';
import { consoleLogger } from '../logging/logger';
import { LifecycleService } from './lifecycle-service';

describe('LifecycleService', () => {
  it('tells every listener about every state, in order, even when one throws', () => {
    const lines: string[] = [];
    const service = new LifecycleService(consoleLogger('WARN', (line) => lines.push(line)));
    const seen: string[] = [];
    service.addLifecycleListener(() => {
      throw new Error('user bug');
    });
    service.addLifecycleListener((state) => seen.push(state));
    service.emit('STARTING');
    service.emit('STARTED');
    expect(seen).toEqual(['STARTING', 'STARTED']);
    expect(service.isRunning()).toBe(true);
    expect(lines.filter((line) => line.includes('lifecycle listener threw'))).toHaveLength(2);
  });

  it('stops notifying removed listeners', () => {
    const service = new LifecycleService(consoleLogger('OFF'));
    const seen: string[] = [];
    const id = service.addLifecycleListener((state) => seen.push(state));
    service.emit('STARTING');
    expect(service.removeLifecycleListener(id)).toBe(true);
    service.emit('STARTED');
    expect(seen).toEqual(['STARTING']);
  });

  it("has the seeds' names, and refuses a listener that is not a function", () => {
    const service = new LifecycleService(consoleLogger('OFF'));
    const seen: string[] = [];
    const id = service.addListener((state) => seen.push(state));
    service.emit('STARTING');
    expect(service.removeListener(id)).toBe(true);
    expect(service.removeListener(id)).toBe(false);
    service.emit('STARTED');
    expect(seen).toEqual(['STARTING']);
    expect(() => service.addListener('STARTED' as never)).toThrow(
      /LifecycleService\.addListener: the listener must be a function \(state\) => void, got string/,
    );
  });
});
