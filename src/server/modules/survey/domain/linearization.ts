import { SurveyInputError } from "./columns.ts";
import type { Calibration } from "./weighting.ts";

/**
 * How the calibration term of the variance is computed. R survey (`svyrecvar`, class "raking") runs 10 sweeps
 * of "subtract the within-category mean of z/w" over the margins; the sweeps converge to the residual of the
 * regression of z/w on all margin dummies with an intercept (survey-reference/README.md, `se_formula_check`),
 * which `regression` computes directly and faster. `sweeps` reproduces survey's loop literally.
 */
export type CalibrationProjection = { readonly kind: "regression" } | { readonly kind: "sweeps"; readonly sweeps: number };

interface Projector {
  readonly codes: readonly Int32Array[];
  /** Column of level 1 of each factor; level 0 is the reference level absorbed by the intercept. */
  readonly columnOffsets: readonly number[];
  /** Start of each factor's levels in the flat per-level lookup table. */
  readonly lookupOffsets: readonly number[];
  readonly levelCounts: readonly number[];
  readonly size: number;
  readonly normal: Float64Array;
  readonly cholesky: Float64Array;
  readonly kept: Uint8Array;
  readonly projectionWeights: Float64Array;
  readonly regressionWeights: Float64Array | null;
  /** Per factor and level, Σ of regression weights (for the sweep form). */
  readonly levelWeightSums: readonly Float64Array[];
}

/** A weighted sample ready for estimation: one stratum, every respondent its own PSU, with replacement, no fpc. */
export interface SurveyDesign {
  readonly n: number;
  readonly weights: Float64Array;
  readonly calibration: Calibration | null;
  readonly projection: CalibrationProjection;
  /** Number of PSUs minus number of strata (R `degf`): n − 1 here. */
  readonly degreesOfFreedom: number;
  readonly projector: Projector | null;
}

/** Relative pivot below which a dummy column is taken as a linear combination of earlier ones. */
const PIVOT_TOLERANCE = 1e-9;

function buildProjector(calibration: Calibration, n: number): Projector {
  const codes = calibration.factors.map((factor) => factor.codes);
  const levelCounts = calibration.factors.map((factor) => factor.levels.length);
  const columnOffsets: number[] = [];
  const lookupOffsets: number[] = [];
  let size = 1;
  let lookup = 0;
  for (const count of levelCounts) {
    columnOffsets.push(size);
    lookupOffsets.push(lookup);
    size += count - 1;
    lookup += count;
  }
  for (const factorCodes of codes) {
    if (factorCodes.length !== n) throw new SurveyInputError("calibration variables and weights differ in length");
  }
  const { projectionWeights, regressionWeights } = calibration;
  for (let i = 0; i < n; i++) {
    if (!((projectionWeights[i] as number) > 0)) {
      throw new SurveyInputError(`respondent ${i + 1} has calibration weight ${projectionWeights[i]}; it must be positive`);
    }
  }
  // Normal matrix XᵀRX of the dummy coding (intercept + levels 1.. of each factor).
  const normal = new Float64Array(size * size);
  const columns = new Int32Array(codes.length + 1);
  for (let i = 0; i < n; i++) {
    const r = regressionWeights ? (regressionWeights[i] as number) : 1;
    let count = 1;
    columns[0] = 0;
    for (let m = 0; m < codes.length; m++) {
      const code = (codes[m] as Int32Array)[i] as number;
      if (code > 0) columns[count++] = (columnOffsets[m] as number) + code - 1;
    }
    for (let a = 0; a < count; a++) {
      const row = (columns[a] as number) * size;
      for (let b = 0; b < count; b++) normal[row + (columns[b] as number)] += r;
    }
  }
  // Cholesky factor of the kept columns; a column whose pivot vanishes is dependent on earlier ones and
  // dropped (its coefficient is 0), which leaves the projection onto the same column space.
  const cholesky = new Float64Array(size * size);
  const kept = new Uint8Array(size);
  for (let j = 0; j < size; j++) {
    const diagonal = normal[j * size + j] as number;
    let pivot = diagonal;
    for (let k = 0; k < j; k++) pivot -= (cholesky[j * size + k] as number) ** 2;
    if (!(diagonal > 0) || pivot <= PIVOT_TOLERANCE * diagonal) continue;
    kept[j] = 1;
    const root = Math.sqrt(pivot);
    cholesky[j * size + j] = root;
    for (let i = j + 1; i < size; i++) {
      let value = normal[i * size + j] as number;
      for (let k = 0; k < j; k++) value -= (cholesky[i * size + k] as number) * (cholesky[j * size + k] as number);
      cholesky[i * size + j] = value / root;
    }
  }
  const levelWeightSums = codes.map((factorCodes, m) => {
    const sums = new Float64Array(levelCounts[m] as number);
    for (let i = 0; i < n; i++) sums[factorCodes[i] as number] += regressionWeights ? (regressionWeights[i] as number) : 1;
    return sums;
  });
  return {
    codes,
    columnOffsets,
    lookupOffsets,
    levelCounts,
    size,
    normal,
    cholesky,
    kept,
    projectionWeights,
    regressionWeights,
    levelWeightSums,
  };
}

