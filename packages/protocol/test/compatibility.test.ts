// Messages from members of other protocol versions: older ones omit parameters added later, newer ones
// append parameters this client does not know.
import { describe, expect, it } from 'vitest';
import { ClientMessage } from '../src/client-message';
import { RESPONSE_HEADER_SIZE } from '../src/constants';
import { createFrame } from '../src/frame';
import { ClientAuthenticationCodec } from '../src/generated/codecs/client';
import { MapGetCodec } from '../src/generated/codecs/map';
import { ClientMessageReader } from '../src/reader';
import { randomUuid } from '../src/uuid';
import { encodeMessage } from '../src/writer';

function authResponse(): ClientAuthenticationCodec.ResponseParameters {
  return {
    status: 0,
    address: { host: '127.0.0.1', port: 5701 },
    memberUuid: randomUuid(),
    serializationVersion: 1,
    serverHazelcastVersion: '5.0.0',
    partitionCount: 271,
    clusterId: randomUuid(),
    failoverSupported: false,
    tpcPorts: [1, 2],
    tpcToken: Buffer.from([9]),
    memberListVersion: 3,
    memberInfos: [],
    partitionListVersion: 4,
    partitions: [],
    keyValuePairs: new Map([['k', 'v']]),
  };
}

function viaBytes(message: ClientMessage): ClientMessage {
  return new ClientMessageReader().read(encodeMessage(message))[0]!;
}

describe('protocol compatibility', () => {
  it('decodes a 2.0 member’s authentication response: later parameters are null or 0', () => {
    const full = ClientAuthenticationCodec.encodeResponse(authResponse());
    // 2.0 sends status, address, memberUuid, serializationVersion, serverHazelcastVersion, partitionCount,
    // clusterId and failoverSupported: the initial frame ends after failoverSupported, and only the address
    // (4 frames) and the version string follow.
    const fixed2_0 = RESPONSE_HEADER_SIZE + 1 + 17 + 1 + 4 + 17 + 1;
    const initial = createFrame(full.initialFrame.content.subarray(0, fixed2_0), full.initialFrame.flags);
    const addressAndVersion = full.frames.slice(1, 6);
    const old = viaBytes(new ClientMessage([initial, ...addressAndVersion]));
    const decoded = ClientAuthenticationCodec.decodeResponse(old);
    expect(decoded).toMatchObject({
      status: 0,
      address: { host: '127.0.0.1', port: 5701 },
      serverHazelcastVersion: '5.0.0',
      partitionCount: 271,
      failoverSupported: false,
      tpcPorts: null,
      tpcToken: null,
      memberListVersion: 0,
      memberInfos: null,
      partitionListVersion: 0,
      partitions: null,
      keyValuePairs: null,
    });
  });

  it('ignores fixed fields and frames a newer member appends', () => {
    const response = MapGetCodec.encodeResponse({ response: Buffer.from('value') });
    const longer = Buffer.concat([response.initialFrame.content, Buffer.from([1, 2, 3, 4])]);
    const newer = new ClientMessage([
      createFrame(longer, response.initialFrame.flags),
      ...response.frames.slice(1),
      createFrame(Buffer.from('a field from the future')),
    ]);
    expect(MapGetCodec.decodeResponse(viaBytes(newer)).response?.toString()).toBe('value');
  });
});
