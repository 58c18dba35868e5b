import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it } from 'vitest';
import { ClientNotActiveError, getMap, type HazelcastClient, LifecycleState } from '../src/index';
import { connect } from './helpers';

// `await using client = await HazelcastClient.newHazelcastClient(…)`: the client's Symbol.asyncDispose shuts
// it down when the block ends, normally or by an exception.

const cluster = useCluster();

describe('await using', () => {
  it('shuts the client down at the end of the block; what it wrote stays in the cluster', async () => {
    const states: string[] = [];
    let used: HazelcastClient;
    {
      await using client = await connect(cluster.current);
      used = client;
      client.getLifecycleService().addLifecycleListener((state) => states.push(state));
      await getMap(client, 'disposed').set('k', 'v');
      expect(client.getLifecycleService().isRunning()).toBe(true);
    }
    expect(used.getLifecycleService().isRunning()).toBe(false);
    expect(states).toEqual([
      LifecycleState.SHUTTING_DOWN,
      LifecycleState.DISCONNECTED,
      LifecycleState.SHUTDOWN,
    ]);
    await expect(getMap(used, 'disposed').get('k')).rejects.toBeInstanceOf(ClientNotActiveError);

    const reader = await connect(cluster.current);
    try {
      expect(await getMap(reader, 'disposed').get('k')).toBe('v');
    } finally {
      await reader.shutdown();
    }
  });

  it('shuts the client down when the block throws, and the error propagates', async () => {
    let used: HazelcastClient | undefined;
    const failing = async () => {
      await using client = await connect(cluster.current);
      used = client;
      throw new Error('boom');
    };
    await expect(failing()).rejects.toThrow('boom');
    expect(used!.getLifecycleService().isRunning()).toBe(false);
  });

  it('is the same as shutdown(): disposing a client already shut down does nothing', async () => {
    const client = await connect(cluster.current);
    await client.shutdown();
    await expect(client[Symbol.asyncDispose]()).resolves.toBeUndefined();
    expect(client.getLifecycleService().isRunning()).toBe(false);
  });
});