function choleskySolve(projector: Projector, rhs: Float64Array): Float64Array {
  const { size, cholesky, kept } = projector;
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (!kept[i]) continue;
    let value = rhs[i] as number;
    for (let k = 0; k < i; k++) value -= (cholesky[i * size + k] as number) * (y[k] as number);
    y[i] = value / (cholesky[i * size + i] as number);
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    if (!kept[i]) continue;
    let value = y[i] as number;
    for (let k = i + 1; k < size; k++) value -= (cholesky[k * size + i] as number) * (x[k] as number);
    x[i] = value / (cholesky[i * size + i] as number);
  }
  return x;
}

/** Solves the normal equations with one step of iterative refinement (they square the condition number). */
function solveNormalEquations(projector: Projector, rhs: Float64Array): Float64Array {
  const { size, normal, kept } = projector;
  const beta = choleskySolve(projector, rhs);
  const residual = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (!kept[i]) continue;
    let value = rhs[i] as number;
    for (let k = 0; k < size; k++) value -= (normal[i * size + k] as number) * (beta[k] as number);
    residual[i] = value;
  }
  const correction = choleskySolve(projector, residual);
  for (let i = 0; i < size; i++) beta[i] = (beta[i] as number) + (correction[i] as number);
  return beta;
}

/**
 * A design from final weights and, for calibrated weights, how they were calibrated. Without a calibration
 * the weights are treated as fixed design weights (no calibration term in the variance).
 */
export function createDesign(
  weights: ArrayLike<number>,
  calibration: Calibration | null = null,
  options: { projection?: CalibrationProjection } = {},
): SurveyDesign {
  const n = weights.length;
  const copy = Float64Array.from(weights as ArrayLike<number>);
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(copy[i]) && (copy[i] as number) >= 0)) {
      throw new SurveyInputError(`respondent ${i + 1} has weight ${copy[i]}; weights must be non-negative numbers`);
    }
  }
  const projection = options.projection ?? { kind: "regression" };
  if (projection.kind === "sweeps" && !(Number.isInteger(projection.sweeps) && projection.sweeps >= 1)) {
    throw new SurveyInputError("the number of calibration sweeps must be a positive integer");
  }
  return {
    n,
    weights: copy,
    calibration,
    projection,
    degreesOfFreedom: n - 1,
    projector: calibration ? buildProjector(calibration, n) : null,
  };
}

/**
 * The same design with other final weights, e.g. after trimming. As R survey does after `trimWeights`, the
 * calibration term still projects with the weights stored at calibration (README: `se_survey`).
 */
export function withWeights(design: SurveyDesign, weights: ArrayLike<number>): SurveyDesign {
  if (weights.length !== design.n) throw new SurveyInputError(`${weights.length} weights for ${design.n} respondents`);
  const copy = Float64Array.from(weights as ArrayLike<number>);
  for (let i = 0; i < design.n; i++) {
    if (!(Number.isFinite(copy[i]) && (copy[i] as number) >= 0)) {
      throw new SurveyInputError(`respondent ${i + 1} has weight ${copy[i]}; weights must be non-negative numbers`);
    }
  }
  return { ...design, weights: copy };
}

/** The design's weights treated as fixed: no calibration term (the wrong SE the README warns about). */
export function withoutCalibration(design: SurveyDesign): SurveyDesign {
  return { ...design, calibration: null, projector: null };
}

/** A point estimate of a (domain) mean, before its variance. */
export interface LinearizedMean {
  readonly estimate: number;
  readonly nUsed: number;
  readonly weightSum: number;
}

/**
 * Writes into `out` the linearized (influence) values of the weighted mean of `y` over S = {in domain, y not
 * NaN}: z_i = w_i (y_i − ŷ)/Σ_S w for i in S and 0 elsewhere, for all n rows (a domain estimate, as
 * survey's `[.survey.design2` keeps the excluded rows), then minus the calibration term w_i·(fitted z/w).
 */
export function linearizeMean(
  design: SurveyDesign,
  y: ArrayLike<number>,
  domain: ArrayLike<number> | null,
  out: Float64Array,
): LinearizedMean {
  const { n, weights } = design;
  if (y.length !== n) throw new SurveyInputError(`${y.length} answers for ${n} respondents`);
  if (domain && domain.length !== n) throw new SurveyInputError(`domain of ${domain.length} rows for ${n} respondents`);
  let weightSum = 0;
  let weightedSum = 0;
  let nUsed = 0;
  for (let i = 0; i < n; i++) {
    const value = y[i] as number;
    if (value !== value || (domain && !domain[i])) continue;
    const w = weights[i] as number;
    weightSum += w;
    weightedSum += w * value;
    nUsed++;
  }
  out.fill(0);
  if (nUsed === 0 || weightSum === 0) return { estimate: Number.NaN, nUsed, weightSum };
  const estimate = weightedSum / weightSum;
  for (let i = 0; i < n; i++) {
    const value = y[i] as number;
    if (value !== value || (domain && !domain[i])) continue;
    out[i] = ((weights[i] as number) * (value - estimate)) / weightSum;
  }
  const projector = design.projector;
  if (projector) {
    if (design.projection.kind === "sweeps") subtractBySweeps(projector, out, design.projection.sweeps);
    else subtractByRegression(projector, out);
  }
  return { estimate, nUsed, weightSum };
}

