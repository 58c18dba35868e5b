import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { PN_COUNTER_SERVICE_NAME, type PNCounter } from './pn-counter';
import { PNCounterProxy } from './pn-counter-proxy';

const createPNCounter = (host: PluginHost, name: string) => new PNCounterProxy(host, name);

/** The PN counter `name` (a CRDT counter with session guarantees; see PNCounter). */
export function getPNCounter(client: HazelcastClient, name: string): PNCounter {
  return contextOf(client).proxies.getOrCreate(PN_COUNTER_SERVICE_NAME, name, createPNCounter) as PNCounter;
}

export type { PNCounter } from './pn-counter';
