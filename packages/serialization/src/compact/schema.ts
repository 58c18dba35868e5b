import type Long from 'long';
import { HazelcastSerializationError } from './errors';
import { FieldKind, fieldKindName, fixedSizeOf, isSchemaFieldKind, type SchemaFieldKind } from './field-kind';
import { schemaFingerprint } from './rabin-fingerprint';

/** A field of a compact schema: its name and kind. */
export interface FieldDescriptor {
  readonly name: string;
  readonly kind: SchemaFieldKind;
}

/** Where a field lives in a compact payload; computed once per schema. */
export interface FieldLayout extends FieldDescriptor {
  /** Position in the name-sorted field list. */
  readonly ordinal: number;
  /** Byte offset in the fixed-size section, -1 for variable-size fields. */
  readonly offset: number;
  /** Bit within the byte at `offset` for BOOLEAN fields, -1 otherwise. */
  readonly bitOffset: number;
  /** Slot in the offset table for variable-size fields, -1 otherwise. */
  readonly index: number;
}

function compareNames(a: string, b: string): number {
  // UTF-16 code unit order, as Java's String.compareTo (the order the fingerprint depends on).
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A compact schema: a type name and its fields. Fields are kept sorted by name; the layout follows
 * Java's: fixed-size fields by size descending (name order within a size), then booleans packed
 * eight to a byte, then one offset-table slot per variable-size field in name order.
 */
export class Schema {
  readonly typeName: string;
  /** Fields sorted by name. */
  readonly fields: readonly FieldLayout[];
  /** Bytes of the fixed-size section (fixed fields plus packed booleans). */
  readonly fixedSizeFieldsLength: number;
  readonly variableSizeFieldCount: number;
  /** The 64-bit Rabin fingerprint that identifies the schema on the wire and in the cluster. */
  readonly id: Long;
  private readonly byName: Map<string, FieldLayout>;

  constructor(typeName: string, fields: readonly FieldDescriptor[]) {
    if (typeof typeName !== 'string' || typeName.length === 0) {
      throw new HazelcastSerializationError('A compact schema needs a non-empty type name');
    }
    if (!Array.isArray(fields)) {
      throw new HazelcastSerializationError(`Compact schema '${typeName}': fields must be an array`);
    }
    const sorted = [...fields].sort((a, b) => compareNames(a.name, b.name));
    for (let i = 0; i < sorted.length; i++) {
      const field = sorted[i]!;
      if (typeof field.name !== 'string' || field.name.length === 0) {
        throw new HazelcastSerializationError(
          `Compact schema '${typeName}': field names must be non-empty strings`,
        );
      }
      if (!isSchemaFieldKind(field.kind)) {
        throw new HazelcastSerializationError(
          `Compact schema '${typeName}': field '${field.name}' has ${fieldKindName(field.kind)}, not a compact field kind`,
        );
      }
      if (i > 0 && sorted[i - 1]!.name === field.name) {
        throw new HazelcastSerializationError(
          `Compact schema '${typeName}': field '${field.name}' appears twice`,
        );
      }
    }

    const layouts = computeLayout(sorted);
    this.typeName = typeName;
    this.fields = layouts.fields;
    this.fixedSizeFieldsLength = layouts.fixedSizeFieldsLength;
    this.variableSizeFieldCount = layouts.variableSizeFieldCount;
    this.byName = new Map(this.fields.map((field) => [field.name, field]));
    this.id = schemaFingerprint(typeName, this.fields);
  }

  /** The field's layout, or undefined when the schema has no such field. */
  field(name: string): FieldLayout | undefined {
    return this.byName.get(name);
  }

  /** Same type name and the same fields (the id follows from those). */
  equals(other: Schema): boolean {
    return (
      this === other ||
      (this.id.equals(other.id) &&
        this.typeName === other.typeName &&
        this.fields.length === other.fields.length &&
        this.fields.every(
          (field, i) => field.name === other.fields[i]!.name && field.kind === other.fields[i]!.kind,
        ))
    );
  }

  toString(): string {
    const fields = this.fields.map((field) => `${field.name}: ${fieldKindName(field.kind)}`).join(', ');
    return `Schema(${this.typeName} #${this.id.toString()} { ${fields} })`;
  }
}

function computeLayout(sorted: readonly FieldDescriptor[]): {
  fields: FieldLayout[];
  fixedSizeFieldsLength: number;
  variableSizeFieldCount: number;
} {
  const placement = new Map<string, { offset: number; bitOffset: number; index: number }>();
  // Array.prototype.sort is stable, so equal sizes keep name order, as in Java.
  const fixed = sorted
    .filter((field) => fixedSizeOf(field.kind) > 0)
    .sort((a, b) => fixedSizeOf(b.kind) - fixedSizeOf(a.kind));
  let offset = 0;
  for (const field of fixed) {
    placement.set(field.name, { offset, bitOffset: -1, index: -1 });
    offset += fixedSizeOf(field.kind);
  }
  let bit = 0;
  for (const field of sorted) {
    if (field.kind !== FieldKind.BOOLEAN) continue;
    placement.set(field.name, { offset, bitOffset: bit, index: -1 });
    bit++;
    if (bit === 8) {
      bit = 0;
      offset++;
    }
  }
  if (bit !== 0) offset++;
  let index = 0;
  for (const field of sorted) {
    if (fixedSizeOf(field.kind) >= 0) continue;
    placement.set(field.name, { offset: -1, bitOffset: -1, index });
    index++;
  }
  const fields = sorted.map((field, ordinal): FieldLayout => {
    const place = placement.get(field.name)!;
    return Object.freeze({ name: field.name, kind: field.kind, ordinal, ...place });
  });
  return { fields, fixedSizeFieldsLength: offset, variableSizeFieldCount: index };
}
