import { HazelcastSerializationError, type ObjectDataInput, type ObjectDataOutput } from '@hz/serialization';
import { IllegalArgumentError } from '../../errors/hazelcast-error';
import { PredicateClassId } from '../ids';
import { readObjectCount } from '../stream-helpers';
import { BuiltinPredicate, type Predicate } from './predicate';

/** Which part of the matching entries a paged query returns; the member sorts and pages by it. */
export const IterationType = { KEY: 'KEY', VALUE: 'VALUE', ENTRY: 'ENTRY' } as const;
export type IterationType = (typeof IterationType)[keyof typeof IterationType];

const ITERATION_TYPE_IDS: Record<IterationType, number> = { KEY: 0, VALUE: 1, ENTRY: 2 };

/** The protocol's byte for an iteration type (PagingPredicateHolder.iterationTypeId). */
export function iterationTypeId(type: IterationType): number {
  const id = ITERATION_TYPE_IDS[type];
  if (id === undefined) throw new IllegalArgumentError(`Unknown iteration type ${String(type)}`);
  return id;
}

/**
 * The last entry of an already fetched page. The member resumes after the anchor of the page before the
 * requested one instead of sorting from the start, so the client keeps the anchors it is sent.
 */
export interface PagingAnchor {
  readonly page: number;
  readonly key: unknown;
  readonly value: unknown;
}

/**
 * A predicate that returns one page of the matching entries at a time, sorted by `comparator` (a
 * `java.util.Comparator<Map.Entry>` implemented on the member and sent as IDS, Portable or Compact) or,
 * without one, by the natural order of the keys/values. Stateful: it remembers the current page and
 * the anchors of pages already fetched, like Java's PagingPredicate. Not for concurrent queries.
 */
export class PagingPredicate extends BuiltinPredicate {
  readonly classId = PredicateClassId.PAGING;
  #predicate: Predicate | null;
  #comparator: object | null;
  #pageSize: number;
  #page = 0;
  #iterationType: IterationType = IterationType.ENTRY;
  #anchors: PagingAnchor[] = [];

  /** Use `Predicates.paging()`, which validates its arguments. */
  constructor(predicate: Predicate | null = null, pageSize = 1, comparator: object | null = null) {
    super();
    this.#predicate = predicate;
    this.#pageSize = pageSize;
    this.#comparator = comparator;
  }

  nextPage(): this {
    this.#page++;
    return this;
  }

  /** Stays on page 0 when already there, as Java does. */
  previousPage(): this {
    if (this.#page > 0) this.#page--;
    return this;
  }

  setPage(page: number): this {
    if (!Number.isSafeInteger(page) || page < 0 || page > 0x7fffffff) {
      throw new IllegalArgumentError(`setPage: page must be an integer >= 0, got ${String(page)}`);
    }
    this.#page = page;
    return this;
  }

  getPage(): number {
    return this.#page;
  }

  getPageSize(): number {
    return this.#pageSize;
  }

  getPredicate(): Predicate | null {
    return this.#predicate;
  }

  getComparator(): object | null {
    return this.#comparator;
  }

  getIterationType(): IterationType {
    return this.#iterationType;
  }

  /** Set by the map method that runs the query (keySet: KEY, values: VALUE, entrySet: ENTRY). */
  setIterationType(type: IterationType): void {
    iterationTypeId(type);
    this.#iterationType = type;
  }

  /** The anchors received so far, ordered by page. */
  getAnchorList(): readonly PagingAnchor[] {
    return this.#anchors;
  }

  /** Replaces the anchors; the member's response carries the full list, not a delta. */
  setAnchorList(anchors: readonly PagingAnchor[]): void {
    this.#anchors = [...anchors];
  }

  /**
   * The anchor the member starts after for the current page: the previous page's, or the last known one
   * when jumping further ahead; null on page 0 or before any page was fetched.
   */
  getAnchor(): PagingAnchor | null {
    const count = this.#anchors.length;
    if (this.#page === 0 || count === 0) return null;
    return this.#anchors[Math.min(this.#page, count) - 1] ?? null;
  }

  /** Back to page 0 with no anchors, e.g. after the map changed. */
  reset(): void {
    this.#page = 0;
    this.#anchors = [];
    this.#iterationType = IterationType.ENTRY;
  }

  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.#predicate);
    output.writeObject(this.#comparator);
    output.writeInt(this.#page);
    output.writeInt(this.#pageSize);
    output.writeString(this.#iterationType);
    output.writeInt(this.#anchors.length);
    for (const anchor of this.#anchors) {
      output.writeInt(anchor.page);
      output.writeObject(anchor.key);
      output.writeObject(anchor.value);
    }
  }

  readData(input: ObjectDataInput): void {
    this.#predicate = input.readObject<Predicate | null>();
    this.#comparator = input.readObject<object | null>();
    this.#page = input.readInt();
    this.#pageSize = input.readInt();
    const type = input.readString();
    if (type === null || !(type in ITERATION_TYPE_IDS)) {
      throw new HazelcastSerializationError(`Malformed PagingPredicate: iteration type ${String(type)}`);
    }
    this.#iterationType = type as IterationType;
    const count = readObjectCount(input, 'PagingPredicate anchors');
    const anchors: PagingAnchor[] = [];
    for (let i = 0; i < count; i++) {
      const page = input.readInt();
      const key = input.readObject();
      const value = input.readObject();
      anchors.push({ page, key, value });
    }
    this.#anchors = anchors;
  }
}
