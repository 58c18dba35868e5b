import type { CompactReader } from '../compact-reader';
import type { CompactSerializer } from '../compact-serializer';
import type { CompactWriter } from '../compact-writer';
import type { SchemaFieldKind } from '../field-kind';
import { METHOD_SUFFIX } from './kind-methods';

export interface FieldSpec {
  readonly name: string;
  readonly kind: SchemaFieldKind;
}

/** An instance of a test-defined compact type: just its field values. */
export class DynamicObject {
  constructor(readonly values: Record<string, unknown>) {}
}

export interface DynamicType {
  readonly typeName: string;
  readonly fields: readonly FieldSpec[];
  readonly serializer: CompactSerializer<DynamicObject>;
  create(values: Record<string, unknown>): DynamicObject;
}

type Dispatch = Record<string, (name: string, value?: unknown) => unknown>;

/**
 * A class and CompactSerializer that write the given fields in the given order through the typed
 * writer methods (`writeInt32`, ...), and read them back through the typed reader methods.
 */
export function defineCompactType(typeName: string, fields: readonly FieldSpec[]): DynamicType {
  const Type = class extends DynamicObject {};
  Object.defineProperty(Type, 'name', { value: `Dynamic_${typeName}` });
  const serializer: CompactSerializer<DynamicObject> = {
    getClass: () => Type,
    getTypeName: () => typeName,
    write(writer: CompactWriter, value: DynamicObject) {
      const dispatch = writer as unknown as Dispatch;
      for (const field of fields)
        dispatch[`write${METHOD_SUFFIX[field.kind]}`]!(field.name, value.values[field.name]);
    },
    read(reader: CompactReader) {
      const dispatch = reader as unknown as Dispatch;
      const values: Record<string, unknown> = {};
      for (const field of fields)
        values[field.name] = dispatch[`read${METHOD_SUFFIX[field.kind]}`]!(field.name);
      return new Type(values);
    },
  };
  return { typeName, fields, serializer, create: (values) => new Type(values) };
}
