import { SurveyInputError } from "./columns.ts";
import type { Calibration } from "./weighting.ts";

/**
 * How the calibration term of the variance is computed. R survey (`svyrecvar`, class "raking") runs 10 sweeps
 * of "subtract the within-category mean of z/w" over the margins; the sweeps converge to the residual of the
 * regression of z/w on all margin dummies with an intercept (survey-reference/README.md, `se_formula_check`),
 * which `regression` computes directly and faster. `sweeps` reproduces survey's loop literally.
 */
export type CalibrationProjection =
  | { readonly kind: "regression" }
  | { readonly kind: "sweeps"; readonly sweeps: number };

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
  /** Σ w_p x_i over all respondents: Σ of the calibration term is −(this · β). */
  readonly projectionTotals: Float64Array;
  /** Σ w_p² x_i x_iᵀ over all respondents: Σ of the squared calibration term is βᵀ(this)β. */
  readonly projectionMoments: Float64Array;
  /** Each respondent's cell of the cross-classification of all calibration factors (dense numbering). */
  readonly cellOf: Int32Array;
  readonly cellCount: number;
  /** Per cell and factor, the slot of its level in the flat per-level table. */
  readonly cellSlots: Int32Array;
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
    if (factorCodes.length !== n)
      throw new SurveyInputError("calibration variables and weights differ in length");
  }
  const { projectionWeights, regressionWeights } = calibration;
  for (let i = 0; i < n; i++) {
    if (!((projectionWeights[i] as number) > 0)) {
      throw new SurveyInputError(
        `respondent ${i + 1} has calibration weight ${projectionWeights[i]}; it must be positive`,
      );
    }
  }
  // Normal matrix XᵀRX of the dummy coding (intercept + levels 1.. of each factor), and the moments of w_p·x
  // that let a variance be computed from sums over the answering respondents only.
  const normal = new Float64Array(size * size);
  const projectionMoments = new Float64Array(size * size);
  const projectionTotals = new Float64Array(size);
  const columns = new Int32Array(codes.length + 1);
  for (let i = 0; i < n; i++) {
    const r = regressionWeights ? (regressionWeights[i] as number) : 1;
    const wp = projectionWeights[i] as number;
    let count = 1;
    columns[0] = 0;
    for (let m = 0; m < codes.length; m++) {
      const code = (codes[m] as Int32Array)[i] as number;
      if (code > 0) columns[count++] = (columnOffsets[m] as number) + code - 1;
    }
    for (let a = 0; a < count; a++) {
      const column = columns[a] as number;
      const row = column * size;
      projectionTotals[column] = (projectionTotals[column] as number) + wp;
      for (let b = 0; b < count; b++) {
        normal[row + (columns[b] as number)] = (normal[row + (columns[b] as number)] as number) + r;
        projectionMoments[row + (columns[b] as number)] =
          (projectionMoments[row + (columns[b] as number)] as number) + wp * wp;
      }
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
      for (let k = 0; k < j; k++)
        value -= (cholesky[i * size + k] as number) * (cholesky[j * size + k] as number);
      cholesky[i * size + j] = value / root;
    }
  }
  // Cells of the cross-classification: accumulating per cell and folding cells into levels afterwards is
  // several times faster than adding to every factor's level for every respondent.
  const cellOf = new Int32Array(n);
  const cellIndex = new Map<number, number>();
  const cellSlotList: number[] = [];
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let m = 0; m < codes.length; m++)
      key = key * (levelCounts[m] as number) + ((codes[m] as Int32Array)[i] as number);
    let cell = cellIndex.get(key);
    if (cell === undefined) {
      cell = cellIndex.size;
      cellIndex.set(key, cell);
      for (let m = 0; m < codes.length; m++)
        cellSlotList.push((lookupOffsets[m] as number) + ((codes[m] as Int32Array)[i] as number));
    }
    cellOf[i] = cell;
  }
  const levelWeightSums = codes.map((factorCodes, m) => {
    const sums = new Float64Array(levelCounts[m] as number);
    for (let i = 0; i < n; i++)
      sums[factorCodes[i] as number] =
        (sums[factorCodes[i] as number] as number) +
        (regressionWeights ? (regressionWeights[i] as number) : 1);
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
    projectionTotals,
    projectionMoments,
    cellOf,
    cellCount: cellIndex.size,
    cellSlots: Int32Array.from(cellSlotList),
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
      throw new SurveyInputError(
        `respondent ${i + 1} has weight ${copy[i]}; weights must be non-negative numbers`,
      );
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
  if (weights.length !== design.n)
    throw new SurveyInputError(`${weights.length} weights for ${design.n} respondents`);
  const copy = Float64Array.from(weights as ArrayLike<number>);
  for (let i = 0; i < design.n; i++) {
    if (!(Number.isFinite(copy[i]) && (copy[i] as number) >= 0)) {
      throw new SurveyInputError(
        `respondent ${i + 1} has weight ${copy[i]}; weights must be non-negative numbers`,
      );
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

/** The rows of a domain, listed once so that many estimates in it need not scan every respondent. */
export interface DomainRows {
  readonly rows: Int32Array;
}

/** A domain as a 0/1 mask per respondent, or as its listed rows; null is the whole sample. */
export type Domain = ArrayLike<number> | DomainRows | null;

/** Lists the rows of a 0/1 domain mask. */
export function domainRows(mask: ArrayLike<number>): DomainRows {
  let count = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) count++;
  const rows = new Int32Array(count);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) rows[k++] = i;
  return { rows };
}

/** The domain as a 0/1 mask over n respondents (null for everyone). */
export function domainMaskOf(domain: Domain, n: number): ArrayLike<number> | null {
  if (!isDomainRows(domain)) return domain;
  const mask = new Uint8Array(n);
  for (let k = 0; k < domain.rows.length; k++) mask[domain.rows[k] as number] = 1;
  return mask;
}

function isDomainRows(domain: Domain): domain is DomainRows {
  return domain !== null && (domain as DomainRows).rows instanceof Int32Array;
}

/** S: the rows in the domain where every y is answered (R: na.rm drops a row missing any variable). */
export function answeringRows(
  design: SurveyDesign,
  ys: readonly ArrayLike<number>[],
  domain: Domain,
): Int32Array {
  const n = design.n;
  for (const y of ys)
    if (y.length !== n) throw new SurveyInputError(`${y.length} answers for ${n} respondents`);
  const listed = isDomainRows(domain) ? domain.rows : null;
  const mask = listed ? null : (domain as ArrayLike<number> | null);
  if (mask && mask.length !== n)
    throw new SurveyInputError(`domain of ${mask.length} rows for ${n} respondents`);
  const selected = new Int32Array(listed ? listed.length : n);
  const count = selectAnswered(listed, mask, ys, n, selected);
  return selected.subarray(0, count);
}

/**
 * Writes the answering rows into `selected` and returns how many. The hot loops of this module sit in small
 * functions that end with their loop: V8 otherwise deoptimizes on the untried code after an on-stack-replaced
 * loop at every call. Indexed loops too, as for…of over typed arrays is several times slower.
 */
function selectAnswered(
  listed: Int32Array | null,
  mask: ArrayLike<number> | null,
  ys: readonly ArrayLike<number>[],
  n: number,
  selected: Int32Array,
): number {
  const candidates = listed === null ? n : listed.length;
  const yCount = ys.length;
  let count = 0;
  for (let c = 0; c < candidates; c++) {
    const i = listed === null ? c : (listed[c] as number);
    if (mask !== null && !mask[i]) continue;
    if (i < 0 || i >= n) throw new SurveyInputError(`domain row ${i} is outside the ${n} respondents`);
    let isAnswered = true;
    for (let a = 0; a < yCount; a++) {
      const value = (ys[a] as ArrayLike<number>)[i] as number;
      if (Number.isNaN(value)) {
        isAnswered = false;
        break;
      }
    }
    if (isAnswered) selected[count++] = i;
  }
  return count;
}

function meanOver(
  weights: Float64Array,
  y: ArrayLike<number>,
  rows: Int32Array,
): { estimate: number; weightSum: number } {
  const totals = new Float64Array(2);
  sumWeighted(weights, y, rows, totals);
  const weightSum = totals[0] as number;
  return {
    estimate: rows.length > 0 && weightSum > 0 ? (totals[1] as number) / weightSum : Number.NaN,
    weightSum,
  };
}

/** totals[0] = Σ_S w, totals[1] = Σ_S w·y. */
function sumWeighted(
  weights: Float64Array,
  y: ArrayLike<number>,
  rows: Int32Array,
  totals: Float64Array,
): void {
  let weightSum = 0;
  let weightedSum = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    const w = weights[i] as number;
    weightSum += w;
    weightedSum += w * (y[i] as number);
  }
  totals[0] = weightSum;
  totals[1] = weightedSum;
}

/** Fills `out` with the calibrated influence values of a mean over the rows S (0 before calibration elsewhere). */
function influenceOver(
  design: SurveyDesign,
  y: ArrayLike<number>,
  rows: Int32Array,
  estimate: number,
  weightSum: number,
  out: Float64Array,
): void {
  out.fill(0);
  if (Number.isNaN(estimate)) return;
  const weights = design.weights;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k] as number;
    out[i] = ((weights[i] as number) * ((y[i] as number) - estimate)) / weightSum;
  }
  const projector = design.projector;
  if (projector) {
    if (design.projection.kind === "sweeps") subtractBySweeps(projector, out, design.projection.sweeps);
    else subtractByRegression(projector, out);
  }
}

