// The table-driven codec layer the generated codecs are made of. A generated message codec is one call,
// `message(id, 'Map.put', retryable, 'name,key,value,threadId,ttl', [STRING, DATA, DATA, LONG, LONG], …)`,
// that builds an object with encodeRequest/decodeRequest/encodeResponse/decodeResponse (and the event
// codecs) from the parameter list; a custom type is one `struct(...)` call. The wire layout is the one the
// generator used to spell out per message: fixed-size parameters in the initial frame, in definition order,
// then one frame (or BEGIN…END structure) per variable-size parameter, in definition order. Parameters a
// later protocol version added (names marked with a leading "+") decode as absent (false, 0, Long.ZERO,
// null) when an older member leaves them out.
import Long from 'long';
import type { ClientMessage } from '../client-message';
import {
  BOOLEAN_SIZE,
  BYTE_SIZE,
  EVENT_HEADER_SIZE,
  FLOAT_SIZE,
  INT_SIZE,
  LONG_SIZE,
  REQUEST_HEADER_SIZE,
  RESPONSE_HEADER_SIZE,
  UUID_SIZE,
} from '../constants';
import { FrameFlags } from '../flags';
import { beginFrame, createFrame, emptyFrameContent, endFrame, nullFrame } from '../frame';
import type { FrameCursor } from '../frame-cursor';
import {
  decodeByteArray,
  decodeData,
  decodeFloatArray,
  decodeLongArray,
  encodeByteArray,
  encodeData,
  encodeFloatArray,
  encodeLongArray,
} from './bytes';
import {
  readBoolean,
  readByte,
  readFloat,
  readInt,
  readLong,
  readUuid,
  requireLength,
  writeBoolean,
  writeByte,
  writeFloat,
  writeInt,
  writeLong,
  writeUuid,
} from './fixed';
import {
  decodeEntryListIntegerInteger,
  decodeEntryListIntegerLong,
  decodeEntryListIntegerUuid,
  decodeEntryListUuidLong,
  decodeEntryListUuidUuid,
  decodeListInteger,
  decodeListLong,
  decodeListUuid,
  encodeEntryListIntegerInteger,
  encodeEntryListIntegerLong,
  encodeEntryListIntegerUuid,
  encodeEntryListUuidLong,
  encodeEntryListUuidUuid,
  encodeListInteger,
  encodeListLong,
  encodeListUuid,
} from './fixed-lists';
import {
  createEventMessage,
  createRequestMessage,
  createResponseMessage,
  initialContent,
  required,
} from './messages';
import {
  decodeEntryList,
  decodeList,
  decodeListContainsNullable,
  decodeMap,
  encodeEntryList,
  encodeList,
  encodeListContainsNullable,
  encodeMap,
  expectBegin,
} from './multi-frame';
import {
  decodeEntryListLongByteArray,
  decodeEntryListUuidListInteger,
  encodeEntryListLongByteArray,
  encodeEntryListUuidListInteger,
} from './special-entry-lists';
import { decodeString, encodeString } from './string';
import type { Decoder, Encoder } from './types';

/**
 * How one protocol type travels. A fixed-size type (`s` > 0) is written into an initial frame at an offset
 * (`w`/`r`, `a` when an older member left it out); any other type is frames of its own (`e`/`d`). Every
 * type object has the same shape, so the loops below stay monomorphic.
 */
