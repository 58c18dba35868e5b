import { useCluster } from '@hz-tools/cluster/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuthenticationError,
  ClientNotActiveError,
  ClientOfflineError,
  getMap,
  type HazelcastClient,
  IndeterminateOperationStateError,
  OperationTimeoutError,
} from '../src/index';
import { clientContext } from '../src/plugin';
import { connect, keyOwnedBy, lifecycleReaches } from './helpers';

describe('a member is killed under load', () => {
  const cluster = useCluster({ members: 3 });

  it('loses no acknowledged put and shows no writer an error (redoOperation)', async () => {
    const client = await connect(cluster.current, { network: { redoOperation: true } });
    try {
      const map = getMap<string, number>(client, 'kill-under-load');
      const acknowledged: string[] = [];
      const errors: unknown[] = [];
      let stop = false;
      const writers = Array.from({ length: 10 }, async (_, writer) => {
        for (let i = 0; !stop; i++) {
          const key = `w${writer}-${i}`;
          try {
            await map.set(key, i);
            acknowledged.push(key);
          } catch (error) {
            errors.push(error);
          }
        }
      });
      await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThan(500), { timeout: 30_000 });
      await cluster.current.terminateMember(cluster.current.liveMembers[1]!);
      const atKill = acknowledged.length;
      await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThan(atKill + 1_000), {
        timeout: 60_000,
      });
      stop = true;
      await Promise.all(writers);
      expect(errors).toEqual([]);
      const found = new Map(await map.getAll(acknowledged));
      expect(found.size).toBe(acknowledged.length);
    } finally {
      await client.shutdown();
    }
  });
});

describe('a paused member', () => {
  const cluster = useCluster({ members: 2 });
  let client: HazelcastClient;

  beforeAll(async () => {
    client = await connect(cluster.current, {
      properties: { 'hazelcast.client.heartbeat.interval': 500, 'hazelcast.client.heartbeat.timeout': 3_000 },
    });
  });

  afterAll(async () => {
    await client?.shutdown();
  });

  it('loses its connection after the heartbeat timeout while the other member keeps serving', async () => {
    const [healthy, hung] = cluster.current.liveMembers;
    const context = clientContext(client);
    const healthyKey = await keyOwnedBy(client, healthy!.uuid!);
    await cluster.current.pauseMember(hung!);
    try {
      await vi.waitFor(
        () => expect(context.connections.activeConnections.map((c) => c.memberUuid)).toEqual([healthy!.uuid]),
        { timeout: 10_000, interval: 100 },
      );
      const map = getMap<string, string>(client, 'paused');
      await map.set(healthyKey, 'served');
      expect(await map.get(healthyKey)).toBe('served');
    } finally {
      await cluster.current.resumeMember(hung!);
    }
  });
});

describe('backup acks', () => {
  const cluster = useCluster({ members: 2 });

  it('fail with IndeterminateOperationStateError when the backup never acks and the client asks for it', async () => {
    const strict = await connect(cluster.current, {
      properties: {
        'hazelcast.client.operation.backup.timeout.millis': 1_000,
        'hazelcast.client.operation.fail.on.indeterminate.state': true,
      },
    });
    const lenient = await connect(cluster.current, {
      properties: { 'hazelcast.client.operation.backup.timeout.millis': 1_000 },
    });
    const [primary, backup] = cluster.current.liveMembers;
    const key = await keyOwnedBy(strict, primary!.uuid!);
    // The lenient client must route by the partition table too; without it, its write could go to the
    // frozen member and wait for the heartbeat timeout instead of testing the backup timeout.
    expect(await keyOwnedBy(lenient, primary!.uuid!)).toBe(key);
    try {
      // The backup replica of every partition the primary owns is on the other member: freeze it.
      await cluster.current.pauseMember(backup!);
      await expect(getMap(strict, 'backups').set(key, 'v')).rejects.toThrow(IndeterminateOperationStateError);
      // Without the flag the primary's answer stands once the backup timeout passes.
      await expect(getMap(lenient, 'backups').set(key, 'w')).resolves.toBeUndefined();
    } finally {
      await cluster.current.resumeMember(backup!);
      await strict.shutdown();
      await lenient.shutdown();
    }
  });
});

