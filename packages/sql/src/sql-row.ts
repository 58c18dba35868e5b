import { IllegalArgumentError, IndexOutOfBoundsError } from '@hz/core-client';
import {
  COLUMN_NOT_FOUND,
  type SqlColumnMetadata,
  type SqlColumnType,
  type SqlRow,
  type SqlRowMetadata,
} from './sql';
import { describe } from './statement';

/** The columns of a result, with a name → index table for `getObject(name)`. */
export class SqlRowMetadataImpl implements SqlRowMetadata {
  readonly columns: readonly SqlColumnMetadata[];
  readonly #indexByName = new Map<string, number>();

  constructor(columns: ReadonlyArray<{ name: string; type: number; nullable: boolean }>) {
    this.columns = Object.freeze(
      columns.map((c) =>
        Object.freeze({ name: c.name, type: c.type as SqlColumnType, nullable: c.nullable }),
      ),
    );
    // The first column of a name wins for lookups, as in the other Hazelcast clients.
    this.columns.forEach((column, index) => {
      if (!this.#indexByName.has(column.name)) this.#indexByName.set(column.name, index);
    });
  }

  get columnCount(): number {
    return this.columns.length;
  }

  getColumn(index: number): SqlColumnMetadata {
    return this.columns[this.checkIndex(index)]!;
  }

  findColumn(columnName: string): number {
    if (typeof columnName !== 'string') {
      throw new IllegalArgumentError(`SQL: a column name must be a string, got ${describe(columnName)}`);
    }
    return this.#indexByName.get(columnName) ?? COLUMN_NOT_FOUND;
  }

  /** @internal Whether these are exactly `columns` (same names, types and nullability, in order). */
  sameAs(columns: ReadonlyArray<{ name: string; type: number; nullable: boolean }>): boolean {
    if (columns.length !== this.columns.length) return false;
    for (let i = 0; i < columns.length; i++) {
      const a = columns[i]!;
      const b = this.columns[i]!;
      if (a.name !== b.name || a.type !== b.type || a.nullable !== b.nullable) return false;
    }
    return true;
  }

  /** @internal The index, checked; the errors name what was wrong. */
  checkIndex(index: number): number {
    if (typeof index !== 'number' || !Number.isInteger(index)) {
      throw new IllegalArgumentError(`SQL: a column index must be an integer, got ${describe(index)}`);
    }
    if (index < 0 || index >= this.columns.length) {
      throw new IndexOutOfBoundsError(
        `SQL: column index ${index} is out of bounds; the row has ${this.columns.length} column(s)`,
      );
    }
    return index;
  }

  /** @internal */
  indexOf(columnName: string): number {
    const index = this.findColumn(columnName);
    if (index === COLUMN_NOT_FOUND) {
      throw new IllegalArgumentError(
        `SQL: no column named "${columnName}" (names are case-sensitive); columns: ${this.columns.map((c) => c.name).join(', ')}`,
      );
    }
    return index;
  }

  /** @internal A row's values as a plain object keyed by column name. */
  toPlainObject(values: readonly unknown[]): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < values.length; i++) object[this.columns[i]!.name] = values[i];
    return object;
  }
}

export class SqlRowImpl implements SqlRow {
  readonly #values: readonly unknown[];
  readonly #metadata: SqlRowMetadataImpl;

  constructor(values: readonly unknown[], metadata: SqlRowMetadataImpl) {
    this.#values = values;
    this.#metadata = metadata;
  }

  get metadata(): SqlRowMetadata {
    return this.#metadata;
  }

  getObject<T = unknown>(columnName: string): T {
    return this.#values[this.#metadata.indexOf(columnName)] as T;
  }

  getObjectWithIndex<T = unknown>(columnIndex: number): T {
    return this.#values[this.#metadata.checkIndex(columnIndex)] as T;
  }

  toObject<T extends object = Record<string, unknown>>(): T {
    return this.#metadata.toPlainObject(this.#values) as T;
  }

  toJSON(): Record<string, unknown> {
    return this.toObject();
  }
}
