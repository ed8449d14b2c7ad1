// Normal and Student t distribution functions for confidence intervals and tests. Written here because no
// dependency is needed for a few dozen lines (survey-reference/README.md: "or implement those directly").

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;

/** erfc(x) to about 1e-15 relative for x ≥ 0: a positive-term series of erf below 2.5, a continued fraction above. */
function erfcNonNegative(x: number): number {
  if (x < 2.5) {
    // erf(x) = 2/√π · e^{-x²} · Σ 2ⁿ x^{2n+1} / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6): no cancellation.
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 500; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < EPSILON * sum) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x2) * sum;
  }
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) (A&S 7.1.14), modified Lentz.
  let f = x;
  let c = x;
  let d = 0;
  for (let j = 1; j < 1000; j++) {
    const a = j / 2;
    d = x + a * d;
    d = Math.abs(d) < TINY ? 1 / TINY : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < TINY) c = TINY;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** The standard normal density. */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Φ(x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x < 0 ? 0.5 * erfcNonNegative(-x / Math.SQRT2) : 1 - 0.5 * erfcNonNegative(x / Math.SQRT2);
}

/** Two-sided p-value of a z statistic, 2·(1 − Φ(|z|)), computed from the tail so that small values keep precision. */
export function twoSidedNormalPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return erfcNonNegative(Math.abs(z) / Math.SQRT2);
}

/**
 * Φ⁻¹(p). Starts from Abramowitz & Stegun 26.2.23 (error < 4.5e-4) and polishes with Newton steps on the
 * accurate tail, so qnorm(0.975) = 1.959963984540054 as in R.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const isUpper = p > 0.5;
  const q = isUpper ? 1 - p : p;
  const t = Math.sqrt(-2 * Math.log(q));
  let s =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3);
  if (s < 0) s = 0;
  for (let k = 0; k < 50; k++) {
    const step = (0.5 * erfcNonNegative(s / Math.SQRT2) - q) / normalPdf(s);
    s += step;
    if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(s))) break;
  }
  if (s === 0) return 0;
  return isUpper ? s : -s;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, nine terms; about 1e-15 relative). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let a = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (xm + i);
  const t = xm + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Stirling remainder lnΓ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10 (asymptotic series, A&S 6.1.41). */
function stirlingRemainder(x: number): number {
  const x2 = x * x;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}

/** ln B(a, b) without the cancellation of lnΓ(a) − lnΓ(a + b) when a is large (e.g. t with many df). */
function logBeta(a: number, b: number): number {
  const large = Math.max(a, b);
  const small = Math.min(a, b);
  if (large < 10) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = large + small;
  return (
    logGamma(small) -
    (large - 0.5) * Math.log1p(small / large) -
    small * Math.log(sum) +
    small +
    stirlingRemainder(large) -
    stirlingRemainder(sum)
  );
}

/** Continued fraction of the incomplete beta function (DLMF 8.17.22), evaluated by modified Lentz. */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const guard = (v: number) => (Math.abs(v) < TINY ? TINY : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m < 10_000; m++) {
    const m2 = 2 * m;
    let coefficient = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    h *= d * c;
    coefficient = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / guard(1 + coefficient * d);
    c = guard(1 + coefficient / c);
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** The regularized incomplete beta I_x(a, b); `y` = 1 − x may be passed when it is known more precisely. */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = y < 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = x < 0.5 ? Math.log1p(-x) : Math.log(y);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(y, b, a)) / b;
}

/** P(T > t) for t ≥ 0 with `df` degrees of freedom. */
function studentUpperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2));
}

/** The Student t density. */
export function studentPdf(t: number, df: number): number {
  return Math.exp(
    logGamma((df + 1) / 2) -
      logGamma(df / 2) -
      0.5 * Math.log(df * Math.PI) -
      ((df + 1) / 2) * Math.log1p((t * t) / df),
  );
}

/** The Student t distribution function. */
export function studentCdf(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalCdf(t);
  return t >= 0 ? 1 - studentUpperTail(t, df) : studentUpperTail(-t, df);
}

/** Above this many degrees of freedom the quantile comes from its asymptotic expansion. */
const LARGE_DF = 1e5;

/** The Student t quantile (R's qt), by safeguarded Newton steps on the tail from a Cornish–Fisher start. */
export function studentQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return Number.NaN;
  if (!Number.isFinite(df)) return normalQuantile(p);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const isUpper = p > 0.5;
  const q = isUpper ? 1 - p : p;
  const z = normalQuantile(1 - q);
  if (df > LARGE_DF) {
    // Cornish–Fisher expansion (A&S 26.7.5); with df > 1e5 the next term is below 1e-20.
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    const t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    return isUpper ? t : -t;
  }
  let s = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
  let low = 0;
  let high = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 500; k++) {
    const gap = studentUpperTail(s, df) - q;
    if (gap > 0) low = s;
    else high = s;
    let next = s + gap / studentPdf(s, df);
    if (!(next > low && next < high)) next = Number.isFinite(high) ? (low + high) / 2 : 2 * s;
    const step = next - s;
    s = next;
    if (Math.abs(step) <= 1e-15 * s) break;
  }
  return isUpper ? s : -s;
}