describe('whole-cluster restart', () => {
  const cluster = useCluster({ members: 1 });

  it('reconnect ON: the client reconnects, membership listeners fire again, operations resume', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    try {
      const map = getMap<string, string>(client, 'restart');
      await map.set('before', 'restart');
      const events: string[] = [];
      client.getCluster().addMembershipListener({
        memberAdded: (e) => events.push(`added ${e.member.uuid}`),
        memberRemoved: (e) => events.push(`removed ${e.member.uuid}`),
      });
      const oldUuid = client.getCluster().getMembers()[0]!.uuid;
      const disconnected = lifecycleReaches(client, 'DISCONNECTED');
      const reconnected = disconnected.then(() => lifecycleReaches(client, 'CONNECTED'));
      await cluster.current.restart();
      await reconnected;
      await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 10_000, interval: 50 });
      const newUuid = cluster.current.liveMembers[0]!.uuid;
      expect(events).toEqual([`removed ${oldUuid}`, `added ${newUuid}`]);
      expect(await map.get('before')).toBeNull(); // a new cluster: the old data is gone
      await map.set('after', 'restart');
      expect(await map.get('after')).toBe('restart');
    } finally {
      await client.shutdown();
    }
  });

  it('reconnect ASYNC: operations fail fast with ClientOfflineError while offline', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: {
        reconnectMode: 'ASYNC',
        connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 },
      },
    });
    try {
      const map = getMap<string, string>(client, 'async');
      const disconnected = lifecycleReaches(client, 'DISCONNECTED');
      const member = cluster.current.liveMembers[0]!;
      await cluster.current.terminateMember(member);
      await disconnected;
      await expect(map.get('k')).rejects.toThrow(ClientOfflineError);
      const reconnected = lifecycleReaches(client, 'CONNECTED');
      await cluster.current.startMember({ port: member.port });
      await reconnected;
      await map.set('k', 'v');
      expect(await map.get('k')).toBe('v');
    } finally {
      await client.shutdown();
    }
  });

  it('reconnect ON: an operation waits for the cluster, then times out after the invocation timeout', async () => {
    const client = await connect(cluster.current, {
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 200 } },
      properties: { 'hazelcast.client.invocation.timeout.millis': 2_000 },
    });
    try {
      const disconnected = lifecycleReaches(client, 'DISCONNECTED');
      const member = cluster.current.liveMembers[0]!;
      await cluster.current.terminateMember(member);
      await disconnected;
      await expect(getMap(client, 'waits').get('k')).rejects.toThrow(OperationTimeoutError);
      await cluster.current.startMember({ port: member.port });
    } finally {
      await client.shutdown();
    }
  });

  it('reconnect OFF: the client shuts down when it loses the cluster', async () => {
    const client = await connect(cluster.current, { connectionStrategy: { reconnectMode: 'OFF' } });
    const shutdown = lifecycleReaches(client, 'SHUTDOWN');
    const member = cluster.current.liveMembers[0]!;
    await cluster.current.terminateMember(member);
    await shutdown;
    await expect(getMap(client, 'off').get('k')).rejects.toThrow(ClientNotActiveError);
    await cluster.current.startMember({ port: member.port });
  });
});

describe('authentication', () => {
  const cluster = useCluster({ members: 1 });

  it('rejects a wrong cluster name with a clear error', async () => {
    await expect(
      connect(cluster.current, {
        clusterName: 'not-the-cluster',
        connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 2_000 } },
      }),
    ).rejects.toThrow(AuthenticationError);
    await expect(connect(cluster.current, { clusterName: 'not-the-cluster' })).rejects.toThrow(
      /cluster name "not-the-cluster" is not the cluster's name/,
    );
  });

  it('explains that a Community member refuses credentials', async () => {
    await expect(
      connect(cluster.current, { security: { usernamePassword: { username: 'admin', password: 'secret' } } }),
    ).rejects.toThrow(/Community Edition\) accepts no credentials at all/);
  });

  it('gives up after clusterConnectTimeoutMillis when nothing answers', async () => {
    await expect(
      connect(cluster.current, {
        network: { clusterMembers: ['127.0.0.1:1'] },
        connectionStrategy: {
          connectionRetry: { initialBackoffMillis: 100, clusterConnectTimeoutMillis: 1_000 },
        },
      }),
    ).rejects.toThrow(/Unable to connect to any cluster member within 1000 ms/);
  });
});
