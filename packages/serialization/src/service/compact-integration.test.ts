import { describe, expect, it } from 'vitest';
import { CompactGenericRecord, type CompactSerializer, compactGenericRecord, FieldKind } from '../compact';
import { compactSerialization } from '../compact/format';
import { TypeId } from '../type-ids';
import { SerializationService } from './serialization-service';

class Car {
  constructor(
    readonly brand: string | null = null,
    readonly seats = 0,
  ) {}
}

const carSerializer: CompactSerializer<Car> = {
  getClass: () => Car,
  getTypeName: () => 'car',
  read: (reader) => new Car(reader.readString('brand'), reader.readInt32('seats')),
  write: (writer, car) => {
    writer.writeString('brand', car.brand);
    writer.writeInt32('seats', car.seats);
  },
};

describe('SerializationService with Compact', () => {
  it('writes registered classes as COMPACT (-55), queues their schema and reads them back', () => {
    const service = new SerializationService({
      compact: { serializers: [carSerializer] },
      formats: [compactSerialization],
    });
    const data = service.toData(new Car('volvo', 5));
    expect(data.getType()).toBe(TypeId.COMPACT);
    expect(service.schemas.drainPending().map((schema) => schema.typeName)).toEqual(['car']);
    expect(service.toObject(data)).toEqual(new Car('volvo', 5));
  });

  it('writes GenericRecords as Compact even without configured serializers, before the JSON fallback', () => {
    const service = new SerializationService({ formats: [compactSerialization] });
    const record = compactGenericRecord('point', { x: FieldKind.INT32 }, { x: 3 });
    const data = service.toData(record);
    expect(data.getType()).toBe(TypeId.COMPACT);
    const back = service.toObject(data);
    expect(back).toBeInstanceOf(CompactGenericRecord);
    expect(service.toData({ x: 3 }).getType()).toBe(TypeId.JSON);
  });

  it('shares a given schema registry', () => {
    const writer = new SerializationService({
      compact: { serializers: [carSerializer] },
      formats: [compactSerialization],
    });
    const data = writer.toData(new Car('saab', 4));
    const reader = new SerializationService(
      { compact: { serializers: [carSerializer] }, formats: [compactSerialization] },
      writer.schemas,
    );
    expect(reader.schemas).toBe(writer.schemas);
    expect(reader.toObject(data)).toEqual(new Car('saab', 4));
  });
});
