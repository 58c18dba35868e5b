import type { ParamDef } from './definitions';
import type { Imports } from './imports';
import { upperSnake } from './naming';
import { SIZE_CONSTANTS } from './type-map';

const WRITERS: Record<string, string> = {
  boolean: 'writeBoolean',
  byte: 'writeByte',
  int: 'writeInt',
  long: 'writeLong',
  float: 'writeFloat',
  UUID: 'writeUuid',
};

const READERS: Record<string, string> = {
  boolean: 'readBoolean',
  byte: 'readByte',
  int: 'readInt',
  long: 'readLong',
  float: 'readFloat',
};

export interface FixedLayout {
  /** Offset constant declarations. */
  constants: string[];
  /** Name of the constant with the full initial-frame size. */
  sizeConstant: string;
  /** Name of the constant with the size the decoder requires (fields every version sends). */
  requiredConstant: string;
}

/**
 * Lays out fixed-size parameters after `base` (a header size constant or 0), emitting one offset constant
 * per field, like the protocol's own generators do.
 */
export function layoutFixed(
  prefix: string,
  base: string,
  fixed: ParamDef[],
  isNew: (param: ParamDef) => boolean,
  imports: Imports,
): FixedLayout {
  const constants: string[] = [];
  let previous = base;
  let requiredConstant = '';
  for (const param of fixed) {
    const name = `${prefix}${upperSnake(param.name)}_OFFSET`;
    constants.push(`const ${name} = ${previous};`);
    const size = SIZE_CONSTANTS[param.type]!;
    imports.runtime.add(size);
    previous = `${name} + ${size}`;
    if (!isNew(param)) requiredConstant = previous;
  }
  const sizeConstant = `${prefix}INITIAL_FRAME_SIZE`;
  constants.push(`const ${sizeConstant} = ${previous};`);
  const required = `${prefix}REQUIRED_SIZE`;
  constants.push(`const ${required} = ${requiredConstant || base};`);
  return { constants, sizeConstant, requiredConstant: required };
}

export function offsetName(prefix: string, param: ParamDef): string {
  return `${prefix}${upperSnake(param.name)}_OFFSET`;
}

export function writeFixed(
  param: ParamDef,
  buffer: string,
  offset: string,
  value: string,
  imports: Imports,
): string {
  const writer = WRITERS[param.type]!;
  imports.runtime.add(writer);
  return `${writer}(${buffer}, ${offset}, ${value});`;
}

export function readFixed(param: ParamDef, buffer: string, offset: string, imports: Imports): string {
  if (param.type === 'UUID') {
    // Members send null UUIDs even where the definitions say non-nullable (e.g. the clusterId of a refused
    // authentication), so every UUID field decodes as Uuid | null, as the Java client does.
    imports.runtime.add('readUuid');
    return `readUuid(${buffer}, ${offset})`;
  }
  const reader = READERS[param.type]!;
  imports.runtime.add(reader);
  return `${reader}(${buffer}, ${offset})`;
}

/** What a decoder reports for a fixed field an older member did not send. */
export function absentFixed(type: string, imports: Imports): string {
  if (type === 'boolean') return 'false';
  if (type === 'long') {
    imports.usesLongValue = true;
    return 'Long.ZERO';
  }
  if (type === 'UUID') return 'null';
  return '0';
}

/** The size constant of a fixed-size type, imported from the runtime. */
export function sizeConstant(type: string, imports: Imports): string {
  const size = SIZE_CONSTANTS[type]!;
  imports.runtime.add(size);
  return size;
}
