import { describeType, HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';

// Java's collection serializers (type ids -28 … -50, `JavaDefaultSerializers` on the member). Three layouts:
//
//   array, list, queue, deque, set:     int32 size, then size × object
//   map:                                int32 size, then size × (key object, value object)
//   sorted set, sorted map, priority q: comparator object (Java null: type id 0), then the layout above
//   Optional:                           boolean present, then the object when present
//
// What JavaScript gets: every array, list, queue and deque is an array (in Java's iteration order, which for
// a priority queue is heap order), every set a `Set`, every map a `Map`, an `Optional` its value or null.
//
// One letter per type id from -28 (Object[]) down to -50 (Optional), kept this compact because every bundle
// carries it: l = array/list/queue, m = map, s = set, o = Optional; upper case = sorted (a comparator first).
//   -28 Object[]  -29 ArrayList  -30 LinkedList  -31 CopyOnWriteArrayList  -32 HashMap
//   -33 ConcurrentSkipListMap  -34 ConcurrentHashMap  -35 LinkedHashMap  -36 TreeMap  -37 HashSet  -38 TreeSet
//   -39 LinkedHashSet  -40 CopyOnWriteArraySet  -41 ConcurrentSkipListSet  -42 ArrayDeque
//   -43 LinkedBlockingQueue  -44 ArrayBlockingQueue  -45 PriorityBlockingQueue  -46 DelayQueue
//   -47 SynchronousQueue  -48 LinkedTransferQueue  -49 PriorityQueue  -50 Optional
const LAYOUTS = 'llllmMmmMsSssSlllLlllLo';

/** The layout letter of a collection type id, or undefined for other ids. */
export function javaCollectionLayout(typeId: number): string | undefined {
  return LAYOUTS[-28 - typeId];
}

/** Reads the payload of a collection (its javaCollectionLayout letter); nested values go through readObject. */
export function readJavaCollection(
  layout: string,
  input: ByteArrayObjectDataInput,
  readObject: () => unknown,
): unknown {
  if (layout === 'o') return input.readBoolean() ? readObject() : null;
  if (layout !== layout.toLowerCase()) {
    // The comparator is dropped: JavaScript keeps the order the member wrote.
    const at = input.position();
    const comparatorType = input.readInt();
    if (comparatorType === -100 || comparatorType === -101) {
      throw new HazelcastSerializationError(
        'Cannot read a sorted Java collection whose comparator is java.io.Serializable (only Java reads that)',
      );
    }
    if (comparatorType !== 0) {
      input.setPosition(at);
      readObject();
    }
  }
  // Every element takes at least a 4-byte type id, every map entry two.
  const isMap = layout === 'm' || layout === 'M';
  const size = input.checkCount(input.readInt(), isMap ? 8 : 4, isMap ? 'map entry' : 'collection element');
  if (isMap) {
    const entries = new Map<unknown, unknown>();
    for (let i = 0; i < size; i++) {
      const key = readObject();
      entries.set(key, readObject());
    }
    return entries;
  }
  if (layout === 's' || layout === 'S') {
    const set = new Set<unknown>();
    for (let i = 0; i < size; i++) set.add(readObject());
    return set;
  }
  const values: unknown[] = new Array(size);
  for (let i = 0; i < size; i++) values[i] = readObject();
  return values;
}

/**
 * Writes the payload of collection `typeId` (one of -31 … -50: Object[], ArrayList and LinkedList keep their
 * array-only writer). Lists, queues and sets take any iterable (an array, a Set, …); maps take a `Map`, an
 * iterable of `[key, value]` pairs or a plain object; Optional takes a value or null. `what` names the Java
 * type in errors.
 */
export function writeJavaCollection(
  typeId: number,
  out: ByteArrayObjectDataOutput,
  value: unknown,
  writeObject: (value: unknown) => void,
  what: string,
): void {
  const layout = LAYOUTS[-28 - typeId]!;
  if (layout === 'o') {
    if (value === undefined) {
      throw new HazelcastSerializationError(
        'Cannot serialize undefined as a Java Optional; use null for empty',
      );
    }
    out.writeBoolean(value !== null);
    if (value !== null) writeObject(value);
    return;
  }
  const isMap = layout === 'm' || layout === 'M';
  const items = isMap ? mapEntries(value, what) : iterableItems(value, what);
  // Java reads an ArrayBlockingQueue's capacity from its size (0 fails), a SynchronousQueue holds nothing,
  // and a DelayQueue's elements must be java.util.concurrent.Delayed.
  if (typeId === -44 ? items.length === 0 : (typeId === -46 || typeId === -47) && items.length > 0) {
    throw new HazelcastSerializationError(
      `Cannot serialize ${items.length === 0 ? 'an empty' : 'a non-empty'} Java ${what}: Java cannot read it back`,
    );
  }
  if (layout !== layout.toLowerCase()) writeObject(null); // natural ordering
  out.writeInt(items.length);
  for (const item of items) {
    if (isMap) {
      writeObject((item as readonly [unknown, unknown])[0]);
      writeObject((item as readonly [unknown, unknown])[1]);
    } else {
      writeObject(item);
    }
  }
}

function iterableItems(value: unknown, what: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (!(value instanceof Map) && isIterable(value)) return [...value];
  throw new HazelcastSerializationError(
    `Cannot serialize ${describeType(value)} as a Java ${what}: expected an array or another iterable`,
  );
}

function mapEntries(value: unknown, what: string): ReadonlyArray<readonly [unknown, unknown]> {
  if (isIterable(value)) {
    const entries = [...value];
    for (const entry of entries) {
      if (!Array.isArray(entry) || entry.length !== 2) {
        throw new HazelcastSerializationError(
          `Cannot serialize ${describeType(value)} as a Java ${what}: expected [key, value] pairs, got ${describeType(entry)}`,
        );
      }
    }
    return entries as Array<[unknown, unknown]>;
  }
  const prototype = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) return Object.entries(value as object);
  throw new HazelcastSerializationError(
    `Cannot serialize ${describeType(value)} as a Java ${what}: expected a Map, [key, value] pairs or a plain object`,
  );
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  );
}
