import Long from 'long';
import type { SchemaRegistry } from '../compact/schema-registry';
import { DATA_OFFSET, HeapData, isData } from '../data/heap-data';
import { describeType, HazelcastSerializationError } from '../errors';
import { ByteArrayObjectDataInput, type ObjectReader } from '../io/byte-input';
import { ByteArrayObjectDataOutput, type ObjectWriter } from '../io/byte-output';
import { HazelcastJsonValue } from '../java/json-value';
import { isPortable } from '../portable/portable';
import {
  type CustomSerializer,
  type GlobalSerializer,
  type IdentifiedDataSerializable,
  type IdentifiedDataSerializableFactory,
  isIdentifiedDataSerializable,
} from '../serializable';
import { readBuiltin } from '../serializers/builtin-read';
import { builtinTypeIdOf, javaInteger, writeBuiltin } from '../serializers/builtin-write';
import { TypeId } from '../type-ids';
import {
  type ResolvedSerializationConfig,
  resolveSerializationConfig,
  type SerializationConfig,
} from './config';
import { type FormatSerializer, formatHint, type SerializationFormat } from './format';

/** Nested readObject calls in malformed data could otherwise recurse until the stack overflows. */
const MAX_DEPTH = 200;

/**
 * Turns values into Hazelcast `Data` and back, byte-compatible with Java members. Serializer lookup
 * order for writes: null, Compact, IdentifiedDataSerializable, Portable, built-in types, custom
 * serializers, the global serializer, then JSON (-130), as the official Node client does. Compact and
 * Portable are formats a program opts into (`formats: [compactSerialization, portableSerialization]`).
 */
export class SerializationService implements ObjectWriter, ObjectReader {
  readonly config: ResolvedSerializationConfig;
  readonly #customById = new Map<number, CustomSerializer | GlobalSerializer>();
  readonly #customByType: readonly CustomSerializer[];
  readonly #identified: Map<number, IdentifiedDataSerializableFactory>;
  readonly #schemas: SchemaRegistry | undefined;
  readonly #compactFormat: SerializationFormat | undefined;
  #compact: FormatSerializer | undefined;
  readonly #portable: FormatSerializer | undefined;
  #depth = 0;
  /** UTF-8 bytes per UTF-16 unit of the last string value serialized (1 for ASCII, up to 3). */
  #utf8BytesPerUnit = 1;

  constructor(config?: SerializationConfig, schemas?: SchemaRegistry) {
    this.config = resolveSerializationConfig(config);
    this.#schemas = schemas;
    this.#identified = new Map(this.config.dataSerializableFactories);
    const formats = new Map(this.config.formats.map((format) => [format.name, format]));
    this.#compactFormat = formats.get('Compact');
    const portable = formats.get('Portable');
    if (this.config.compact !== undefined && !this.#compactFormat) {
      throw new HazelcastSerializationError(`serialization.compact is set, but ${formatHint('Compact')}`);
    }
    if ((this.config.portableFactories.size > 0 || this.config.classDefinitions.length > 0) && !portable) {
      throw new HazelcastSerializationError(
        `serialization.portableFactories/classDefinitions are set, but ${formatHint('Portable')}`,
      );
    }
    // Portable checks its class definitions now; Compact is created on first use (no Compact work before).
    this.#portable = portable?.create({ config: this.config, schemas });
    for (const serializer of this.config.customSerializers) this.#customById.set(serializer.id, serializer);
    if (this.config.globalSerializer)
      this.#customById.set(this.config.globalSerializer.id, this.config.globalSerializer);
    this.#customByType = this.config.customSerializers.filter((s) => s.type !== undefined);
  }

  /** Compact schemas known to this client; core-client sends `drainPending()` ones before the data. */
  get schemas(): SchemaRegistry {
    const schemas = this.#compactSerializer()?.schemas ?? this.#schemas;
    if (!schemas) throw new HazelcastSerializationError(formatHint('Compact'));
    return schemas;
  }

