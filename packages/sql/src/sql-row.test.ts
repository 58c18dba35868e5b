import { IllegalArgumentError, IndexOutOfBoundsError } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { COLUMN_NOT_FOUND, SqlColumnType } from './sql';
import { SqlRowImpl, SqlRowMetadataImpl } from './sql-row';

const metadata = new SqlRowMetadataImpl([
  { name: 'id', type: SqlColumnType.INTEGER, nullable: false },
  { name: 'name', type: SqlColumnType.VARCHAR, nullable: true },
  { name: 'id', type: SqlColumnType.BIGINT, nullable: true },
]);

describe('SqlRowMetadata', () => {
  it('describes the columns and finds them by case-sensitive name (the first of a name)', () => {
    expect(metadata.columnCount).toBe(3);
    expect(metadata.getColumn(1)).toEqual({ name: 'name', type: SqlColumnType.VARCHAR, nullable: true });
    expect(metadata.findColumn('id')).toBe(0);
    expect(metadata.findColumn('Name')).toBe(COLUMN_NOT_FOUND);
    expect(() => metadata.getColumn(3)).toThrow(IndexOutOfBoundsError);
    expect(() => metadata.getColumn(-1)).toThrow(/column index -1 is out of bounds; the row has 3 column/);
    expect(() => metadata.getColumn('1' as never)).toThrow(IllegalArgumentError);
    expect(() => metadata.findColumn(1 as never)).toThrow(/a column name must be a string, got 1/);
    expect(Object.isFrozen(metadata.columns)).toBe(true);
  });
});

describe('SqlRow', () => {
  const row = new SqlRowImpl([7, null, 8n], metadata);

  it('reads values by index and by name, and as a plain object', () => {
    expect(row.getObjectWithIndex(2)).toBe(8n);
    expect(row.getObject('name')).toBeNull();
    expect(row.getObject('id')).toBe(7);
    expect(row.metadata).toBe(metadata);
    // The later of two columns of one name wins in the plain object.
    expect(row.toObject()).toEqual({ id: 8n, name: null });
    expect(() => row.getObject('missing')).toThrow(/no column named "missing".*columns: id, name, id/);
    expect(() => row.getObjectWithIndex(3)).toThrow(IndexOutOfBoundsError);
  });
});
