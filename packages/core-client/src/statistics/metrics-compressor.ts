import { IllegalArgumentError } from '../errors/hazelcast-error';
import { type MetricDescriptor, MetricUnit } from './metrics';

// The metrics blob of Client.Statistics, in the layout Hazelcast's MetricsCompressor defines (protocol
// documentation of Client.Statistics): version (short), zlib(dictionary) with its size, metric count,
// zlib(metrics). Everything big-endian, strings as UTF-16 code units, as Java's DataOutputStream writes.

const FORMAT_VERSION = 1;
const MASK_PREFIX = 1;
const MASK_METRIC = 1 << 1;
const MASK_DISCRIMINATOR = 1 << 2;
const MASK_DISCRIMINATOR_VALUE = 1 << 3;
const MASK_UNIT = 1 << 4;
/** Excluded targets and tags are never sent: after the first metric both are "same as before". */
const MASK_EXCLUDED_TARGETS = 1 << 5;
const MASK_TAG_COUNT = 1 << 6;
const NULL_ID = -1;
const NULL_UNIT = -1;
const VALUE_LONG = 0;
const VALUE_DOUBLE = 1;
const MAX_WORD = 255;
const UNIT_ORDINALS = Object.keys(MetricUnit);

/** A growable big-endian byte buffer. */
class Output {
  #buffer = Buffer.allocUnsafe(512);
  #length = 0;

  #ensure(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }

  byte(value: number): void {
    this.#ensure(1);
    this.#buffer.writeInt8((value << 24) >> 24, this.#length);
    this.#length += 1;
  }

  int(value: number): void {
    this.#ensure(4);
    this.#buffer.writeInt32BE(value, this.#length);
    this.#length += 4;
  }

  long(value: bigint): void {
    this.#ensure(8);
    this.#buffer.writeBigInt64BE(BigInt.asIntN(64, value), this.#length);
    this.#length += 8;
  }

  double(value: number): void {
    this.#ensure(8);
    this.#buffer.writeDoubleBE(value, this.#length);
    this.#length += 8;
  }

  char(code: number): void {
    this.#ensure(2);
    this.#buffer.writeUInt16BE(code, this.#length);
    this.#length += 2;
  }

  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
}

/** Collects metrics and produces the compressed blob. One per statistics round. */
export class MetricsCompressor {
  readonly #metrics = new Output();
  readonly #dictionary = new Map<string, number>();
  #count = 0;
  #last: MetricDescriptor | undefined;

  get count(): number {
    return this.#count;
  }

  addLong(descriptor: MetricDescriptor, value: number | bigint): void {
    const asBigInt = typeof value === 'bigint' ? value : BigInt(Math.trunc(value));
    this.#descriptor(descriptor);
    this.#metrics.byte(VALUE_LONG);
    this.#metrics.long(asBigInt);
  }

  addDouble(descriptor: MetricDescriptor, value: number): void {
    this.#descriptor(descriptor);
    this.#metrics.byte(VALUE_DOUBLE);
    this.#metrics.double(value);
  }

  /** The blob: header, compressed dictionary, metric count, compressed metrics (`deflate`: zlib's deflateSync). */
  toBlob(deflate: (bytes: Buffer) => Buffer): Buffer {
    const dictionary = deflate(this.#dictionaryBytes());
    const metrics = deflate(this.#metrics.bytes());
    const blob = Buffer.allocUnsafe(2 + 4 + dictionary.length + 4 + metrics.length);
    let offset = blob.writeInt16BE(FORMAT_VERSION, 0);
    offset = blob.writeInt32BE(dictionary.length, offset);
    offset += dictionary.copy(blob, offset);
    offset = blob.writeInt32BE(this.#count, offset);
    metrics.copy(blob, offset);
    return blob;
  }

  #descriptor(descriptor: MetricDescriptor): void {
    // Ids first: a word that is too long throws before anything is written.
    const ids = [
      this.#id(descriptor.prefix),
      this.#id(descriptor.metric),
      this.#id(descriptor.discriminator),
      this.#id(descriptor.discriminatorValue),
    ];
    const last = this.#last;
    let mask = 0;
    if (last) {
      if (descriptor.prefix === last.prefix) mask |= MASK_PREFIX;
      if (descriptor.metric === last.metric) mask |= MASK_METRIC;
      if (descriptor.discriminator === last.discriminator) mask |= MASK_DISCRIMINATOR;
      if (descriptor.discriminatorValue === last.discriminatorValue) mask |= MASK_DISCRIMINATOR_VALUE;
      if (descriptor.unit === last.unit) mask |= MASK_UNIT;
      mask |= MASK_EXCLUDED_TARGETS | MASK_TAG_COUNT;
    }
    const out = this.#metrics;
    out.byte(mask);
    for (let field = 0; field < 4; field++) if ((mask & (1 << field)) === 0) out.int(ids[field]!);
    if ((mask & MASK_UNIT) === 0) {
      out.byte(descriptor.unit === undefined ? NULL_UNIT : UNIT_ORDINALS.indexOf(descriptor.unit));
    }
    if ((mask & MASK_EXCLUDED_TARGETS) === 0) out.byte(0);
    if ((mask & MASK_TAG_COUNT) === 0) out.byte(0);
    this.#count++;
    this.#last = descriptor;
  }

  #id(word: string | undefined): number {
    if (word === undefined) return NULL_ID;
    let id = this.#dictionary.get(word);
    if (id === undefined) {
      if (word.length > MAX_WORD) {
        throw new IllegalArgumentError(`A metric name part is longer than ${MAX_WORD} characters: ${word}`);
      }
      id = this.#dictionary.size;
      this.#dictionary.set(word, id);
    }
    return id;
  }

  /** Words sorted, each stored as the characters it does not share with the previous one. */
  #dictionaryBytes(): Buffer {
    const out = new Output();
    const words = [...this.#dictionary.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    out.int(words.length);
    let previous = '';
    for (const word of words) {
      let common = 0;
      const max = Math.min(previous.length, word.length);
      while (common < max && word.charCodeAt(common) === previous.charCodeAt(common)) common++;
      out.int(this.#dictionary.get(word)!);
      out.byte(common);
      out.byte(word.length - common);
      for (let i = common; i < word.length; i++) out.char(word.charCodeAt(i));
      previous = word;
    }
    return out.bytes();
  }
}
