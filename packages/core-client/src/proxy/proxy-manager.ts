import { ClientCreateProxyCodec, ClientDestroyProxyCodec } from '@hz/protocol/codecs/client';
import type { ClientContext } from '../client/client-context';

/** What every distributed-object proxy has. */
export interface DistributedObject {
  getName(): string;
  getServiceName(): string;
  /** Destroys the object cluster-wide: its data is gone for every client. */
  destroy(): Promise<void>;
}

interface Entry {
  readonly proxy: DistributedObject;
  created: Promise<void>;
}

/**
 * One proxy per (service, name) per client, created synchronously for the caller while the cluster-side
 * object is created in the background (Client.CreateProxy). After the client reconnects to a restarted
 * cluster, every known object is created again there.
 */
export class ProxyManager {
  readonly #context: () => ClientContext;
  readonly #proxies = new Map<string, Entry>();

  constructor(context: () => ClientContext) {
    this.#context = context;
  }

  getOrCreate<P extends DistributedObject>(serviceName: string, name: string, create: () => P): P {
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`A ${serviceName} name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    const key = `${serviceName}/${name}`;
    const existing = this.#proxies.get(key);
    if (existing) return existing.proxy as P;
    const proxy = create();
    const entry: Entry = { proxy, created: this.#createOnCluster(serviceName, name) };
    this.#proxies.set(key, entry);
    return proxy;
  }

  /** Resolves once the cluster-side object of `proxy` exists; operations await it before their first use. */
  whenCreated(serviceName: string, name: string): Promise<void> {
    return this.#proxies.get(`${serviceName}/${name}`)?.created ?? Promise.resolve();
  }

  async destroy(serviceName: string, name: string): Promise<void> {
    this.#proxies.delete(`${serviceName}/${name}`);
    const context = this.#context();
    await context.invokeOnRandomTarget(ClientDestroyProxyCodec.encodeRequest(name, serviceName));
  }

  /** @internal After a cluster restart the new cluster knows none of our objects. */
  recreateAll(): void {
    for (const entry of this.#proxies.values()) {
      entry.created = this.#createOnCluster(entry.proxy.getServiceName(), entry.proxy.getName());
    }
  }

  #createOnCluster(serviceName: string, name: string): Promise<void> {
    const context = this.#context();
    const created = context
      .invokeOnRandomTarget(ClientCreateProxyCodec.encodeRequest(name, serviceName))
      .then(() => undefined);
    // Operations report their own failures; an unobserved rejection here must not crash the process.
    created.catch((error: Error) =>
      context.logger.debug('ProxyManager', `creating ${serviceName} ${name} failed: ${error.message}`),
    );
    return created;
  }
}
