import { ClientCreateProxyCodec, ClientDestroyProxyCodec } from '@hz/protocol';
import type { PluginHost } from '../client/client-context';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';

/** What every distributed-object proxy has. */
export interface DistributedObject {
  getName(): string;
  getServiceName(): string;
  /** Destroys the object cluster-wide: its data is gone for every client. */
  destroy(): Promise<void>;
}

/** Builds the proxy of one object of a service for one client. */
export type ProxyFactory<P extends DistributedObject = DistributedObject> = (
  host: PluginHost,
  name: string,
) => P;

export interface ProxyOptions {
  /**
   * Create the object on the cluster with Client.CreateProxy, again after a cluster restart (default true).
   * Objects that live elsewhere, such as CP objects in their Raft groups, pass false and manage themselves.
   */
  createOnCluster?: boolean;
}

/** The per-client proxy cache: one proxy per (service, name). */
export interface ProxyRegistry {
  /**
   * The proxy of (serviceName, name) for this client, built by `factory` on first use and wrapped by the
   * decorators plug-ins registered for the service. The factory is also remembered for the service, so
   * `getDistributedObjects()` returns proxies of this kind.
   */
  getOrCreate<P extends DistributedObject>(
    serviceName: string,
    name: string,
    factory: ProxyFactory<P>,
    options?: ProxyOptions,
  ): P;
  /** The proxy of (serviceName, name) if this client has one. */
  get(serviceName: string, name: string): DistributedObject | undefined;
  /** Forgets the local proxy without touching the cluster (the object was destroyed elsewhere). */
  remove(serviceName: string, name: string): void;
  /** Destroys the object on the cluster (Client.DestroyProxy) and forgets the local proxy. */
  destroy(serviceName: string, name: string): Promise<void>;
  /** Resolves once the cluster-side object exists (Client.CreateProxy answered). */
  whenCreated(serviceName: string, name: string): Promise<void>;
}

/**
 * Factories of every proxy kind this program has asked for, by service name. Filled by the getters a
 * program calls (getMap, getQueue, …), never at import, so a program that uses only maps carries no other
 * proxy code; `getDistributedObjects()` builds real proxies from it.
 */
const factories = new Map<string, ProxyFactory>();

export function proxyFactoryFor(serviceName: string): ProxyFactory | undefined {
  return factories.get(serviceName);
}

interface Entry {
  readonly proxy: DistributedObject;
  readonly createOnCluster: boolean;
  created: Promise<void>;
  /** Client.CreateProxy has answered (or failed): the cluster has had its chance to list the object. */
  settled: boolean;
}

/** What the proxy manager needs of its client. */
export interface ProxyManagerHost {
  host(): PluginHost;
  logger: Logger;
  /**
   * Starts listening for objects destroyed anywhere in the cluster (called once, at the first proxy that
   * lives behind Client.CreateProxy); `onDestroyed` drops the local proxy.
   */
  watchDestroyed?(onDestroyed: (serviceName: string, name: string) => void): Promise<unknown>;
}

/**
 * One proxy per (service, name) per client, created synchronously for the caller while the cluster-side
 * object is created in the background (Client.CreateProxy). After the client reconnects to a restarted
 * cluster, every known object is created again there.
 */
export class ProxyManager implements ProxyRegistry {
  readonly #client: ProxyManagerHost;
  readonly #proxies = new Map<string, Entry>();
  readonly #decorators = new Map<string, Array<(proxy: DistributedObject) => DistributedObject>>();
  /** Destroys this client sent whose DESTROYED event has not arrived yet, by key. */
  readonly #ownDestroys = new Map<string, number>();
  #watching = false;

  constructor(client: ProxyManagerHost) {
    this.#client = client;
  }

  getOrCreate<P extends DistributedObject>(
    serviceName: string,
    name: string,
    factory: ProxyFactory<P>,
    options: ProxyOptions = {},
  ): P {
    if (typeof name !== 'string' || name.length === 0) {
      throw new IllegalArgumentError(
        `${structureOf(serviceName)} name must be a non-empty string, got ${JSON.stringify(name)}`,
      );
    }
    const existing = this.#proxies.get(keyOf(serviceName, name));
    if (existing) return existing.proxy as P;
    const createOnCluster = options.createOnCluster ?? true;
    if (!factories.has(serviceName)) factories.set(serviceName, factory);
    return this.#add(serviceName, name, factory, createOnCluster, createOnCluster);
  }

