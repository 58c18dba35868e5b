import type { HazelcastClient } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { cpState, cpStateOfHost } from '../cp-plugin';
import { parseCpName } from '../names';
import { ATOMIC_REFERENCE_SERVICE_NAME, type IAtomicReference } from './atomic-reference';
import { AtomicReferenceProxy } from './atomic-reference-proxy';

const KIND = 'AtomicReference';
const create = (host: PluginHost, name: string) =>
  new AtomicReferenceProxy(cpStateOfHost(host), parseCpName(KIND, name));

/** The CP AtomicReference `name` (`"config"`, or `"config@group"`). Synchronous; the group is looked up on first use. */
export function getAtomicReference<E>(client: HazelcastClient, name: string): IAtomicReference<E> {
  const state = cpState(client);
  const { proxyName } = parseCpName(KIND, name);
  return state.host.proxies.getOrCreate(ATOMIC_REFERENCE_SERVICE_NAME, proxyName, create, {
    createOnCluster: false,
  }) as IAtomicReference<E>;
}

export { ATOMIC_REFERENCE_SERVICE_NAME, type IAtomicReference } from './atomic-reference';
