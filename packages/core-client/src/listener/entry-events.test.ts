import { MultiMapAddEntryListenerCodec, randomUuid, uuidToString } from '@hz/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { PluginHost } from '../client/client-context';
import { listenerFlags } from '../map/entry-listener';
import { EntryEventType, type EntryListener, entryListenerSpec, requireCallbacks } from './entry-events';

/** A host whose toObject reads a buffer as text, slowly for values starting with "slow". */
function fakeHost() {
  const warn = vi.fn();
  const host = {
    logger: { warn },
    toObject: async (data: Buffer | null) => {
      if (data === null) return null;
      const text = data.toString();
      // A value that needs a Compact schema fetched first resolves later than the ones after it.
      if (text.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 20));
      return text;
    },
  } as unknown as PluginHost;
  return { host, warn };
}

function event(eventType: number, key: string | null, value: string | null, oldValue: string | null = null) {
  return MultiMapAddEntryListenerCodec.encodeEntryEvent({
    key: key === null ? null : Buffer.from(key),
    value: value === null ? null : Buffer.from(value),
    oldValue: oldValue === null ? null : Buffer.from(oldValue),
    mergingValue: null,
    eventType,
    uuid: MEMBER,
    numberOfAffectedEntries: 3,
  });
}

const MEMBER = randomUuid();

function spec(host: PluginHost, listener: EntryListener<string, string>) {
  return entryListenerSpec(
    host,
    'multimap',
    'mm',
    listener,
    MultiMapAddEntryListenerCodec,
    () => MultiMapAddEntryListenerCodec.encodeRequest('mm', true, true),
    (id) => MultiMapAddEntryListenerCodec.encodeRequest(uuidToString(id), true, true),
  );
}

describe('entry event delivery', () => {
  it('calls the callbacks in arrival order, also when an earlier value deserializes later', async () => {
    const { host } = fakeHost();
    const seen: string[] = [];
    const listener: EntryListener<string, string> = {
      added: (e) => seen.push(`added(${e.eventType}) ${e.key} ${e.value} ${e.member}`),
      removed: (e) => seen.push(`removed(${e.eventType}) ${e.key} ${e.oldValue}`),
      updated: (e) => seen.push(`updated(${e.eventType}) ${e.key} ${e.value} ${e.oldValue}`),
      mapCleared: (e) => seen.push(`cleared(${e.eventType}) ${e.numberOfAffectedEntries} ${e.name}`),
    };
    const registration = spec(host, listener);
    expect(registration.handleEvent(event(EntryEventType.ADDED, 'a', 'slow-1'))).toBe(true);
    registration.handleEvent(event(EntryEventType.UPDATED, 'a', '2', 'slow-1'));
    registration.handleEvent(event(EntryEventType.CLEAR_ALL, null, null));
    registration.handleEvent(event(EntryEventType.REMOVED, 'a', null, '2'));
    // An event kind without a callback is skipped, and so is an unknown event type.
    registration.handleEvent(event(EntryEventType.EVICTED, 'a', null, '2'));
    registration.handleEvent(event(4096, 'a', null, '2'));
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(seen).toEqual([
      `added(1) a slow-1 ${uuidToString(MEMBER)}`,
      'updated(4) a 2 slow-1',
      'cleared(64) 3 mm',
      'removed(2) a 2',
    ]);
  });

  it('logs a callback that throws and keeps delivering', async () => {
    const { host, warn } = fakeHost();
    const seen: string[] = [];
    const registration = spec(host, {
      added: (e) => {
        if (e.key === 'bad') throw new Error('listener bug');
        seen.push(String(e.key));
      },
    });
    registration.handleEvent(event(EntryEventType.ADDED, 'bad', 'v'));
    registration.handleEvent(event(EntryEventType.ADDED, 'good', 'v'));
    await vi.waitFor(() => expect(seen).toEqual(['good']));
    expect(warn).toHaveBeenCalledWith(
      'EntryListener',
      'entry listener of multimap mm threw',
      expect.any(Error),
    );
  });

  it('ignores messages of other registrations', () => {
    const { host } = fakeHost();
    const other = MultiMapAddEntryListenerCodec.encodeRequest('mm', true, true);
    expect(spec(host, { added: () => {} }).handleEvent(other)).toBe(false);
  });
});

describe('entry listener objects', () => {
  const fail = (message: string) => new Error(message);

  it('need at least one of the callbacks a structure reports', () => {
    expect(() => requireCallbacks({ added: () => {} }, ['added', 'removed'], fail)).not.toThrow();
    expect(() => requireCallbacks({ updated: () => {} }, ['added', 'removed'], fail)).toThrow(
      'an entry listener needs at least one of added, removed',
    );
    expect(() => requireCallbacks({ added: 'no' }, ['added'], fail)).toThrow(/at least one of added/);
    expect(() => requireCallbacks(null, ['added'], fail)).toThrow(
      'an entry listener must be an object of callbacks (added)',
    );
  });

  it('subscribe a Map registration to the event kinds they have callbacks for', () => {
    expect(listenerFlags({})).toBe(0);
    expect(listenerFlags({ added: () => {}, mapCleared: () => {} })).toBe(
      EntryEventType.ADDED | EntryEventType.CLEAR_ALL,
    );
    const all = {
      added() {},
      removed() {},
      updated() {},
      evicted() {},
      expired() {},
      merged() {},
      loaded() {},
      invalidated() {},
      mapEvicted() {},
      mapCleared() {},
    };
    expect(listenerFlags(all)).toBe(1023);
  });
});
