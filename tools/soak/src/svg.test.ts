import { describe, expect, it } from 'vitest';
import type { SoakSample } from './growth';
import { renderSoakSvg } from './svg';

const samples: SoakSample[] = Array.from({ length: 12 }, (_, i) => ({
  atMs: (i + 1) * 10_000,
  opsPerSecond: 1_000 + i,
  failures: 0,
  heapAfterGc: 30 * 1048576,
  rss: 150 * 1048576,
  handles: 20,
  sockets: 6,
  connections: 3,
}));

describe('renderSoakSvg', () => {
  it('draws three panels of series over minutes, with restart markers and an escaped title', () => {
    const svg = renderSoakSvg({ title: 'Soak <2 min> & co', samples, restartsAtMs: [40_000, 80_000] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Soak &#60;2 min&#62; &#38; co');
    // The accessible name (a title first thing in the svg), as image viewers and screen readers read it.
    expect(svg.split('\n')[1]).toBe('<title>Soak &#60;2 min&#62; &#38; co</title>');
    // Throughput; heap and RSS; handles, sockets and connections.
    expect(svg.match(/<polyline /g)).toHaveLength(6);
    expect(svg.match(/class="restart"/g)).toHaveLength(2 * 3);
    for (const label of [
      'operations/s',
      'heap after GC',
      'RSS',
      'active handles',
      'TCP sockets',
      'member connections',
    ]) {
      expect(svg).toContain(label);
    }
    // Every polyline has one point per sample, all inside the drawing.
    for (const match of svg.matchAll(/points="([^"]+)"/g)) {
      const points = match[1]!.split(' ').map((p) => p.split(',').map(Number));
      expect(points).toHaveLength(samples.length);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
      }
    }
    expect(svg).not.toContain('NaN');
  });
});
