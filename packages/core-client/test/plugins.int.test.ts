import { MapSetCodec, MapSizeCodec } from '@hz/protocol';
import { useCluster } from '@hz-tools/cluster/vitest';
import { describe, expect, it, vi } from 'vitest';
import {
  type ClientPlugin,
  getMap,
  type HazelcastClient,
  IllegalStateError,
  type IMap,
  InvalidConfigurationError,
  type LifecycleState,
} from '../src/index';
import {
  attachPlugin,
  checkKeys,
  type DistributedObject,
  optNumber,
  type PluginHost,
  pluginHost,
  section,
} from '../src/plugin';
import { connect, lifecycleReaches } from './helpers';

// The plug-in contract, exercised by a plug-in written only against `@hz/core-client/plugin` (it is a test
// fixture, not published): registration through `plugins`, its own config validation, client events, Map
// proxy decoration, and an awaited shutdown step that still reaches the cluster.

const MAP_SERVICE = 'hz:impl:mapService';

interface RecorderOptions {
  /** Maps whose names start with this are wrapped. */
  wrapPrefix: string;
  /** How many reads a wrapped map serves before it reports them. */
  reportEvery?: number;
}

interface Recorder {
  readonly events: string[];
  readonly wrappedReads: Map<string, number>;
  readonly clusterChanges: Array<{ previousClusterId: string; clusterId: string }>;
  host: PluginHost | undefined;
}

/** A plug-in factory as a feature package would write it: validates its config, then returns the plug-in. */
function recorder(options: RecorderOptions): ClientPlugin<Recorder> & { state: Recorder } {
  const config = section(options as never, 'plugins[recorder]');
  checkKeys(config, 'plugins[recorder]', ['wrapPrefix', 'reportEvery']);
  optNumber(config.reportEvery, 'plugins[recorder].reportEvery', 1, { min: 1, integer: true });
  const state: Recorder = { events: [], wrappedReads: new Map(), clusterChanges: [], host: undefined };
  return {
    name: 'recorder',
    state,
    setup(host) {
      state.host = host;
      host.on('started', () => state.events.push('started'));
      host.on('clusterChanged', (change) => {
        state.events.push('clusterChanged');
        state.clusterChanges.push(change);
      });
      host.on('memberAdded', () => state.events.push('memberAdded'));
      host.on('memberRemoved', () => state.events.push('memberRemoved'));
      host.on('connectionLost', () => state.events.push('connectionLost'));
      host.on('lifecycle', (lifecycleState) => state.events.push(`lifecycle:${lifecycleState}`));
      host.decorateProxy(MAP_SERVICE, (proxy) =>
        proxy.getName().startsWith(options.wrapPrefix) ? countingMap(proxy, state) : proxy,
      );
      host.onShutdown(async () => {
        // Connections are still open: this write must reach the cluster.
        const key = host.toData('written-at-shutdown');
        const request = MapSetCodec.encodeRequest(
          'shutdown-marker',
          key,
          host.toData(1),
          host.currentThreadId(),
          -1,
        );
        await host.invokeOnKey(request, key);
        const size = MapSizeCodec.decodeResponse(
          await host.invokeOnRandomTarget(MapSizeCodec.encodeRequest('shutdown-marker')),
        ).response;
        state.events.push(
          `shutdown step: marker map size ${size}, ${host.cluster.connectedMemberUuids().length} connection(s)`,
        );
      });
      return state;
    },
  };
}

