import {
  type ClientMessage,
  createRequestMessage,
  createResponseMessage,
  ErrorCodes,
  encodeErrorResponse,
  REQUEST_HEADER_SIZE,
  RESPONSE_HEADER_SIZE,
} from '@hz/protocol';
import { describe, expect, it } from 'vitest';
import {
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastOverloadError,
  IndeterminateOperationStateError,
  OperationTimeoutError,
  TargetDisconnectedError,
} from '../errors/hazelcast-error';
import { ServerErrorTable } from '../errors/server-error';
import { consoleLogger } from '../logging/logger';
import type { InvocationConnection } from './invocation';
import { type InvocationRouting, InvocationService } from './invocation-service';

// Unit tests of retry/backup/timeout decisions: responses are built with the protocol's own encoders and
// handed to the service, as the connection would after reading them from a member.

class FakeConnection implements InvocationConnection {
  sent: ClientMessage[] = [];
  alive = true;
  constructor(
    readonly id: number,
    readonly memberUuid: string,
  ) {}
  send(message: ClientMessage): void {
    this.sent.push(message);
  }
}

function setup(
  overrides: Partial<ConstructorParameters<typeof InvocationService>[0]> = {},
  state: InvocationRouting['state'] = 'connected',
) {
  const connections = [new FakeConnection(1, 'm1'), new FakeConnection(2, 'm2')];
  const routing = {
    state,
    connectionForPartition: () => connections.find((c) => c.alive),
    connectionForMember: (uuid: string) => connections.find((c) => c.alive && c.memberUuid === uuid),
    anyConnection: () => connections.find((c) => c.alive),
  };
  const service = new InvocationService({
    routing,
    decodeError: (message) => new ServerErrorTable().decode(message),
    logger: consoleLogger('OFF'),
    invocationTimeoutMillis: 2_000,
    retryPauseMillis: 10,
    backupTimeoutMillis: 50,
    failOnIndeterminateState: false,
    maxConcurrentInvocations: 100,
    cleanResourcesMillis: 10,
    redoOperation: false,
    ...overrides,
  });
  return { service, connections, routing };
}

const request = () => createRequestMessage(0x010100, REQUEST_HEADER_SIZE);

function response(correlationId: number, backupAcks = 0): ClientMessage {
  const message = createResponseMessage(0x010101, RESPONSE_HEADER_SIZE);
  message.correlationId = correlationId;
  message.backupAcksCount = backupAcks;
  return message;
}

function errorResponse(correlationId: number, errorCode: number, className: string): ClientMessage {
  const message = encodeErrorResponse([
    { errorCode, className, message: 'from member', stackTraceElements: [] },
  ]);
  message.correlationId = correlationId;
  return message;
}

const nextSend = (connection: FakeConnection, count: number) =>
  new Promise<void>((resolve) => {
    const check = () => (connection.sent.length >= count ? resolve() : setImmediate(check));
    check();
  });

