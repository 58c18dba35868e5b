import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { MapPutCodec } from '@hz/protocol';
import { useCluster } from '@hz-tools/cluster/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type ConnectionCloseEvent,
  type ConnectionOpenEvent,
  DiagnosticChannels,
  getMap,
  type InvocationErrorEvent,
  type ReconnectEndEvent,
  type ReconnectStartEvent,
} from '../src/index';
import { connect, lifecycleReaches } from './helpers';

const cluster = useCluster({ members: 1 });

/** Everything published on the @hz channels while subscribed, in order. */
const published: Array<{ channel: string; message: Record<string, unknown> }> = [];
const handlers = new Map<string, (message: unknown) => void>();

function listen(): void {
  for (const name of Object.values(DiagnosticChannels)) {
    const handler = (message: unknown) =>
      published.push({ channel: name, message: message as Record<string, unknown> });
    handlers.set(name, handler);
    subscribe(name, handler);
  }
}

afterEach(() => {
  for (const [name, handler] of handlers) unsubscribe(name, handler);
  handlers.clear();
  published.length = 0;
});

function on(channel: string) {
  return published.filter((p) => p.channel === channel).map((p) => p.message);
}

describe('diagnostics channels', () => {
  it('publish invocation start and end with the same object, and errors with the error', async () => {
    listen();
    const client = await connect(cluster.current, { instanceName: 'traced' });
    try {
      const opened = on(DiagnosticChannels.connectionOpen) as unknown as ConnectionOpenEvent[];
      expect(opened).toHaveLength(1);
      expect(opened[0]).toMatchObject({
        clientName: 'traced',
        transport: 'tcp',
        remoteAddress: cluster.current.addresses[0],
        memberUuid: cluster.current.liveMembers[0]!.uuid,
      });

      published.length = 0;
      await getMap(client, 'traced-map').put('k', 'v');
      const starts = on(DiagnosticChannels.invocationStart).filter(
        (m) => m.messageType === MapPutCodec.REQUEST_MESSAGE_TYPE,
      );
      const ends = on(DiagnosticChannels.invocationEnd).filter(
        (m) => m.messageType === MapPutCodec.REQUEST_MESSAGE_TYPE,
      );
      expect(starts).toHaveLength(1);
      expect(ends).toHaveLength(1);
      // One object per invocation: start and end are the same, so a span can be keyed by it.
      expect(ends[0]).toBe(starts[0]);
      expect(ends[0]).toMatchObject({
        clientName: 'traced',
        target: 'partition',
        attempts: 1,
        memberUuid: cluster.current.liveMembers[0]!.uuid,
      });
      expect(ends[0]!.partitionId).toBeGreaterThanOrEqual(0);
      expect(ends[0]!.endTime as number).toBeGreaterThanOrEqual(ends[0]!.startTime as number);
      // Start is published before the request leaves; end when the response arrived.
      const order = published.map((p) => p.message).filter((m) => m === starts[0]);
      expect(order).toHaveLength(2);

      published.length = 0;
      // An entry processor class the member does not know: the member answers with an error.
      const unknownProcessor = { factoryId: 9_999, classId: 1, writeData() {}, readData() {} };
      await expect(getMap(client, 'traced-map').executeOnKey('k', unknownProcessor)).rejects.toThrow();
      const errors = on(DiagnosticChannels.invocationError) as unknown as InvocationErrorEvent[];
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error).toBeInstanceOf(Error);
      expect(on(DiagnosticChannels.invocationStart)[0]).toBe(errors[0]);
    } finally {
      await client.shutdown();
    }
    const closed = on(DiagnosticChannels.connectionClose) as unknown as ConnectionCloseEvent[];
    expect(closed).toHaveLength(1);
    expect(closed[0]!.reason.name).toBe('ClientNotActiveError');
  });

  it('publish connection close and reconnect start/end when the member restarts', async () => {
    const client = await connect(cluster.current, {
      instanceName: 'reconnecting',
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 100, maxBackoffMillis: 500 } },
    });
    try {
      listen();
      const disconnected = lifecycleReaches(client, 'DISCONNECTED');
      const member = cluster.current.liveMembers[0]!;
      await cluster.current.terminateMember(member);
      await disconnected;
      await vi.waitFor(() => expect(on(DiagnosticChannels.reconnectStart)).toHaveLength(1), {
        timeout: 10_000,
      });
      const start = on(DiagnosticChannels.reconnectStart)[0] as unknown as ReconnectStartEvent;
      expect(start.clientName).toBe('reconnecting');
      expect(start.reason).toBeInstanceOf(Error);
      const closed = on(DiagnosticChannels.connectionClose) as unknown as ConnectionCloseEvent[];
      expect(closed.map((c) => c.memberUuid)).toEqual([member.uuid]);

      await cluster.current.startMember({ port: member.port });
      await vi.waitFor(() => expect(on(DiagnosticChannels.reconnectEnd)).toHaveLength(1), {
        timeout: 60_000,
      });
      const end = on(DiagnosticChannels.reconnectEnd)[0] as unknown as ReconnectEndEvent;
      expect(end).toMatchObject({ clientName: 'reconnecting', connected: true, error: null });
      expect(end.durationMillis).toBeGreaterThan(0);
      expect(on(DiagnosticChannels.connectionOpen).at(-1)).toMatchObject({
        memberUuid: cluster.current.liveMembers[0]!.uuid,
      });
      await getMap(client, 'after-reconnect').set('k', 'v');
    } finally {
      await client.shutdown();
    }
  });

  it('publish nothing and build nothing without subscribers', async () => {
    const client = await connect(cluster.current);
    try {
      await getMap(client, 'quiet').set('k', 'v');
      expect(published).toEqual([]);
      for (const name of Object.values(DiagnosticChannels)) {
        const { hasSubscribers } = await import('node:diagnostics_channel').then((dc) => dc.channel(name));
        expect(hasSubscribers).toBe(false);
      }
    } finally {
      await client.shutdown();
    }
  });
});
