// Random values of any protocol type, in this package's representation, from a seeded PRNG.
import Long from 'long';
import { REFERENCE_CUSTOM_TYPES, type ReferenceParam } from '../../src/generated/reference/reference-table';
import type { Uuid } from '../../src/uuid';
import { randomInt } from './streams';

const FIXED = new Set(['boolean', 'byte', 'int', 'long', 'float', 'UUID']);
const ALPHABET = ['a', 'Z', '0', ' ', 'é', 'ß', '中', '文', '😀', '\u0000', '/'];

export class RandomValues {
  constructor(private readonly random: () => number) {}

  int(): number {
    return randomInt(this.random, -0x80000000, 0x7fffffff);
  }

  long(): Long {
    return Long.fromBits(this.int(), this.int());
  }

  uuid(): Uuid {
    return { mostSignificantBits: this.long(), leastSignificantBits: this.long() };
  }

  string(): string {
    const length = randomInt(this.random, 0, 40);
    let s = '';
    const ascii = this.random() < 0.5;
    for (let i = 0; i < length; i++) {
      s += ascii
        ? String.fromCharCode(randomInt(this.random, 32, 126))
        : ALPHABET[randomInt(this.random, 0, ALPHABET.length - 1)];
    }
    return s;
  }

  bytes(): Buffer {
    const bytes = Buffer.alloc(randomInt(this.random, 0, 24));
    for (let i = 0; i < bytes.length; i++) bytes[i] = randomInt(this.random, 0, 255);
    return bytes;
  }

  private list<T>(make: () => T): T[] {
    return Array.from({ length: randomInt(this.random, 0, 3) }, make);
  }

  value(type: string): unknown {
    switch (type) {
      case 'boolean':
        return this.random() < 0.5;
      case 'byte':
        // 0..127: the official client (the differential oracle) only accepts unsigned bytes.
        return randomInt(this.random, 0, 127);
      case 'int':
      case 'Integer':
        return this.int();
      case 'long':
      case 'Long':
        return this.long();
      case 'float':
        return Math.fround((this.random() - 0.5) * 1e6);
      case 'UUID':
        return this.uuid();
      case 'String':
        return this.string();
      case 'Data':
      case 'byteArray':
        return this.bytes();
      case 'longArray':
        return this.list(() => this.long());
      case 'floatArray':
        return this.list(() => Math.fround(this.random() * 100));
      case 'List_Integer':
        return this.list(() => this.int());
      case 'List_Long':
        return this.list(() => this.long());
      case 'List_UUID':
      case 'Set_UUID':
        return this.list(() => this.uuid());
      case 'EntryList_Long_byteArray':
        return this.list(() => [this.long(), this.bytes()]);
      case 'EntryList_UUID_List_Integer':
        return this.list(() => [this.uuid(), this.list(() => this.int())]);
      case 'SqlPage':
        return {
          isLast: this.random() < 0.5,
          columnTypes: [4, 0],
          columns: [
            [this.int(), null, this.int()],
            [this.string(), null, 'x'],
          ],
        };
    }
    if (type.startsWith('ListCN_'))
      return this.list(() => (this.random() < 0.3 ? null : this.value(type.slice(7))));
    if (type.startsWith('List_')) return this.list(() => this.value(type.slice(5)));
    const [kind, key, ...rest] = type.split('_');
    if (kind === 'Map') {
      // Distinct keys: string keys are random, object keys are distinct by identity.
      return new Map(this.list(() => [this.value(key!), this.value(rest.join('_'))]));
    }
    if (kind === 'EntryList') return this.list(() => [this.value(key!), this.value(rest.join('_'))]);
    const custom = REFERENCE_CUSTOM_TYPES[type];
    if (custom) return this.custom(custom);
    throw new Error(`No random value for ${type}`);
  }

  private custom(params: ReferenceParam[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const param of params) result[param.name] = this.param(param);
    return result;
  }

  param(param: ReferenceParam): unknown {
    const nullable = param.nullable && (!FIXED.has(param.type) || param.type === 'UUID');
    return nullable && this.random() < 0.3 ? null : this.value(param.type);
  }

  params(params: ReferenceParam[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const param of params) result[param.name] = this.param(param);
    return result;
  }
}