  #add<P extends DistributedObject>(
    serviceName: string,
    name: string,
    factory: ProxyFactory<P>,
    createOnCluster: boolean,
    sendCreate: boolean,
  ): P {
    let proxy: DistributedObject = factory(this.#client.host(), name);
    for (const decorate of this.#decorators.get(serviceName) ?? []) proxy = decorate(proxy);
    const entry: Entry = { proxy, createOnCluster, created: Promise.resolve(), settled: !sendCreate };
    if (createOnCluster) this.#watchDestroyed();
    if (sendCreate) entry.created = this.#createOnCluster(entry, serviceName, name);
    this.#proxies.set(keyOf(serviceName, name), entry);
    return proxy as P;
  }

  /**
   * @internal The proxy of an object the cluster listed: like getOrCreate, without Client.CreateProxy (the
   * object exists, and a listing that is behind a destroy must not bring the object back), and without
   * remembering `factory` for the service (a getter the program calls later brings the real one).
   */
  adopt<P extends DistributedObject>(serviceName: string, name: string, factory: ProxyFactory<P>): P {
    const existing = this.#proxies.get(keyOf(serviceName, name));
    if (existing) return existing.proxy as P;
    return this.#add(serviceName, name, factory, true, false);
  }

  get(serviceName: string, name: string): DistributedObject | undefined {
    return this.#proxies.get(keyOf(serviceName, name))?.proxy;
  }

  remove(serviceName: string, name: string): void {
    this.#proxies.delete(keyOf(serviceName, name));
  }

  whenCreated(serviceName: string, name: string): Promise<void> {
    return this.#proxies.get(keyOf(serviceName, name))?.created ?? Promise.resolve();
  }

  async destroy(serviceName: string, name: string): Promise<void> {
    const key = keyOf(serviceName, name);
    const entry = this.#proxies.get(key);
    this.remove(serviceName, name);
    // A Client.CreateProxy still on its way would run after the destroy and bring the object back.
    if (entry) await entry.created.catch(() => {});
    // Our own destroy comes back as a DESTROYED event, maybe after the program got the object again: that
    // event must not drop the new proxy.
    if (this.#watching) this.#ownDestroys.set(key, (this.#ownDestroys.get(key) ?? 0) + 1);
    await this.#client.host().invokeOnRandomTarget(ClientDestroyProxyCodec.encodeRequest(name, serviceName));
  }

  /**
   * @internal Drops local proxies of objects the cluster no longer has: those whose creation had been
   * answered before `listed` was asked for and that `listed` does not contain (the seeds'
   * get_distributed_objects side effect). Returns the snapshot function to call before listing.
   */
  snapshotForCleanup(): (listed: ReadonlyArray<{ serviceName: string; name: string }>) => void {
    const candidates = [...this.#proxies].filter(([, entry]) => entry.createOnCluster && entry.settled);
    return (listed) => {
      const present = new Set(listed.map(({ serviceName, name }) => keyOf(serviceName, name)));
      for (const [key, entry] of candidates) {
        if (!present.has(key) && this.#proxies.get(key) === entry) this.#proxies.delete(key);
      }
    };
  }

  /** @internal A DESTROYED event from the cluster: forget the local proxy (the object is gone). */
  destroyedElsewhere(serviceName: string, name: string): void {
    const key = keyOf(serviceName, name);
    const own = this.#ownDestroys.get(key);
    if (own !== undefined) {
      if (own <= 1) this.#ownDestroys.delete(key);
      else this.#ownDestroys.set(key, own - 1);
      return;
    }
    const entry = this.#proxies.get(key);
    // A proxy whose creation is still on its way was got again after the destroy: the object will exist.
    if (entry?.createOnCluster && entry.settled) this.#proxies.delete(key);
  }

  /** @internal Resolves once every Client.CreateProxy this client sent so far has been answered. */
  async whenAllCreated(): Promise<void> {
    await Promise.allSettled([...this.#proxies.values()].map((entry) => entry.created));
  }

  /** @internal Registers a plug-in's decorator for the proxies of `serviceName` created from now on. */
  decorate(serviceName: string, decorator: (proxy: DistributedObject) => DistributedObject): void {
    const list = this.#decorators.get(serviceName);
    if (list) list.push(decorator);
    else this.#decorators.set(serviceName, [decorator]);
  }

  /** @internal After a cluster restart the new cluster knows none of our objects. */
  recreateAll(): void {
    for (const entry of this.#proxies.values()) {
      if (!entry.createOnCluster) continue;
      entry.settled = false;
      entry.created = this.#createOnCluster(entry, entry.proxy.getServiceName(), entry.proxy.getName());
    }
  }

  #watchDestroyed(): void {
    const watch = this.#client.watchDestroyed;
    if (this.#watching || !watch) return;
    this.#watching = true;
    watch((serviceName, name) => this.destroyedElsewhere(serviceName, name)).catch((error: Error) => {
      // Not listening (e.g. the client shut down meanwhile): getDistributedObjects still drops them.
      this.#watching = false;
      this.#ownDestroys.clear();
      this.#client.logger.debug('ProxyManager', `listening for destroyed objects failed: ${error.message}`);
    });
  }

  #createOnCluster(entry: Entry, serviceName: string, name: string): Promise<void> {
    const created = this.#client
      .host()
      .invokeOnRandomTarget(ClientCreateProxyCodec.encodeRequest(name, serviceName))
      .then(() => undefined)
      .finally(() => {
        entry.settled = true;
      });
    // Operations report their own failures; an unobserved rejection here must not crash the process.
    created.catch((error: Error) =>
      this.#client.logger.debug('ProxyManager', `creating ${serviceName} ${name} failed: ${error.message}`),
    );
    return created;
  }
}

function keyOf(serviceName: string, name: string): string {
  return `${serviceName}/${name}`;
}

/** "hz:impl:queueService" → "Queue": what a user calls the structure, for errors. */
function structureOf(serviceName: string): string {
  const kind = /^hz:[a-z]+:(\w+?)Service$/.exec(serviceName)?.[1];
  return kind === undefined ? `The ${serviceName}` : `The ${kind[0]!.toUpperCase()}${kind.slice(1)}`;
}
