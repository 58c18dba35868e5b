import { uuidFromString, uuidToString } from '@hz/protocol';
import {
  ClientAddDistributedObjectListenerCodec,
  ClientGetDistributedObjectsCodec,
  ClientRemoveDistributedObjectListenerCodec,
} from '@hz/protocol/codecs/client';
import { MAP_SERVICE_NAME } from '../map/map';
import { MapProxy } from '../map/map-proxy';
import type { DistributedObject } from '../proxy/proxy-manager';
import type { ClientContext } from './client-context';

/** A distributed object was created or destroyed somewhere in the cluster. */
export interface DistributedObjectEvent {
  readonly name: string;
  readonly serviceName: string;
  readonly eventType: 'CREATED' | 'DESTROYED';
  /** Uuid of the member where it happened. */
  readonly source: string | undefined;
}

export type DistributedObjectListener = (event: DistributedObjectEvent) => void;

/** Every distributed object the cluster knows, as proxies of this client. */
export async function getDistributedObjects(context: ClientContext): Promise<DistributedObject[]> {
  const response = await context.invokeOnRandomTarget(ClientGetDistributedObjectsCodec.encodeRequest(), true);
  return ClientGetDistributedObjectsCodec.decodeResponse(response).response.map(({ serviceName, name }) =>
    context.proxies.getOrCreate(serviceName, name, () =>
      serviceName === MAP_SERVICE_NAME
        ? new MapProxy(context, name)
        : genericProxy(context, serviceName, name),
    ),
  );
}

/**
 * Listens for created/destroyed objects on every member (smart) or through the one connection; the
 * registration follows reconnects and new members like every listener.
 */
export function addDistributedObjectListener(
  context: ClientContext,
  listener: DistributedObjectListener,
): Promise<string> {
  const localOnly = context.config.network.smartRouting;
  return context.listeners.registerListener({
    encodeAddRequest: () => ClientAddDistributedObjectListenerCodec.encodeRequest(localOnly),
    decodeAddResponse: (response) => {
      const id = ClientAddDistributedObjectListenerCodec.decodeResponse(response).response;
      return id ? uuidToString(id) : '';
    },
    encodeRemoveRequest: (id) => ClientRemoveDistributedObjectListenerCodec.encodeRequest(uuidFromString(id)),
    handleEvent: (message) =>
      ClientAddDistributedObjectListenerCodec.handleEvent(message, {
        onDistributedObject: (event) => {
          try {
            listener({
              name: event.name,
              serviceName: event.serviceName,
              eventType: event.eventType as DistributedObjectEvent['eventType'],
              source: event.source ? uuidToString(event.source) : undefined,
            });
          } catch (error) {
            context.logger.warn('DistributedObjectListener', 'listener threw', error);
          }
        },
      }),
  });
}

function genericProxy(context: ClientContext, serviceName: string, name: string): DistributedObject {
  return {
    getName: () => name,
    getServiceName: () => serviceName,
    destroy: () => context.proxies.destroy(serviceName, name),
  };
}
