import { describeType, HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import { TypeId } from '../type-ids';

// Java's collection serializers (type ids -29…-50, `JavaDefaultSerializers` on the member). Three layouts:
//
//   list, queue, deque, unsorted set:   int32 size, then size × object
//   unsorted map:                       int32 size, then size × (key object, value object)
//   sorted set, sorted map, priority q: comparator object (Java null: type id 0), then the layout above
//   Optional:                           boolean present, then the object when present
//
// What JavaScript gets: every list, queue and deque is an array (in Java's iteration order, which for a
// priority queue is heap order), every set a `Set`, every map a `Map`, an `Optional` its value or null.

/** Collection type ids that read as an array. */
const ARRAY_IDS: ReadonlySet<number> = new Set([
  TypeId.OBJECT_ARRAY,
  TypeId.ARRAY_LIST,
  TypeId.LINKED_LIST,
  TypeId.COPY_ON_WRITE_ARRAY_LIST,
  TypeId.ARRAY_DEQUE,
  TypeId.LINKED_BLOCKING_QUEUE,
  TypeId.ARRAY_BLOCKING_QUEUE,
  TypeId.PRIORITY_BLOCKING_QUEUE,
  TypeId.DELAY_QUEUE,
  TypeId.SYNCHRONOUS_QUEUE,
  TypeId.LINKED_TRANSFER_QUEUE,
  TypeId.PRIORITY_QUEUE,
]);

const SET_IDS: ReadonlySet<number> = new Set([
  TypeId.HASH_SET,
  TypeId.TREE_SET,
  TypeId.LINKED_HASH_SET,
  TypeId.COPY_ON_WRITE_ARRAY_SET,
  TypeId.CONCURRENT_SKIP_LIST_SET,
]);

const MAP_IDS: ReadonlySet<number> = new Set([
  TypeId.HASH_MAP,
  TypeId.CONCURRENT_SKIP_LIST_MAP,
  TypeId.CONCURRENT_HASH_MAP,
  TypeId.LINKED_HASH_MAP,
  TypeId.TREE_MAP,
]);

/** Types whose payload starts with a comparator (null for natural ordering). */
const SORTED_IDS: ReadonlySet<number> = new Set([
  TypeId.CONCURRENT_SKIP_LIST_MAP,
  TypeId.TREE_MAP,
  TypeId.TREE_SET,
  TypeId.CONCURRENT_SKIP_LIST_SET,
  TypeId.PRIORITY_BLOCKING_QUEUE,
  TypeId.PRIORITY_QUEUE,
]);

const JAVA_NAMES: Readonly<Record<number, string>> = {
  [TypeId.TREE_MAP]: 'java.util.TreeMap',
  [TypeId.CONCURRENT_SKIP_LIST_MAP]: 'java.util.concurrent.ConcurrentSkipListMap',
  [TypeId.TREE_SET]: 'java.util.TreeSet',
  [TypeId.CONCURRENT_SKIP_LIST_SET]: 'java.util.concurrent.ConcurrentSkipListSet',
  [TypeId.PRIORITY_BLOCKING_QUEUE]: 'java.util.concurrent.PriorityBlockingQueue',
  [TypeId.PRIORITY_QUEUE]: 'java.util.PriorityQueue',
};

export function isJavaCollectionId(typeId: number): boolean {
  return ARRAY_IDS.has(typeId) || SET_IDS.has(typeId) || MAP_IDS.has(typeId) || typeId === TypeId.OPTIONAL;
}

/** Reads the payload of a collection type id (see isJavaCollectionId); nested values go through readObject. */
export function readJavaCollection(
  typeId: number,
  input: ByteArrayObjectDataInput,
  readObject: () => unknown,
): unknown {
  if (typeId === TypeId.OPTIONAL) return input.readBoolean() ? readObject() : null;
  if (SORTED_IDS.has(typeId)) readComparator(typeId, input, readObject);
  if (MAP_IDS.has(typeId)) {
    // Every entry takes at least two 4-byte type ids.
    const size = input.checkCount(input.readInt(), 8, 'map entry');
    const map = new Map<unknown, unknown>();
    for (let i = 0; i < size; i++) {
      const key = readObject();
      map.set(key, readObject());
    }
    return map;
  }
  // Every element takes at least its 4-byte type id.
  const size = input.checkCount(input.readInt(), 4, 'collection element');
  if (SET_IDS.has(typeId)) {
    const set = new Set<unknown>();
    for (let i = 0; i < size; i++) set.add(readObject());
    return set;
  }
  const values: unknown[] = new Array(size);
  for (let i = 0; i < size; i++) values[i] = readObject();
  return values;
}

/**
 * A sorted collection's comparator is dropped (JavaScript keeps the order the member wrote). Java's own
 * comparators are usually java.io.Serializable, a Java-only format: say so instead of "no deserializer".
 */
function readComparator(typeId: number, input: ByteArrayObjectDataInput, readObject: () => unknown): void {
  const at = input.position();
  const comparatorType = input.readInt();
  if (comparatorType === TypeId.NULL) return;
  if (comparatorType === TypeId.JAVA_SERIALIZABLE || comparatorType === TypeId.JAVA_EXTERNALIZABLE) {
    throw new HazelcastSerializationError(
      `Cannot read a ${JAVA_NAMES[typeId]} with a custom comparator: the comparator is java.io.Serializable, ` +
        'which only Java can read; store the collection with natural ordering (a null comparator) instead',
    );
  }
  input.setPosition(at);
  readObject();
}

/**
 * Writes the payload of collection `typeId`. Lists and queues take any iterable (an array, a Set, …);
 * maps take a `Map`, an iterable of `[key, value]` pairs or a plain object; Optional takes a value or null.
 */
export function writeJavaCollection(
  typeId: number,
  out: ByteArrayObjectDataOutput,
  value: unknown,
  writeObject: (value: unknown) => void,
  what: string,
): void {
  if (typeId === TypeId.OPTIONAL) {
    if (value === undefined)
      throw new HazelcastSerializationError(
        'Cannot serialize undefined as a Java Optional; use null for empty',
      );
    out.writeBoolean(value !== null);
    if (value !== null) writeObject(value);
    return;
  }
  if (SORTED_IDS.has(typeId)) writeObject(null); // natural ordering
  if (MAP_IDS.has(typeId)) {
    const entries = mapEntries(value, what);
    out.writeInt(entries.length);
    for (const [key, entryValue] of entries) {
      writeObject(key);
      writeObject(entryValue);
    }
    return;
  }
  const items = iterableItems(value, what);
  if (typeId === TypeId.ARRAY_BLOCKING_QUEUE && items.length === 0) {
    // Java reads the capacity from the size, and a capacity of 0 is an IllegalArgumentException there.
    throw new HazelcastSerializationError(
      'Cannot serialize an empty java.util.concurrent.ArrayBlockingQueue: Java cannot read it back (capacity 0)',
    );
  }
  if ((typeId === TypeId.SYNCHRONOUS_QUEUE || typeId === TypeId.DELAY_QUEUE) && items.length > 0) {
    throw new HazelcastSerializationError(
      typeId === TypeId.SYNCHRONOUS_QUEUE
        ? 'Cannot serialize a non-empty java.util.concurrent.SynchronousQueue: it never holds elements'
        : 'Cannot serialize a non-empty java.util.concurrent.DelayQueue: its elements must be java.util.concurrent.Delayed',
    );
  }
  out.writeInt(items.length);
  for (const item of items) writeObject(item);
}

function iterableItems(value: unknown, what: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Map) &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  ) {
    return [...(value as Iterable<unknown>)];
  }
  throw new HazelcastSerializationError(
    `Cannot serialize ${describeType(value)} as a Java ${what}: expected an array or another iterable of elements`,
  );
}

function mapEntries(value: unknown, what: string): ReadonlyArray<readonly [unknown, unknown]> {
  if (value instanceof Map) return [...value.entries()];
  if (typeof value === 'object' && value !== null) {
    if (typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function') {
      const entries: Array<readonly [unknown, unknown]> = [];
      for (const entry of value as Iterable<unknown>) {
        if (!Array.isArray(entry) || entry.length !== 2) {
          throw new HazelcastSerializationError(
            `Cannot serialize ${describeType(value)} as a Java ${what}: expected [key, value] pairs, got ${describeType(entry)}`,
          );
        }
        entries.push([entry[0], entry[1]]);
      }
      return entries;
    }
    if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
      return Object.entries(value);
    }
  }
  throw new HazelcastSerializationError(
    `Cannot serialize ${describeType(value)} as a Java ${what}: expected a Map, [key, value] pairs or a plain object`,
  );
}