  /**
   * Adds IdentifiedDataSerializable factories for ids that have none yet (a configured factory wins), e.g.
   * the readers of aggregation results, added when a program first aggregates.
   */
  addDataSerializableFactories(factories: Record<number, IdentifiedDataSerializableFactory>): void {
    for (const [id, factory] of Object.entries(factories)) {
      if (!this.#identified.has(Number(id))) this.#identified.set(Number(id), factory);
    }
  }

  /** Whether a format ('Compact', 'Portable') is registered. */
  hasFormat(name: string): boolean {
    return name === 'Compact' ? this.#compactFormat !== undefined : name === 'Portable' && !!this.#portable;
  }

  /** Created on first use, so clients that never touch Compact do no Compact work. */
  #compactSerializer(): FormatSerializer | undefined {
    if (!this.#compact && this.#compactFormat) {
      this.#compact = this.#compactFormat.create({ config: this.config, schemas: this.#schemas });
    }
    return this.#compact;
  }

  #require(format: FormatSerializer | undefined, name: string, typeId: number): FormatSerializer {
    if (format) return format;
    throw new HazelcastSerializationError(
      `${name} data (type id ${typeId}) cannot be read or written here: ${formatHint(name)}`,
    );
  }

  /**
   * Serializes `value`. Data passes through unchanged; null becomes the empty (null) Data. A value with `getPartitionKey()` or a
   * `partitionKey` property (Java's PartitionAware) is routed by its partition key's hash.
   */
  toData(value: unknown): HeapData {
    if (isData(value)) return value;
    // Java's toData(null) is null; the empty Data is how Data spells null (type 0, reads back as null).
    if (value === null) return new HeapData(Buffer.alloc(0));
    const out = new ByteArrayObjectDataOutput(
      this.config.isBigEndian,
      this,
      typeof value === 'string'
        ? Math.ceil(value.length * this.#utf8BytesPerUnit) + 16
        : initialSizeFor(value),
    );
    out.writeIntBE(this.#partitionHashOf(value));
    const typeId = this.#typeIdFor(value);
    out.writeIntBE(typeId);
    this.#writePayload(typeId, out, value);
    // A program's string values are alike (ASCII ids, or text in one script): the next one is sized by this
    // one's UTF-8 bytes per UTF-16 unit, so non-ASCII text, too, is encoded at once without growing the buffer.
    if (typeof value === 'string' && value.length > 0) {
      this.#utf8BytesPerUnit = Math.min(3, Math.max(1, (out.position() - 12) / value.length));
    }
    return new HeapData(out.takeBuffer());
  }

  /** Deserializes `data`; null/undefined and empty Data read as null. */
  toObject<T = unknown>(data: HeapData | null | undefined): T {
    if (data === null || data === undefined) return null as T;
    if (!isData(data)) {
      throw new HazelcastSerializationError(`toObject expects Data (HeapData), got ${describeType(data)}`);
    }
    if (data.totalSize() === 0) return null as T;
    const input = new ByteArrayObjectDataInput(data.toBuffer(), DATA_OFFSET, this.config.isBigEndian, this);
    return this.#guard(() => this.#readPayload(data.getType(), input)) as T;
  }

  /** Java `writeObject`: type id in the stream's byte order, then the payload. */
  writeObject(out: ByteArrayObjectDataOutput, value: unknown): void {
    const typeId = this.#typeIdFor(value);
    out.writeInt(typeId);
    this.#writePayload(typeId, out, value);
  }

  readObject(input: ByteArrayObjectDataInput): unknown {
    if (this.#depth >= MAX_DEPTH) {
      throw new HazelcastSerializationError(`Malformed data: objects nested deeper than ${MAX_DEPTH}`);
    }
    this.#depth++;
    try {
      return this.#readPayload(input.readInt(), input);
    } finally {
      this.#depth--;
    }
  }

  /** A fresh output stream bound to this service (for codecs that embed serialized values). */
  createOutput(): ByteArrayObjectDataOutput {
    return new ByteArrayObjectDataOutput(this.config.isBigEndian, this);
  }

  /** An input stream bound to this service over `bytes`. */
  createInput(bytes: Buffer, offset = 0): ByteArrayObjectDataInput {
    return new ByteArrayObjectDataInput(bytes, offset, this.config.isBigEndian, this);
  }

  #guard<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      // Node's own buffer and BigInt checks throw RangeError/TypeError; callers get one error type.
      if (error instanceof RangeError || error instanceof TypeError) {
        throw new HazelcastSerializationError(`Malformed data: ${error.message}`, { cause: error });
      }
      throw error;
    }
  }

  #partitionHashOf(value: unknown): number {
    if (typeof value !== 'object' || value === null) return 0;
    const aware = value as { getPartitionKey?: () => unknown; partitionKey?: unknown };
    const key = typeof aware.getPartitionKey === 'function' ? aware.getPartitionKey() : aware.partitionKey;
    if (key === undefined || key === null) return 0;
    return this.toData(key).getPartitionHash();
  }

  #typeIdFor(value: unknown): number {
    if (value === null) return TypeId.NULL;
    if (value === undefined)
      throw new HazelcastSerializationError('undefined cannot be serialized; use null');
    if (typeof value === 'number') return this.#numberTypeId(false);
    if (typeof value === 'object') {
      const compact = this.#compactSerializer()?.typeIdOf(value);
      if (compact !== undefined) return compact;
      if (!this.#compactFormat && isGenericRecord(value)) this.#require(undefined, 'Compact', TypeId.COMPACT);
      if (isIdentifiedDataSerializable(value)) return TypeId.DATA_SERIALIZABLE;
      if (isPortable(value)) {
        this.#require(this.#portable, 'Portable', TypeId.PORTABLE);
        return TypeId.PORTABLE;
      }
      if (Array.isArray(value)) {
        const arrayId = this.#arrayTypeId(value);
        if (arrayId !== undefined) return arrayId;
      }
    }
    const builtin = builtinTypeIdOf(value);
    if (builtin !== undefined) return builtin;
    const custom = this.#customFor(value);
    if (custom !== undefined) return custom.id;
    if (this.config.globalSerializer) return this.config.globalSerializer.id;
    // A Map or Set reaching this point used to fall through to JSON, where it became "{}" and lost every
    // entry; it is a Java collection now. Linked* keeps the JS iteration order through a round trip and is a
    // HashMap/HashSet to Java code. Values a custom or global serializer claims are not affected.
    if (value instanceof Map) return -35; // java.util.LinkedHashMap
    if (value instanceof Set) return -39; // java.util.LinkedHashSet
    if (typeof value === 'object') return TypeId.JSON;
    throw new HazelcastSerializationError(`No serializer for a value of type ${describeType(value)}`);
  }

  #numberTypeId(array: boolean): number {
    switch (this.config.defaultNumberType) {
      case 'byte':
        return array ? TypeId.BYTE_ARRAY : TypeId.BYTE;
      case 'short':
        return array ? TypeId.SHORT_ARRAY : TypeId.SHORT;
      case 'integer':
        return array ? TypeId.INT_ARRAY : TypeId.INT;
      case 'long':
        return array ? TypeId.LONG_ARRAY : TypeId.LONG;
      case 'float':
        return array ? TypeId.FLOAT_ARRAY : TypeId.FLOAT;
      default:
        return array ? TypeId.DOUBLE_ARRAY : TypeId.DOUBLE;
    }
  }

  /** Homogeneous arrays of numbers, strings, booleans or Longs map to Java arrays; others fall through. */
  #arrayTypeId(values: readonly unknown[]): number | undefined {
    if (values.length === 0 || values.every((v) => typeof v === 'number')) return this.#numberTypeId(true);
    if (typeof values[0] === 'string' && values.every((v) => typeof v === 'string' || v === null)) {
      return TypeId.STRING_ARRAY;
    }
    if (values.every((v) => typeof v === 'boolean')) return TypeId.BOOLEAN_ARRAY;
    if (values.every((v) => Long.isLong(v))) return TypeId.LONG_ARRAY;
    return undefined;
  }

  #customFor(value: unknown): CustomSerializer | GlobalSerializer | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const tagged = (value as { hzCustomId?: unknown }).hzCustomId;
    if (typeof tagged === 'number') {
      const serializer = this.#customById.get(tagged);
      if (serializer === undefined) {
        throw new HazelcastSerializationError(
          `${describeType(value)} has hzCustomId ${tagged} but no custom serializer with that id is configured`,
        );
      }
      return serializer;
    }
    return this.#customByType.find((s) => value instanceof (s.type as new () => unknown));
  }

  #writePayload(typeId: number, out: ByteArrayObjectDataOutput, value: unknown): void {
    switch (typeId) {
      case TypeId.COMPACT:
        this.#require(this.#compactSerializer(), 'Compact', typeId).write(out, value, typeId);
        return;
      case TypeId.DATA_SERIALIZABLE: {
        const ids = value as IdentifiedDataSerializable;
        out.writeBoolean(true);
        out.writeInt(ids.factoryId);
        out.writeInt(ids.classId);
        ids.writeData(out);
        return;
      }
      case TypeId.PORTABLE:
        this.#require(this.#portable, 'Portable', typeId).write(out, value, typeId);
        return;
      case TypeId.JSON:
        this.#writeJson(out, value);
        return;
    }
    const custom = typeId > 0 ? this.#customById.get(typeId) : undefined;
    if (custom !== undefined) {
      custom.write(out, value);
      return;
    }
    if (typeof value === 'number') this.#checkDefaultNumber(typeId, value);
    writeBuiltin(typeId, out, value, (item) => this.writeObject(out, item));
  }

  #checkDefaultNumber(typeId: number, value: number): void {
    if (typeId === TypeId.LONG && !Number.isSafeInteger(value)) {
      throw new HazelcastSerializationError(`Cannot serialize ${value} as a Java long: not a safe integer`);
    }
    if (typeId === TypeId.INT) javaInteger(value, -2147483648, 2147483647, 'int');
  }

  #writeJson(out: ByteArrayObjectDataOutput, value: unknown): void {
    if (value instanceof HazelcastJsonValue) {
      out.writeString(value.toString());
      return;
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch (error) {
      throw new HazelcastSerializationError(
        `Cannot serialize ${describeType(value)} as JSON (no other serializer applies): ${(error as Error).message}`,
        { cause: error },
      );
    }
    if (json === undefined) {
      throw new HazelcastSerializationError(`Cannot serialize ${describeType(value)}: no serializer applies`);
    }
    out.writeString(json);
  }

  #readPayload(typeId: number, input: ByteArrayObjectDataInput): unknown {
    switch (typeId) {
      case TypeId.PORTABLE:
        return this.#require(this.#portable, 'Portable', typeId).read(input, typeId);
      case TypeId.DATA_SERIALIZABLE:
        return this.#readIdentified(input);
      case TypeId.COMPACT:
      case TypeId.COMPACT_WITH_SCHEMA:
        return this.#require(this.#compactSerializer(), 'Compact', typeId).read(input, typeId);
      case TypeId.JSON: {
        const text = input.readString();
        if (text === null) return null;
        if (this.config.jsonStringDeserializationPolicy === 'NO_DESERIALIZATION')
          return new HazelcastJsonValue(text);
        try {
          return JSON.parse(text);
        } catch (error) {
          throw new HazelcastSerializationError(`Malformed JSON data: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    }
    const builtin = readBuiltin(typeId, input, () => this.readObject(input));
    if (builtin !== undefined) return builtin;
    const custom = this.#customById.get(typeId);
    if (custom !== undefined) return custom.read(input);
    throw new HazelcastSerializationError(
      `No deserializer for type id ${typeId}${typeId === -100 ? ' (java.io.Serializable, which only Java reads)' : ''}`,
    );
  }

  #readIdentified(input: ByteArrayObjectDataInput): IdentifiedDataSerializable {
    if (!input.readBoolean()) {
      throw new HazelcastSerializationError(
        'Cannot read a Java DataSerializable that is not IdentifiedDataSerializable; implement IdentifiedDataSerializable on the Java side',
      );
    }
    const factoryId = input.readInt();
    const classId = input.readInt();
    const factory = this.#identified.get(factoryId);
    if (factory === undefined) {
      throw new HazelcastSerializationError(
        `No IdentifiedDataSerializable factory registered for factoryId ${factoryId}`,
      );
    }
    const instance = factory(classId);
    if (instance === undefined || instance === null || typeof instance.readData !== 'function') {
      throw new HazelcastSerializationError(
        `IdentifiedDataSerializable factory ${factoryId} returned ${describeType(instance)} for classId ${classId}`,
      );
    }
    instance.readData(input);
    return instance;
  }
}

/** A CompactGenericRecord, recognised without the Compact code (which only a registered format brings). */
function isGenericRecord(value: object): boolean {
  const record = value as { schema?: unknown; rawValue?: unknown; getFieldKind?: unknown };
  return (
    typeof record.schema === 'object' &&
    typeof record.rawValue === 'function' &&
    typeof record.getFieldKind === 'function'
  );
}

/**
 * A first guess of the serialized size, so the common large values (strings, byte arrays) are written
 * without growing the buffer several times: header + length prefix + the value's own length.
 */
function initialSizeFor(value: unknown): number {
  if (value instanceof Uint8Array) return value.length + 16;
  return 64;
}
