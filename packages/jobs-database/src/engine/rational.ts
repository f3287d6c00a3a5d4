/** Greatest common divisor of two non-negative big integers. */
function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * An exact fraction of big integers, always in lowest terms with a positive denominator.
 * Used to report the `exact` values next to the floating-point results.
 */
export class Rational {
  /** Numerator, carrying the sign. */
  readonly num: bigint;
  /** Denominator, always positive. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** Zero. */
  static readonly ZERO = new Rational(0n, 1n);
  /** One. */
  static readonly ONE = new Rational(1n, 1n);

  /** Builds num/den in lowest terms; throws on a zero denominator. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den);
    const d = g === 0n ? 1n : g;
    return new Rational((sign * num) / d, (sign * den) / d);
  }

  /**
   * The exact value of the decimal literal a finite number prints as (0.8 → 4/5, not the
   * binary double), because case inputs are written as decimal JSON literals.
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot make a rational from ${value}`);
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(value));
    if (match === null) throw new RangeError(`Cannot parse ${value} as a decimal`);
    const [, sign = '', intPart = '0', fracPart = '', expPart = '0'] = match;
    let num = BigInt(intPart + fracPart);
    let den = 10n ** BigInt(fracPart.length);
    const exp = Number(expPart);
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
    return Rational.of(sign === '-' ? -num : num, den);
  }

  /** Parses "p/q", an integer or a decimal string. */
  static parse(text: string): Rational {
    const trimmed = text.trim();
    const slash = trimmed.indexOf('/');
    if (slash >= 0) {
      const top = Rational.parse(trimmed.slice(0, slash));
      const bottom = Rational.parse(trimmed.slice(slash + 1));
      return top.div(bottom);
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value)) throw new RangeError(`Cannot parse ${text} as a rational`);
    return Rational.fromNumber(value);
  }

  /** this + other. */
  add(other: Rational): Rational {
    return Rational.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  /** this − other. */
  sub(other: Rational): Rational {
    return Rational.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  /** this × other. */
  mul(other: Rational): Rational {
    return Rational.of(this.num * other.num, this.den * other.den);
  }

  /** this ÷ other; throws when other is zero. */
  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError('Rational division by zero');
    return Rational.of(this.num * other.den, this.den * other.num);
  }

  /** −this. */
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** True when the value is exactly zero. */
  isZero(): boolean {
    return this.num === 0n;
  }

  /** Sign comparison: negative, zero or positive as this is below, equal to or above other. */
  compare(other: Rational): number {
    const diff = this.num * other.den - other.num * this.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }

  /** Nearest double. */
  toNumber(): number {
    const limit = BigInt(Number.MAX_SAFE_INTEGER);
    const absNum = this.num < 0n ? -this.num : this.num;
    // Both parts exact as doubles: one division gives the correctly rounded value.
    if (absNum <= limit && this.den <= limit) return Number(this.num) / Number(this.den);
    // Scale before dividing so huge numerators and denominators keep their precision.
    const scale = 10n ** 30n;
    const whole = this.num / this.den;
    const rest = this.num - whole * this.den;
    return Number(whole) + Number((rest * scale) / this.den) / 1e30;
  }

  /** "p/q", or "p" when the denominator is 1. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}
