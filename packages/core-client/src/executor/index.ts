import type { PluginHost } from '../client/client-context';
import { contextOf } from '../client/context-of';
import type { HazelcastClient } from '../client/hazelcast-client';
import { EXECUTOR_SERVICE_NAME, type IExecutorService } from './executor';
import { ExecutorServiceProxy } from './executor-proxy';

const createExecutor = (host: PluginHost, name: string) => new ExecutorServiceProxy(host, name);

/** The cluster-wide executor `name` (its thread pool on each member follows the member's executor config). */
export function getExecutorService(client: HazelcastClient, name: string): IExecutorService {
  return contextOf(client).proxies.getOrCreate(EXECUTOR_SERVICE_NAME, name, createExecutor);
}

export type { ExecuteOptions, IExecutorService, MemberResults, MemberTarget } from './executor';
