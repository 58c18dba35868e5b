// The official hazelcast-client, driven as an oracle for differential tests only.
import { createRequire } from 'node:module';
import Long from 'long';
import { FieldKind, itemKindOf, type SchemaFieldKind } from '../field-kind';
import type { DynamicObject, FieldSpec } from './dynamic-type';
import { METHOD_SUFFIX } from './kind-methods';

const require = createRequire(import.meta.url);

type Ctor = new (...args: unknown[]) => object;
interface OfficialModules {
  SerializationServiceV1: new (config: unknown, schemaService: unknown) => OfficialSerializationService;
  SerializationConfigImpl: new () => { isBigEndian: boolean; compact: { serializers: unknown[] } };
  Schema: new (typeName: string, fields: unknown[]) => { schemaId: Long };
  FieldDescriptor: new (name: string, kind: number) => unknown;
  core: Record<'BigDecimal' | 'LocalDate' | 'LocalTime' | 'LocalDateTime' | 'OffsetDateTime', Ctor>;
}
interface OfficialSerializationService {
  toData(value: unknown): { toBuffer(): Buffer };
}

let modules: OfficialModules | undefined;

function official(): OfficialModules {
  modules ??= {
    SerializationServiceV1: require('hazelcast-client/lib/serialization/SerializationService')
      .SerializationServiceV1,
    SerializationConfigImpl: require('hazelcast-client/lib/config/SerializationConfig')
      .SerializationConfigImpl,
    Schema: require('hazelcast-client/lib/serialization/compact/Schema').Schema,
    FieldDescriptor: require('hazelcast-client/lib/serialization/generic_record/FieldDescriptor')
      .FieldDescriptor,
    core: require('hazelcast-client/lib/core'),
  };
  return modules;
}

/** The schema id the official client computes for these fields. */
export function officialSchemaId(typeName: string, fields: readonly FieldSpec[]): Long {
  const { Schema, FieldDescriptor } = official();
  return new Schema(
    typeName,
    fields.map((field) => new FieldDescriptor(field.name, field.kind)),
  ).schemaId;
}

/** A field; COMPACT and ARRAY_OF_COMPACT fields name the type they hold. */
export type OracleField = FieldSpec & { readonly nestedType?: string };

export interface OfficialTypeSpec {
  readonly typeName: string;
  readonly fields: readonly OracleField[];
}

/**
 * Serializes DynamicObjects with the official client (each type gets an official class and
 * serializer), returning the compact payload: the Data bytes after the 8-byte header.
 */
export class OfficialCompactOracle {
  private readonly service: OfficialSerializationService;
  private readonly classes = new Map<string, new (values: Record<string, unknown>) => OfficialObject>();
  private readonly schemas = new Map<string, unknown>();
  private readonly fieldsByType = new Map<string, readonly OracleField[]>();

  constructor(types: readonly OfficialTypeSpec[], bigEndian: boolean) {
    const { SerializationServiceV1, SerializationConfigImpl } = official();
    const config = new SerializationConfigImpl();
    config.isBigEndian = bigEndian;
    config.compact.serializers = types.map((type) => this.serializerFor(type));
    for (const type of types) this.fieldsByType.set(type.typeName, type.fields);
    const schemas = this.schemas;
    const schemaService = {
      get: (id: Long) => schemas.get(id.toString()),
      put: (schema: { schemaId: Long }) => {
        schemas.set(schema.schemaId.toString(), schema);
        return Promise.resolve();
      },
    };
    this.service = new SerializationServiceV1(config, schemaService);
  }

  payload(typeName: string, value: DynamicObject): Buffer {
    return this.data(typeName, value).subarray(8);
  }

  /** The whole Data: partition hash, type id -55, payload. */
  data(typeName: string, value: DynamicObject): Buffer {
    const converted = this.convertObject(typeName, value);
    // The official client refuses to write before a schema is "replicated"; replicate and retry.
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        return this.service.toData(converted).toBuffer();
      } catch (error) {
        const schema = (error as { schema?: { schemaId: Long } }).schema;
        if (schema === undefined) throw error;
        this.schemas.set(schema.schemaId.toString(), schema);
      }
    }
    throw new Error('official client kept asking for schemas');
  }

  private serializerFor(type: OfficialTypeSpec): unknown {
    const Type = class extends OfficialObject {};
    this.classes.set(type.typeName, Type);
    return {
      getClass: () => Type,
      getTypeName: () => type.typeName,
      read: () => {
        throw new Error('not used');
      },
      write: (writer: Record<string, (name: string, value: unknown) => void>, value: OfficialObject) => {
        for (const field of type.fields)
          writer[`write${METHOD_SUFFIX[field.kind]}`]!(field.name, value.values[field.name]);
      },
    };
  }

  private convertObject(typeName: string, value: DynamicObject): OfficialObject {
    const Type = this.classes.get(typeName);
    if (Type === undefined) throw new Error(`oracle has no type ${typeName}`);
    const values: Record<string, unknown> = {};
    for (const field of this.fieldsByType.get(typeName) ?? [])
      values[field.name] = this.convert(field.kind, value.values[field.name], field);
    return new Type(values);
  }

  private convert(kind: SchemaFieldKind, value: unknown, field: OracleField): unknown {
    if (value === null || value === undefined) return null;
    const { core } = official();
    const v = value as Record<string, unknown>;
    switch (kind) {
      case FieldKind.DECIMAL:
        return new core.BigDecimal(v.unscaledValue, v.scale);
      case FieldKind.TIME:
        return new core.LocalTime(v.hour, v.minute, v.second, v.nano);
      case FieldKind.DATE:
        return new core.LocalDate(v.year, v.month, v.date);
      case FieldKind.TIMESTAMP:
        return new core.LocalDateTime(
          this.convert(FieldKind.DATE, v.localDate, field),
          this.convert(FieldKind.TIME, v.localTime, field),
        );
      case FieldKind.TIMESTAMP_WITH_TIMEZONE:
        return new core.OffsetDateTime(
          this.convert(FieldKind.TIMESTAMP, v.localDateTime, field),
          v.offsetSeconds,
        );
      case FieldKind.INT64:
      case FieldKind.NULLABLE_INT64:
        return Long.fromValue(typeof value === 'bigint' ? value.toString() : (value as Long | number));
      case FieldKind.COMPACT:
        return this.convertObject(field.nestedType!, value as DynamicObject);
      case FieldKind.ARRAY_OF_DECIMAL:
      case FieldKind.ARRAY_OF_TIME:
      case FieldKind.ARRAY_OF_DATE:
      case FieldKind.ARRAY_OF_TIMESTAMP:
      case FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE:
      case FieldKind.ARRAY_OF_COMPACT:
        return (value as unknown[]).map((item) => this.convert(itemKindOf(kind), item, field));
      default:
        return value;
    }
  }
}

class OfficialObject {
  constructor(readonly values: Record<string, unknown>) {}
}
