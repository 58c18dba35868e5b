/** Base of every error the client raises itself. Server-side errors keep their Java class name (see @hz/protocol). */
export class HazelcastError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A configuration value is missing, of the wrong type or out of range. The message names the option. */
export class InvalidConfigurationError extends HazelcastError {}

/** An argument passed to a client method is invalid; nothing was sent to the cluster. */
export class IllegalArgumentError extends HazelcastError {}

/** The client is not connected to the cluster right now (reconnect mode ASYNC, or async start). */
export class ClientOfflineError extends HazelcastError {}

/** The client has been shut down (or is shutting down); it accepts no more operations. */
export class ClientNotActiveError extends HazelcastError {}

/** No member could be reached within `connectionStrategy.connectionRetry.clusterConnectTimeoutMillis`. */
export class IllegalStateError extends HazelcastError {}

/** An invocation did not complete within `hazelcast.client.invocation.timeout.millis`. */
export class OperationTimeoutError extends HazelcastError {}

/**
 * The operation ran but its outcome on backups is unknown: backup acks did not arrive within the backup
 * timeout, or the primary left, with `hazelcast.client.operation.fail.on.indeterminate.state` set.
 */
export class IndeterminateOperationStateError extends HazelcastError {}

/** The connection to a member broke; the invocation may be retried by the invocation service. */
export class TargetDisconnectedError extends HazelcastError {}

/** Authentication was refused: wrong cluster name, credentials a Community member refuses, or a version mismatch. */
export class AuthenticationError extends HazelcastError {}

/** More invocations are in flight than `hazelcast.client.max.concurrent.invocations` allows. */
export class HazelcastOverloadError extends HazelcastError {}
