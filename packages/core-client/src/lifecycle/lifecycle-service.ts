import { IllegalArgumentError } from '../errors/hazelcast-error';
import type { Logger } from '../logging/logger';
import { LifecycleState } from './lifecycle-state';

type LifecycleListener = (state: LifecycleState) => void;

/**
 * Tracks the client's lifecycle state and tells listeners about every change, in order. A listener that
 * throws is logged and does not stop the others (user code must not break the client).
 */
export class LifecycleService {
  readonly #listeners = new Map<string, LifecycleListener>();
  readonly #logger: Logger;
  #state: LifecycleState | undefined;
  #nextId = 0;

  constructor(logger: Logger, initialListeners: readonly LifecycleListener[] = []) {
    this.#logger = logger;
    for (const listener of initialListeners) this.addLifecycleListener(listener);
  }

  /** True from STARTED until SHUTTING_DOWN. */
  isRunning(): boolean {
    return (
      this.#state === LifecycleState.STARTED ||
      this.#state === LifecycleState.CONNECTED ||
      this.#state === LifecycleState.DISCONNECTED
    );
  }

  get state(): LifecycleState | undefined {
    return this.#state;
  }

  /**
   * Registers a listener for the states from now on (listeners in the config's `lifecycleListeners` also
   * see STARTING); returns its id for removeListener. The seeds' `add_listener`.
   */
  addListener(listener: LifecycleListener): string {
    if (typeof listener !== 'function') {
      throw new IllegalArgumentError(
        `LifecycleService.addListener: the listener must be a function (state) => void, got ${listener === null ? 'null' : typeof listener}`,
      );
    }
    const id = `lifecycle-${this.#nextId++}`;
    this.#listeners.set(id, listener);
    return id;
  }

  /** Removes a listener; false when the id is not registered (any more). */
  removeListener(registrationId: string): boolean {
    return this.#listeners.delete(registrationId);
  }

  /** The same as addListener. */
  addLifecycleListener(listener: LifecycleListener): string {
    return this.addListener(listener);
  }

  /** The same as removeListener. */
  removeLifecycleListener(registrationId: string): boolean {
    return this.removeListener(registrationId);
  }

  /** @internal Moves to `state` and notifies listeners synchronously, so the order is the order of changes. */
  emit(state: LifecycleState): void {
    this.#state = state;
    this.#logger.info('LifecycleService', `HazelcastClient is ${state}`);
    for (const listener of this.#listeners.values()) {
      try {
        listener(state);
      } catch (error) {
        this.#logger.warn('LifecycleService', `lifecycle listener threw on ${state}`, error);
      }
    }
  }
}
