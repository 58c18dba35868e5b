import { encodeMessage, MapGetAllCodec, MapGetCodec, MapPutCodec } from '@hz/protocol';
import Long from 'long';
import type { OfficialModules } from './official-modules';

export interface MicroPair {
  readonly name: string;
  readonly ours: () => unknown;
  readonly official: () => unknown;
}

const MAP_NAME = 'bench-map';
const ENTRIES = 100;

/** A serialized value as members send it: 8-byte Data header (hash + type id) then the payload. */
function dataBytes(payloadSize: number, fill: number): Buffer {
  const bytes = Buffer.alloc(8 + payloadSize, fill);
  bytes.writeInt32BE(0, 0);
  bytes.writeInt32BE(-12, 4);
  return bytes;
}

/**
 * The same messages through both clients' codecs. Requests are encoded all the way to wire bytes;
 * responses are decoded from the same frames (built by our encoder, which golden vectors pin to the wire).
 */
export function codecPairs(official: OfficialModules): MicroPair[] {
  const key = dataBytes(16, 0x6b);
  const value = dataBytes(1024, 0x76);
  const threadId = Long.fromNumber(1);
  const ttl = Long.fromNumber(-1);
  const officialKey = official.heapData(key);
  const officialValue = official.heapData(value);
  const officialPut = official.codec('MapPutCodec');
  const officialGet = official.codec('MapGetCodec');
  const officialGetAll = official.codec('MapGetAllCodec');

  const toWire = (message: { getTotalLength(): number; writeTo(b: Buffer): void }) => {
    const buffer = Buffer.allocUnsafe(message.getTotalLength());
    message.writeTo(buffer);
    return buffer;
  };

  const getResponse = MapGetCodec.encodeResponse({ response: value });
  const officialGetResponse = officialMessageFrom(official, getResponse.frames);
  const entries: [Buffer, Buffer][] = Array.from({ length: ENTRIES }, (_, i) => [dataBytes(16, i), value]);
  const getAllResponse = MapGetAllCodec.encodeResponse({ response: entries });
  const officialGetAllResponse = officialMessageFrom(official, getAllResponse.frames);

  return [
    {
      name: 'Map.put request encode → bytes (1 KB value)',
      ours: () => encodeMessage(MapPutCodec.encodeRequest(MAP_NAME, key, value, threadId, ttl)),
      official: () =>
        toWire(
          (officialPut.encodeRequest as (...a: unknown[]) => never)(
            MAP_NAME,
            officialKey,
            officialValue,
            threadId,
            ttl,
          ),
        ),
    },
    {
      name: 'Map.get request encode → bytes',
      ours: () => encodeMessage(MapGetCodec.encodeRequest(MAP_NAME, key, threadId)),
      official: () =>
        toWire((officialGet.encodeRequest as (...a: unknown[]) => never)(MAP_NAME, officialKey, threadId)),
    },
    {
      name: 'Map.get response decode (1 KB value)',
      ours: () => MapGetCodec.decodeResponse(getResponse),
      official: () => {
        officialGetResponse.resetNextFrame();
        return officialGet.decodeResponse(officialGetResponse);
      },
    },
    {
      name: `Map.getAll response decode (${ENTRIES} entries, 1 KB values)`,
      ours: () => MapGetAllCodec.decodeResponse(getAllResponse),
      official: () => {
        officialGetAllResponse.resetNextFrame();
        return officialGetAll.decodeResponse(officialGetAllResponse);
      },
    },
  ];
}

function officialMessageFrom(
  official: OfficialModules,
  frames: readonly { content: Buffer; flags: number }[],
): ReturnType<OfficialModules['createMessage']> {
  const message = official.createMessage();
  for (const frame of frames) message.addFrame(official.frame(frame.content, frame.flags));
  return message;
}
