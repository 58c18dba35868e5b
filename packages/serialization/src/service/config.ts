import type { CompactConfig } from '../compact/compact-serializer';
import { describeType, HazelcastSerializationError } from '../errors';
import type { ClassDefinition } from '../portable/class-definition';
import type { PortableFactory } from '../portable/portable';
import type { CustomSerializer, GlobalSerializer, IdentifiedDataSerializableFactory } from '../serializable';
import type { SerializationFormat } from './format';

/** How a JS `number` with no Java type tag is sent (the official Node client's option, same values). */
export type DefaultNumberType = 'double' | 'float' | 'integer' | 'long' | 'short' | 'byte';

/** What HazelcastJsonValue data (type id -130) reads back as: parsed JS value, or the JSON text wrapped. */
export type JsonStringDeserializationPolicy = 'EAGER' | 'NO_DESERIALIZATION';

/** Serialization options, with the names and defaults of the official Node client's SerializationConfig. */
export interface SerializationConfig {
  /** Default `'double'`: every untagged number is a Java Double. */
  defaultNumberType?: DefaultNumberType;
  /** Default true. Must match the members' `hazelcast.serialization.byte.order` (big-endian by default). */
  isBigEndian?: boolean;
  /** IdentifiedDataSerializable factories by factory id. */
  dataSerializableFactories?: Record<number, IdentifiedDataSerializableFactory>;
  /** Portable factories by factory id. */
  portableFactories?: Record<number, PortableFactory>;
  /** Version of Portable classes that declare none. Default 0. */
  portableVersion?: number;
  /** Portable class definitions known up front (needed for null nested Portables of unseen classes). */
  classDefinitions?: ClassDefinition[];
  customSerializers?: CustomSerializer[];
  globalSerializer?: GlobalSerializer | null;
  /** Default `'EAGER'`. */
  jsonStringDeserializationPolicy?: JsonStringDeserializationPolicy;
  /** Compact serialization config, handed to the Compact serializer (needs `compactSerialization`). */
  compact?: CompactConfig;
  /**
   * Formats a program opts into, so a program that uses neither carries neither: `compactSerialization`,
   * `portableSerialization` (from '@hz/core-client', or '@hz/serialization' for a service of your own).
   */
  formats?: readonly SerializationFormat[];
}

/** The config after validation, with defaults applied and factories indexed. */
export interface ResolvedSerializationConfig {
  defaultNumberType: DefaultNumberType;
  isBigEndian: boolean;
  dataSerializableFactories: ReadonlyMap<number, IdentifiedDataSerializableFactory>;
  portableFactories: ReadonlyMap<number, PortableFactory>;
  portableVersion: number;
  classDefinitions: readonly ClassDefinition[];
  customSerializers: readonly CustomSerializer[];
  globalSerializer: GlobalSerializer | null;
  jsonStringDeserializationPolicy: JsonStringDeserializationPolicy;
  compact: CompactConfig | undefined;
  formats: readonly SerializationFormat[];
}

const NUMBER_TYPES: readonly string[] = ['double', 'float', 'integer', 'long', 'short', 'byte'];
const JSON_POLICIES: readonly string[] = ['EAGER', 'NO_DESERIALIZATION'];
const KNOWN_KEYS: readonly string[] = [
  'defaultNumberType',
  'isBigEndian',
  'dataSerializableFactories',
  'portableFactories',
  'portableVersion',
  'classDefinitions',
  'customSerializers',
  'globalSerializer',
  'jsonStringDeserializationPolicy',
  'compact',
  'formats',
];

function fail(message: string): never {
  throw new HazelcastSerializationError(`Invalid serialization config: ${message}`);
}