export interface WireType<T = unknown> {
  /** Bytes in the initial frame; 0 for a type that is frames of its own. */
  readonly s: number;
  readonly w: ((buf: Buffer, offset: number, value: T) => void) | undefined;
  readonly r: ((buf: Buffer, offset: number) => T) | undefined;
  /** What a decoder reports for a fixed field an older member did not send. */
  readonly a: T | null;
  readonly e: Encoder<T>;
  readonly d: Decoder<T>;
  /** Nullable: null travels as a NULL frame. */
  readonly n: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: the type tables hold every kind of value
type AnyType = WireType<any>;

function unframed(): never {
  throw new TypeError('A fixed-size type has no frame of its own');
}

function fixed<T>(
  s: number,
  w: (buf: Buffer, offset: number, value: T) => void,
  r: (buf: Buffer, offset: number) => T,
  a: T | null,
): WireType<T> {
  return { s, w, r, a, e: unframed, d: unframed, n: false };
}

/** A type that is frames of its own, from its encoder and decoder. */
export function variable<T>(e: Encoder<T>, d: Decoder<T>, n = false): WireType<T> {
  return { s: 0, w: undefined, r: undefined, a: null, e, d, n };
}

export const BOOLEAN = /* @__PURE__ */ fixed(BOOLEAN_SIZE, writeBoolean, readBoolean, false);
export const BYTE = /* @__PURE__ */ fixed(BYTE_SIZE, writeByte, readByte, 0);
export const INT = /* @__PURE__ */ fixed(INT_SIZE, writeInt, readInt, 0);
export const LONG = /* @__PURE__ */ fixed(LONG_SIZE, writeLong, readLong, Long.ZERO);
export const FLOAT = /* @__PURE__ */ fixed(FLOAT_SIZE, writeFloat, readFloat, 0);
// Members send null UUIDs even where the definitions say non-nullable, so every UUID reads as Uuid | null.
export const UUID = /* @__PURE__ */ fixed(UUID_SIZE, writeUuid, readUuid, null);

export const STRING = /* @__PURE__ */ variable(encodeString, decodeString);
export const DATA = /* @__PURE__ */ variable(encodeData, decodeData);
export const BYTE_ARRAY = /* @__PURE__ */ variable(encodeByteArray, decodeByteArray);
export const LONG_ARRAY = /* @__PURE__ */ variable(encodeLongArray, decodeLongArray);
export const FLOAT_ARRAY = /* @__PURE__ */ variable(encodeFloatArray, decodeFloatArray);
export const LIST_INTEGER = /* @__PURE__ */ variable(encodeListInteger, decodeListInteger);
export const LIST_LONG = /* @__PURE__ */ variable(encodeListLong, decodeListLong);
export const LIST_UUID = /* @__PURE__ */ variable(encodeListUuid, decodeListUuid);
export const ENTRY_LIST_INTEGER_UUID = /* @__PURE__ */ variable(
  encodeEntryListIntegerUuid,
  decodeEntryListIntegerUuid,
);
export const ENTRY_LIST_INTEGER_LONG = /* @__PURE__ */ variable(
  encodeEntryListIntegerLong,
  decodeEntryListIntegerLong,
);
export const ENTRY_LIST_INTEGER_INTEGER = /* @__PURE__ */ variable(
  encodeEntryListIntegerInteger,
  decodeEntryListIntegerInteger,
);
export const ENTRY_LIST_UUID_LONG = /* @__PURE__ */ variable(
  encodeEntryListUuidLong,
  decodeEntryListUuidLong,
);
export const ENTRY_LIST_UUID_UUID = /* @__PURE__ */ variable(
  encodeEntryListUuidUuid,
  decodeEntryListUuidUuid,
);
export const ENTRY_LIST_LONG_BYTE_ARRAY = /* @__PURE__ */ variable(
  encodeEntryListLongByteArray,
  decodeEntryListLongByteArray,
);
export const ENTRY_LIST_UUID_LIST_INTEGER = /* @__PURE__ */ variable(
  encodeEntryListUuidListInteger,
  decodeEntryListUuidListInteger,
);

/** `T | null`: a NULL frame for null. */
export function nullable<T>(type: WireType<T>): WireType<T | null> {
  return variable<T | null>(
    (m, v) => (v == null ? m.add(nullFrame()) : type.e(m, v)),
    (c) => (c.skipIfNull() ? null : type.d(c)),
    true,
  );
}

export function list<T>(item: WireType<T>): WireType<T[]> {
  return variable<T[]>(
    (m, v) => encodeList(m, v, item.e),
    (c) => decodeList(c, item.d),
  );
}

/** A list whose items may be null. */
export function listCN<T>(item: WireType<T>): WireType<Array<T | null>> {
  return variable<Array<T | null>>(
    (m, v) => encodeListContainsNullable(m, v, item.e),
    (c) => decodeListContainsNullable(c, item.d),
  );
}

export function entryList<K, V>(key: WireType<K>, value: WireType<V>): WireType<Array<[K, V]>> {
  return variable<Array<[K, V]>>(
    (m, v) => encodeEntryList(m, v, key.e, value.e),
    (c) => decodeEntryList(c, key.d, value.d),
  );
}

export function map<K, V>(key: WireType<K>, value: WireType<V>): WireType<Map<K, V>> {
  return variable<Map<K, V>>(
    (m, v) => encodeMap(m, v, key.e, value.e),
    (c) => decodeMap(c, key.d, value.d),
  );
}

export const NULLABLE_DATA = /* @__PURE__ */ nullable(DATA);
export const NULLABLE_STRING = /* @__PURE__ */ nullable(STRING);
export const LIST_DATA = /* @__PURE__ */ list(DATA);
export const ENTRY_LIST_DATA_DATA = /* @__PURE__ */ entryList(DATA, DATA);

interface Field {
  /** Parameter name. */
  readonly n: string;
  readonly t: AnyType;
  /** Added by a later protocol version than the message (or type) itself. */
  readonly isNew: boolean;
  /** Offset in the initial frame (fixed-size types). */
  readonly o: number;
}

interface Layout {
  readonly fields: readonly Field[];
  /** Initial frame size. */
  readonly size: number;
  /** Bytes a decoder requires (the fixed fields every version sends). */
  readonly required: number;
  /** Whether any field is variable-size (the decoder then walks the frames). */
  readonly frames: boolean;
}

function layout(names: string, types: readonly AnyType[], base: number): Layout {
  const fields: Field[] = [];
  let offset = base;
  let requiredSize = base;
  let frames = false;
  const list = names === '' ? [] : names.split(',');
  for (let i = 0; i < list.length; i++) {
    const raw = list[i]!;
    const isNew = raw.charCodeAt(0) === 43; // '+'
    const t = types[i]!;
    fields.push({ n: isNew ? raw.slice(1) : raw, t, isNew, o: offset });
    if (t.s > 0) {
      offset += t.s;
      if (!isNew) requiredSize = offset;
    } else frames = true;
  }
  return { fields, size: offset, required: requiredSize, frames };
}

type Values = Record<string, unknown>;

/** Writes the fields into a message whose initial frame is `initial`: positional arguments or named values. */
function writeFields(
  message: ClientMessage,
  initial: Buffer,
  fields: readonly Field[],
  values: Values | IArguments,
  positional: boolean,
  what: string,
): void {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const t = f.t;
    let v = positional ? (values as IArguments)[i] : (values as Values)[f.n];
    if (t.s > 0) t.w!(initial, f.o, v);
    else {
      // A newer non-nullable structure decodes as null from old members, but an encoder must send it.
      if (!positional && f.isNew && !t.n) v = required(v, `${what}.${f.n}`);
      t.e(message, v);
    }
  }
}