/** A decorated map: counts gets, delegates everything. */
function countingMap(proxy: DistributedObject, state: Recorder): DistributedObject {
  const inner = proxy as IMap<unknown, unknown>;
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'get') {
        return (key: unknown) => {
          state.wrappedReads.set(inner.getName(), (state.wrappedReads.get(inner.getName()) ?? 0) + 1);
          return target.get(key);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('a plug-in registered through the config', () => {
  const cluster = useCluster({ members: 1 });

  it('hears the client start, wraps its maps, sees a whole-cluster restart and finishes its shutdown step first', async () => {
    const plugin = recorder({ wrapPrefix: 'wrapped-' });
    const lifecycle: LifecycleState[] = [];
    const client = await connect(cluster.current, {
      plugins: [plugin],
      lifecycleListeners: [(state) => lifecycle.push(state)],
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    const observer = await connect(cluster.current);
    try {
      expect(plugin.state.events).toContain('started');
      expect(attachPlugin(client, plugin)).toBe(plugin.state);

      const wrapped = getMap<string, string>(client, 'wrapped-prices');
      const plain = getMap<string, string>(client, 'plain');
      await wrapped.set('a', '1');
      expect(await wrapped.get('a')).toBe('1');
      expect(await plain.set('b', '2')).toBeUndefined();
      expect(await plain.get('b')).toBe('2');
      expect(plugin.state.wrappedReads).toEqual(new Map([['wrapped-prices', 1]]));
      expect(getMap(client, 'wrapped-prices')).toBe(wrapped);

      const reconnected = lifecycleReaches(client, 'DISCONNECTED').then(() =>
        lifecycleReaches(client, 'CONNECTED'),
      );
      await cluster.current.restart();
      await reconnected;
      await vi.waitFor(() => expect(plugin.state.events).toContain('clusterChanged'), { timeout: 10_000 });
      expect(plugin.state.events).toContain('connectionLost');
      const [change] = plugin.state.clusterChanges;
      expect(change?.previousClusterId).toMatch(/^[0-9a-f-]{36}$/);
      expect(change?.clusterId).toMatch(/^[0-9a-f-]{36}$/);
      expect(change?.clusterId).not.toBe(change?.previousClusterId);
      // The restarted cluster is a new one: the wrapped map still works there.
      await wrapped.set('after', 'restart');
      expect(await wrapped.get('after')).toBe('restart');
    } finally {
      await client.shutdown();
    }
    const step = plugin.state.events.findIndex((event) => event.startsWith('shutdown step'));
    expect(plugin.state.events[step]).toBe('shutdown step: marker map size 1, 1 connection(s)');
    // After SHUTTING_DOWN, before the connections closed (DISCONNECTED) and SHUTDOWN.
    expect(plugin.state.events.slice(step - 1, step + 3)).toEqual([
      'lifecycle:SHUTTING_DOWN',
      plugin.state.events[step],
      'lifecycle:DISCONNECTED',
      'lifecycle:SHUTDOWN',
    ]);
    expect(lifecycle.slice(-3)).toEqual(['SHUTTING_DOWN', 'DISCONNECTED', 'SHUTDOWN']);
    try {
      expect(await getMap<string, number>(observer, 'shutdown-marker').get('written-at-shutdown')).toBe(1);
    } finally {
      await observer.shutdown();
    }
  });

  it('validates its own config in the core style, and the core refuses bad or duplicate plug-ins', async () => {
    expect(() => recorder({ wrapPrefix: 'x', reportEvry: 2 } as never)).toThrow(
      /unknown option plugins\[recorder\]\.reportEvry \(did you mean plugins\[recorder\]\.reportEvery\?\)/,
    );
    expect(() => recorder({ wrapPrefix: 'x', reportEvery: 0 })).toThrow(
      /plugins\[recorder\]\.reportEvery must be an integer >= 1, got number 0/,
    );
    const cases: Array<[unknown, RegExp]> = [
      [{ name: 'x' }, /plugins\[0\] must be a plug-in \{ name, setup\(host\) \}/],
      ['nearCache', /plugins must be an array of plug-ins/],
      [
        [recorder({ wrapPrefix: 'a' }), recorder({ wrapPrefix: 'b' })],
        /plugins\[1\] is a second "recorder" plug-in/,
      ],
    ];
    for (const [plugins, message] of cases) {
      const config = { plugins: Array.isArray(plugins) || typeof plugins === 'string' ? plugins : [plugins] };
      await expect(connect(cluster.current, config as never)).rejects.toThrow(InvalidConfigurationError);
      await expect(connect(cluster.current, config as never)).rejects.toThrow(message);
    }
  });
});

describe('a plug-in that attaches itself on first use', () => {
  const cluster = useCluster({ members: 1 });

  it('is set up once per client, keeps per-client state, and cannot collide with another of its name', async () => {
    let setups = 0;
    const counter: ClientPlugin<{ client: number }> = {
      name: 'per-client-counter',
      setup: () => ({ client: ++setups }),
    };
    const first: HazelcastClient = await connect(cluster.current);
    const second: HazelcastClient = await connect(cluster.current);
    try {
      expect(attachPlugin(first, counter)).toEqual({ client: 1 });
      expect(attachPlugin(first, counter)).toBe(attachPlugin(first, counter));
      expect(attachPlugin(second, counter)).toEqual({ client: 2 });
      expect(setups).toBe(2);
      expect(() => attachPlugin(first, { name: 'per-client-counter', setup: () => ({ client: 0 }) })).toThrow(
        IllegalStateError,
      );
      // The host of a client is what its plug-ins receive; the client type itself exposes no internals.
      expect(pluginHost(first).cluster.getMembers()).toHaveLength(1);
      expect('context' in first).toBe(false);
      // @ts-expect-error the client's internals are not part of its public type
      expect(first.context).toBeUndefined();
    } finally {
      await first.shutdown();
      await second.shutdown();
    }
    expect(() => attachPlugin(first, { name: 'late', setup: () => 0 })).toThrow(/shut down/);
  });
});
