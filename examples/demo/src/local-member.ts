import { createConnection } from 'node:net';
import { Cluster } from '@hz-tools/cluster';

export interface LocalMember {
  readonly address: string;
  readonly clusterName: string;
  /** True when the demo started the member and must stop it. */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

const DEV_PORT = 5701;

/**
 * Uses the member a developer already runs on 127.0.0.1:5701 (`pnpm cluster start`, cluster "dev"), or
 * starts one through the project's harness when nothing answers there.
 */
export async function localMember(): Promise<LocalMember> {
  if (await answers(DEV_PORT)) {
    return { address: `127.0.0.1:${DEV_PORT}`, clusterName: 'dev', startedHere: false, stop: async () => {} };
  }
  console.log(
    `nothing answers on 127.0.0.1:${DEV_PORT}; starting a Hazelcast member (first run downloads the jars)…`,
  );
  const cluster = await Cluster.start({ name: 'dev', members: 1, ports: [DEV_PORT] });
  return {
    address: cluster.addresses[0]!,
    clusterName: cluster.name,
    startedHere: true,
    stop: () => cluster.stop(),
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}
