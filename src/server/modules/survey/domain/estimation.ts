import { type Column, SurveyInputError } from "./columns.ts";
import { normalQuantile, studentQuantile, twoSidedNormalPValue } from "./distributions.ts";
import {
  answeringRows,
  type Domain,
  domainMaskOf,
  linearizeMean,
  type SurveyDesign,
  summarizeMeans,
  summarizeMeansOver,
} from "./linearization.ts";

/** A point estimate with its linearization standard error and Wald interval. */
export interface Estimate {
  readonly estimate: number;
  readonly se: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Respondents who answered (and are in the domain): |S|. */
  readonly nUsed: number;
}

/** A share with, besides the Wald interval, the logit interval of R's `svyciprop(method = "logit")`. */
export interface ShareEstimate extends Estimate {
  readonly ciLogitLow: number;
  readonly ciLogitHigh: number;
  readonly logitDf: number;
}

/** Net Promoter Score in points (−100..100) and its two shares. */
export interface NpsEstimate extends Estimate {
  readonly promoterShare: number;
  readonly promoterSe: number;
  readonly detractorShare: number;
  readonly detractorSe: number;
  readonly promoterDetractorCovariance: number;
}

export interface EstimateOptions {
  /** The domain (e.g. area = Tommola) as a 0/1 mask or listed rows (`domainRows`); everyone when omitted. */
  readonly domain?: Domain;
  /** Confidence level of the intervals; 0.95 by default. */
  readonly level?: number;
}

/** qnorm(0.975) = 1.959963984540054, the multiplier of R's `confint` with df = Inf. */
export const Z_975 = normalQuantile(0.975);

function normalMultiplier(level = 0.95): number {
  if (!(level > 0 && level < 1))
    throw new SurveyInputError(`confidence level ${level} is not between 0 and 1`);
  return level === 0.95 ? Z_975 : normalQuantile(1 - (1 - level) / 2);
}

function wald(estimate: number, se: number, nUsed: number, level?: number): Estimate {
  const half = normalMultiplier(level) * se;
  return { estimate, se, ciLow: estimate - half, ciHigh: estimate + half, nUsed };
}

/**
 * Weighted mean of `y` (NaN = missing) over the respondents who answered, with its Taylor-linearization SE
 * including the calibration term; missing answers keep their weight and count in n (README "Missing answers").
 */
export function estimateMean(
  design: SurveyDesign,
  y: ArrayLike<number>,
  options: EstimateOptions = {},
): Estimate {
  const summary = summarizeMeans(design, [y], options.domain ?? null);
  const variance = summary.covariance[0]?.[0] as number;
  return wald(summary.estimates[0] as number, Math.sqrt(Math.max(0, variance)), summary.nUsed, options.level);
}

/** The influence values of a mean, kept for covariances (e.g. between the two NPS shares). */
export function influenceOfMean(
  design: SurveyDesign,
  y: ArrayLike<number>,
  domain: Domain = null,
): { estimate: number; nUsed: number; influence: Float64Array } {
  const influence = new Float64Array(design.n);
  const { estimate, nUsed } = linearizeMean(design, y, domain, influence);
  return { estimate, nUsed, influence };
}

/**
 * The logit interval of `svyciprop(method = "logit")`: expit(logit p ∓ t_{df}·SE/(p(1−p))), with df the
 * design's degrees of freedom (README "Confidence intervals").
 */
