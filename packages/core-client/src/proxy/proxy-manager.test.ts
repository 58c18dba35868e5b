import type { ClientMessage } from '@hz/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { PluginHost } from '../client/client-context';
import { consoleLogger } from '../logging/logger';
import { type DistributedObject, ProxyManager, proxyFactoryFor } from './proxy-manager';

const SERVICE = 'hz:impl:mapService';

/** A host whose Client.CreateProxy / DestroyProxy answer when the test says so. */
function harness() {
  const pending: Array<() => void> = [];
  const host = {
    invokeOnRandomTarget: () =>
      new Promise<ClientMessage>((resolve) => pending.push(() => resolve({} as ClientMessage))),
  } as unknown as PluginHost;
  let onDestroyed: ((serviceName: string, name: string) => void) | undefined;
  let watches = 0;
  const manager = new ProxyManager({
    host: () => host,
    logger: consoleLogger('OFF'),
    watchDestroyed: async (handler) => {
      watches++;
      onDestroyed = handler;
    },
  });
  const answerAll = async () => {
    for (const answer of pending.splice(0)) answer();
    await manager.whenAllCreated();
  };
  const proxy = (name: string) =>
    manager.getOrCreate(
      SERVICE,
      name,
      (_host, n): DistributedObject => ({
        getName: () => n,
        getServiceName: () => SERVICE,
        destroy: () => manager.destroy(SERVICE, n),
      }),
    );
  return {
    manager,
    answerAll,
    proxy,
    destroyed: (name: string) => onDestroyed?.(SERVICE, name),
    watches: () => watches,
    pending: () => pending.length,
  };
}

describe('ProxyManager and objects destroyed elsewhere', () => {
  it('listens once and drops a proxy when another client destroyed its object', async () => {
    const { manager, answerAll, proxy, destroyed, watches } = harness();
    const first = proxy('a');
    proxy('b');
    await answerAll();
    expect(watches()).toBe(1);
    destroyed('a');
    expect(manager.get(SERVICE, 'a')).toBeUndefined();
    expect(manager.get(SERVICE, 'b')).toBeDefined();
    expect(proxy('a')).not.toBe(first);
  });

  it("keeps the proxy got again after this client's own destroy when that destroy's event arrives", async () => {
    const { manager, answerAll, proxy, destroyed, pending } = harness();
    proxy('a');
    await answerAll();
    const destroying = manager.destroy(SERVICE, 'a');
    await vi.waitFor(() => expect(pending()).toBe(1)); // Client.DestroyProxy sent
    await answerAll();
    await destroying;
    const again = proxy('a');
    await answerAll();
    destroyed('a'); // the event of our own destroy
    expect(manager.get(SERVICE, 'a')).toBe(again);
    destroyed('a'); // a later destroy by someone else
    expect(manager.get(SERVICE, 'a')).toBeUndefined();
  });

  it('keeps a proxy whose creation is still on its way (it was got again after the destroy)', async () => {
    const { manager, proxy, destroyed } = harness();
    const fresh = proxy('a');
    destroyed('a');
    expect(manager.get(SERVICE, 'a')).toBe(fresh);
  });

  it('drops, after a listing, the created proxies the cluster no longer lists', async () => {
    const { manager, answerAll, proxy } = harness();
    proxy('kept');
    proxy('gone');
    await answerAll();
    const cleanUp = manager.snapshotForCleanup();
    const late = proxy('created-while-listing');
    cleanUp([{ serviceName: SERVICE, name: 'kept' }]);
    expect(manager.get(SERVICE, 'kept')).toBeDefined();
    expect(manager.get(SERVICE, 'gone')).toBeUndefined();
    expect(manager.get(SERVICE, 'created-while-listing')).toBe(late);
  });
});

describe('ProxyManager.adopt (objects the cluster listed)', () => {
  it('makes a proxy without creating the object on the cluster, and keeps getOrCreate the source of factories', async () => {
    let creates = 0;
    const host = {
      invokeOnRandomTarget: () => {
        creates++;
        return Promise.resolve({} as ClientMessage);
      },
    } as unknown as PluginHost;
    const manager = new ProxyManager({ host: () => host, logger: consoleLogger('OFF') });
    const generic = (_host: PluginHost, name: string): DistributedObject => ({
      getName: () => name,
      getServiceName: () => 'hz:impl:someService',
      destroy: async () => {},
    });
    const adopted = manager.adopt('hz:impl:someService', 'listed', generic);
    expect(creates).toBe(0);
    expect(manager.get('hz:impl:someService', 'listed')).toBe(adopted);
    expect(manager.adopt('hz:impl:someService', 'listed', generic)).toBe(adopted);
    // The generic factory of a listing is not remembered as the service's factory.
    expect(proxyFactoryFor('hz:impl:someService')).toBeUndefined();
    manager.getOrCreate('hz:impl:someService', 'used', generic);
    expect(creates).toBe(1);
    expect(proxyFactoryFor('hz:impl:someService')).toBe(generic);
  });
});

describe('ProxyManager.destroy', () => {
  it('waits for the creation of a proxy got just before, so the object is not created again after it', async () => {
    const sent: string[] = [];
    const answers: Array<() => void> = [];
    const host = {
      invokeOnRandomTarget: (request: { messageType: number }) => {
        sent.push(request.messageType === 0x000400 ? 'create' : 'destroy');
        return new Promise<ClientMessage>((resolve) => answers.push(() => resolve({} as ClientMessage)));
      },
    } as unknown as PluginHost;
    const manager = new ProxyManager({ host: () => host, logger: consoleLogger('OFF') });
    manager.getOrCreate(
      'hz:impl:mapService',
      'm',
      (_host, name): DistributedObject => ({
        getName: () => name,
        getServiceName: () => 'hz:impl:mapService',
        destroy: async () => {},
      }),
    );
    const destroyed = manager.destroy('hz:impl:mapService', 'm');
    await Promise.resolve();
    expect(sent).toEqual(['create']);
    answers.shift()?.();
    await vi.waitFor(() => expect(sent).toEqual(['create', 'destroy']));
    answers.shift()?.();
    await destroyed;
  });
});

describe('ProxyManager names', () => {
  it('refuses an empty or non-string name, naming the structure as users call it', () => {
    const { manager } = harness();
    const factory = (): DistributedObject => ({
      getName: () => '',
      getServiceName: () => '',
      destroy: async () => {},
    });
    expect(() => manager.getOrCreate('hz:impl:queueService', '', factory)).toThrow(
      /^The Queue name must be a non-empty string, got ""$/,
    );
    expect(() => manager.getOrCreate('hz:impl:multiMapService', 7 as never, factory)).toThrow(
      /^The MultiMap name must be a non-empty string, got 7$/,
    );
    expect(() => manager.getOrCreate('custom', '', factory)).toThrow(/^The custom name must be/);
  });
});
