import type { PluginEvents, PluginHost } from './client-context';

/**
 * A feature that plugs into a client. Config plug-ins are passed at construction
 * (`plugins: [nearCache({...})]`) and set up before the client connects; features that need no config
 * (`@hz/cp`, `@hz/sql`) attach themselves on first use with `attachPlugin(client, plugin)`.
 * `setup` runs once per client and returns the plug-in's per-client state.
 */
export interface ClientPlugin<State = unknown> {
  /** Unique per client: a second plug-in of the same name is refused. */
  readonly name: string;
  setup(host: PluginHost): State;
}

type Handlers = { [E in keyof PluginEvents]: Set<PluginEvents[E]> };

/** Package-internal. The client's events, fanned out to plug-ins; a handler that throws is logged, not fatal. */
export class PluginEventHub {
  readonly #handlers: Handlers = {
    started: new Set(),
    clusterChanged: new Set(),
    memberAdded: new Set(),
    memberRemoved: new Set(),
    connectionAdded: new Set(),
    connectionLost: new Set(),
    lifecycle: new Set(),
    collectMetrics: new Set(),
  };
  readonly #onError: (event: string, error: unknown) => void;

  constructor(onError: (event: string, error: unknown) => void) {
    this.#onError = onError;
  }

  on<E extends keyof PluginEvents>(event: E, handler: PluginEvents[E]): () => void {
    const set = this.#handlers[event] as Set<PluginEvents[E]>;
    set.add(handler);
    return () => set.delete(handler);
  }

  emit<E extends keyof PluginEvents>(event: E, ...args: Parameters<PluginEvents[E]>): void {
    for (const handler of this.#handlers[event] as Set<(...a: Parameters<PluginEvents[E]>) => void>) {
      try {
        handler(...args);
      } catch (error) {
        this.#onError(event, error);
      }
    }
  }
}
