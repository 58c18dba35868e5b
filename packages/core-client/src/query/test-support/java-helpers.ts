// Client-side halves of the member helpers in tools/cluster/java/dev/hz/testing (factory id 66): same
// class ids and field order, so the member can read what these write. For tests only.
import type { IdentifiedDataSerializable, ObjectDataInput, ObjectDataOutput } from '@hz/serialization';

export const TEST_FACTORY_ID = 66;

export const TestClassId = {
  IDENTIFIED_ENTRY_PROCESSOR: 1,
  PREFIX_FILTER: 2,
  CUSTOM_COMPARATOR: 3,
  APPENDING_ENTRY_PROCESSOR: 4,
  SAMPLE_MAP_INTERCEPTOR: 5,
} as const;

/** The member XML that registers the helpers' factory. */
export const TEST_FACTORY_XML = `<serialization><data-serializable-factories><data-serializable-factory factory-id="${TEST_FACTORY_ID}">dev.hz.testing.IdentifiedFactory</data-serializable-factory></data-serializable-factories></serialization>`;

/** An IDS object whose only field is one String. */
class StringFieldObject implements IdentifiedDataSerializable {
  readonly factoryId = TEST_FACTORY_ID;
  constructor(
    readonly classId: number,
    public text: string,
  ) {}
  writeData(output: ObjectDataOutput): void {
    output.writeString(this.text);
  }
  readData(input: ObjectDataInput): void {
    this.text = input.readString() ?? '';
  }
}

/** Entry processor: sets the value to `value` and returns the old one. */
export function identifiedEntryProcessor(value: string): IdentifiedDataSerializable {
  return new StringFieldObject(TestClassId.IDENTIFIED_ENTRY_PROCESSOR, value);
}

/** Predicate: keys that are Strings starting with `prefix`. */
export function prefixFilter(prefix: string): IdentifiedDataSerializable {
  return new StringFieldObject(TestClassId.PREFIX_FILTER, prefix);
}

/** Entry processor: appends `suffix` to the value and returns the new value. */
export function appendingEntryProcessor(suffix: string): IdentifiedDataSerializable {
  return new StringFieldObject(TestClassId.APPENDING_ENTRY_PROCESSOR, suffix);
}

export const ComparatorType = { BY_KEY_ASCENDING: 0, BY_VALUE_DESCENDING: 1 } as const;
export type ComparatorType = (typeof ComparatorType)[keyof typeof ComparatorType];

/** Paging comparator: 0 = by key ascending, 1 = by value descending (ties by key). */
export function customComparator(type: ComparatorType): IdentifiedDataSerializable {
  return {
    factoryId: TEST_FACTORY_ID,
    classId: TestClassId.CUSTOM_COMPARATOR,
    writeData(output) {
      output.writeInt(type);
    },
    readData() {},
  };
}

/** Map interceptor: String values come back upper-cased from get. No fields. */
export function sampleMapInterceptor(): IdentifiedDataSerializable {
  return {
    factoryId: TEST_FACTORY_ID,
    classId: TestClassId.SAMPLE_MAP_INTERCEPTOR,
    writeData() {},
    readData() {},
  };
}
