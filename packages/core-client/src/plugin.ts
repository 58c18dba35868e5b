// @hz/core-client/plugin: the documented surface feature packages (@hz/cp, @hz/sql, @hz/near-cache) build
// on. It exposes the client's internals (invocations, serialization, listeners) without deep imports; it is
// not meant for applications.
import type { ClientContext } from './client/client-context';
import type { HazelcastClient } from './client/hazelcast-client';

export type { ClientContext, DataBytes } from './client/client-context';
export type { ListenerSpec } from './listener/listener-service';
export type { DistributedObject } from './proxy/proxy-manager';

/** The internals of `client` a feature package needs to build its proxies. */
export function clientContext(client: HazelcastClient): ClientContext {
  return client.context;
}
