import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';
import { HazelcastSerializationError } from '@hz/serialization';
import { PROJECTION_FACTORY_ID, ProjectionClassId } from './ids';

/** One of Hazelcast's built-in projections (factory id -30). `R` is the type of each projected item. */
export abstract class Projection<R = unknown> implements IdentifiedDataSerializable {
  readonly factoryId = PROJECTION_FACTORY_ID;
  declare readonly resultType?: R;
  abstract readonly classId: number;
  abstract writeData(output: ObjectDataOutput): void;
  abstract readData(input: ObjectDataInput): void;
}

/** Extracts one attribute of each entry. */
export class SingleAttributeProjection<R = unknown> extends Projection<R> {
  readonly classId = ProjectionClassId.SINGLE_ATTRIBUTE;
  constructor(public attributePath = '') {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.attributePath);
  }
  readData(input: ObjectDataInput): void {
    const path = input.readString();
    if (path === null) throw new HazelcastSerializationError('Malformed SingleAttributeProjection: no path');
    this.attributePath = path;
  }
}

/** Extracts several attributes of each entry, as an array in the order given. */
export class MultiAttributeProjection<R extends unknown[] = unknown[]> extends Projection<R> {
  readonly classId = ProjectionClassId.MULTI_ATTRIBUTE;
  constructor(public attributePaths: string[] = []) {
    super();
  }
  writeData(output: ObjectDataOutput): void {
    output.writeStringArray(this.attributePaths);
  }
  readData(input: ObjectDataInput): void {
    const paths = input.readStringArray();
    if (paths === null || paths.some((path) => path === null)) {
      throw new HazelcastSerializationError('Malformed MultiAttributeProjection: missing paths');
    }
    this.attributePaths = paths as string[];
  }
}

/** Returns each entry unchanged (as a key/value entry). Has no fields. */
export class IdentityProjection<R = unknown> extends Projection<R> {
  readonly classId = ProjectionClassId.IDENTITY;
  writeData(_output: ObjectDataOutput): void {}
  readData(_input: ObjectDataInput): void {}
}
