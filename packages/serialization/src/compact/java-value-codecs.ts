import type { ObjectDataInput, ObjectDataOutput } from '../io/data-io';
import { BigDecimal } from '../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { bigIntFromBytes, bigIntToBytes } from '../serializers/big-integer-bytes';
import { HazelcastSerializationError } from './errors';

// Compact's layouts are Java's IOUtil ones: BigDecimal = byte[] of BigInteger.toByteArray() then int
// scale; LocalTime = byte hour, byte minute, byte second, int nano; LocalDate = int year, byte month,
// byte day (Portable differs: it writes the year as a short).

export function writeDecimal(out: ObjectDataOutput, value: BigDecimal): void {
  out.writeByteArray(bigIntToBytes(value.unscaledValue));
  out.writeInt(value.scale);
}

export function readDecimal(input: ObjectDataInput): BigDecimal {
  const bytes = input.readByteArray();
  if (bytes === null || bytes.length === 0) {
    throw new HazelcastSerializationError(
      'Malformed compact data: a BigDecimal without unscaled value bytes',
    );
  }
  return new BigDecimal(bigIntFromBytes(bytes), input.readInt());
}

export function writeTime(out: ObjectDataOutput, value: LocalTime): void {
  out.writeByte(value.hour);
  out.writeByte(value.minute);
  out.writeByte(value.second);
  out.writeInt(value.nano);
}

export function readTime(input: ObjectDataInput): LocalTime {
  const hour = input.readByte();
  const minute = input.readByte();
  const second = input.readByte();
  return new LocalTime(hour, minute, second, input.readInt());
}

export function writeDate(out: ObjectDataOutput, value: LocalDate): void {
  out.writeInt(value.year);
  out.writeByte(value.month);
  out.writeByte(value.date);
}

export function readDate(input: ObjectDataInput): LocalDate {
  const year = input.readInt();
  const month = input.readByte();
  return new LocalDate(year, month, input.readByte());
}

export function writeTimestamp(out: ObjectDataOutput, value: LocalDateTime): void {
  writeDate(out, value.localDate);
  writeTime(out, value.localTime);
}

export function readTimestamp(input: ObjectDataInput): LocalDateTime {
  const date = readDate(input);
  return new LocalDateTime(date, readTime(input));
}

export function writeTimestampWithTimezone(out: ObjectDataOutput, value: OffsetDateTime): void {
  writeTimestamp(out, value.localDateTime);
  out.writeInt(value.offsetSeconds);
}

export function readTimestampWithTimezone(input: ObjectDataInput): OffsetDateTime {
  const dateTime = readTimestamp(input);
  return new OffsetDateTime(dateTime, input.readInt());
}