describe('InvocationService', () => {
  it('completes an invocation with the response carrying its correlation id', async () => {
    const { service, connections } = setup();
    const promise = service.invoke(request(), { target: { kind: 'any' } });
    const sent = connections[0]!.sent[0]!;
    const reply = response(sent.correlationId);
    service.handleMessage(response(sent.correlationId + 1000));
    service.handleMessage(reply);
    expect(await promise).toBe(reply);
    expect(service.pendingCount).toBe(0);
  });

  it('resends after a retryable server error with a new correlation id', async () => {
    const { service, connections } = setup();
    const promise = service.invoke(request(), { target: { kind: 'partition', partitionId: 3 } });
    const first = connections[0]!.sent[0]!.correlationId;
    service.handleMessage(
      errorResponse(
        first,
        ErrorCodes.RETRYABLE_HAZELCAST,
        'com.hazelcast.spi.exception.RetryableHazelcastException',
      ),
    );
    await nextSend(connections[0]!, 2);
    const second = connections[0]!.sent[1]!.correlationId;
    expect(second).not.toBe(first);
    service.handleMessage(response(first)); // late answer to the first attempt: ignored
    const reply = response(second);
    service.handleMessage(reply);
    expect(await promise).toBe(reply);
  });

  it('fails with the server error when it is not retryable', async () => {
    const { service, connections } = setup();
    const promise = service.invoke(request(), { target: { kind: 'any' } });
    service.handleMessage(
      errorResponse(
        connections[0]!.sent[0]!.correlationId,
        ErrorCodes.ILLEGAL_ARGUMENT,
        'java.lang.IllegalArgumentException',
      ),
    );
    await expect(promise).rejects.toMatchObject({
      className: 'java.lang.IllegalArgumentException',
      serverMessage: 'from member',
    });
  });

  it('retries a read on another connection when its connection closes, but not a write', async () => {
    const { service, connections } = setup();
    const read = service.invoke(request(), { target: { kind: 'any' }, readOnly: true });
    const write = service.invoke(request(), { target: { kind: 'any' } });
    connections[0]!.alive = false;
    service.connectionClosed(connections[0]!, new Error('socket reset'));
    await expect(write).rejects.toThrow(TargetDisconnectedError);
    await expect(write).rejects.toThrow(/may or may not have run.*redoOperation/);
    await nextSend(connections[1]!, 1);
    service.handleMessage(response(connections[1]!.sent[0]!.correlationId));
    await expect(read).resolves.toBeDefined();
  });

  it('retries writes too with redoOperation', async () => {
    const { service, connections } = setup({ redoOperation: true });
    const write = service.invoke(request(), { target: { kind: 'any' } });
    connections[0]!.alive = false;
    service.connectionClosed(connections[0]!, new Error('socket reset'));
    await nextSend(connections[1]!, 1);
    service.handleMessage(response(connections[1]!.sent[0]!.correlationId));
    await expect(write).resolves.toBeDefined();
  });

  it('holds a response until the announced backups ack', async () => {
    const { service, connections } = setup({ backupTimeoutMillis: 60_000 });
    let settled = false;
    const promise = service.invoke(request(), { target: { kind: 'any' } }).then((r) => {
      settled = true;
      return r;
    });
    const id = connections[0]!.sent[0]!.correlationId;
    service.handleMessage(response(id, 2));
    service.backupAcked(id);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    service.backupAcked(id);
    await expect(promise).resolves.toBeDefined();
  });

  it('counts backup acks that arrive before the response', async () => {
    const { service, connections } = setup({ backupTimeoutMillis: 60_000 });
    const promise = service.invoke(request(), { target: { kind: 'any' } });
    const id = connections[0]!.sent[0]!.correlationId;
    service.backupAcked(id);
    service.handleMessage(response(id, 1));
    await expect(promise).resolves.toBeDefined();
  });

  it('completes after the backup timeout, or fails with IndeterminateOperationState when asked to', async () => {
    const lenient = setup();
    const ok = lenient.service.invoke(request(), { target: { kind: 'any' } });
    lenient.service.handleMessage(response(lenient.connections[0]!.sent[0]!.correlationId, 1));
    await expect(ok).resolves.toBeDefined();

    const strict = setup({ failOnIndeterminateState: true });
    const failing = strict.service.invoke(request(), { target: { kind: 'any' } });
    strict.service.handleMessage(response(strict.connections[0]!.sent[0]!.correlationId, 1));
    await expect(failing).rejects.toThrow(IndeterminateOperationStateError);
  });

  it('never completes a write whose member left before its backups acked: it fails, outcome unknown', async () => {
    // The member answered (1 backup announced) and its connection closed before the ack: the change may
    // exist nowhere, so this is not a success, whatever fail.on.indeterminate.state says.
    const { service, connections } = setup({ backupTimeoutMillis: 60_000 });
    const write = service.invoke(request(), { target: { kind: 'partition', partitionId: 1 } });
    service.handleMessage(response(connections[0]!.sent[0]!.correlationId, 1));
    connections[0]!.alive = false;
    service.connectionClosed(connections[0]!, new Error('Connection closed by the other side'));
    await expect(write).rejects.toThrow(TargetDisconnectedError);
    await expect(write).rejects.toThrow(/left before 1 of 1 backup\(s\) confirmed.*may or may not have run/);
    expect(connections[1]!.sent).toHaveLength(0);
  });

  it('resends such a write with redoOperation, and acks of the lost attempt do not count for the new one', async () => {
    const { service, connections } = setup({ backupTimeoutMillis: 60_000, redoOperation: true });
    let settled = false;
    const write = service.invoke(request(), { target: { kind: 'partition', partitionId: 1 } }).then((r) => {
      settled = true;
      return r;
    });
    const first = connections[0]!.sent[0]!.correlationId;
    service.handleMessage(response(first, 1));
    connections[0]!.alive = false;
    service.connectionClosed(connections[0]!, new Error('socket reset'));
    await nextSend(connections[1]!, 1);
    const second = connections[1]!.sent[0]!.correlationId;
    expect(second).not.toBe(first);
    service.backupAcked(first); // a late ack of the lost attempt
    const reply = response(second, 1);
    service.handleMessage(reply);
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    service.backupAcked(second);
    expect(await write).toBe(reply);
  });

  it('times out when retries outlast the invocation timeout', async () => {
    const { service, connections } = setup({ invocationTimeoutMillis: 100 });
    for (const c of connections) c.alive = false;
    await expect(service.invoke(request(), { target: { kind: 'any' } })).rejects.toThrow(
      OperationTimeoutError,
    );
  });

  it('fails fast with ClientOfflineError while offline', async () => {
    const { service, connections } = setup({}, 'offline');
    for (const c of connections) c.alive = false;
    await expect(service.invoke(request(), { target: { kind: 'any' } })).rejects.toThrow(ClientOfflineError);
  });

  it('refuses invocations beyond the concurrency limit', async () => {
    const { service } = setup({ maxConcurrentInvocations: 2 });
    void service.invoke(request(), { target: { kind: 'any' } }).catch(() => {});
    void service.invoke(request(), { target: { kind: 'any' } }).catch(() => {});
    await expect(service.invoke(request(), { target: { kind: 'any' } })).rejects.toThrow(
      HazelcastOverloadError,
    );
    service.shutdown();
  });

  it('fails everything pending at shutdown and accepts nothing after', async () => {
    const { service } = setup();
    const pending = service.invoke(request(), { target: { kind: 'any' } });
    service.shutdown();
    await expect(pending).rejects.toThrow(ClientNotActiveError);
    await expect(service.invoke(request(), { target: { kind: 'any' } })).rejects.toThrow(
      ClientNotActiveError,
    );
  });

  it('routes events to the handler of their registration', async () => {
    const { service, connections } = setup();
    const events: ClientMessage[] = [];
    const registration = service.invoke(request(), {
      target: { kind: 'any' },
      eventHandler: (e) => events.push(e),
    });
    const id = connections[0]!.sent[0]!.correlationId;
    service.handleMessage(response(id));
    await registration;
    const event = createRequestMessage(0x010102, REQUEST_HEADER_SIZE);
    event.initialFrame.flags |= 1 << 9; // IS_EVENT
    event.correlationId = id;
    service.handleMessage(event);
    expect(events).toEqual([event]);
    service.removeEventHandler(id);
    service.handleMessage(event);
    expect(events).toHaveLength(1);
  });
});

