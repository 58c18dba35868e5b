/**
 * Reads a member's own view through its legacy REST health endpoints (HEALTH_CHECK group, enabled in
 * every generated config). This is the member speaking, not the harness's bookkeeping.
 */
export async function readClusterSize(port: number): Promise<number> {
  const text = await getText(port, '/hazelcast/health/cluster-size');
  const size = Number.parseInt(text.trim(), 10);
  if (!Number.isFinite(size)) throw new Error(`member ${port}: unexpected cluster-size answer "${text}"`);
  return size;
}

/**
 * True when the member says the cluster is safe (200; 503 otherwise): no migration running and every backup
 * in sync. A rolling restart waits for it before it takes the next member down.
 */
export async function isClusterSafe(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/hazelcast/health/cluster-safe`);
  await response.arrayBuffer();
  return response.status === 200;
}

export async function isMemberReady(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/hazelcast/health/ready`);
  await response.arrayBuffer();
  return response.status === 200;
}

async function getText(port: number, path: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`member ${port}: GET ${path} answered ${response.status}: ${text}`);
  return text;
}
