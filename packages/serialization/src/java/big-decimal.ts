/** Java `java.math.BigDecimal`: `unscaledValue × 10^-scale`. */
export class BigDecimal {
  constructor(
    readonly unscaledValue: bigint,
    readonly scale: number,
  ) {}

  toString(): string {
    if (this.scale <= 0) return (this.unscaledValue * 10n ** BigInt(-this.scale)).toString();
    const negative = this.unscaledValue < 0n;
    const digits = (negative ? -this.unscaledValue : this.unscaledValue)
      .toString()
      .padStart(this.scale + 1, '0');
    const cut = digits.length - this.scale;
    return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
  }
}
