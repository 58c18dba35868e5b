import { type ClientMessage, type Uuid, uuidFromString, uuidToString } from '@hz/protocol';
import type { DataBytes, PluginHost } from '../client/client-context';
import { ClientNotActiveError, IllegalArgumentError } from '../errors/hazelcast-error';
import { checkOptions } from '../util/options';

/** The kinds of item events, with the protocol's values. */
export const ItemEventType = {
  ADDED: 1,
  REMOVED: 2,
} as const;
export type ItemEventType = (typeof ItemEventType)[keyof typeof ItemEventType];

/** An item added to or removed from a queue, list or set. */
export interface ItemEvent<E> {
  /** The name of the queue, list or set. */
  readonly name: string;
  /** The item, or null when the listener was added with `includeValue: false`. */
  readonly item: E | null;
  readonly eventType: ItemEventType;
  /** Uuid of the member the event comes from (null if the member did not say). */
  readonly member: string | null;
}

/** Callbacks per event kind (at least one). A callback that throws is logged; later events still arrive. */
export interface ItemListener<E> {
  itemAdded?(event: ItemEvent<E>): void;
  itemRemoved?(event: ItemEvent<E>): void;
}

export interface ItemListenerOptions {
  /** Send the item with each event; default true (false: `item` is null, and events are smaller). */
  includeValue?: boolean;
}

/** The keys of ItemListenerOptions, for checkOptions (`satisfies` keeps the list equal to the type). */
const ITEM_LISTENER_OPTIONS = Object.keys({
  includeValue: true,
} satisfies Record<keyof ItemListenerOptions, true>);

/** The wire side of one structure's item listener: its add/remove codecs, bound to nothing else. */
export interface ItemListenerCodec {
  encodeAddRequest(name: string, includeValue: boolean, localOnly: boolean): ClientMessage;
  decodeAddResponse(response: ClientMessage): Uuid | null;
  encodeRemoveRequest(name: string, registrationId: Uuid): ClientMessage;
  /** Decodes an item event and calls `onItem`; false when the message is not one. */
  handleEvent(
    message: ClientMessage,
    onItem: (event: { item: DataBytes | null; uuid: Uuid | null; eventType: number }) => void,
  ): boolean;
}

/**
 * Registers an item listener of a queue, list or set (`kind` names it in errors, e.g. "Queue"). Smart
 * clients listen on every member with `localOnly`: each member reports the events of the partitions it
 * owns, so after a member dies the new owner (which already has the registration) reports them. The
 * listener service registers again on new connections, so listeners survive member loss and cluster
 * restarts. Events reach the callbacks in the order they arrive, also when an item needs a Compact schema
 * fetched first.
 */
export function addItemListener<E>(
  host: PluginHost,
  kind: string,
  name: string,
  listener: ItemListener<E>,
  options: ItemListenerOptions | undefined,
  codec: ItemListenerCodec,
): Promise<string> {
  const what = `${kind} ${name}`;
  if (
    typeof listener !== 'object' ||
    listener === null ||
    (typeof listener.itemAdded !== 'function' && typeof listener.itemRemoved !== 'function')
  ) {
    throw new IllegalArgumentError(
      `${what}: an item listener needs an itemAdded or itemRemoved function, got ${describe(listener)}`,
    );
  }
  if (options !== undefined) {
    // null is refused here (not taken as "no options"), as it always was.
    if (options === null) {
      throw new IllegalArgumentError(`${what}.addItemListener: options must be an object, got null`);
    }
    checkOptions(options, ITEM_LISTENER_OPTIONS, `${what}.addItemListener`);
  }
  const includeValue = options?.includeValue ?? true;
  if (typeof includeValue !== 'boolean') {
    throw new IllegalArgumentError(`${what}: includeValue must be a boolean, got ${describe(includeValue)}`);
  }
  // Without this, a shut-down client would "register" on no connection and hand back an id.
  const state = host.lifecycle.state;
  if (state === 'SHUTTING_DOWN' || state === 'SHUTDOWN') {
    return Promise.reject(new ClientNotActiveError(`${what}: the client is shut down`));
  }
  const localOnly = host.config.network.smartRouting;
  let delivered = Promise.resolve();
  const dispatch = async (event: { item: DataBytes | null; uuid: Uuid | null; eventType: number }) => {
    const item = includeValue ? await host.toObject<E>(event.item) : null;
    const itemEvent: ItemEvent<E> = {
      name,
      item,
      eventType: event.eventType as ItemEventType,
      member: event.uuid ? uuidToString(event.uuid) : null,
    };
    if (event.eventType === ItemEventType.ADDED) listener.itemAdded?.(itemEvent);
    else if (event.eventType === ItemEventType.REMOVED) listener.itemRemoved?.(itemEvent);
  };
  return host.registerListener({
    encodeAddRequest: () => codec.encodeAddRequest(name, includeValue, localOnly),
    decodeAddResponse: (response) => {
      const id = codec.decodeAddResponse(response);
      return id ? uuidToString(id) : '';
    },
    encodeRemoveRequest: (id) => codec.encodeRemoveRequest(name, uuidFromString(id)),
    handleEvent: (message) =>
      codec.handleEvent(message, (event) => {
        delivered = delivered
          .then(() => dispatch(event))
          .catch((error: unknown) =>
            host.logger.warn('ItemListener', `item listener of ${what} threw`, error),
          );
      }),
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  if (typeof value === 'string') return `string "${value}"`;
  return `${typeof value} ${String(value)}`;
}
