import type { HazelcastClient } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { cpState, cpStateOfHost } from '../cp-plugin';
import { parseCpName } from '../names';
import { FENCED_LOCK_SERVICE_NAME, type FencedLock } from './fenced-lock';
import { FencedLockProxy } from './fenced-lock-proxy';

const KIND = 'FencedLock';
const create = (host: PluginHost, name: string) =>
  new FencedLockProxy(cpStateOfHost(host), parseCpName(KIND, name));

/** The CP FencedLock `name` (`"orders"`, or `"orders@group"`). Synchronous; the group is looked up on first use. */
export function getFencedLock(client: HazelcastClient, name: string): FencedLock {
  const state = cpState(client);
  const { proxyName } = parseCpName(KIND, name);
  return state.host.proxies.getOrCreate(FENCED_LOCK_SERVICE_NAME, proxyName, create, {
    createOnCluster: false,
  });
}

export {
  FENCED_LOCK_SERVICE_NAME,
  type FencedLock,
  type LockOptions,
  type TryLockOptions,
} from './fenced-lock';
