import { describe, expect, it } from 'vitest';
import { codecPairs } from './codec-cases';
import { loadOfficial } from './official-modules';

// The micro-benchmark is only fair if both sides do the same work: same wire bytes, same decoded entries.
describe('codec micro-benchmark pairs', () => {
  const pairs = codecPairs(loadOfficial());
  const byName = (fragment: string) => {
    const pair = pairs.find((p) => p.name.includes(fragment));
    if (!pair) throw new Error(`no pair ${fragment}`);
    return pair;
  };

  // Frame header (6) + message type (4), then the 8-byte correlation id, which the official encoder leaves
  // as uninitialised memory until the invocation assigns one.
  const withoutCorrelationId = (bytes: Buffer) => Buffer.concat([bytes.subarray(0, 10), bytes.subarray(18)]);

  it('encodes requests to the same bytes in both clients', () => {
    for (const fragment of ['Map.put request', 'Map.get request']) {
      const pair = byName(fragment);
      const ours = pair.ours() as Buffer;
      expect(ours.length).toBeGreaterThan(40);
      expect(withoutCorrelationId(ours)).toEqual(withoutCorrelationId(pair.official() as Buffer));
    }
  });

  it('decodes the same getAll response to the same entries', () => {
    const pair = byName('Map.getAll response');
    const ours = (pair.ours() as { response: [Buffer, Buffer][] }).response;
    const official = pair.official() as [{ toBuffer(): Buffer }, { toBuffer(): Buffer }][];
    expect(ours).toHaveLength(100);
    expect(official.map(([k, v]) => [k.toBuffer(), v.toBuffer()])).toEqual(ours);
  });
});
