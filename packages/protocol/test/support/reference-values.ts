// The reference values of the golden vectors (test/fixtures/README.md and the reference
// encoder's reference objects), built for any protocol type.
import Long from 'long';
import { REFERENCE_CUSTOM_TYPES, type ReferenceParam } from '../../src/generated/reference/reference-table';
import type { Uuid } from '../../src/uuid';

export const BOOLEAN = true;
export const BYTE = 113;
export const INT = 25;
export const LONG = Long.fromNumber(-50992225);
export const FLOAT = Math.fround(3.14);
export const UUID: Uuid = {
  mostSignificantBits: Long.fromNumber(123456789),
  leastSignificantBits: Long.fromNumber(987654321),
};
export const STRING = 'localhost';

const bytes = () => Buffer.from([BYTE]);
const data = () => Buffer.from('111313123131313131', 'ascii');

/** Fixed fields the reference encoder sets to specific values instead of the defaults. */
const SPECIFIC: Record<string, Record<string, unknown>> = {
  DurationConfig: { timeUnit: 1 },
  TimedExpiryPolicyFactoryConfig: { expiryPolicyType: 1 },
  ClientBwListEntry: { type: 1 },
  CacheEventData: { cacheEventType: 1 },
  IndexConfig: { type: 1 },
  BitmapIndexOptions: { uniqueKeyTransformation: 1 },
  EndpointQualifier: { type: 2 },
  SqlColumnMetadata: { type: 1 },
  ListenerConfigHolder: { listenerType: 1 },
  Capacity: { value: Long.fromNumber(50992225), unit: 3 },
  JobAndSqlSummary: { status: 2, userCancelled: false },
  VectorIndexConfig: {
    dimension: 1000,
    metric: 0,
    maxDegree: 200,
    efConstruction: 300,
    useDeduplication: false,
  },
  VectorSearchOptions: { includeValue: false, includeVectors: false, limit: 100 },
  VectorPair: { type: 0 },
};

const FIXED = new Set(['boolean', 'byte', 'int', 'long', 'float', 'UUID']);

function pairType(type: string): [string, string] {
  const [, key, ...rest] = type.split('_');
  return [key!, rest.join('_')];
}

export function referenceValue(type: string): unknown {
  switch (type) {
    case 'boolean':
      return BOOLEAN;
    case 'byte':
      return BYTE;
    case 'int':
    case 'Integer':
      return INT;
    case 'long':
    case 'Long':
      return LONG;
    case 'float':
      return FLOAT;
    case 'UUID':
      return UUID;
    case 'String':
      return STRING;
    case 'Data':
      return data();
    case 'byteArray':
      return bytes();
    case 'longArray':
      return [LONG];
    case 'floatArray':
      return [FLOAT];
    case 'List_Integer':
      return [INT];
    case 'List_Long':
      return [LONG];
    case 'List_UUID':
    case 'Set_UUID':
      return [UUID];
    case 'EntryList_Long_byteArray':
      return [[LONG, bytes()]];
    case 'EntryList_UUID_List_Integer':
      return [[UUID, [INT]]];
    case 'SqlPage':
      return { isLast: true, columnTypes: [4], columns: [[1, 2, 3, 4]] };
  }
  if (type.startsWith('ListCN_')) return [referenceValue(type.slice(7))];
  if (type.startsWith('List_')) return [referenceValue(type.slice(5))];
  if (type.startsWith('Map_')) {
    const [key, value] = pairType(type);
    return new Map([[referenceValue(key), referenceValue(value)]]);
  }
  if (type.startsWith('EntryList_')) {
    const [key, value] = pairType(type);
    return [[referenceValue(key), referenceValue(value)]];
  }
  const custom = REFERENCE_CUSTOM_TYPES[type];
  if (custom) return referenceCustom(type, custom);
  throw new Error(`No reference value for ${type}`);
}

function referenceCustom(type: string, params: ReferenceParam[]): Record<string, unknown> {
  const specific = SPECIFIC[type] ?? {};
  const result: Record<string, unknown> = {};
  for (const param of params) {
    result[param.name] =
      FIXED.has(param.type) && param.name in specific ? specific[param.name] : referenceValue(param.type);
  }
  return result;
}

/**
 * The values of one message's parameters. In the null variant every nullable top-level parameter is null
 * (nested fields keep their values: a null custom type is a single NULL frame).
 */
export function referenceParams(params: ReferenceParam[], nullVariant: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const param of params) {
    const nullable = param.nullable && (!FIXED.has(param.type) || param.type === 'UUID');
    result[param.name] = nullVariant && nullable ? null : referenceValue(param.type);
  }
  return result;
}
