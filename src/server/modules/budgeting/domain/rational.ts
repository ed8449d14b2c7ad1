// Exact rational numbers on bigint, used wherever exactness decides a count (costs, budgets, ties).
// Kept deliberately small: parse, the four operations, compare, and conversion to a float.

/** A normalised fraction: `den > 0` and `gcd(|num|, den) = 1`. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Greatest common divisor of two non-negative bigints (Euclid). */
export function gcdBig(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Builds a normalised rational; throws on a zero denominator. */
export function makeRational(num: bigint, den = 1n): Rational {
  if (den === 0n) throw new RangeError("rational with zero denominator");
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { num, den };
  const g = gcdBig(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

/** 0. */
export const ZERO: Rational = { num: 0n, den: 1n };
/** 1. */
export const ONE: Rational = { num: 1n, den: 1n };

/** Adds two rationals. */
export function addQ(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return makeRational(a.num + b.num, a.den);
  return makeRational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** Subtracts b from a. */
export function subQ(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return makeRational(a.num - b.num, a.den);
  return makeRational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** Multiplies two rationals. */
export function mulQ(a: Rational, b: Rational): Rational {
  return makeRational(a.num * b.num, a.den * b.den);
}

/** Divides a by b; throws when b is zero. */
export function divQ(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError("division by zero");
  return makeRational(a.num * b.den, a.den * b.num);
}

/** Negation. */
export function negQ(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** Three-way comparison: -1, 0 or 1. */
export function cmpQ(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Smaller of two rationals (the first when equal). */
export function minQ(a: Rational, b: Rational): Rational {
  return cmpQ(b, a) < 0 ? b : a;
}

/** Rational from a JavaScript safe integer. */
export function intQ(n: number | bigint): Rational {
  if (typeof n === "number" && !Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  return { num: BigInt(n), den: 1n };
}

const TWO_POW_53 = 2n ** 53n;

/** Nearest float (to within one ulp) of a rational, also for numerators and denominators beyond 2^53. */
export function toNumberQ(a: Rational): number {
  const { num, den } = a;
  const absNum = num < 0n ? -num : num;
  if (absNum < TWO_POW_53 && den < TWO_POW_53) return Number(num) / Number(den);
  // Scale so that the integer quotient carries ~64 significant bits, then divide by the power of two.
  const shift = Math.max(0, 64 - (absNum.toString(2).length - den.toString(2).length));
  const q = (absNum << BigInt(shift)) / den;
  const value = Number(q) * 2 ** -shift;
  return num < 0n ? -value : value;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses `123`, `-4.50`, `1,5` (decimal comma, as pabutools accepts for costs and budgets), `1e3` and `7/4`.
 * Returns null when the text is not a number. Exact: "0.1" is 1/10, not the float nearest to it.
 */
export function parseRational(text: string): Rational | null {
  const t = text.trim();
  if (t === "") return null;
  const slash = t.indexOf("/");
  if (slash >= 0) {
    const n = parseRational(t.slice(0, slash));
    const d = parseRational(t.slice(slash + 1));
    if (n === null || d === null || d.num === 0n) return null;
    return divQ(n, d);
  }
  const m = DECIMAL.exec(t.replace(",", "."));
  if (m === null) return null;
  const intPart = m[2] ?? "";
  const fracPart = m[3] ?? "";
  if (intPart === "" && fracPart === "") return null;
  let num = BigInt(intPart + fracPart || "0");
  let den = 10n ** BigInt(fracPart.length);
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exp) > 400) return null;
  if (exp > 0) num *= 10n ** BigInt(exp);
  else if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === "-") num = -num;
  return makeRational(num, den);
}

/** Exact decimal text when the fraction terminates (`2320560.88`), otherwise `num/den`. */
export function formatRational(a: Rational): string {
  if (a.den === 1n) return a.num.toString();
  let d = a.den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return `${a.num}/${a.den}`;
  const digits = Math.max(twos, fives);
  const scaled = (a.num * 10n ** BigInt(digits)) / a.den;
  const neg = scaled < 0n;
  const s = (neg ? -scaled : scaled).toString().padStart(digits + 1, "0");
  return `${neg ? "-" : ""}${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}`;
}

/** Least common multiple of the denominators, the factor that turns all the given rationals into integers. */
export function commonDenominator(values: readonly Rational[]): bigint {
  let l = 1n;
  for (const v of values) {
    if (l % v.den !== 0n) l = (l / gcdBig(l, v.den)) * v.den;
  }
  return l;
}
