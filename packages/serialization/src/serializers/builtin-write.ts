import Long from 'long';
import { describeType, HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import { toLong } from '../io/int64';
import { BigDecimal } from '../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { HazelcastJsonValue } from '../java/json-value';
import { type JavaKind, JavaTyped } from '../java/typed';
import { UUID } from '../java/uuid';
import { TypeId } from '../type-ids';
import { bigIntToBytes } from './big-integer-bytes';
import { javaCollectionLayout, writeJavaCollection } from './java-collections';

/**
 * Type id per Java kind a value can be tagged with (TypeId values; literals and a table, because every
 * bundle carries this).
 */
const KIND_TYPE_IDS: Readonly<Record<JavaKind, number>> = {
  byte: -3,
  boolean: -4,
  char: -5,
  short: -6,
  int: -7,
  long: -8,
  float: -9,
  double: -10,
  String: -11,
  'byte[]': -12,
  'boolean[]': -13,
  'char[]': -14,
  'short[]': -15,
  'int[]': -16,
  'long[]': -17,
  'float[]': -18,
  'double[]': -19,
  'String[]': -20,
  Class: -24,
  BigInteger: -26,
  'Object[]': -28,
  ArrayList: -29,
  LinkedList: -30,
  CopyOnWriteArrayList: -31,
  HashMap: -32,
  ConcurrentSkipListMap: -33,
  ConcurrentHashMap: -34,
  LinkedHashMap: -35,
  TreeMap: -36,
  HashSet: -37,
  TreeSet: -38,
  LinkedHashSet: -39,
  CopyOnWriteArraySet: -40,
  ConcurrentSkipListSet: -41,
  ArrayDeque: -42,
  LinkedBlockingQueue: -43,
  ArrayBlockingQueue: -44,
  PriorityBlockingQueue: -45,
  DelayQueue: -46,
  SynchronousQueue: -47,
  LinkedTransferQueue: -48,
  PriorityQueue: -49,
  Optional: -50,
};

export function typeIdOfKind(kind: JavaKind): number {
  return KIND_TYPE_IDS[kind];
}

/** The built-in type id for a value that is not a number or array (handled by the service), or undefined. */
export function builtinTypeIdOf(value: unknown): number | undefined {
  switch (typeof value) {
    case 'string':
      return TypeId.STRING;
    case 'boolean':
      return TypeId.BOOLEAN;
    case 'bigint':
      return TypeId.BIG_INTEGER;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value instanceof JavaTyped) return typeIdOfKind(value.kind);
  if (Long.isLong(value)) return TypeId.LONG;
  if (value instanceof Uint8Array) return TypeId.BYTE_ARRAY;
  if (value instanceof Date) return TypeId.DATE;
  if (value instanceof UUID) return TypeId.UUID;
  if (value instanceof BigDecimal) return TypeId.BIG_DECIMAL;
  if (value instanceof LocalDate) return TypeId.LOCAL_DATE;
  if (value instanceof LocalTime) return TypeId.LOCAL_TIME;
  if (value instanceof LocalDateTime) return TypeId.LOCAL_DATE_TIME;
  if (value instanceof OffsetDateTime) return TypeId.OFFSET_DATE_TIME;
  if (value instanceof HazelcastJsonValue) return TypeId.JSON;
  return undefined;
}

/**
 * Writes the payload of `value` for built-in `typeId`. Numbers are range-checked for their Java type so
 * nothing is silently truncated.
 */
export function writeBuiltin(
  typeId: number,
  out: ByteArrayObjectDataOutput,
  tagged: unknown,
  writeObject: (value: unknown) => void,
): void {
  const value = tagged instanceof JavaTyped ? tagged.value : tagged;
  switch (typeId) {
    case TypeId.NULL:
      return;
    case TypeId.BYTE:
      out.writeByte(javaInteger(value, -128, 127, 'byte'));
      return;
    case TypeId.BOOLEAN:
      out.writeBoolean(expect(value, 'boolean', 'boolean'));
      return;
    case TypeId.CHAR:
      out.writeChar(javaChar(value));
      return;
    case TypeId.SHORT:
      out.writeShort(javaInteger(value, -32768, 32767, 'short'));
      return;
    case TypeId.INT:
      out.writeInt(javaInteger(value, -2147483648, 2147483647, 'int'));
      return;
    case TypeId.LONG:
      out.writeLong(toLong(value as Long));
      return;
    case TypeId.FLOAT:
      out.writeFloat(expect(value, 'number', 'float'));
      return;
    case TypeId.DOUBLE:
      out.writeDouble(expect(value, 'number', 'double'));
      return;
    case TypeId.STRING:
      out.writeString(expect(value, 'string', 'String'));
      return;
    case TypeId.BYTE_ARRAY:
      out.writeByteArray(
        value instanceof Uint8Array
          ? value
          : arrayOf(value, 'byte[]').map((v) => javaInteger(v, -128, 127, 'byte')),
      );
      return;
    case TypeId.BOOLEAN_ARRAY:
      out.writeBooleanArray(arrayOf(value, 'boolean[]').map((v) => expect(v, 'boolean', 'boolean')));
      return;
    case TypeId.CHAR_ARRAY:
      out.writeCharArray(
        (typeof value === 'string'
          ? Array.from({ length: value.length }, (_, i) => value.charAt(i))
          : arrayOf(value, 'char[]')
        ).map(javaChar),
      );
      return;
    case TypeId.SHORT_ARRAY:
      out.writeShortArray(arrayOf(value, 'short[]').map((v) => javaInteger(v, -32768, 32767, 'short')));
      return;
    case TypeId.INT_ARRAY:
      out.writeIntArray(arrayOf(value, 'int[]').map((v) => javaInteger(v, -2147483648, 2147483647, 'int')));
      return;
    case TypeId.LONG_ARRAY:
      out.writeLongArray(arrayOf(value, 'long[]').map((v) => toLong(v as Long)));
      return;
    case TypeId.FLOAT_ARRAY:
      out.writeFloatArray(arrayOf(value, 'float[]').map((v) => expect(v, 'number', 'float')));
      return;
    case TypeId.DOUBLE_ARRAY:
      out.writeDoubleArray(arrayOf(value, 'double[]').map((v) => expect(v, 'number', 'double')));
      return;
    case TypeId.STRING_ARRAY:
      out.writeStringArray(
        arrayOf(value, 'String[]').map((v) => (v === null ? null : expect(v, 'string', 'String'))),
      );
      return;
    case TypeId.UUID: {
      const uuid = instance(value, UUID, 'UUID');
      out.writeLong(uuid.mostSignificant);
      out.writeLong(uuid.leastSignificant);
      return;
    }
    case TypeId.JAVA_CLASS:
      out.writeString(expect(value, 'string', 'Class (class name)'));
      return;
    case TypeId.DATE: {
      const time = instance(value, Date, 'Date').getTime();
      if (Number.isNaN(time)) throw new HazelcastSerializationError('Cannot serialize an invalid Date');
      out.writeLong(time);
      return;
    }
    case TypeId.BIG_INTEGER:
      out.writeByteArray(bigIntToBytes(javaBigInteger(value)));
      return;
    case TypeId.BIG_DECIMAL: {
      const decimal = instance(value, BigDecimal, 'BigDecimal');
      out.writeByteArray(bigIntToBytes(decimal.unscaledValue));
      out.writeInt(decimal.scale);
      return;
    }
    case TypeId.OBJECT_ARRAY:
    case TypeId.ARRAY_LIST:
    case TypeId.LINKED_LIST: {
      const items = arrayOf(value, 'list');
      out.writeInt(items.length);
      for (const item of items) writeObject(item);
      return;
    }
    case TypeId.LOCAL_DATE:
      writeLocalDate(out, instance(value, LocalDate, 'LocalDate'));
      return;
    case TypeId.LOCAL_TIME:
      writeLocalTime(out, instance(value, LocalTime, 'LocalTime'));
      return;
    case TypeId.LOCAL_DATE_TIME: {
      const dateTime = instance(value, LocalDateTime, 'LocalDateTime');
      writeLocalDate(out, dateTime.localDate);
      writeLocalTime(out, dateTime.localTime);
      return;
    }
    case TypeId.OFFSET_DATE_TIME: {
      const offsetDateTime = instance(value, OffsetDateTime, 'OffsetDateTime');
      writeLocalDate(out, offsetDateTime.localDateTime.localDate);
      writeLocalTime(out, offsetDateTime.localDateTime.localTime);
      out.writeInt(offsetDateTime.offsetSeconds);
      return;
    }
    case TypeId.JSON:
      out.writeString(instance(value, HazelcastJsonValue, 'HazelcastJsonValue').toString());
      return;
    default:
      if (javaCollectionLayout(typeId) !== undefined) {
        writeJavaCollection(
          typeId,
          out,
          value,
          writeObject,
          tagged instanceof JavaTyped ? tagged.kind : 'collection',
        );
        return;
      }
      throw new HazelcastSerializationError(`Type id ${typeId} is not a built-in type`);
  }
}

function writeLocalDate(out: ByteArrayObjectDataOutput, value: LocalDate): void {
  out.writeInt(value.year);
  out.writeByte(value.month);
  out.writeByte(value.date);
}

function writeLocalTime(out: ByteArrayObjectDataOutput, value: LocalTime): void {
  out.writeByte(value.hour);
  out.writeByte(value.minute);
  out.writeByte(value.second);
  out.writeInt(value.nano);
}

export function javaInteger(value: unknown, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new HazelcastSerializationError(
      `Cannot serialize ${describeValue(value)} as a Java ${what}: expected an integer in [${min}, ${max}]`,
    );
  }
  return value;
}