/** z ← z − w_p·X β̂ with β̂ the (R-weighted) least-squares fit of z/w_p on the calibration dummies. */
function subtractByRegression(projector: Projector, z: Float64Array): void {
  const { codes, columnOffsets, lookupOffsets, levelCounts, size, projectionWeights, regressionWeights } = projector;
  const n = z.length;
  const factorCount = codes.length;
  const rhs = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const zi = z[i] as number;
    if (zi === 0) continue;
    const ru = ((regressionWeights ? (regressionWeights[i] as number) : 1) * zi) / (projectionWeights[i] as number);
    rhs[0] = (rhs[0] as number) + ru;
    for (let m = 0; m < factorCount; m++) {
      const code = (codes[m] as Int32Array)[i] as number;
      if (code > 0) rhs[(columnOffsets[m] as number) + code - 1] += ru;
    }
  }
  const beta = solveNormalEquations(projector, rhs);
  const lookup = new Float64Array(lookupOffsets.length === 0 ? 0 : (lookupOffsets.at(-1) as number) + (levelCounts.at(-1) as number));
  for (let m = 0; m < factorCount; m++) {
    for (let level = 1; level < (levelCounts[m] as number); level++) {
      lookup[(lookupOffsets[m] as number) + level] = beta[(columnOffsets[m] as number) + level - 1] as number;
    }
  }
  const intercept = beta[0] as number;
  if (factorCount === 3) {
    // The common case (three margins) unrolled: this loop is most of the time of an estimate.
    const [c0, c1, c2] = codes as [Int32Array, Int32Array, Int32Array];
    const o1 = lookupOffsets[1] as number;
    const o2 = lookupOffsets[2] as number;
    for (let i = 0; i < n; i++) {
      const fitted = intercept + (lookup[c0[i] as number] as number) + (lookup[o1 + (c1[i] as number)] as number) + (lookup[o2 + (c2[i] as number)] as number);
      z[i] = (z[i] as number) - (projectionWeights[i] as number) * fitted;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    let fitted = intercept;
    for (let m = 0; m < factorCount; m++) fitted += lookup[(lookupOffsets[m] as number) + ((codes[m] as Int32Array)[i] as number)] as number;
    z[i] = (z[i] as number) - (projectionWeights[i] as number) * fitted;
  }
}

/** survey's own loop: `sweeps` times, for each margin, z ← z − w_p · (R-weighted mean of z/w_p in the category). */
function subtractBySweeps(projector: Projector, z: Float64Array, sweeps: number): void {
  const { codes, projectionWeights, regressionWeights, levelWeightSums } = projector;
  const n = z.length;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    codes.forEach((factorCodes, m) => {
      const sums = new Float64Array((levelWeightSums[m] as Float64Array).length);
      for (let i = 0; i < n; i++) {
        const r = regressionWeights ? (regressionWeights[i] as number) : 1;
        sums[factorCodes[i] as number] += (r * (z[i] as number)) / (projectionWeights[i] as number);
      }
      const totals = levelWeightSums[m] as Float64Array;
      for (let c = 0; c < sums.length; c++) sums[c] = (totals[c] as number) > 0 ? (sums[c] as number) / (totals[c] as number) : 0;
      for (let i = 0; i < n; i++) z[i] = (z[i] as number) - (projectionWeights[i] as number) * (sums[factorCodes[i] as number] as number);
    });
  }
}

/** With-replacement variance of a total of influence values: n/(n−1) Σ (z_i − z̄)². */
export function varianceOfInfluence(z: ArrayLike<number>): number {
  return covarianceOfInfluences(z, z);
}

/** The covariance of two estimates from their influence values over the same respondents. */
export function covarianceOfInfluences(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new SurveyInputError("influence vectors differ in length");
  if (n < 2) return Number.NaN;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    sumA += a[i] as number;
    sumB += b[i] as number;
  }
  const meanA = sumA / n;
  const meanB = sumB / n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += ((a[i] as number) - meanA) * ((b[i] as number) - meanB);
  return (n / (n - 1)) * sum;
}

const scratchBuffers = new WeakMap<SurveyDesign, Float64Array>();

/** A reusable buffer of n values per design, so that many estimates do not allocate n values each. */
export function scratchFor(design: SurveyDesign): Float64Array {
  let buffer = scratchBuffers.get(design);
  if (!buffer) {
    buffer = new Float64Array(design.n);
    scratchBuffers.set(design, buffer);
  }
  return buffer;
}