describe('InvocationService tracing', () => {
  it('builds and publishes nothing while nobody subscribes, and one object per invocation when someone does', async () => {
    const { subscribe, unsubscribe } = await import('node:diagnostics_channel');
    const { vi } = await import('vitest');
    const { service, connections } = setup({ clientName: 'unit' });
    const clock = vi.spyOn(performance, 'now');
    try {
      const quiet = service.invoke(request(), { target: { kind: 'any' } });
      service.handleMessage(response(connections[0]!.sent.at(-1)!.correlationId));
      await quiet;
      // The event's timestamps are the only clock reads of the tracing path.
      expect(clock).not.toHaveBeenCalled();

      const seen: Array<[string, unknown]> = [];
      const onStart = (m: unknown) => seen.push(['start', m]);
      const onEnd = (m: unknown) => seen.push(['end', m]);
      subscribe('hz:invocation:start', onStart);
      subscribe('hz:invocation:end', onEnd);
      try {
        const traced = service.invoke(request(), { target: { kind: 'partition', partitionId: 7 } });
        service.handleMessage(response(connections[0]!.sent.at(-1)!.correlationId));
        await traced;
      } finally {
        unsubscribe('hz:invocation:start', onStart);
        unsubscribe('hz:invocation:end', onEnd);
      }
      expect(seen.map(([kind]) => kind)).toEqual(['start', 'end']);
      expect(seen[0]![1]).toBe(seen[1]![1]);
      expect(seen[1]![1]).toMatchObject({
        clientName: 'unit',
        messageType: 0x010100,
        partitionId: 7,
        target: 'partition',
        attempts: 1,
        memberUuid: 'm1',
      });
    } finally {
      clock.mockRestore();
    }
  });
});
