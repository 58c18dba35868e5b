import type { ClientMessage } from '@hz/protocol';
import type { Logger } from '../logging/logger';
import type { Connection } from '../network/connection';

/** How to add and remove one kind of listener on a member, and what to do with its events. */
export interface ListenerSpec {
  encodeAddRequest(): ClientMessage;
  /**
   * The member's registration id from the add response (used to remove it later). Called once per member
   * the listener is registered on (again after a reconnect); `memberUuid` says which one, so a listener that
   * must know where it is live (a near cache: events sent while it was not are lost) can tell.
   */
  decodeAddResponse(response: ClientMessage, memberUuid: string | undefined): string;
  encodeRemoveRequest(memberRegistrationId: string): ClientMessage;
  handleEvent(event: ClientMessage): void;
}

/** What the listener service needs to send on one connection. */
export interface ListenerTransport {
  invokeOnConnection(
    connection: Connection,
    request: ClientMessage,
    eventHandler?: (event: ClientMessage) => void,
  ): Promise<ClientMessage>;
  connections(): Connection[];
  /** Smart routing listens on every member; unisocket on the one connection. */
  readonly smart: boolean;
}

interface Registration {
  readonly spec: ListenerSpec;
  /** connection id → the member's registration id */
  readonly onConnections: Map<number, { connection: Connection; memberId: string }>;
}

let nextRegistrationId = 1;

/**
 * User listeners live on members, per connection. This service registers each listener on every member
 * (smart) or on the single connection (unisocket), registers it again on every new connection (a member
 * joined, or the client reconnected), and removes it from every member on deregistration.
 */
export class ListenerService {
  readonly #transport: ListenerTransport;
  readonly #logger: Logger;
  readonly #registrations = new Map<string, Registration>();

  constructor(transport: ListenerTransport, logger: Logger) {
    this.#transport = transport;
    this.#logger = logger;
  }

  /** Registers on the current connections; resolves with the id for deregisterListener once one member has it. */
  async registerListener(spec: ListenerSpec): Promise<string> {
    const id = `listener-${nextRegistrationId++}`;
    const registration: Registration = { spec, onConnections: new Map() };
    this.#registrations.set(id, registration);
    const targets = this.#targets();
    const results = await Promise.allSettled(
      targets.map((connection) => this.#registerOn(registration, connection)),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (targets.length > 0 && failures.length === targets.length) {
      this.#registrations.delete(id);
      throw failures[0]!.reason;
    }
    return id;
  }

  async deregisterListener(id: string): Promise<boolean> {
    const registration = this.#registrations.get(id);
    if (!registration) return false;
    this.#registrations.delete(id);
    await Promise.allSettled(
      [...registration.onConnections.values()].map(({ connection, memberId }) =>
        connection.alive
          ? this.#transport.invokeOnConnection(connection, registration.spec.encodeRemoveRequest(memberId))
          : Promise.resolve(undefined),
      ),
    );
    registration.onConnections.clear();
    return true;
  }

  /** @internal A connection joined: listeners go on it too (smart), or move to it (unisocket). */
  connectionAdded(connection: Connection): void {
    if (!this.#transport.smart && this.#registrations.size > 0) {
      const alreadyListening = [...this.#registrations.values()].some((r) =>
        [...r.onConnections.values()].some((c) => c.connection.alive),
      );
      if (alreadyListening) return;
    }
    for (const registration of this.#registrations.values()) {
      this.#registerOn(registration, connection).catch((error: Error) =>
        this.#logger.warn(
          'ListenerService',
          `could not register a listener on ${connection}: ${error.message}`,
        ),
      );
    }
  }

  /** @internal The member's registrations died with the connection. */
  connectionRemoved(connection: Connection): void {
    for (const registration of this.#registrations.values()) registration.onConnections.delete(connection.id);
    if (!this.#transport.smart) {
      const next = this.#transport.connections().find((c) => c.alive);
      if (next) this.connectionAdded(next);
    }
  }

  #targets(): Connection[] {
    const alive = this.#transport.connections().filter((c) => c.alive);
    return this.#transport.smart ? alive : alive.slice(0, 1);
  }

  async #registerOn(registration: Registration, connection: Connection): Promise<void> {
    if (registration.onConnections.has(connection.id)) return;
    const response = await this.#transport.invokeOnConnection(
      connection,
      registration.spec.encodeAddRequest(),
      (event) => registration.spec.handleEvent(event),
    );
    const memberId = registration.spec.decodeAddResponse(response, connection.memberUuid);
    if (!this.#stillRegistered(registration)) {
      // Deregistered while this registration was in flight: take it back.
      void this.#transport
        .invokeOnConnection(connection, registration.spec.encodeRemoveRequest(memberId))
        .catch(() => {});
      return;
    }
    registration.onConnections.set(connection.id, { connection, memberId });
  }

  #stillRegistered(registration: Registration): boolean {
    for (const r of this.#registrations.values()) if (r === registration) return true;
    return false;
  }
}
