import type { SchemaRegistry } from '../compact/schema-registry';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import type { ResolvedSerializationConfig } from './config';

/**
 * A serialization format the service carries only when it is registered (`formats` in the config):
 * Compact and Portable. A program that registers neither bundles neither; data of an unregistered format
 * fails with an error that names what to add.
 */
export interface SerializationFormat {
  /** 'Compact' or 'Portable': each format once per service. */
  readonly name: string;
  /** The format's serializer for one service (created on the service's first use of the format). */
  create(context: FormatContext): FormatSerializer;
}

export interface FormatContext {
  readonly config: ResolvedSerializationConfig;
  /** The Compact schema registry handed to the service, if any (shared between services in tests). */
  readonly schemas: SchemaRegistry | undefined;
}

export interface FormatSerializer {
  /** The type ids this format reads (Compact: -55 and -56; Portable: -1). */
  readonly typeIds: readonly number[];
  /** The type id to write `value` with, or undefined when the value is not of this format. */
  typeIdOf(value: object): number | undefined;
  write(out: ByteArrayObjectDataOutput, value: unknown, typeId: number): void;
  read(input: ByteArrayObjectDataInput, typeId: number): unknown;
  /** Compact: the schemas this client knows (core-client sends new ones to the cluster). */
  readonly schemas?: SchemaRegistry;
}

/** How the error for an unregistered format tells the user what to add. */
export function formatHint(name: string): string {
  const exported = `${name.toLowerCase()}Serialization`;
  return (
    `${name} serialization is not registered. Add it to the serialization config: ` +
    `\`serialization: { formats: [${exported}] }\` with ` +
    `\`import { ${exported} } from '@hz/core-client'\` ` +
    `(or from '@hz/serialization' for a SerializationService of your own)`
  );
}
