import type { StackTraceElement } from '../generated/custom/StackTraceElementCodec';

/**
 * Marks every `@hz` error, including those of packages that cannot extend this class (`@hz/serialization`
 * depends on no other `@hz` package): `instanceof HazelcastError` is true for any error carrying the mark.
 */
export const HAZELCAST_ERROR_BRAND: unique symbol = /* @__PURE__ */ Symbol.for('@hz/error') as never;

/** What a member reported about an error: its Java class, message and stack trace. */
export interface ServerErrorDetails {
  errorCode: number;
  className: string;
  message: string | null;
  stackTraceElements: StackTraceElement[];
}

export interface HazelcastErrorOptions extends ErrorOptions {
  /** The member's report, when this error came from a member. */
  server?: ServerErrorDetails;
}

/**
 * The root of every error an `@hz` package throws. `name` is stable (it survives minification), and errors
 * a member reported carry the member's error code, Java class name, message and stack trace.
 */
export class HazelcastError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check; the root also accepts branded errors of other packages.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class `instanceof` was asked about
    if (this !== HazelcastError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && HAZELCAST_ERROR_BRAND in value;
  }

  override name = 'HazelcastError';
  /** The protocol's error code, when a member reported this error. */
  readonly errorCode: number | undefined;
  /** The Java class name of the member's exception. */
  readonly className: string | undefined;
  /** The member's own message (the error's `message` may add context). */
  readonly serverMessage: string | null | undefined;
  readonly serverStackTrace: readonly StackTraceElement[] | undefined;

  constructor(message: string, options?: HazelcastErrorOptions) {
    super(message, options);
    (this as unknown as Record<symbol, boolean>)[HAZELCAST_ERROR_BRAND] = true;
    const server = options?.server;
    this.errorCode = server?.errorCode;
    this.className = server?.className;
    this.serverMessage = server?.message;
    this.serverStackTrace = server?.stackTraceElements;
  }
}
