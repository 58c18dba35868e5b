import type { PluginHost } from '@hz/core-client/plugin';
import type { ClientMessage, RaftGroupId } from '@hz/protocol';
import {
  CPSessionCloseSessionCodec,
  CPSessionCreateSessionCodec,
  CPSessionHeartbeatSessionCodec,
} from '@hz/protocol/codecs/cp-session';
import Long from 'long';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CpState } from './cp-plugin';
import { SessionExpiredError } from './errors';
import { NO_SESSION_ID, SessionManager } from './sessions';

// The session manager against a scripted host (no cluster): what it sends, when, and what it keeps.

const group = (name: string): RaftGroupId => ({ name, seed: Long.fromInt(0), id: Long.fromInt(name.length) });

interface Sent {
  readonly type: number;
  readonly request: ClientMessage;
  answer(response: ClientMessage): void;
  fail(error: Error): void;
}

function scriptedHost() {
  const sent: Sent[] = [];
  const shutdownSteps: Array<(signal: AbortSignal) => Promise<void>> = [];
  const host = {
    config: { instanceName: 'hz.client_test' },
    logger: { debug() {}, warn() {} },
    invokeOnRandomTarget(request: ClientMessage) {
      return new Promise<ClientMessage>((resolve, reject) => {
        sent.push({ type: request.messageType, request, answer: resolve, fail: reject });
      });
    },
    onShutdown(step: (signal: AbortSignal) => Promise<void>) {
      shutdownSteps.push(step);
    },
  };
  const state = { host: host as unknown as PluginHost, generation: 0, extensions: new Map() };
  return { sent, shutdownSteps, state: state as CpState & { generation: number } };
}

const createdSession = (id: number, ttlMillis = 10_000, heartbeatMillis = 1000) =>
  CPSessionCreateSessionCodec.encodeResponse({
    sessionId: Long.fromInt(id),
    ttlMillis: Long.fromInt(ttlMillis),
    heartbeatMillis: Long.fromInt(heartbeatMillis),
  });

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SessionManager', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates one session per group for concurrent first calls', async () => {
    const { sent, state } = scriptedHost();
    const sessions = new SessionManager(state);
    const g = group('default');
    const first = [sessions.acquire(g), sessions.acquire(g), sessions.acquire(g, 2)];
    expect(sent.map((s) => s.type)).toEqual([CPSessionCreateSessionCodec.REQUEST_MESSAGE_TYPE]);
    expect(CPSessionCreateSessionCodec.decodeRequest(sent[0]!.request).endpointName).toBe('hz.client_test');
    expect(sessions.sessionId(g)).toBe(NO_SESSION_ID);
    sent[0]!.answer(createdSession(7));
    expect((await Promise.all(first)).map(String)).toEqual(['7', '7', '7']);
    expect(sessions.sessionId(g).toNumber()).toBe(7);
    // Another group has a session of its own.
    void sessions.acquire(group('orders'));
    expect(sent.length).toBe(2);
  });

  it('sends heartbeats at the given period only while the session is held', async () => {
    const { sent, state } = scriptedHost();
    const sessions = new SessionManager(state);
    const g = group('default');
    const acquired = sessions.acquire(g);
    sent[0]!.answer(createdSession(3, 10_000, 1000));
    const id = await acquired;
    vi.advanceTimersByTime(1000);
    const heartbeats = () =>
      sent.filter((s) => s.type === CPSessionHeartbeatSessionCodec.REQUEST_MESSAGE_TYPE);
    expect(heartbeats().length).toBe(1);
    expect(CPSessionHeartbeatSessionCodec.decodeRequest(heartbeats()[0]!.request).sessionId.toNumber()).toBe(
      3,
    );
    vi.advanceTimersByTime(2000);
    expect(heartbeats().length).toBe(3);
    sessions.release(g, id);
    vi.advanceTimersByTime(5000);
    expect(heartbeats().length).toBe(3);
    // An idle session is reused until its TTL runs out, then a new one is created.
    expect((await sessions.acquire(g)).toNumber()).toBe(3);
    sessions.release(g, id);
    vi.advanceTimersByTime(10_000);
    void sessions.acquire(g);
    expect(sent.filter((s) => s.type === CPSessionCreateSessionCodec.REQUEST_MESSAGE_TYPE).length).toBe(2);
  });

  it('forgets a session whose heartbeat the cluster answers with SessionExpired', async () => {
    const { sent, state } = scriptedHost();
    const sessions = new SessionManager(state);
    const g = group('default');
    const acquired = sessions.acquire(g);
    sent[0]!.answer(createdSession(5));
    await acquired;
    vi.advanceTimersByTime(1000);
    sent.at(-1)!.fail(new SessionExpiredError('gone'));
    await settle();
    expect(sessions.sessionId(g)).toBe(NO_SESSION_ID);
  });

  it('drops every session when the client reaches another cluster', async () => {
    const { sent, state } = scriptedHost();
    const sessions = new SessionManager(state);
    const g = group('default');
    const acquired = sessions.acquire(g);
    sent[0]!.answer(createdSession(5));
    await acquired;
    // A creation still in flight when the cluster changes is not kept either.
    const pending = sessions.acquire(group('orders'));
    state.generation++;
    sessions.clusterChanged();
    sent[1]!.answer(createdSession(6));
    await pending;
    expect(sessions.sessionId(g)).toBe(NO_SESSION_ID);
    expect(sessions.sessionId(group('orders'))).toBe(NO_SESSION_ID);
  });

  it('closes its sessions when the client shuts down, and creates none afterwards', async () => {
    const { sent, shutdownSteps, state } = scriptedHost();
    const sessions = new SessionManager(state);
    const a = sessions.acquire(group('default'));
    sent[0]!.answer(createdSession(1));
    const b = sessions.acquire(group('orders'));
    sent[1]!.answer(createdSession(2));
    await Promise.all([a, b]);
    expect(shutdownSteps.length).toBe(1);
    const closing = shutdownSteps[0]!(new AbortController().signal);
    const closes = sent.filter((s) => s.type === CPSessionCloseSessionCodec.REQUEST_MESSAGE_TYPE);
    expect(
      closes.map((s) => CPSessionCloseSessionCodec.decodeRequest(s.request).sessionId.toNumber()),
    ).toEqual([1, 2]);
    for (const close of closes) close.answer(CPSessionCloseSessionCodec.encodeResponse({ response: true }));
    await closing;
    await expect(sessions.acquire(group('default'))).rejects.toThrow(/shutting down/);
    vi.advanceTimersByTime(10_000);
    expect(sent.some((s) => s.type === CPSessionHeartbeatSessionCodec.REQUEST_MESSAGE_TYPE)).toBe(false);
  });
});
