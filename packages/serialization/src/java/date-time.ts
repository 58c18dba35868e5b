/** Java `java.time.LocalDate`; `month` is 1–12. */
export class LocalDate {
  constructor(
    readonly year: number,
    readonly month: number,
    readonly date: number,
  ) {}

  toString(): string {
    const year = `${this.year < 0 ? '-' : ''}${String(Math.abs(this.year)).padStart(4, '0')}`;
    return `${year}-${pad2(this.month)}-${pad2(this.date)}`;
  }
}

/** Java `java.time.LocalTime`; `nano` is 0–999,999,999. */
export class LocalTime {
  constructor(
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly nano: number,
  ) {}

  toString(): string {
    return `${pad2(this.hour)}:${pad2(this.minute)}:${pad2(this.second)}.${String(this.nano).padStart(9, '0')}`;
  }
}

/** Java `java.time.LocalDateTime`. */
export class LocalDateTime {
  constructor(
    readonly localDate: LocalDate,
    readonly localTime: LocalTime,
  ) {}

  toString(): string {
    return `${this.localDate.toString()}T${this.localTime.toString()}`;
  }
}

/** Java `java.time.OffsetDateTime`: a local date-time and its offset from UTC in seconds. */
export class OffsetDateTime {
  constructor(
    readonly localDateTime: LocalDateTime,
    readonly offsetSeconds: number,
  ) {}

  toString(): string {
    const sign = this.offsetSeconds < 0 ? '-' : '+';
    const abs = Math.abs(this.offsetSeconds);
    return `${this.localDateTime.toString()}${sign}${pad2(Math.floor(abs / 3600))}:${pad2(Math.floor(abs / 60) % 60)}`;
  }
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