/**
 * Writes into `out` the linearized (influence) values of the weighted mean of `y` over S = {in domain, y not
 * NaN}: z_i = w_i (y_i − ŷ)/Σ_S w for i in S and 0 elsewhere, for all n rows (a domain estimate, as
 * survey's `[.survey.design2` keeps the excluded rows), then minus the calibration term w_i·(fitted z/w).
 */
export function linearizeMean(
  design: SurveyDesign,
  y: ArrayLike<number>,
  domain: Domain,
  out: Float64Array,
): LinearizedMean {
  const rows = answeringRows(design, [y], domain);
  const { estimate, weightSum } = meanOver(design.weights, y, rows);
  influenceOver(design, y, rows, estimate, weightSum, out);
  return { estimate, nUsed: rows.length, weightSum };
}

/** Several means over the same respondents with their covariance matrix (e.g. NPS and its two shares). */
export interface MeanSummary {
  readonly estimates: readonly number[];
  readonly nUsed: number;
  /** With-replacement covariance of the estimates, n/(n−1) Σ (z_k − z̄_k)(z_l − z̄_l), calibration included. */
  readonly covariance: readonly (readonly number[])[];
}

/**
 * Below this share of the uncalibrated sum of squares, the calibrated one is recomputed row by row: the
 * moment form below subtracts nearly equal numbers when calibration explains almost all of the variable.
 */
