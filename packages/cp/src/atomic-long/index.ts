import type { HazelcastClient } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { cpState, cpStateOfHost } from '../cp-plugin';
import { parseCpName } from '../names';
import { ATOMIC_LONG_SERVICE_NAME, type IAtomicLong } from './atomic-long';
import { AtomicLongProxy } from './atomic-long-proxy';

const KIND = 'AtomicLong';
const create = (host: PluginHost, name: string) =>
  new AtomicLongProxy(cpStateOfHost(host), parseCpName(KIND, name));

/**
 * The CP AtomicLong `name` (`"counter"`, or `"counter@group"` for a CP group of its own). Synchronous: the
 * CP group is looked up on first use, and a cluster without a CP Subsystem fails that first call with
 * CPSubsystemNotAvailableError.
 */
export function getAtomicLong(client: HazelcastClient, name: string): IAtomicLong {
  const state = cpState(client);
  const { proxyName } = parseCpName(KIND, name);
  return state.host.proxies.getOrCreate(ATOMIC_LONG_SERVICE_NAME, proxyName, create, {
    createOnCluster: false,
  });
}

export { ATOMIC_LONG_SERVICE_NAME, type CpFunction, type IAtomicLong } from './atomic-long';
