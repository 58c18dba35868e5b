import type { PluginHost } from '../client/client-context';
import { RingbufferProxy } from './ringbuffer-proxy';

/** The ringbuffer proxy factory, shared by getRingbuffer and the reliable topic built on it. */
export const createRingbuffer = (host: PluginHost, name: string) => new RingbufferProxy(host, name);
