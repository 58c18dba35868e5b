// How each protocol type maps to TypeScript (its type) and to the wire (its WireType in codecs/define).
import type { Imports } from './imports';

export const FIXED_SIZES: Record<string, number> = {
  boolean: 1,
  byte: 1,
  int: 4,
  long: 8,
  float: 4,
  UUID: 17,
};

export function isFixed(type: string): boolean {
  return type in FIXED_SIZES;
}

const SIMPLE: Record<string, { ts: string; tsIn?: string; name: string }> = {
  String: { ts: 'string', name: 'String' },
  Data: { ts: 'Buffer', name: 'Data' },
  byteArray: { ts: 'Buffer', name: 'ByteArray' },
  longArray: { ts: 'Long[]', tsIn: 'LongLike[]', name: 'LongArray' },
  floatArray: { ts: 'number[]', name: 'FloatArray' },
  SqlPage: { ts: 'SqlPage', name: 'SqlPage' },
  List_Integer: { ts: 'number[]', name: 'ListInteger' },
  List_Long: { ts: 'Long[]', tsIn: 'LongLike[]', name: 'ListLong' },
  List_UUID: { ts: 'Uuid[]', name: 'ListUuid' },
  Set_UUID: { ts: 'Uuid[]', name: 'ListUuid' },
  EntryList_Integer_UUID: { ts: 'Array<[number, Uuid]>', name: 'EntryListIntegerUuid' },
  EntryList_Integer_Long: {
    ts: 'Array<[number, Long]>',
    tsIn: 'Array<[number, LongLike]>',
    name: 'EntryListIntegerLong',
  },
  EntryList_Integer_Integer: { ts: 'Array<[number, number]>', name: 'EntryListIntegerInteger' },
  EntryList_UUID_Long: {
    ts: 'Array<[Uuid, Long]>',
    tsIn: 'Array<[Uuid, LongLike]>',
    name: 'EntryListUuidLong',
  },
  EntryList_UUID_UUID: { ts: 'Array<[Uuid, Uuid]>', name: 'EntryListUuidUuid' },
  EntryList_Long_byteArray: {
    ts: 'Array<[Long, Buffer]>',
    tsIn: 'Array<[LongLike, Buffer]>',
    name: 'EntryListLongByteArray',
  },
  EntryList_UUID_List_Integer: { ts: 'Array<[Uuid, number[]]>', name: 'EntryListUuidListInteger' },
};

const FIXED_TS: Record<string, { ts: string; tsIn?: string }> = {
  boolean: { ts: 'boolean' },
  byte: { ts: 'number' },
  int: { ts: 'number' },
  long: { ts: 'Long', tsIn: 'LongLike' },
  float: { ts: 'number' },
  UUID: { ts: 'Uuid' },
};

export type Mode = 'in' | 'out';

export class TypeMapper {
  constructor(readonly customTypes: ReadonlySet<string>) {}

  private noteTypes(ts: string, imports: Imports): void {
    if (/\bLong\b/.test(ts)) imports.usesLong = true;
    if (/\bLongLike\b/.test(ts)) imports.runtimeTypes.add('LongLike');
    if (/\bUuid\b/.test(ts)) imports.runtimeTypes.add('Uuid');
    if (/\bSqlPage\b/.test(ts)) imports.runtimeTypes.add('SqlPage');
  }

  tsType(type: string, mode: Mode, imports: Imports): string {
    const ts = this.tsTypeRaw(type, mode, imports);
    this.noteTypes(ts, imports);
    return ts;
  }

  private tsTypeRaw(type: string, mode: Mode, imports: Imports): string {
    const fixed = FIXED_TS[type];
    if (fixed) return mode === 'in' ? (fixed.tsIn ?? fixed.ts) : fixed.ts;
    const simple = SIMPLE[type];
    if (simple) return mode === 'in' ? (simple.tsIn ?? simple.ts) : simple.ts;
    if (this.customTypes.has(type)) {
      imports.customTypes.add(type);
      return type;
    }
    if (type.startsWith('ListCN_')) return `Array<${this.tsTypeRaw(type.slice(7), mode, imports)} | null>`;
    if (type.startsWith('List_')) return `Array<${this.tsTypeRaw(type.slice(5), mode, imports)}>`;
    const [kind, key, value] = splitPair(type);
    if (kind === 'Map') {
      return `Map<${this.tsTypeRaw(key, mode, imports)}, ${this.tsTypeRaw(value, mode, imports)}>`;
    }
    if (kind === 'EntryList') {
      return `Array<[${this.tsTypeRaw(key, mode, imports)}, ${this.tsTypeRaw(value, mode, imports)}]>`;
    }
    throw new Error(`No TypeScript mapping for protocol type ${type}`);
  }
}