const CANCELLATION_GUARD = 1e-6;

/**
 * Estimates and covariance of weighted means over S = {in domain, every y answered}. For the regression
 * form it needs only the rows of S: with za = z − w_p·Xβ,
 * Σ za_k za_l = Σ_S z_k z_l − β_lᵀ Σ_S z_k w_p x − β_kᵀ Σ_S z_l w_p x + β_kᵀ (Σ w_p² x xᵀ) β_l, and
 * Σ za_k = Σ_S z_k − β_kᵀ Σ w_p x. The numbers equal those of `linearizeMean` (and so R survey's).
 */
export function summarizeMeans(
  design: SurveyDesign,
  ys: readonly ArrayLike<number>[],
  domain: Domain,
): MeanSummary {
  return summarizeMeansOver(design, ys, answeringRows(design, ys, domain));
}

/** `summarizeMeans` over given rows S (ascending, every y answered there); other rows of ys are not read. */
export function summarizeMeansOver(
  design: SurveyDesign,
  ys: readonly ArrayLike<number>[],
  rows: Int32Array,
): MeanSummary {
  const n = design.n;
  const k = ys.length;
  const means = ys.map((y) => meanOver(design.weights, y, rows));
  const estimates = means.map((m) => m.estimate);
  const empty = (): MeanSummary => ({
    estimates,
    nUsed: rows.length,
    covariance: ys.map(() => ys.map(() => Number.NaN)),
  });
  if (rows.length === 0 || n < 2 || Number.isNaN(estimates[0] as number)) return empty();
  const projector = design.projector;
  if (projector && design.projection.kind === "sweeps") return exactSummary(design, ys, rows, means);
  const weightSum = means[0]?.weightSum as number;
  const weights = design.weights;
  const cross = new Float64Array(k * k);
  const sums = new Float64Array(k);
  const size = projector?.size ?? 0;
  const lookupSize = projector
    ? (projector.lookupOffsets.at(-1) ?? 0) + (projector.levelCounts.at(-1) ?? 0)
    : 0;
  // Per estimate: Σ r·z/w_p and Σ z·w_p by intercept and by level of each factor (level 0 is dropped later).
  const rhsLevels = new Float64Array(k * (lookupSize + 1));
  const momentLevels = new Float64Array(k * (lookupSize + 1));
  accumulateRows(
    rows,
    weights,
    ys,
    Float64Array.from(estimates),
    weightSum,
    sums,
    cross,
    projector,
    lookupSize,
    rhsLevels,
    momentLevels,
  );
  const codes = projector?.codes ?? [];
  const lookupOffsets = projector?.lookupOffsets ?? [];
  const factorCount = codes.length;
  const betas: Float64Array[] = [];
  const moments: Float64Array[] = [];
  for (let a = 0; a < k; a++) {
    if (!projector) {
      betas.push(new Float64Array(0));
      moments.push(new Float64Array(0));
      continue;
    }
    const base = a * (lookupSize + 1);
    const rhs = new Float64Array(size);
    const moment = new Float64Array(size);
    rhs[0] = rhsLevels[base + lookupSize] as number;
    moment[0] = momentLevels[base + lookupSize] as number;
    for (let m = 0; m < factorCount; m++) {
      for (let level = 1; level < (projector.levelCounts[m] as number); level++) {
        const column = (projector.columnOffsets[m] as number) + level - 1;
        rhs[column] = rhsLevels[base + (lookupOffsets[m] as number) + level] as number;
        moment[column] = momentLevels[base + (lookupOffsets[m] as number) + level] as number;
      }
    }
    betas.push(solveNormalEquations(projector, rhs));
    moments.push(moment);
  }
  const dot = (x: Float64Array, y: Float64Array) => {
    let total = 0;
    for (let c = 0; c < x.length; c++) total += (x[c] as number) * (y[c] as number);
    return total;
  };
  const quadratic = (x: Float64Array, y: Float64Array) => {
    if (!projector) return 0;
    let total = 0;
    for (let c = 0; c < size; c++) {
      const xc = x[c] as number;
      if (xc === 0) continue;
      for (let d = 0; d < size; d++)
        total += xc * (projector.projectionMoments[c * size + d] as number) * (y[d] as number);
    }
    return total;
  };
  const calibratedSums = betas.map(
    (beta, a) => (sums[a] as number) - (projector ? dot(projector.projectionTotals, beta) : 0),
  );
  const covariance = ys.map(() => ys.map(() => 0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const betaA = betas[a] as Float64Array;
      const betaB = betas[b] as Float64Array;
      const squares = projector
        ? (cross[a * k + b] as number) -
          dot(betaB, moments[a] as Float64Array) -
          dot(betaA, moments[b] as Float64Array) +
          quadratic(betaA, betaB)
        : (cross[a * k + b] as number);
      const centred = squares - ((calibratedSums[a] as number) * (calibratedSums[b] as number)) / n;
      if (a === b && centred <= CANCELLATION_GUARD * (cross[a * k + a] as number))
        return exactSummary(design, ys, rows, means);
      const value = (n / (n - 1)) * centred;
      (covariance[a] as number[])[b] = value;
      (covariance[b] as number[])[a] = value;
    }
  }
  return { estimates, nUsed: rows.length, covariance };
}