export function logitInterval(
  p: number,
  se: number,
  df: number,
  level = 0.95,
): { low: number; high: number } {
  if (!(p > 0 && p < 1)) return { low: p, high: p };
  const half = (studentQuantile(1 - (1 - level) / 2, df) * se) / (p * (1 - p));
  const logit = Math.log(p / (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  return { low: expit(logit - half), high: expit(logit + half) };
}

/** A weighted share: the mean of a 0/1 indicator (NaN = missing), with Wald and logit intervals. */
export function estimateShare(
  design: SurveyDesign,
  indicator: ArrayLike<number>,
  options: EstimateOptions = {},
): ShareEstimate {
  const base = estimateMean(design, indicator, options);
  const logit = logitInterval(base.estimate, base.se, design.degreesOfFreedom, options.level);
  return { ...base, ciLogitLow: logit.low, ciLogitHigh: logit.high, logitDf: design.degreesOfFreedom };
}

/**
 * The ±100 NPS points and the promoter and detractor indicators of 0..10 answers, filled in the rows S only
 * (the estimate reads no other row), so a domain costs its own rows rather than the whole sample.
 */
function npsScores(
  scores: ArrayLike<number>,
  rows: Int32Array,
): { points: Float64Array; promoters: Float64Array; detractors: Float64Array } {
  const n = scores.length;
  const points = new Float64Array(n);
  const promoters = new Float64Array(n);
  const detractors = new Float64Array(n);
  const invalid = fillNpsScores(scores, rows, points, promoters, detractors);
  if (invalid >= 0) {
    throw new SurveyInputError(
      `respondent ${invalid + 1} has recommendation score ${scores[invalid]}; NPS needs whole numbers 0..10`,
    );
  }
  return { points, promoters, detractors };
}

/** The row loop of `npsScores`, kept apart so that V8 keeps it optimized; returns the first invalid row or −1. */
function fillNpsScores(
  scores: ArrayLike<number>,
  rows: Int32Array,
  points: Float64Array,
  promoters: Float64Array,
  detractors: Float64Array,
): number {
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const score = scores[i] as number;
    if (!(score >= 0 && score <= 10 && Math.floor(score) === score)) return i;
    const promoter = score >= 9 ? 1 : 0;
    const detractor = score <= 6 ? 1 : 0;
    promoters[i] = promoter;
    detractors[i] = detractor;
    points[i] = 100 * (promoter - detractor);
  }
  return -1;
}

/**
 * NPS from 0..10 answers (NaN = missing): the weighted mean of 100·(1[≥9] − 1[≤6]), which equals
 * 100·(promoters − detractors); its SE is that of the mean, the delta method for the contrast (README "nps").
 */
export function estimateNps(
  design: SurveyDesign,
  scores: ArrayLike<number>,
  options: EstimateOptions = {},
): NpsEstimate {
  const rows = answeringRows(design, [scores], options.domain ?? null);
  const { points, promoters, detractors } = npsScores(scores, rows);
  const summary = summarizeMeansOver(design, [points, promoters, detractors], rows);
  const [npsRow, promoterRow, detractorRow] = summary.covariance as [number[], number[], number[]];
  const se = (variance: number | undefined) => Math.sqrt(Math.max(0, variance as number));
  return {
    ...wald(summary.estimates[0] as number, se(npsRow[0]), summary.nUsed, options.level),
    promoterShare: summary.estimates[1] as number,
    promoterSe: se(promoterRow[1]),
    detractorShare: summary.estimates[2] as number,
    detractorSe: se(detractorRow[2]),
    promoterDetractorCovariance: promoterRow[2] as number,
  };
}

/** One category of a distribution. */
export interface CategoryEstimate extends Estimate {
  readonly category: string;
}

/**
 * The weighted distribution of a categorical answer over those who answered: one share per category, summing
 * to 1. With explicit `levels`, an answer outside them is an error rather than silently dropped.
 */
export function estimateDistribution(
  design: SurveyDesign,
  values: Column,
  levels: readonly string[],
  options: EstimateOptions = {},
): CategoryEstimate[] {
  const known = new Set(levels);
  values.forEach((value, i) => {
    if (value !== null && !known.has(value)) {
      throw new SurveyInputError(
        `respondent ${i + 1} answered "${value}", which is not one of the listed categories`,
      );
    }
  });
  return levels.map((category) => {
    const indicator = new Float64Array(values.length);
    values.forEach((value, i) => {
      indicator[i] = value === null ? Number.NaN : value === category ? 1 : 0;
    });
    return { category, ...estimateMean(design, indicator, options) };
  });
}

/**
 * The unweighted comparison: plain mean over those who answered, SE = sd/√|S| with the (|S|−1) denominator.
 */
export function estimateUnweightedMean(y: ArrayLike<number>, options: EstimateOptions = {}): Estimate {
  const domain = domainMaskOf(options.domain ?? null, y.length);
  let count = 0;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const value = y[i] as number;
    if (Number.isNaN(value) || (domain && !domain[i])) continue;
    count++;
    sum += value;
  }
  const mean = count > 0 ? sum / count : Number.NaN;
  let squares = 0;
  for (let i = 0; i < y.length; i++) {
    const value = y[i] as number;
    if (Number.isNaN(value) || (domain && !domain[i])) continue;
    squares += (value - mean) ** 2;
  }
  const se = count > 1 ? Math.sqrt(squares / (count - 1) / count) : Number.NaN;
  return wald(mean, se, count, options.level);
}

/** Difference of two estimates from independent samples, e.g. this year's and last year's survey. */
export interface Comparison {
  readonly difference: number;
  readonly se: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly z: number;
  /** Two-sided, 2·(1 − Φ(|z|)). */
  readonly pValue: number;
}

/**
 * The z-test of `current − previous` for independent samples, each weighted to its own year's margins:
 * se = √(se₁² + se₂²) (README "Year-over-year"; the covariance is 0 by design).
 */
export function compareIndependent(
  current: Pick<Estimate, "estimate" | "se">,
  previous: Pick<Estimate, "estimate" | "se">,
  level = 0.95,
): Comparison {
  const difference = current.estimate - previous.estimate;
  const se = Math.sqrt(current.se ** 2 + previous.se ** 2);
  const z = difference / se;
  const half = normalMultiplier(level) * se;
  return {
    difference,
    se,
    ciLow: difference - half,
    ciHigh: difference + half,
    z,
    pValue: twoSidedNormalPValue(z),
  };
}

/** Fewer respondents than this in a published cell could identify someone (DESIGN: never publish under 5). */
export const MIN_PUBLISHED_COUNT = 5;

/** Whether a cell of `nUsed` respondents must be suppressed. */
export function isSmallCell(nUsed: number, minCount = MIN_PUBLISHED_COUNT): boolean {
  return nUsed < minCount;
}

/** A row as it may be published: every number hidden when the cell is too small. */
export type Publishable<T> = { [K in keyof T]: T[K] extends number ? T[K] | null : T[K] } & {
  readonly suppressed: boolean;
};

/**
 * Flags rows with fewer than `minCount` respondents and blanks all their numbers (estimate, SE, interval and
 * the count itself), so that neither the figure nor the small count leaks.
 */
export function suppressSmallCells<T extends { readonly nUsed: number }>(
  rows: readonly T[],
  minCount = MIN_PUBLISHED_COUNT,
): Publishable<T>[] {
  if (!(Number.isInteger(minCount) && minCount >= 1))
    throw new SurveyInputError(`minimum cell size ${minCount} must be a positive integer`);
  return rows.map((row) => {
    if (!isSmallCell(row.nUsed, minCount)) return { ...row, suppressed: false } as Publishable<T>;
    const blanked: Record<string, unknown> = { ...row, suppressed: true };
    for (const [key, value] of Object.entries(row)) if (typeof value === "number") blanked[key] = null;
    return blanked as Publishable<T>;
  });
}
