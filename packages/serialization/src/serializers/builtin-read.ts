import { HazelcastSerializationError } from '../errors';
import type { ByteArrayObjectDataInput } from '../io/byte-input';
import { BigDecimal } from '../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { UUID } from '../java/uuid';
import { TypeId } from '../type-ids';
import { bigIntFromBytes } from './big-integer-bytes';
import { javaCollectionLayout, readJavaCollection } from './java-collections';

/**
 * Reads the payload of a built-in type id (the id already consumed); undefined means the id is not
 * built in (no built-in reads as undefined). Nested values (lists, entries) go through `readObject`.
 */
export function readBuiltin(
  typeId: number,
  input: ByteArrayObjectDataInput,
  readObject: () => unknown,
): unknown {
  switch (typeId) {
    case TypeId.NULL:
      return null;
    case TypeId.BYTE:
      return input.readByte();
    case TypeId.BOOLEAN:
      return input.readBoolean();
    case TypeId.CHAR:
      return String.fromCharCode(input.readChar());
    case TypeId.SHORT:
      return input.readShort();
    case TypeId.INT:
      return input.readInt();
    case TypeId.LONG:
      return input.readLong();
    case TypeId.FLOAT:
      return input.readFloat();
    case TypeId.DOUBLE:
      return input.readDouble();
    case TypeId.STRING:
      return input.readString();
    case TypeId.BYTE_ARRAY:
      return input.readByteArray();
    case TypeId.BOOLEAN_ARRAY:
      return input.readBooleanArray();
    case TypeId.CHAR_ARRAY:
      return input.readCharArray()?.map((code) => String.fromCharCode(code)) ?? null;
    case TypeId.SHORT_ARRAY:
      return input.readShortArray();
    case TypeId.INT_ARRAY:
      return input.readIntArray();
    case TypeId.LONG_ARRAY:
      return input.readLongArray();
    case TypeId.FLOAT_ARRAY:
      return input.readFloatArray();
    case TypeId.DOUBLE_ARRAY:
      return input.readDoubleArray();
    case TypeId.STRING_ARRAY:
      return input.readStringArray();
    case TypeId.UUID:
      return new UUID(input.readLong(), input.readLong());
    case TypeId.SIMPLE_ENTRY:
    case TypeId.SIMPLE_IMMUTABLE_ENTRY: {
      const key = readObject();
      return { key, value: readObject() };
    }
    case TypeId.JAVA_CLASS:
      return input.readString();
    case TypeId.DATE:
      return new Date(input.readLong().toNumber());
    case TypeId.BIG_INTEGER:
      return bigIntFromBytes(requireBytes(input, 'BigInteger'));
    case TypeId.BIG_DECIMAL:
      return new BigDecimal(bigIntFromBytes(requireBytes(input, 'BigDecimal')), input.readInt());
    case TypeId.LOCAL_DATE:
      return readLocalDate(input);
    case TypeId.LOCAL_TIME:
      return readLocalTime(input);
    case TypeId.LOCAL_DATE_TIME:
      return new LocalDateTime(readLocalDate(input), readLocalTime(input));
    case TypeId.OFFSET_DATE_TIME:
      return new OffsetDateTime(
        new LocalDateTime(readLocalDate(input), readLocalTime(input)),
        input.readInt(),
      );
    default: {
      const layout = javaCollectionLayout(typeId);
      return layout === undefined ? undefined : readJavaCollection(layout, input, readObject);
    }
  }
}

function requireBytes(input: ByteArrayObjectDataInput, what: string): Buffer {
  const bytes = input.readByteArray();
  if (bytes === null) throw new HazelcastSerializationError(`Malformed data: null magnitude in ${what}`);
  return bytes;
}

function readLocalDate(input: ByteArrayObjectDataInput): LocalDate {
  return new LocalDate(input.readInt(), input.readByte(), input.readByte());
}

function readLocalTime(input: ByteArrayObjectDataInput): LocalTime {
  return new LocalTime(input.readByte(), input.readByte(), input.readByte(), input.readInt());
}