/**
 * The one pass over S behind `summarizeMeans`: Σ z_k, Σ z_k z_l and, per calibration level, Σ r·z_k/w_p and
 * Σ z_k·w_p (accumulated per cell, then folded into levels; the intercept slot is `lookupSize`).
 */
function accumulateRows(
  rows: Int32Array,
  weights: Float64Array,
  ys: readonly ArrayLike<number>[],
  estimates: Float64Array,
  weightSum: number,
  sums: Float64Array,
  cross: Float64Array,
  projector: Projector | null,
  lookupSize: number,
  rhsLevels: Float64Array,
  momentLevels: Float64Array,
): void {
  const k = ys.length;
  const cellCount = projector ? projector.cellCount : 0;
  const cellRhs = new Float64Array(k * cellCount);
  const cellMoments = new Float64Array(k * cellCount);
  if (k === 1) {
    accumulateSingle(
      rows,
      weights,
      ys[0] as ArrayLike<number>,
      estimates[0] as number,
      weightSum,
      sums,
      cross,
      projector,
      cellRhs,
      cellMoments,
    );
  } else {
    accumulateSeveral(rows, weights, ys, estimates, weightSum, sums, cross, projector, cellRhs, cellMoments);
  }
  if (!projector) return;
  const factorCount = projector.codes.length;
  const stride = lookupSize + 1;
  for (let a = 0; a < k; a++) {
    for (let cell = 0; cell < cellCount; cell++) {
      const ru = cellRhs[a * cellCount + cell] as number;
      const zw = cellMoments[a * cellCount + cell] as number;
      rhsLevels[a * stride + lookupSize] = (rhsLevels[a * stride + lookupSize] as number) + ru;
      momentLevels[a * stride + lookupSize] = (momentLevels[a * stride + lookupSize] as number) + zw;
      for (let m = 0; m < factorCount; m++) {
        const slot = a * stride + (projector.cellSlots[cell * factorCount + m] as number);
        rhsLevels[slot] = (rhsLevels[slot] as number) + ru;
        momentLevels[slot] = (momentLevels[slot] as number) + zw;
      }
    }
  }
}

