import { Cluster } from '@hz-tools/cluster';

export interface ClusterTarget {
  readonly clusterName: string;
  readonly addresses: readonly string[];
}

/**
 * Starts a cluster with full JIT, runs `work` against it and always stops it, also on Ctrl-C or SIGTERM,
 * so the benchmark never leaves member JVMs behind (the harness stops them by pid).
 */
export async function withCluster<T>(
  members: number,
  log: (line: string) => void,
  work: (target: ClusterTarget) => Promise<T>,
): Promise<T> {
  log(`bench: starting ${members} member(s) with full JIT…`);
  const cluster = await Cluster.start({ members, fastStartup: false, namePrefix: 'bench' });
  const stopOnSignal = () => {
    void cluster.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    return await work({ clusterName: cluster.name, addresses: cluster.addresses });
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await cluster.stop();
  }
}
