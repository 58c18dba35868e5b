/** Settings of `connectionStrategy.connectionRetry`. */
export interface BackoffSettings {
  readonly initialBackoffMillis: number;
  readonly maxBackoffMillis: number;
  readonly multiplier: number;
  readonly jitter: number;
  readonly clusterConnectTimeoutMillis: number;
}

/**
 * Exponential backoff with jitter for (re)connecting to the cluster, as the Java client's WaitStrategy:
 * the n-th wait is min(max, initial * multiplier^n), spread by ±jitter, and the whole attempt gives up once
 * `clusterConnectTimeoutMillis` has passed (never when it is -1).
 */
export class Backoff {
  readonly #settings: BackoffSettings;
  readonly #random: () => number;
  #current: number;
  #startedAt = 0;
  #attempt = 0;

  constructor(settings: BackoffSettings, random: () => number = Math.random) {
    this.#settings = settings;
    this.#random = random;
    this.#current = settings.initialBackoffMillis;
  }

  /** Starts a new connection attempt: waits restart from the initial backoff. */
  reset(now: number): void {
    this.#current = this.#settings.initialBackoffMillis;
    this.#startedAt = now;
    this.#attempt = 0;
  }

  get attempt(): number {
    return this.#attempt;
  }

  /**
   * The next wait in milliseconds, or undefined when the cluster connect timeout is used up. The wait is cut
   * short so it never ends after the deadline.
   */
  nextDelay(now: number): number | undefined {
    const { clusterConnectTimeoutMillis, maxBackoffMillis, multiplier, jitter } = this.#settings;
    const elapsed = now - this.#startedAt;
    const remaining =
      clusterConnectTimeoutMillis === -1 ? Number.POSITIVE_INFINITY : clusterConnectTimeoutMillis - elapsed;
    if (remaining <= 0) return undefined;
    const spread = this.#current * jitter * (this.#random() * 2 - 1);
    const delay = Math.max(0, Math.min(remaining, this.#current + spread));
    this.#current = Math.min(maxBackoffMillis, this.#current * multiplier);
    this.#attempt++;
    return delay;
  }
}