/** The define.ts constant of each built-in protocol type. */
const WIRE_CONSTANTS: Record<string, string> = {
  boolean: 'BOOLEAN',
  byte: 'BYTE',
  int: 'INT',
  long: 'LONG',
  float: 'FLOAT',
  UUID: 'UUID',
  String: 'STRING',
  Data: 'DATA',
  byteArray: 'BYTE_ARRAY',
  longArray: 'LONG_ARRAY',
  floatArray: 'FLOAT_ARRAY',
  List_Integer: 'LIST_INTEGER',
  List_Long: 'LIST_LONG',
  List_UUID: 'LIST_UUID',
  Set_UUID: 'LIST_UUID',
  EntryList_Integer_UUID: 'ENTRY_LIST_INTEGER_UUID',
  EntryList_Integer_Long: 'ENTRY_LIST_INTEGER_LONG',
  EntryList_Integer_Integer: 'ENTRY_LIST_INTEGER_INTEGER',
  EntryList_UUID_Long: 'ENTRY_LIST_UUID_LONG',
  EntryList_UUID_UUID: 'ENTRY_LIST_UUID_UUID',
  EntryList_Long_byteArray: 'ENTRY_LIST_LONG_BYTE_ARRAY',
  EntryList_UUID_List_Integer: 'ENTRY_LIST_UUID_LIST_INTEGER',
  // Prebuilt composites (define.ts) that many messages share.
  'nullable:Data': 'NULLABLE_DATA',
  'nullable:String': 'NULLABLE_STRING',
  List_Data: 'LIST_DATA',
  EntryList_Data_Data: 'ENTRY_LIST_DATA_DATA',
};

/** Types whose WireType lives in its own runtime module (so other bundles do not carry it). */
const WIRE_MODULES: Record<string, { name: string; module: string }> = {
  SqlPage: { name: 'SQL_PAGE', module: 'sql-page' },
};

/**
 * The WireType expressions of one generated file: built-in constants are imported, composites (lists,
 * maps, nullable wrappers) are declared once per file as pure constants so unused ones are tree-shaken.
 */
export class WireTypes {
  /** Module-level declarations, in dependency order. */
  readonly declarations: string[] = [];
  readonly #names = new Map<string, string>();

  constructor(
    private readonly customTypes: ReadonlySet<string>,
    private readonly imports: Imports,
  ) {}

  /** The expression for `type` (nullable: `T | null` with NULL frames). */
  of(type: string, nullable = false): string {
    if (nullable && !isFixed(type)) return this.#composite(`nullable:${type}`, 'nullable', [type]);
    const constant = WIRE_CONSTANTS[type];
    if (constant) {
      this.imports.define.add(constant);
      return constant;
    }
    const own = WIRE_MODULES[type];
    if (own) {
      this.imports.wireModules.set(own.name, own.module);
      return own.name;
    }
    if (this.customTypes.has(type)) {
      this.imports.customWire.add(type);
      return `${type}Type`;
    }
    if (type.startsWith('ListCN_')) return this.#composite(type, 'listCN', [type.slice(7)]);
    if (type.startsWith('List_')) return this.#composite(type, 'list', [type.slice(5)]);
    const [kind, key, value] = splitPair(type);
    if (kind === 'Map') return this.#composite(type, 'map', [key, value]);
    if (kind === 'EntryList') return this.#composite(type, 'entryList', [key, value]);
    throw new Error(`No wire type for protocol type ${type}`);
  }

  #composite(key: string, factory: string, parts: string[]): string {
    const prebuilt = WIRE_CONSTANTS[key];
    if (prebuilt) {
      this.imports.define.add(prebuilt);
      return prebuilt;
    }
    const existing = this.#names.get(key);
    if (existing) return existing;
    for (const part of parts) {
      if (isFixed(part)) throw new Error(`A fixed-size type inside ${key} has no generic codec`);
    }
    const args = parts.map((part) => this.of(part));
    this.imports.define.add(factory);
    const name = `$${key.replace(/[^A-Za-z0-9]/g, '_')}`;
    this.declarations.push(`const ${name} = /* @__PURE__ */ ${factory}(${args.join(', ')});`);
    this.#names.set(key, name);
    return name;
  }
}

/** Map_K_V / EntryList_K_V, where V may itself contain underscores (EntryList_String_EntryList_Integer_Long). */
export function splitPair(type: string): [string, string, string] {
  const [kind, key, ...rest] = type.split('_');
  if (!kind || !key || rest.length === 0) throw new Error(`Not a map or entry-list type: ${type}`);
  return [kind, key, rest.join('_')];
}
