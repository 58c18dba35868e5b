import { HazelcastSerializationError } from '../errors';

/**
 * Java types a JS value can be sent as when its natural mapping is not the wanted one, e.g. a number as a
 * Java `int` instead of a `Double`, an array as a `java.util.ArrayList`, a `Map` as a `java.util.TreeMap`.
 * Collection kinds are the `java.util` / `java.util.concurrent` class names.
 */
export const JavaKinds = [
  'byte',
  'boolean',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'String',
  'byte[]',
  'boolean[]',
  'char[]',
  'short[]',
  'int[]',
  'long[]',
  'float[]',
  'double[]',
  'String[]',
  'BigInteger',
  'Class',
  'Object[]',
  'ArrayList',
  'LinkedList',
  'CopyOnWriteArrayList',
  'HashMap',
  'ConcurrentSkipListMap',
  'ConcurrentHashMap',
  'LinkedHashMap',
  'TreeMap',
  'HashSet',
  'TreeSet',
  'LinkedHashSet',
  'CopyOnWriteArraySet',
  'ConcurrentSkipListSet',
  'ArrayDeque',
  'LinkedBlockingQueue',
  'ArrayBlockingQueue',
  'PriorityBlockingQueue',
  'DelayQueue',
  'SynchronousQueue',
  'LinkedTransferQueue',
  'PriorityQueue',
  'Optional',
] as const;

export type JavaKind = (typeof JavaKinds)[number];

/** A value tagged with the Java type it must be serialized as (see {@link typed}). */
export class JavaTyped<K extends JavaKind = JavaKind> {
  constructor(
    readonly kind: K,
    readonly value: unknown,
  ) {}
}

/**
 * Tags `value` with a Java type: `typed(42, 'int')` is written as `java.lang.Integer`,
 * `typed(['a', 1], 'ArrayList')` as `java.util.ArrayList`, `typed(new Map([['a', 1]]), 'TreeMap')` as a
 * `java.util.TreeMap`, `typed('java.lang.String', 'Class')` as a `java.lang.Class`. The value is validated when serialized; the kind is validated here.
 */
export function typed<K extends JavaKind>(value: unknown, kind: K): JavaTyped<K> {
  if (!(JavaKinds as readonly string[]).includes(kind)) {
    throw new HazelcastSerializationError(
      `Unknown Java kind "${String(kind)}"; expected one of ${JavaKinds.join(', ')}`,
    );
  }
  return new JavaTyped(kind, value);
}
