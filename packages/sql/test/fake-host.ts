import { AbortError, type Member } from '@hz/core-client';
import type { InvokeOptions, PluginEvents, PluginHost } from '@hz/core-client/plugin';
import type { ClientMessage } from '@hz/protocol';
import { HeapData, SerializationService } from '@hz/serialization';
import type Long from 'long';

/** A request the fake host received, answered by the test. */
export interface SentRequest {
  readonly request: ClientMessage;
  readonly memberUuid: string;
  readonly options: InvokeOptions | undefined;
  resolve(response: ClientMessage): void;
  reject(error: Error): void;
}

export function member(
  uuid: string,
  options: { lite?: boolean; version?: [number, number, number] } = {},
): Member {
  const [major, minor, patch] = options.version ?? [5, 7, 0];
  return {
    uuid,
    address: { host: '127.0.0.1', port: 5701 } as Member['address'],
    liteMember: options.lite ?? false,
    attributes: {},
    version: { major, minor, patch },
  };
}

/**
 * A plug-in host without a cluster, for what a real member cannot be made to do on cue (a connection that
 * drops while a request waits, an answer that never comes): requests are recorded and answered by the test,
 * and an aborted request rejects as the core's invocation service does.
 */
export class FakeHost {
  readonly sent: SentRequest[] = [];
  members: Member[] = [member('00000000-0000-0000-0000-000000000001')];
  connected = new Set<string>(['00000000-0000-0000-0000-000000000001']);
  readonly #handlers = new Map<string, Set<(...args: never[]) => void>>();
  readonly #shutdownSteps: Array<(signal: AbortSignal) => Promise<void>> = [];
  readonly #serialization = new SerializationService();

  readonly host: PluginHost = {
    clientUuid: 'c0000000-0000-0000-0000-00000000000c',
    cluster: {
      getMembers: () => this.members,
      getMember: (uuid: string) => this.members.find((m) => m.uuid === uuid),
      clusterId: 'cluster',
      connectedMemberUuids: () => [...this.connected],
      partitionCount: () => 271,
      partitionOwner: () => undefined,
    },
    toData: (value: unknown) => this.#serialization.toData(value).toBuffer(),
    toObject: async <T>(data: Buffer | null) =>
      data === null ? null : (this.#serialization.toObject(new HeapData(data)) as T),
    partitionIdOf: () => 0,
    int64: (value: Long) => value.toBigInt(),
    invokeOnMember: (request: ClientMessage, memberUuid: string, options?: InvokeOptions) =>
      new Promise<ClientMessage>((resolve, reject) => {
        const signal = options?.signal;
        if (signal?.aborted) {
          reject(new AbortError('aborted', { cause: signal.reason }));
          return;
        }
        signal?.addEventListener('abort', () => reject(new AbortError('aborted', { cause: signal.reason })), {
          once: true,
        });
        this.sent.push({ request, memberUuid, options, resolve, reject });
      }),
    on: <E extends keyof PluginEvents>(event: E, handler: PluginEvents[E]) => {
      let set = this.#handlers.get(event);
      if (!set) {
        set = new Set();
        this.#handlers.set(event, set);
      }
      set.add(handler as never);
      return () => set.delete(handler as never);
    },
    onShutdown: (step: (signal: AbortSignal) => Promise<void>) => {
      this.#shutdownSteps.push(step);
    },
  } as unknown as PluginHost;

  emit<E extends keyof PluginEvents>(event: E, ...args: Parameters<PluginEvents[E]>): void {
    for (const handler of this.#handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }

  async shutdown(signal: AbortSignal = new AbortController().signal): Promise<void> {
    await Promise.all(this.#shutdownSteps.map((step) => step(signal)));
  }

  /** Requests of one message type, in order. */
  ofType(messageType: number): SentRequest[] {
    return this.sent.filter((s) => s.request.messageType === messageType);
  }
}
