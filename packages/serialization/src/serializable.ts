import type { ObjectDataInput, ObjectDataOutput } from './io/data-io';

/**
 * A type Java knows by factory id and class id (Java `IdentifiedDataSerializable`). Shaped like the
 * official Node client's: `factoryId`/`classId` properties plus `readData`/`writeData`.
 */
export interface IdentifiedDataSerializable {
  factoryId: number;
  classId: number;
  readData(input: ObjectDataInput): void;
  writeData(output: ObjectDataOutput): void;
}

/** Creates an empty instance for `classId`, which `readData` then fills; undefined for unknown ids. */
export type IdentifiedDataSerializableFactory = (
  classId: number,
) => IdentifiedDataSerializable | undefined | null;

/**
 * A custom serializer for one type id (>= 1). Applies to values whose `hzCustomId` equals `id`, or, if
 * `type` is given, to instances of that class.
 */
export interface CustomSerializer<T = unknown> {
  id: number;
  // biome-ignore lint/complexity/noBannedTypes: any class constructor
  type?: Function;
  read(input: ObjectDataInput): T;
  write(output: ObjectDataOutput, value: T): void;
}

/** The fallback serializer for values nothing else handles (before JSON). */
export interface GlobalSerializer<T = unknown> {
  id: number;
  read(input: ObjectDataInput): T;
  write(output: ObjectDataOutput, value: T): void;
}

export function isIdentifiedDataSerializable(value: object): value is IdentifiedDataSerializable {
  const candidate = value as Partial<IdentifiedDataSerializable>;
  return (
    typeof candidate.readData === 'function' &&
    typeof candidate.writeData === 'function' &&
    typeof candidate.factoryId === 'number' &&
    typeof candidate.classId === 'number'
  );
}
