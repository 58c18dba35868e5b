// Reading and writing helpers shared by the query objects' readData/writeData.
import { HazelcastSerializationError, type ObjectDataInput, type ObjectDataOutput } from '@hz/serialization';

/** Reads a count written before a list of objects; each object takes at least 4 bytes, so a larger count is corrupt. */
export function readObjectCount(input: ObjectDataInput, what: string): number {
  const count = input.readInt();
  if (count < 0 || count * 4 > input.available()) {
    throw new HazelcastSerializationError(`Malformed ${what}: ${count} items in ${input.available()} bytes`);
  }
  return count;
}

export function readObjects(input: ObjectDataInput, what: string): unknown[] {
  const count = readObjectCount(input, what);
  const items: unknown[] = [];
  for (let i = 0; i < count; i++) items.push(input.readObject());
  return items;
}

export function writeObjects(output: ObjectDataOutput, items: readonly unknown[]): void {
  output.writeInt(items.length);
  for (const item of items) output.writeObject(item);
}

/** A string field the Java class never leaves null; a null here means the bytes are not what was written. */
export function readRequiredString(input: ObjectDataInput, what: string): string {
  const value = input.readString();
  if (value === null) throw new HazelcastSerializationError(`Malformed ${what}: missing string`);
  return value;
}