/**
 * The row loops sit in small functions that end with their loop: V8 otherwise deoptimizes on the untried code
 * after an on-stack-replaced loop at every call. This one is for one variable, the common case.
 */
function accumulateSingle(
  rows: Int32Array,
  weights: Float64Array,
  y: ArrayLike<number>,
  estimate: number,
  weightSum: number,
  sums: Float64Array,
  cross: Float64Array,
  projector: Projector | null,
  cellRhs: Float64Array,
  cellMoments: Float64Array,
): void {
  let sum = 0;
  let squares = 0;
  const cellOf = projector ? projector.cellOf : null;
  const projectionWeights = projector ? projector.projectionWeights : null;
  const regressionWeights = projector ? projector.regressionWeights : null;
  for (let row = 0; row < rows.length; row++) {
    const i = rows[row] as number;
    const value = ((weights[i] as number) * ((y[i] as number) - estimate)) / weightSum;
    sum += value;
    squares += value * value;
    if (projectionWeights === null || cellOf === null) continue;
    const wp = projectionWeights[i] as number;
    const cell = cellOf[i] as number;
    cellRhs[cell] =
      (cellRhs[cell] as number) +
      ((regressionWeights === null ? 1 : (regressionWeights[i] as number)) * value) / wp;
    cellMoments[cell] = (cellMoments[cell] as number) + value * wp;
  }
  sums[0] = sum;
  cross[0] = squares;
}

