// @hz/core-client/plugin: the contract feature packages (@hz/cp, @hz/sql, @hz/near-cache, or your own) build
// on. A plug-in gets the client's services as interfaces (PluginHost), hooks into its lifecycle, and builds
// proxies on the shared ProxyBase. Applications do not need this subpath.
import type { ClientContext } from './client/client-context';
import { contextOf } from './client/context-of';
import type { HazelcastClient } from './client/hazelcast-client';
import type { ClientPlugin } from './client/plugins';

export type {
  ClusterView,
  DataBytes,
  InvokeOptions,
  PluginEvents,
  PluginHost,
} from './client/client-context';
export type { ClientPlugin } from './client/plugins';
export type { ResolvedClientConfig } from './config/resolve-config';
export {
  checkKeys,
  fail as invalidConfig,
  isPlainObject,
  optBoolean,
  optChoice,
  optNumber,
  optString,
  optStringArray,
  section,
} from './config/validate';
export type { ServerErrorFactory } from './errors/server-error';
export type { ListenerSpec } from './listener/listener-service';
export { currentThreadId, nextLockReferenceId } from './proxy/lock-context';
export { durationMillis, ProxyBase } from './proxy/proxy-base';
export type { DistributedObject, ProxyFactory, ProxyOptions, ProxyRegistry } from './proxy/proxy-manager';
export { type MetricDescriptor, type MetricsSink, MetricUnit } from './statistics/metrics';
export { int64Arg } from './util/int64';
export { checkOptions } from './util/options';

/**
 * Sets `plugin` up on `client` once (at its first use) and returns its per-client state: how features that
 * need no configuration (`getAtomicLong`, `getSql`) attach themselves. Plug-ins given in the client config
 * are set up at construction; this returns their state too.
 */
export function attachPlugin<S>(client: HazelcastClient, plugin: ClientPlugin<S>): S {
  return contextOf(client).attachPlugin(plugin);
}

/** The host a plug-in would receive, for code that builds proxies outside `setup`. */
export function pluginHost(client: HazelcastClient): import('./client/client-context').PluginHost {
  return contextOf(client);
}

/**
 * @internal The client's internals (connections, invocations, partition table), for this repository's own
 * tests and diagnostics. Not part of the plug-in contract: it may change in any release.
 */
export function clientContext(client: HazelcastClient): ClientContext {
  return contextOf(client);
}
