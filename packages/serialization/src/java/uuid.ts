import Long from 'long';

/** Java `java.util.UUID`: two signed 64-bit halves. */
export class UUID {
  readonly mostSignificant: Long;
  readonly leastSignificant: Long;

  constructor(mostSignificant: Long, leastSignificant: Long) {
    this.mostSignificant = mostSignificant;
    this.leastSignificant = leastSignificant;
  }

  /** Parses the canonical 8-4-4-4-12 hex form. */
  static fromString(text: string): UUID {
    const hex = text.replace(/-/g, '');
    if (!/^[0-9a-fA-F]{32}$/.test(hex) || text.length !== 36) {
      throw new TypeError(`Not a UUID: "${text}"`);
    }
    return new UUID(
      Long.fromString(hex.slice(0, 16), true, 16).toSigned(),
      Long.fromString(hex.slice(16), true, 16).toSigned(),
    );
  }

  equals(other: UUID): boolean {
    return (
      this.mostSignificant.equals(other.mostSignificant) &&
      this.leastSignificant.equals(other.leastSignificant)
    );
  }

  toString(): string {
    const hex =
      this.mostSignificant.toUnsigned().toString(16).padStart(16, '0') +
      this.leastSignificant.toUnsigned().toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
