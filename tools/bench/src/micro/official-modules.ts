// The official client's internals (lib/…), loaded by path: they are not part of its public API.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Fn = (...args: never[]) => unknown;

export interface OfficialCodec {
  encodeRequest: Fn;
  decodeResponse: (message: unknown) => unknown;
}

export interface OfficialClientMessage {
  addFrame(frame: unknown): void;
  resetNextFrame(): void;
  getTotalLength(): number;
  writeTo(buffer: Buffer, offset?: number): void;
}

export interface OfficialSerializationService {
  toData(value: unknown): unknown;
  toObject(data: unknown): unknown;
}

export interface OfficialModules {
  codec(name: 'MapPutCodec' | 'MapGetCodec' | 'MapGetAllCodec'): OfficialCodec;
  createMessage(): OfficialClientMessage;
  frame(content: Buffer, flags: number): unknown;
  heapData(buffer: Buffer): unknown;
  serializationService(
    config: Record<string, unknown>,
    schemaService?: unknown,
  ): OfficialSerializationService;
}

export function loadOfficial(): OfficialModules {
  const messageModule = require('hazelcast-client/lib/protocol/ClientMessage');
  const { HeapData } = require('hazelcast-client/lib/serialization/HeapData');
  const { SerializationServiceV1 } = require('hazelcast-client/lib/serialization/SerializationService');
  const { SerializationConfigImpl } = require('hazelcast-client/lib/config/SerializationConfig');
  return {
    codec: (name) => require(`hazelcast-client/lib/codec/${name}`)[name],
    createMessage: () => messageModule.ClientMessage.createForEncode(),
    frame: (content, flags) => new messageModule.Frame(content, flags),
    heapData: (buffer) => new HeapData(buffer),
    serializationService: (config, schemaService) => {
      const impl = new SerializationConfigImpl();
      Object.assign(impl, config);
      return new SerializationServiceV1(impl, schemaService ?? noSchemas);
    },
  };
}

const noSchemas = {
  get: () => undefined,
  put: () => Promise.resolve(),
};