function javaChar(value: unknown): number {
  if (typeof value === 'string' && value.length === 1) return value.charCodeAt(0);
  if (typeof value === 'number') return javaInteger(value, 0, 65535, 'char');
  throw new HazelcastSerializationError(
    `Cannot serialize ${describeValue(value)} as a Java char: expected a one-unit string or a code unit`,
  );
}

function javaBigInteger(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (Long.isLong(value)) return BigInt(value.toString());
  throw new HazelcastSerializationError(`Cannot serialize ${describeValue(value)} as a Java BigInteger`);
}

function expect<T>(value: unknown, type: 'string' | 'number' | 'boolean', what: string): T {
  if (typeof value !== type) {
    throw new HazelcastSerializationError(`Cannot serialize ${describeValue(value)} as a Java ${what}`);
  }
  return value as T;
}

function arrayOf(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new HazelcastSerializationError(`Cannot serialize ${describeValue(value)} as a Java ${what}`);
  return value;
}

// biome-ignore lint/suspicious/noExplicitAny: any class
function instance<T>(value: unknown, type: abstract new (...args: any[]) => T, what: string): T {
  if (!(value instanceof type))
    throw new HazelcastSerializationError(`Cannot serialize ${describeValue(value)} as a Java ${what}`);
  return value;
}

function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  if (typeof value === 'bigint') return `bigint ${value}n`;
  return describeType(value);
}
