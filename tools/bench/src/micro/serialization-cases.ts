import {
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  compactSerialization,
  type Portable,
  type PortableReader,
  type PortableWriter,
  portableSerialization,
  SerializationService,
} from '@hz/serialization';
import type { MicroPair } from './codec-cases';
import type { OfficialModules } from './official-modules';

const FACTORY_ID = 1;
const CLASS_ID = 1;

/** A 10-field object: the same fields for the Compact and the Portable case. */
class Order {
  constructor(
    public id = 0,
    public customer = '',
    public item = '',
    public quantity = 0,
    public price = 0,
    public paid = false,
    public createdAt = 0,
    public region = '',
    public priority = 0,
    public note = '',
  ) {}
}

function sampleOrder(): Order {
  return new Order(
    42,
    'customer-0042',
    'widget',
    3,
    19.99,
    true,
    1_700_000_000,
    'eu-west',
    2,
    'leave at door',
  );
}

type FieldWriter = {
  writeInt32(n: string, v: number): void;
  writeString(n: string, v: string | null): void;
  writeFloat64(n: string, v: number): void;
  writeBoolean(n: string, v: boolean): void;
};
type FieldReader = {
  readInt32(n: string): number;
  readString(n: string): string | null;
  readFloat64(n: string): number;
  readBoolean(n: string): boolean;
};

/** Both clients' Compact serializers have this same shape, so one definition serves both. */
function orderCompactSerializer(): CompactSerializer<Order> {
  return {
    getClass: () => Order,
    getTypeName: () => 'bench.Order',
    write(writer: CompactWriter, o: Order) {
      const w = writer as unknown as FieldWriter;
      w.writeInt32('id', o.id);
      w.writeString('customer', o.customer);
      w.writeString('item', o.item);
      w.writeInt32('quantity', o.quantity);
      w.writeFloat64('price', o.price);
      w.writeBoolean('paid', o.paid);
      w.writeInt32('createdAt', o.createdAt);
      w.writeString('region', o.region);
      w.writeInt32('priority', o.priority);
      w.writeString('note', o.note);
    },
    read(reader: CompactReader) {
      const r = reader as unknown as FieldReader;
      return new Order(
        r.readInt32('id'),
        r.readString('customer') ?? '',
        r.readString('item') ?? '',
        r.readInt32('quantity'),
        r.readFloat64('price'),
        r.readBoolean('paid'),
        r.readInt32('createdAt'),
        r.readString('region') ?? '',
        r.readInt32('priority'),
        r.readString('note') ?? '',
      );
    },
  };
}

type PortableFieldWriter = {
  writeInt(n: string, v: number): void;
  writeString(n: string, v: string | null): void;
  writeDouble(n: string, v: number): void;
  writeBoolean(n: string, v: boolean): void;
};
type PortableFieldReader = {
  readInt(n: string): number;
  readString(n: string): string | null;
  readDouble(n: string): number;
  readBoolean(n: string): boolean;
};

/** The same 10 fields as a Portable; the method names are common to both clients. */
class PortableOrder extends Order implements Portable {
  factoryId = FACTORY_ID;
  classId = CLASS_ID;
  writePortable(writer: PortableWriter): void {
    const w = writer as unknown as PortableFieldWriter;
    w.writeInt('id', this.id);
    w.writeString('customer', this.customer);
    w.writeString('item', this.item);
    w.writeInt('quantity', this.quantity);
    w.writeDouble('price', this.price);
    w.writeBoolean('paid', this.paid);
    w.writeInt('createdAt', this.createdAt);
    w.writeString('region', this.region);
    w.writeInt('priority', this.priority);
    w.writeString('note', this.note);
  }
  readPortable(reader: PortableReader): void {
    const r = reader as unknown as PortableFieldReader;
    this.id = r.readInt('id');
    this.customer = r.readString('customer') ?? '';
    this.item = r.readString('item') ?? '';
    this.quantity = r.readInt('quantity');
    this.price = r.readDouble('price');
    this.paid = r.readBoolean('paid');
    this.createdAt = r.readInt('createdAt');
    this.region = r.readString('region') ?? '';
    this.priority = r.readInt('priority');
    this.note = r.readString('note') ?? '';
  }
}

function samplePortable(): PortableOrder {
  return Object.assign(new PortableOrder(), sampleOrder());
}

interface Subject {
  readonly label: string;
  readonly value: unknown;
}

/**
 * toData and toObject for each subject through both services. A subject the current @hz build cannot
 * serialize is reported as skipped rather than failing the run (the package is still being finished).
 */
export function serializationPairs(official: OfficialModules, skipped: string[]): MicroPair[] {
  const portableFactory = (classId: number) => (classId === CLASS_ID ? new PortableOrder() : null);
  const ours = new SerializationService({
    formats: [compactSerialization, portableSerialization],
    portableFactories: { [FACTORY_ID]: portableFactory },
    compact: { serializers: [orderCompactSerializer()] },
  });
  const schemas = new Map<string, unknown>();
  const theirs = official.serializationService(
    {
      portableFactories: { [FACTORY_ID]: portableFactory },
      compact: { serializers: [orderCompactSerializer()] },
    },
    {
      get: (id: { toString(): string }) => schemas.get(id.toString()),
      put: (schema: { schemaId: { toString(): string } }) => {
        schemas.set(schema.schemaId.toString(), schema);
        return Promise.resolve();
      },
    },
  );
  const officialToData = (value: unknown): unknown => {
    // The official service refuses to write a Compact value until its schema is "replicated".
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return theirs.toData(value);
      } catch (error) {
        const schema = (error as { schema?: { schemaId: { toString(): string } } }).schema;
        if (schema === undefined) throw error;
        schemas.set(schema.schemaId.toString(), schema);
      }
    }
    throw new Error('bench: the official serializer kept asking for a schema');
  };

  const subjects: Subject[] = [
    { label: 'string (36 chars)', value: 'a7a1a4d2-3c1b-4b8e-9d2f-0c6f1e2a9b55' },
    { label: 'string (1 KB, non-ASCII)', value: 'Grüße, 世界! '.repeat(80) },
    { label: 'number (double)', value: 1234.5678 },
    { label: 'Compact (10 fields)', value: sampleOrder() },
    { label: 'Portable (10 fields)', value: samplePortable() },
  ];

  const pairs: MicroPair[] = [];
  for (const subject of subjects) {
    let oursData: ReturnType<SerializationService['toData']>;
    let officialData: unknown;
    try {
      oursData = ours.toData(subject.value);
      ours.toObject(oursData);
      officialData = officialToData(subject.value);
      theirs.toObject(officialData);
    } catch (error) {
      skipped.push(`${subject.label}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    pairs.push({
      name: `toData ${subject.label}`,
      ours: () => ours.toData(subject.value),
      official: () => theirs.toData(subject.value),
    });
    pairs.push({
      name: `toObject ${subject.label}`,
      ours: () => ours.toObject(oursData),
      official: () => theirs.toObject(officialData),
    });
  }
  return pairs;
}