/** Validates `config` (a typo or wrong type is an error naming the option) and applies defaults. */
export function resolveSerializationConfig(
  config: SerializationConfig | undefined,
): ResolvedSerializationConfig {
  const raw = (config ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail(`expected an object, got ${describeType(config)}`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) fail(`unknown option "${key}" (known: ${KNOWN_KEYS.join(', ')})`);
  }
  const c = raw as SerializationConfig;

  const defaultNumberType = c.defaultNumberType ?? 'double';
  if (!NUMBER_TYPES.includes(defaultNumberType)) {
    fail(
      `defaultNumberType must be one of ${NUMBER_TYPES.join(', ')}, got ${JSON.stringify(defaultNumberType)}`,
    );
  }
  const isBigEndian = c.isBigEndian ?? true;
  if (typeof isBigEndian !== 'boolean')
    fail(`isBigEndian must be a boolean, got ${describeType(isBigEndian)}`);
  const portableVersion = c.portableVersion ?? 0;
  if (!Number.isInteger(portableVersion) || portableVersion < 0 || portableVersion > 0x7fffffff) {
    fail(`portableVersion must be a non-negative integer, got ${String(portableVersion)}`);
  }
  const jsonStringDeserializationPolicy = c.jsonStringDeserializationPolicy ?? 'EAGER';
  if (!JSON_POLICIES.includes(jsonStringDeserializationPolicy)) {
    fail(
      `jsonStringDeserializationPolicy must be 'EAGER' or 'NO_DESERIALIZATION', got ${JSON.stringify(jsonStringDeserializationPolicy)}`,
    );
  }

  const customSerializers = c.customSerializers ?? [];
  if (!Array.isArray(customSerializers)) fail('customSerializers must be an array');
  const customIds = new Set<number>();
  customSerializers.forEach((serializer, i) => {
    checkSerializerShape(serializer, `customSerializers[${i}]`);
    if (customIds.has(serializer.id)) fail(`customSerializers[${i}] reuses type id ${serializer.id}`);
    customIds.add(serializer.id);
    if (serializer.type !== undefined && typeof serializer.type !== 'function') {
      fail(`customSerializers[${i}].type must be a class (constructor function)`);
    }
  });
  const globalSerializer = c.globalSerializer ?? null;
  if (globalSerializer !== null) {
    checkSerializerShape(globalSerializer, 'globalSerializer');
    if (customIds.has(globalSerializer.id))
      fail(`globalSerializer reuses custom type id ${globalSerializer.id}`);
  }

  const classDefinitions = c.classDefinitions ?? [];
  if (!Array.isArray(classDefinitions)) fail('classDefinitions must be an array of ClassDefinition');
  classDefinitions.forEach((definition, i) => {
    // The Portable format checks the class itself; here only the shape, so this file needs no Portable code.
    if (typeof (definition as Partial<ClassDefinition> | null)?.getFieldCount !== 'function') {
      fail(
        `classDefinitions[${i}] must be a ClassDefinition (see ClassDefinitionBuilder), got ${describeType(definition)}`,
      );
    }
  });

  if (c.compact !== undefined && (typeof c.compact !== 'object' || c.compact === null)) {
    fail(`compact must be an object, got ${describeType(c.compact)}`);
  }
  const formats = c.formats ?? [];
  if (!Array.isArray(formats)) fail('formats must be an array (compactSerialization, portableSerialization)');
  const formatNames = new Set<string>();
  formats.forEach((format, i) => {
    const f = format as Partial<SerializationFormat> | null;
    if (typeof f !== 'object' || f === null || typeof f.name !== 'string' || typeof f.create !== 'function') {
      fail(
        `formats[${i}] must be compactSerialization or portableSerialization, got ${describeType(format)}`,
      );
    }
    if (formatNames.has(f.name)) fail(`formats[${i}]: ${f.name} is given twice`);
    formatNames.add(f.name);
  });

  return {
    defaultNumberType,
    isBigEndian,
    dataSerializableFactories: factoryMap(c.dataSerializableFactories, 'dataSerializableFactories'),
    portableFactories: factoryMap(c.portableFactories, 'portableFactories'),
    portableVersion,
    classDefinitions,
    customSerializers,
    globalSerializer,
    jsonStringDeserializationPolicy,
    compact: c.compact,
    formats,
  };
}

function checkSerializerShape(serializer: unknown, where: string): asserts serializer is CustomSerializer {
  const s = serializer as Partial<CustomSerializer> | null;
  if (typeof s !== 'object' || s === null) fail(`${where} must be an object with id, read and write`);
  if (!Number.isInteger(s.id) || (s.id as number) < 1) {
    fail(`${where}.id must be an integer >= 1 (ids <= 0 are reserved for Hazelcast), got ${String(s.id)}`);
  }
  if (typeof s.read !== 'function' || typeof s.write !== 'function')
    fail(`${where} needs read and write functions`);
}

function factoryMap<F>(factories: Record<number, F> | undefined, name: string): ReadonlyMap<number, F> {
  const map = new Map<number, F>();
  if (factories === undefined || factories === null) return map;
  if (typeof factories !== 'object' || Array.isArray(factories))
    fail(`${name} must be an object keyed by factory id`);
  for (const [key, factory] of Object.entries(factories)) {
    const id = Number(key);
    if (!Number.isInteger(id) || id < -0x80000000 || id > 0x7fffffff)
      fail(`${name} key "${key}" is not an int factory id`);
    if (typeof factory !== 'function') fail(`${name}[${key}] must be a function (classId) => instance`);
    map.set(id, factory as F);
  }
  return map;
}
