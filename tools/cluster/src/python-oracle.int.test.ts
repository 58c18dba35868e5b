import { describe, expect, it } from 'vitest';
import { runPython } from './python-oracle';
import { useCluster } from './vitest';

// The Python oracle itself: it connects to a harness cluster and answers in JSON.
describe('the Python client oracle', () => {
  const cluster = useCluster({ members: 1 });

  it('runs a script against the cluster and returns its result', async () => {
    const result = await runPython<{ size: number; value: string }>(
      cluster.current,
      [
        'm = client.get_map("python-oracle").blocking()',
        'm.put(args["key"], args["value"])',
        'result = {"size": m.size(), "value": m.get(args["key"])}',
      ].join('\n'),
      { key: 'k', value: 'from python' },
    );
    expect(result).toEqual({ size: 1, value: 'from python' });
  });

  it('rejects with the traceback when the script fails', async () => {
    await expect(runPython(cluster.current, 'raise ValueError("boom")')).rejects.toThrow(/ValueError: boom/);
  });
});
