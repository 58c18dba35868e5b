import type { HazelcastClient } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { cpState, cpStateOfHost } from '../cp-plugin';
import { parseCpName } from '../names';
import { type ISemaphore, SEMAPHORE_SERVICE_NAME } from './semaphore';
import { SemaphoreProxy } from './semaphore-proxy';

const KIND = 'Semaphore';
const create = (host: PluginHost, name: string) =>
  new SemaphoreProxy(cpStateOfHost(host), parseCpName(KIND, name));

/**
 * The CP Semaphore `name` (`"pool"`, or `"pool@group"`): session-aware, or sessionless when the members
 * configure it `jdk-compatible`. Synchronous; the group and the kind are looked up on first use.
 */
export function getSemaphore(client: HazelcastClient, name: string): ISemaphore {
  const state = cpState(client);
  const { proxyName } = parseCpName(KIND, name);
  return state.host.proxies.getOrCreate(SEMAPHORE_SERVICE_NAME, proxyName, create, {
    createOnCluster: false,
  });
}

export {
  type AcquireOptions,
  type ISemaphore,
  type ReleaseOptions,
  SEMAPHORE_SERVICE_NAME,
  type TryAcquireOptions,
} from './semaphore';