/**
 * Reads the fields: fixed ones from `initial`, variable-size ones from the cursor in definition order.
 * A newer variable-size field is absent at the end of the message, or (`inStructure`) at the END frame.
 */
function readFields(
  initial: Buffer,
  fields: readonly Field[],
  cursor: FrameCursor | undefined,
  inStructure: boolean,
): Values {
  const out: Values = {};
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const t = f.t;
    if (t.s > 0) {
      out[f.n] = f.isNew && initial.length < f.o + t.s ? t.a : t.r!(initial, f.o);
    } else {
      const c = cursor!;
      out[f.n] = f.isNew && (inStructure ? c.nextIsEnd() : !c.hasNext()) ? null : t.d(c);
    }
  }
  return out;
}

interface Part {
  readonly type: number;
  readonly what: string;
  readonly names: string;
  readonly types: readonly AnyType[];
  readonly header: number;
  readonly create: (messageType: number, initialFrameSize: number) => ClientMessage;
  layout: Layout | undefined;
}

function partLayout(part: Part): Layout {
  part.layout ??= layout(part.names, part.types, part.header);
  return part.layout;
}

function encodePart(part: Part, values: Values | IArguments, positional: boolean): ClientMessage {
  const l = partLayout(part);
  const message = part.create(part.type, l.size);
  writeFields(message, message.initialFrame.content, l.fields, values, positional, part.what);
  return message;
}

function decodePart(part: Part, message: ClientMessage): Values {
  const l = partLayout(part);
  const initial = initialContent(message, l.required, part.what);
  let cursor: FrameCursor | undefined;
  if (l.frames) {
    cursor = message.cursor();
    cursor.next();
  }
  return readFields(initial, l.fields, cursor, false);
}

/** The upper-snake form the event constants use: MembersView → MEMBERS_VIEW. */
function upperSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
}

/** What every generated message codec offers; the generated declaration adds its events. */
export interface MessageCodec<Args extends unknown[], Request, Response> {
  readonly REQUEST_MESSAGE_TYPE: number;
  readonly RESPONSE_MESSAGE_TYPE: number;
  /** Whether the member may safely receive this request twice (the invocation may retry it). */
  readonly RETRYABLE: boolean;
  encodeRequest(...args: Args): ClientMessage;
  decodeRequest(message: ClientMessage): Request;
  encodeResponse(
    ...params: Record<string, never> extends Response ? [params?: Response] : [params: Response]
  ): ClientMessage;
  decodeResponse(message: ClientMessage): Response;
}

