import { describe, expect, it } from 'vitest';
import { InvalidConfigurationError } from '../errors/hazelcast-error';
import { HazelcastClient } from './hazelcast-client';

// An invalid serialization option is refused like every other option, before any connection is tried
// (no member is needed: the client fails while it is being built).
describe('the serialization option of the client config', () => {
  it.each([
    [{ foo: 1 }, /^Invalid configuration: serialization: unknown option "foo"/],
    [{ isBigEndian: 'no' }, /^Invalid configuration: serialization: isBigEndian/],
    [
      { dataSerializableFactories: { 1: 5 } },
      /^Invalid configuration: serialization: dataSerializableFactories/,
    ],
  ])('%j is an InvalidConfigurationError under serialization', async (serialization, message) => {
    const starting = HazelcastClient.newHazelcastClient({
      serialization: serialization as never,
      network: { clusterMembers: ['127.0.0.1:1'] },
    });
    await expect(starting).rejects.toBeInstanceOf(InvalidConfigurationError);
    await expect(starting).rejects.toThrow(message);
  });
});
