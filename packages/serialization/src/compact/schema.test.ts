import { describe, expect, it } from 'vitest';
import { HazelcastSerializationError } from './errors';
import { FieldKind, type SchemaFieldKind } from './field-kind';
import { Schema } from './schema';

describe('Schema', () => {
  it('sorts fields by name and lays out fixed fields by size, then name; booleans as bits', () => {
    const schema = new Schema('layout', [
      { name: 'b', kind: FieldKind.BOOLEAN },
      { name: 'i', kind: FieldKind.INT32 },
      { name: 'l', kind: FieldKind.INT64 },
      { name: 's', kind: FieldKind.STRING },
      { name: 'a', kind: FieldKind.INT8 },
      { name: 'c', kind: FieldKind.BOOLEAN },
      { name: 'f', kind: FieldKind.FLOAT64 },
      { name: 'h', kind: FieldKind.INT16 },
      { name: 'r', kind: FieldKind.ARRAY_OF_INT32 },
    ]);
    expect(schema.fields.map((f) => f.name)).toEqual(['a', 'b', 'c', 'f', 'h', 'i', 'l', 'r', 's']);
    const at = (name: string) => {
      const field = schema.field(name)!;
      return [field.offset, field.bitOffset, field.index];
    };
    expect(at('f')).toEqual([0, -1, -1]);
    expect(at('l')).toEqual([8, -1, -1]);
    expect(at('i')).toEqual([16, -1, -1]);
    expect(at('h')).toEqual([20, -1, -1]);
    expect(at('a')).toEqual([22, -1, -1]);
    expect(at('b')).toEqual([23, 0, -1]);
    expect(at('c')).toEqual([23, 1, -1]);
    expect(at('r')).toEqual([-1, -1, 0]);
    expect(at('s')).toEqual([-1, -1, 1]);
    expect(schema.fixedSizeFieldsLength).toBe(24);
    expect(schema.variableSizeFieldCount).toBe(2);
  });

  it('packs nine booleans into two bytes', () => {
    const fields = Array.from({ length: 9 }, (_, i) => ({
      name: `b${i}`,
      kind: FieldKind.BOOLEAN as SchemaFieldKind,
    }));
    const schema = new Schema('bits', fields);
    expect(schema.fixedSizeFieldsLength).toBe(2);
    expect(schema.field('b7')).toMatchObject({ offset: 0, bitOffset: 7 });
    expect(schema.field('b8')).toMatchObject({ offset: 1, bitOffset: 0 });
  });

  it('gets the same id whatever order the fields are given in', () => {
    const a = new Schema('t', [
      { name: 'x', kind: FieldKind.INT32 },
      { name: 'y', kind: FieldKind.STRING },
    ]);
    const b = new Schema('t', [
      { name: 'y', kind: FieldKind.STRING },
      { name: 'x', kind: FieldKind.INT32 },
    ]);
    expect(a.id.equals(b.id)).toBe(true);
    expect(a.equals(b)).toBe(true);
    const c = new Schema('t', [
      { name: 'x', kind: FieldKind.INT64 },
      { name: 'y', kind: FieldKind.STRING },
    ]);
    expect(a.id.equals(c.id)).toBe(false);
  });

  it.each([
    ['an empty type name', '', [{ name: 'a', kind: FieldKind.INT32 }], /non-empty type name/],
    [
      'a duplicate field',
      't',
      [
        { name: 'a', kind: FieldKind.INT32 },
        { name: 'a', kind: FieldKind.STRING },
      ],
      /field 'a' appears twice/,
    ],
    ['an unknown kind', 't', [{ name: 'a', kind: 5 }], /field 'a' has unknown field kind 5/],
    ['NOT_AVAILABLE', 't', [{ name: 'a', kind: 0 }], /field 'a' has NOT_AVAILABLE/],
    ['an empty field name', 't', [{ name: '', kind: FieldKind.INT32 }], /non-empty strings/],
  ])('rejects %s', (_, typeName, fields, message) => {
    expect(() => new Schema(typeName, fields as never)).toThrow(HazelcastSerializationError);
    expect(() => new Schema(typeName, fields as never)).toThrow(message);
  });
});
