// Lifecycle events in the exact order the seeds document (API guide, lifecycle section): a listener from the
// config records every state from STARTING on. Each scenario runs the official Python client (the seeds'
// client) side by side on the same cluster and expects the same sequence from both.
import { type Cluster, runPython } from '@hz-tools/cluster';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import { ClientNotActiveError, getMap, type HazelcastClient, type LifecycleState } from '../src/index';
import { connect, lifecycleReaches } from './helpers';

interface PythonScenario {
  readonly reconnectMode: 'ON' | 'OFF';
  /** Written to the map `lifecycle-ready` once the Python client is connected (the test waits for it). */
  readonly marker?: string;
  /** When the Python client stops waiting and shuts down (if it has not shut down by itself). */
  readonly until: 'now' | 'memberRemoved' | 'reconnected' | 'shutdown';
}

/**
 * The Python client's lifecycle states for one scenario. The script leaves with os._exit: after it shut
 * itself down (reconnect mode OFF) the Python client keeps a thread that would hold the process open.
 */
function pythonLifecycle(cluster: Cluster, scenario: PythonScenario): Promise<string[]> {
  return runPython<string[]>(
    cluster,
    [
      'import os, time',
      'from hazelcast.config import ReconnectMode',
      'states = []',
      'removed = []',
      'c = hazelcast.HazelcastClient(cluster_name=payload["cluster"], cluster_members=payload["members"],',
      '    reconnect_mode=getattr(ReconnectMode, args["reconnectMode"]), lifecycle_listeners=[states.append],',
      '    retry_initial_backoff=0.1, retry_max_backoff=0.5)',
      'c.cluster_service.add_listener(member_removed=removed.append)',
      // The test may kill the member as soon as it sees the marker, before this put's answer arrives.
      'if args.get("marker"):',
      '    try: c.get_map("lifecycle-ready").blocking().put(args["marker"], True)',
      '    except hazelcast.errors.TargetDisconnectedError: pass',
      'done = {',
      '    "now": lambda: True,',
      '    "memberRemoved": lambda: len(removed) > 0,',
      '    "reconnected": lambda: states.count("CONNECTED") >= 2,',
      '    "shutdown": lambda: "SHUTDOWN" in states,',
      '}[args["until"]]',
      'deadline = time.time() + 120',
      'while not done() and time.time() < deadline: time.sleep(0.05)',
      'c.shutdown()',
      'sys.stdout.write("\\n@@RESULT " + json.dumps(states) + "\\n")',
      'sys.stdout.flush()',
      'os._exit(0)',
    ].join('\n'),
    scenario,
  );
}

/** Resolves once the Python client of `marker` is connected (it wrote its marker). */
async function pythonReady(client: HazelcastClient, marker: string): Promise<void> {
  const ready = getMap<string, boolean>(client, 'lifecycle-ready');
  await vi.waitFor(async () => expect(await ready.get(marker)).toBe(true), {
    timeout: 60_000,
    interval: 100,
  });
}

const fastRetry = { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } };

