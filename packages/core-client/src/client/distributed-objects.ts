import {
  ClientAddDistributedObjectListenerCodec,
  ClientGetDistributedObjectsCodec,
  ClientRemoveDistributedObjectListenerCodec,
  uuidFromString,
  uuidToString,
} from '@hz/protocol';
import { type DistributedObject, proxyFactoryFor } from '../proxy/proxy-manager';
import type { ClientContext, PluginHost } from './client-context';

/** A distributed object was created or destroyed somewhere in the cluster. */
export interface DistributedObjectEvent {
  readonly name: string;
  readonly serviceName: string;
  readonly eventType: 'CREATED' | 'DESTROYED';
  /** Uuid of the member where it happened (null when the member did not say). */
  readonly source: string | null;
}

export type DistributedObjectListener = (event: DistributedObjectEvent) => void;

/**
 * Every distributed object the cluster knows, as proxies of this client: built by the factory of their
 * kind when this program has used that kind (getMap, getQueue, …), as a plain DistributedObject otherwise.
 */
export async function getDistributedObjects(context: ClientContext): Promise<DistributedObject[]> {
  // Objects this client created are created on the cluster in the background: list them too.
  await context.proxyManager.whenAllCreated();
  const cleanUp = context.proxyManager.snapshotForCleanup();
  const response = await context.invokeOnRandomTarget(ClientGetDistributedObjectsCodec.encodeRequest());
  const listed = ClientGetDistributedObjectsCodec.decodeResponse(response).response;
  // As the seeds say: local proxies of objects destroyed elsewhere go (even if their event was missed).
  cleanUp(listed);
  // Listed objects exist: their proxies are made without Client.CreateProxy, so a member that lists an object
  // another client is destroying right now does not bring it back.
  return listed.map(({ serviceName, name }) =>
    context.proxyManager.adopt(serviceName, name, proxyFactoryFor(serviceName) ?? genericProxy(serviceName)),
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
  return context.registerListener({
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
              source: event.source ? uuidToString(event.source) : null,
            });
          } catch (error) {
            context.logger.warn('DistributedObjectListener', 'listener threw', error);
          }
        },
      }),
  });
}

function genericProxy(serviceName: string) {
  return (host: PluginHost, name: string): DistributedObject => ({
    getName: () => name,
    getServiceName: () => serviceName,
    destroy: () => host.proxies.destroy(serviceName, name),
  });
}
