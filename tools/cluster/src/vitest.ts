import { basename } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { Cluster, type ClusterOptions } from './cluster';

/**
 * Starts a cluster before the tests of the calling file (or `describe` block) and stops it afterwards,
 * also when tests fail. The cluster name carries the test file's name, so a leftover member in a log
 * says where it came from. Read `.current` inside tests and hooks.
 */
export function useCluster(options: ClusterOptions = {}): { readonly current: Cluster } {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    const testFile = expect.getState().testPath;
    const namePrefix = options.namePrefix ?? (testFile ? basename(testFile).replace(/\..*$/, '') : 'test');
    cluster = await Cluster.start({ ...options, namePrefix });
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  return {
    get current(): Cluster {
      if (!cluster) throw new Error('tools/cluster: useCluster().current read before beforeAll ran');
      return cluster;
    },
  };
}