describe('lifecycle, 2 members', () => {
  const cluster = useCluster({ members: 2 });

  for (const smartRouting of [true, false]) {
    it(`shutdown: STARTING, STARTED, CONNECTED, SHUTTING_DOWN, DISCONNECTED, SHUTDOWN (${smartRouting ? 'smart' : 'unisocket'})`, async () => {
      const states: LifecycleState[] = [];
      const python = pythonLifecycle(cluster.current, { reconnectMode: 'ON', until: 'now' });
      const client = await connect(cluster.current, {
        network: { smartRouting },
        lifecycleListeners: [(state) => states.push(state)],
      });
      expect(client.getLifecycleService().isRunning()).toBe(true);
      await client.shutdown();
      await client.shutdown(); // idempotent: no second sequence
      const expected = ['STARTING', 'STARTED', 'CONNECTED', 'SHUTTING_DOWN', 'DISCONNECTED', 'SHUTDOWN'];
      expect(states).toEqual(expected);
      expect(client.getLifecycleService().isRunning()).toBe(false);
      expect(await python).toEqual(expected);
    });
  }

  it('losing one of two members is no lifecycle event: the client stays connected', async () => {
    const states: LifecycleState[] = [];
    const client = await connect(cluster.current, {
      lifecycleListeners: [(state) => states.push(state)],
      connectionStrategy: fastRetry,
    });
    const python = pythonLifecycle(cluster.current, {
      reconnectMode: 'ON',
      marker: 'one-of-two',
      until: 'memberRemoved',
    });
    try {
      await pythonReady(client, 'one-of-two');
      const removed = new Promise<void>((resolve) =>
        client.getCluster().addListener({ memberRemoved: () => resolve() }),
      );
      await cluster.current.terminateMember(cluster.current.liveMembers[1]!);
      await removed;
      expect(states).toEqual(['STARTING', 'STARTED', 'CONNECTED']);
      await getMap(client, 'still-connected').set('k', 'v');
    } finally {
      await client.shutdown();
    }
    const expected = ['STARTING', 'STARTED', 'CONNECTED', 'SHUTTING_DOWN', 'DISCONNECTED', 'SHUTDOWN'];
    expect(states).toEqual(expected);
    expect(await python).toEqual(expected);
  });
});

describe('lifecycle, the only member lost', () => {
  const cluster = useCluster({ members: 1 });

  it('reconnect ON: DISCONNECTED when the cluster is gone, CONNECTED when it is back', async () => {
    const states: LifecycleState[] = [];
    const client = await connect(cluster.current, {
      lifecycleListeners: [(state) => states.push(state)],
      connectionStrategy: fastRetry,
    });
    const python = pythonLifecycle(cluster.current, {
      reconnectMode: 'ON',
      marker: 'reconnect-on',
      until: 'reconnected',
    });
    try {
      await pythonReady(client, 'reconnect-on');
      const disconnected = lifecycleReaches(client, 'DISCONNECTED');
      const member = cluster.current.liveMembers[0]!;
      await cluster.current.terminateMember(member);
      await disconnected;
      expect(states).toEqual(['STARTING', 'STARTED', 'CONNECTED', 'DISCONNECTED']);
      const reconnected = lifecycleReaches(client, 'CONNECTED');
      await cluster.current.startMember({ port: member.port });
      await reconnected;
      expect(client.getLifecycleService().isRunning()).toBe(true);
    } finally {
      await client.shutdown();
    }
    const expected = [
      'STARTING',
      'STARTED',
      'CONNECTED',
      'DISCONNECTED',
      'CONNECTED',
      'SHUTTING_DOWN',
      'DISCONNECTED',
      'SHUTDOWN',
    ];
    expect(states).toEqual(expected);
    expect(await python).toEqual(expected);
  });

  it('reconnect OFF: DISCONNECTED, then the client shuts itself down (no second DISCONNECTED)', async () => {
    const states: LifecycleState[] = [];
    const client = await connect(cluster.current, {
      lifecycleListeners: [(state) => states.push(state)],
      connectionStrategy: { reconnectMode: 'OFF' },
    });
    const python = pythonLifecycle(cluster.current, {
      reconnectMode: 'OFF',
      marker: 'reconnect-off',
      until: 'shutdown',
    });
    await pythonReady(client, 'reconnect-off');
    const shutdown = lifecycleReaches(client, 'SHUTDOWN');
    const member = cluster.current.liveMembers[0]!;
    await cluster.current.terminateMember(member);
    await shutdown;
    const expected = ['STARTING', 'STARTED', 'CONNECTED', 'DISCONNECTED', 'SHUTTING_DOWN', 'SHUTDOWN'];
    expect(states).toEqual(expected);
    expect(client.getLifecycleService().isRunning()).toBe(false);
    await expect(getMap(client, 'off').get('k')).rejects.toThrow(ClientNotActiveError);
    await client.shutdown(); // already shut down: nothing more
    expect(states).toEqual(expected);
    expect(await python).toEqual(expected);
    await cluster.current.startMember({ port: member.port });
  });
});
