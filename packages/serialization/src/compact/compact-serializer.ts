import type { CompactReader } from './compact-reader';
import type { CompactWriter } from './compact-writer';

/**
 * Turns instances of one class into compact fields and back; same shape as the official Node.js
 * client's, so serializers can be moved over as they are.
 */
export interface CompactSerializer<T> {
  /** The class (constructor) whose instances this serializer writes. */
  getClass(): abstract new (...args: never[]) => T;
  /** The type name stored in the schema; other languages' clients register the same name. */
  getTypeName(): string;
  read(reader: CompactReader): T;
  write(writer: CompactWriter, value: T): void;
}

export type CompactConfig = {
  // biome-ignore lint/suspicious/noExplicitAny: a config holds serializers of unrelated types
  serializers?: CompactSerializer<any>[];
};
