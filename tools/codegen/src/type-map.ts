// How each protocol type maps to TypeScript: its type, and the built-in or generated functions that
// encode and decode it.
import type { Imports } from './imports';

export const FIXED_SIZES: Record<string, number> = {
  boolean: 1,
  byte: 1,
  int: 4,
  long: 8,
  float: 4,
  UUID: 17,
};
export const SIZE_CONSTANTS: Record<string, string> = {
  boolean: 'BOOLEAN_SIZE',
  byte: 'BYTE_SIZE',
  int: 'INT_SIZE',
  long: 'LONG_SIZE',
  float: 'FLOAT_SIZE',
  UUID: 'UUID_SIZE',
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
  constructor(private readonly customTypes: ReadonlySet<string>) {}

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

  /** An expression of type Encoder<T> for the type. */
  encoderRef(type: string, imports: Imports, depth = 0): string {
    const simple = SIMPLE[type];
    if (simple) {
      imports.runtime.add(`encode${simple.name}`);
      return `encode${simple.name}`;
    }
    if (this.customTypes.has(type)) {
      imports.custom.add(type);
      return `encode${type}`;
    }
    const m = `m${depth}`;
    const v = `v${depth}`;
    return `(${m}: ClientMessage, ${v}: ${this.tsType(type, 'in', imports)}) => ${this.encodeCall(type, m, v, imports, depth + 1)}`;
  }

  /** A statement-level call encoding `value` of the type into `message`. */
  encodeCall(type: string, message: string, value: string, imports: Imports, depth = 0): string {
    imports.runtimeTypes.add('ClientMessage');
    if (type.startsWith('ListCN_')) {
      imports.runtime.add('encodeListContainsNullable');
      return `encodeListContainsNullable(${message}, ${value}, ${this.encoderRef(type.slice(7), imports, depth)})`;
    }
    if (type.startsWith('List_') && !SIMPLE[type]) {
      imports.runtime.add('encodeList');
      return `encodeList(${message}, ${value}, ${this.encoderRef(type.slice(5), imports, depth)})`;
    }
    if ((type.startsWith('Map_') || type.startsWith('EntryList_')) && !SIMPLE[type]) {
      const [kind, key, val] = splitPair(type);
      const fn = kind === 'Map' ? 'encodeMap' : 'encodeEntryList';
      imports.runtime.add(fn);
      return `${fn}(${message}, ${value}, ${this.encoderRef(key, imports, depth)}, ${this.encoderRef(val, imports, depth)})`;
    }
    return `${this.encoderRef(type, imports, depth)}(${message}, ${value})`;
  }

  decoderRef(type: string, imports: Imports, depth = 0): string {
    const simple = SIMPLE[type];
    if (simple) {
      imports.runtime.add(`decode${simple.name}`);
      return `decode${simple.name}`;
    }
    if (this.customTypes.has(type)) {
      imports.custom.add(type);
      return `decode${type}`;
    }
    imports.runtimeTypes.add('FrameCursor');
    const c = `c${depth}`;
    return `(${c}: FrameCursor) => ${this.decodeCall(type, c, imports, depth + 1)}`;
  }

  decodeCall(type: string, cursor: string, imports: Imports, depth = 0): string {
    if (type.startsWith('ListCN_')) {
      imports.runtime.add('decodeListContainsNullable');
      return `decodeListContainsNullable(${cursor}, ${this.decoderRef(type.slice(7), imports, depth)})`;
    }
    if (type.startsWith('List_') && !SIMPLE[type]) {
      imports.runtime.add('decodeList');
      return `decodeList(${cursor}, ${this.decoderRef(type.slice(5), imports, depth)})`;
    }
    if ((type.startsWith('Map_') || type.startsWith('EntryList_')) && !SIMPLE[type]) {
      const [kind, key, val] = splitPair(type);
      const fn = kind === 'Map' ? 'decodeMap' : 'decodeEntryList';
      imports.runtime.add(fn);
      return `${fn}(${cursor}, ${this.decoderRef(key, imports, depth)}, ${this.decoderRef(val, imports, depth)})`;
    }
    return `${this.decoderRef(type, imports, depth)}(${cursor})`;
  }
}

/** Map_K_V / EntryList_K_V, where V may itself contain underscores (EntryList_String_EntryList_Integer_Long). */
export function splitPair(type: string): [string, string, string] {
  const [kind, key, ...rest] = type.split('_');
  if (!kind || !key || rest.length === 0) throw new Error(`Not a map or entry-list type: ${type}`);
  return [kind, key, rest.join('_')];
}