/** One event of a listener registration: its name, parameter names and types. */
export type EventSpec = readonly [name: string, names: string, types: readonly AnyType[]];

/**
 * A message codec from its parameter lists (see the file comment). `id` is the request message type;
 * the response is `id + 1`, the events `id + 2`, `id + 3`, ….
 */
export function message<Codec>(
  id: number,
  what: string,
  retryable: 0 | 1,
  requestNames: string,
  requestTypes: readonly AnyType[],
  responseNames: string,
  responseTypes: readonly AnyType[],
  events?: readonly EventSpec[],
): Codec {
  const request: Part = {
    type: id,
    what: `${what} request`,
    names: requestNames,
    types: requestTypes,
    header: REQUEST_HEADER_SIZE,
    create: createRequestMessage,
    layout: undefined,
  };
  const response: Part = {
    type: id + 1,
    what: `${what} response`,
    names: responseNames,
    types: responseTypes,
    header: RESPONSE_HEADER_SIZE,
    create: createResponseMessage,
    layout: undefined,
  };
  const codec: Record<string, unknown> = {
    REQUEST_MESSAGE_TYPE: id,
    RESPONSE_MESSAGE_TYPE: id + 1,
    RETRYABLE: retryable === 1,
    encodeRequest(): ClientMessage {
      // biome-ignore lint/complexity/noArguments: positional parameters without a rest array per call
      const message = encodePart(request, arguments, true);
      if (retryable) message.retryable = true;
      return message;
    },
    decodeRequest: (m: ClientMessage) => decodePart(request, m),
    encodeResponse: (params?: Values) => encodePart(response, params ?? {}, false),
    decodeResponse: (m: ClientMessage) => decodePart(response, m),
  };
  if (events) {
    const parts: Array<[string, Part]> = events.map(([name, names, types], i) => {
      const part: Part = {
        type: id + 2 + i,
        what: `${what} ${name} event`,
        names,
        types,
        header: EVENT_HEADER_SIZE,
        create: createEventMessage,
        layout: undefined,
      };
      codec[`EVENT_${upperSnake(name)}_MESSAGE_TYPE`] = part.type;
      codec[`encode${name}Event`] = (params: Values) => encodePart(part, params, false);
      codec[`decode${name}Event`] = (m: ClientMessage) => decodePart(part, m);
      return [`on${name}`, part];
    });
    codec.handleEvent = (
      m: ClientMessage,
      handlers: Record<string, ((event: Values) => void) | undefined>,
    ) => {
      const type = m.messageType;
      for (const [handler, part] of parts) {
        if (part.type !== type) continue;
        const fn = handlers[handler];
        if (fn) fn(decodePart(part, m));
        return true;
      }
      return false;
    };
  }
  return codec as Codec;
}

/**
 * A custom type (a BEGIN frame, an initial frame with the fixed-size fields, the variable-size fields, an
 * END frame). `newFixedOnly`: every fixed field is newer than the type, so the protocol marks the initial
 * frame itself as BEGIN instead of sending a separate BEGIN frame.
 */
export function struct<T>(
  what: string,
  names: string,
  types: readonly AnyType[],
  newFixedOnly?: 1,
): WireType<T> {
  let l: Layout | undefined;
  const get = () => {
    l ??= layout(names, types, 0);
    return l;
  };
  return variable<T>(
    (message, value) => {
      const { fields, size } = get();
      const separateBegin = newFixedOnly !== 1;
      if (separateBegin) message.add(beginFrame());
      let initial: Buffer | undefined;
      if (size > 0) {
        initial = Buffer.alloc(size);
        message.add(
          createFrame(initial, separateBegin ? FrameFlags.DEFAULT : FrameFlags.BEGIN_DATA_STRUCTURE),
        );
      }
      writeFields(message, initial as Buffer, fields, value as Values, false, what);
      message.add(endFrame());
    },
    (cursor) => {
      const { fields, size, required: requiredSize } = get();
      if (newFixedOnly !== 1) expectBegin(cursor, what);
      let initial: Buffer = emptyFrameContent();
      if (size > 0) {
        initial = cursor.next().content;
        requireLength(initial, requiredSize, what);
      }
      const value = readFields(initial, fields, cursor, true);
      cursor.skipToEndFrame();
      return value as T;
    },
  );
}
