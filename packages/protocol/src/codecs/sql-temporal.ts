// Fixed-size temporal values of SQL columns: LocalDate (int32 year, byte month, byte day), LocalTime (byte
// hour, minute, second, int32 nano), LocalDateTime (date + time) and OffsetDateTime (+ int32 offset seconds).
import { readByte, readInt, writeByte, writeInt } from './fixed';
import type { SqlLocalDate, SqlLocalDateTime, SqlLocalTime, SqlOffsetDateTime } from './sql-types';

export function readLocalDate(buf: Buffer, offset: number): SqlLocalDate {
  return { year: readInt(buf, offset), month: readByte(buf, offset + 4), day: readByte(buf, offset + 5) };
}
export function readLocalTime(buf: Buffer, offset: number): SqlLocalTime {
  return {
    hour: readByte(buf, offset),
    minute: readByte(buf, offset + 1),
    second: readByte(buf, offset + 2),
    nano: readInt(buf, offset + 3),
  };
}
export function readLocalDateTime(buf: Buffer, offset: number): SqlLocalDateTime {
  return { date: readLocalDate(buf, offset), time: readLocalTime(buf, offset + 6) };
}
export function readOffsetDateTime(buf: Buffer, offset: number): SqlOffsetDateTime {
  return { dateTime: readLocalDateTime(buf, offset), offsetSeconds: readInt(buf, offset + 13) };
}
export function writeLocalDate(buf: Buffer, offset: number, value: SqlLocalDate): void {
  writeInt(buf, offset, value.year);
  writeByte(buf, offset + 4, value.month);
  writeByte(buf, offset + 5, value.day);
}
export function writeLocalTime(buf: Buffer, offset: number, value: SqlLocalTime): void {
  writeByte(buf, offset, value.hour);
  writeByte(buf, offset + 1, value.minute);
  writeByte(buf, offset + 2, value.second);
  writeInt(buf, offset + 3, value.nano);
}
export function writeLocalDateTime(buf: Buffer, offset: number, value: SqlLocalDateTime): void {
  writeLocalDate(buf, offset, value.date);
  writeLocalTime(buf, offset + 6, value.time);
}
export function writeOffsetDateTime(buf: Buffer, offset: number, value: SqlOffsetDateTime): void {
  writeLocalDateTime(buf, offset, value.dateTime);
  writeInt(buf, offset + 13, value.offsetSeconds);
}
