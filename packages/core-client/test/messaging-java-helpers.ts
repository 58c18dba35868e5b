// Client-side halves of the member helpers in tools/cluster/java/dev/hz/testing/messaging (factory id 69):
// same class ids and field order, so the member can read what these write. For tests only.
import type { IdentifiedDataSerializable } from '@hz/serialization';

export const MESSAGING_FACTORY_ID = 69;

/** The member XML that registers the helpers' factory. */
export const MESSAGING_FACTORY_XML = `<serialization><data-serializable-factories><data-serializable-factory factory-id="${MESSAGING_FACTORY_ID}">dev.hz.testing.messaging.MessagingFactory</data-serializable-factory></data-serializable-factories></serialization>`;

/** Ringbuffer readMany filter: String items starting with `prefix`. */
export function prefixItemFilter(prefix: string): IdentifiedDataSerializable {
  return {
    factoryId: MESSAGING_FACTORY_ID,
    classId: 1,
    writeData(output) {
      output.writeString(prefix);
    },
    readData() {},
  };
}
