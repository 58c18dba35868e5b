import type { HazelcastClient } from '@hz/core-client';
import type { PluginHost } from '@hz/core-client/plugin';
import { cpState, cpStateOfHost } from '../cp-plugin';
import { parseCpName } from '../names';
import { COUNT_DOWN_LATCH_SERVICE_NAME, type ICountDownLatch } from './count-down-latch';
import { CountDownLatchProxy } from './count-down-latch-proxy';

const KIND = 'CountDownLatch';
const create = (host: PluginHost, name: string) =>
  new CountDownLatchProxy(cpStateOfHost(host), parseCpName(KIND, name));

/** The CP CountDownLatch `name` (`"ready"`, or `"ready@group"`). Synchronous; the group is looked up on first use. */
export function getCountDownLatch(client: HazelcastClient, name: string): ICountDownLatch {
  const state = cpState(client);
  const { proxyName } = parseCpName(KIND, name);
  return state.host.proxies.getOrCreate(COUNT_DOWN_LATCH_SERVICE_NAME, proxyName, create, {
    createOnCluster: false,
  });
}

export {
  COUNT_DOWN_LATCH_SERVICE_NAME,
  type ICountDownLatch,
  type LatchAwaitOptions,
} from './count-down-latch';
