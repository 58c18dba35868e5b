import type { ByteArrayObjectDataInput } from '../io/byte-input';
import type { ByteArrayObjectDataOutput } from '../io/byte-output';
import { BigDecimal } from '../java/big-decimal';
import { LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../java/date-time';
import { bigIntFromBytes, bigIntToBytes } from '../serializers/big-integer-bytes';

// Portable dates write the year as a short (kept from Portable's first date support), unlike the
// default LocalDate serializer which writes an int.

export function writePortableDate(out: ByteArrayObjectDataOutput, value: LocalDate): void {
  out.writeShort(value.year);
  out.writeByte(value.month);
  out.writeByte(value.date);
}

export function readPortableDate(input: ByteArrayObjectDataInput): LocalDate {
  return new LocalDate(input.readShort(), input.readByte(), input.readByte());
}

export function writeTime(out: ByteArrayObjectDataOutput, value: LocalTime): void {
  out.writeByte(value.hour);
  out.writeByte(value.minute);
  out.writeByte(value.second);
  out.writeInt(value.nano);
}

export function readTime(input: ByteArrayObjectDataInput): LocalTime {
  return new LocalTime(input.readByte(), input.readByte(), input.readByte(), input.readInt());
}

export function writePortableTimestamp(out: ByteArrayObjectDataOutput, value: LocalDateTime): void {
  writePortableDate(out, value.localDate);
  writeTime(out, value.localTime);
}

export function readPortableTimestamp(input: ByteArrayObjectDataInput): LocalDateTime {
  return new LocalDateTime(readPortableDate(input), readTime(input));
}

export function writePortableTimestampWithTimezone(
  out: ByteArrayObjectDataOutput,
  value: OffsetDateTime,
): void {
  writePortableTimestamp(out, value.localDateTime);
  out.writeInt(value.offsetSeconds);
}

export function readPortableTimestampWithTimezone(input: ByteArrayObjectDataInput): OffsetDateTime {
  return new OffsetDateTime(readPortableTimestamp(input), input.readInt());
}

export function writeDecimal(out: ByteArrayObjectDataOutput, value: BigDecimal): void {
  out.writeByteArray(bigIntToBytes(value.unscaledValue));
  out.writeInt(value.scale);
}

export function readDecimal(input: ByteArrayObjectDataInput): BigDecimal {
  const bytes = input.readByteArray();
  return new BigDecimal(bigIntFromBytes(bytes ?? Buffer.alloc(0)), input.readInt());
}