/** `accumulateSingle` for several variables over the same rows (NPS and its two shares). */
function accumulateSeveral(
  rows: Int32Array,
  weights: Float64Array,
  ys: readonly ArrayLike<number>[],
  estimates: Float64Array,
  weightSum: number,
  sums: Float64Array,
  cross: Float64Array,
  projector: Projector | null,
  cellRhs: Float64Array,
  cellMoments: Float64Array,
): void {
  const k = ys.length;
  const z = new Float64Array(k);
  const cellCount = projector ? projector.cellCount : 0;
  const cellOf = projector ? projector.cellOf : null;
  const projectionWeights = projector ? projector.projectionWeights : null;
  const regressionWeights = projector ? projector.regressionWeights : null;
  for (let row = 0; row < rows.length; row++) {
    const i = rows[row] as number;
    const w = weights[i] as number;
    for (let a = 0; a < k; a++) {
      const value =
        (w * (((ys[a] as ArrayLike<number>)[i] as number) - (estimates[a] as number))) / weightSum;
      z[a] = value;
      sums[a] = (sums[a] as number) + value;
      for (let b = 0; b <= a; b++) cross[a * k + b] = (cross[a * k + b] as number) + value * (z[b] as number);
    }
    if (projectionWeights === null || cellOf === null) continue;
    const wp = projectionWeights[i] as number;
    const r = regressionWeights === null ? 1 : (regressionWeights[i] as number);
    const cell = cellOf[i] as number;
    for (let a = 0; a < k; a++) {
      const slot = a * cellCount + cell;
      cellRhs[slot] = (cellRhs[slot] as number) + (r * (z[a] as number)) / wp;
      cellMoments[slot] = (cellMoments[slot] as number) + (z[a] as number) * wp;
    }
  }
}

/** The same summary from full influence vectors, row by row (sweeps form, and the cancellation fallback). */
function exactSummary(
  design: SurveyDesign,
  ys: readonly ArrayLike<number>[],
  rows: Int32Array,
  means: readonly { estimate: number; weightSum: number }[],
): MeanSummary {
  const influences = ys.map((y, a) => {
    const out = new Float64Array(design.n);
    influenceOver(design, y, rows, means[a]?.estimate as number, means[a]?.weightSum as number, out);
    return out;
  });
  return {
    estimates: means.map((m) => m.estimate),
    nUsed: rows.length,
    covariance: influences.map((a) => influences.map((b) => covarianceOfInfluences(a, b))),
  };
}

/** z ← z − w_p·X β̂ with β̂ the (R-weighted) least-squares fit of z/w_p on the calibration dummies. */
function subtractByRegression(projector: Projector, z: Float64Array): void {
  const { codes, columnOffsets, lookupOffsets, levelCounts, size, projectionWeights, regressionWeights } =
    projector;
  const n = z.length;
  const factorCount = codes.length;
  const rhs = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const zi = z[i] as number;
    if (zi === 0) continue;
    const ru =
      ((regressionWeights ? (regressionWeights[i] as number) : 1) * zi) / (projectionWeights[i] as number);
    rhs[0] = (rhs[0] as number) + ru;
    for (let m = 0; m < factorCount; m++) {
      const code = (codes[m] as Int32Array)[i] as number;
      if (code > 0)
        rhs[(columnOffsets[m] as number) + code - 1] =
          (rhs[(columnOffsets[m] as number) + code - 1] as number) + ru;
    }
  }
  const beta = solveNormalEquations(projector, rhs);
  const lookup = new Float64Array(
    lookupOffsets.length === 0 ? 0 : (lookupOffsets.at(-1) as number) + (levelCounts.at(-1) as number),
  );
  for (let m = 0; m < factorCount; m++) {
    for (let level = 1; level < (levelCounts[m] as number); level++) {
      lookup[(lookupOffsets[m] as number) + level] = beta[(columnOffsets[m] as number) + level - 1] as number;
    }
  }
  const intercept = beta[0] as number;
  for (let i = 0; i < n; i++) {
    let fitted = intercept;
    for (let m = 0; m < factorCount; m++)
      fitted += lookup[(lookupOffsets[m] as number) + ((codes[m] as Int32Array)[i] as number)] as number;
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
        sums[factorCodes[i] as number] =
          (sums[factorCodes[i] as number] as number) +
          (r * (z[i] as number)) / (projectionWeights[i] as number);
      }
      const totals = levelWeightSums[m] as Float64Array;
      for (let c = 0; c < sums.length; c++)
        sums[c] = (totals[c] as number) > 0 ? (sums[c] as number) / (totals[c] as number) : 0;
      for (let i = 0; i < n; i++)
        z[i] =
          (z[i] as number) - (projectionWeights[i] as number) * (sums[factorCodes[i] as number] as number);
    });
  }
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
