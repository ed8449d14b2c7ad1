import { type ColumnTable, encodeFactor, type Factor, requireColumn, SurveyInputError } from "./columns.ts";

/** One row of a population table: the number of residents in one category of one weighting variable. */
export interface PopulationFigure {
  readonly variable: string;
  readonly category: string;
  readonly population: number;
}

/** One cell of a cross-classification with its population, e.g. age 15-29 × female. */
export interface PopulationCell {
  /** The category of each post-stratification variable, in the order of the variables. */
  readonly categories: readonly string[];
  readonly population: number;
}

/**
 * What the variance needs to know about how weights were calibrated (R survey's `postStrata`): the calibration
 * variables, the weights stored when calibrating, and the weights of the projection's regression (none for
 * raking, whose `svyrecvar` averages unweighted; the pre-post-stratification weights for post-stratification).
 */
export interface Calibration {
  readonly kind: "raking" | "post-stratification";
  readonly factors: readonly Factor[];
  readonly projectionWeights: Float64Array;
  readonly regressionWeights: Float64Array | null;
}

/** Raked weights and how the raking went. */
export interface RakingResult {
  readonly weights: Float64Array;
  readonly calibration: Calibration;
  /** Full cycles over all margins. */
  readonly cycles: number;
  /** max over margins and categories of |weighted total − population| / population after the last cycle. */
  readonly maxRelativeError: number;
}

export interface RakingOptions {
  /** Stop when every weighted margin is within this relative error of its population. */
  readonly tolerance?: number;
  readonly maxCycles?: number;
  /** Design weights before raking; 1 for everyone when omitted (R: `svydesign(ids=~1, weights=~1)`). */
  readonly baseWeights?: ArrayLike<number>;
  /**
   * `margins` (default): stop when every margin is within `tolerance`, relative. `table-change`: R `rake()`'s
   * own rule — stop after the first cycle in which no cell of the weighted cross-table of all margins moved by
   * `tolerance` or more (times Σ base weights when `tolerance` < 1, as rake() scales its epsilon).
   */
  readonly stopRule?: "margins" | "table-change";
}

/**
 * 1e-10: survey-reference/README.md shows that stopping at 1e-8 already moves weights by 1.1e-8 relative,
 * so the reference weights (relative 1e-8) need a tighter stop.
 */
export const DEFAULT_RAKING_TOLERANCE = 1e-10;
/** Plain IPF converges linearly; the reference cases need 8–9 cycles, so 100 leaves room for hard tables. */
export const DEFAULT_MAX_RAKING_CYCLES = 100;

function checkedBaseWeights(n: number, baseWeights: ArrayLike<number> | undefined): Float64Array {
  if (baseWeights !== undefined && baseWeights.length !== n) {
    throw new SurveyInputError(`${baseWeights.length} base weights for ${n} respondents`);
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = baseWeights === undefined ? 1 : (baseWeights[i] as number);
    if (!(Number.isFinite(value) && value > 0)) {
      throw new SurveyInputError(
        `respondent ${i + 1} has base weight ${value}; base weights must be positive`,
      );
    }
    weights[i] = value;
  }
  return weights;
}

/** Weighted totals per level of a factor. */
export function weightedTotals(factor: Factor, weights: ArrayLike<number>): Float64Array {
  const totals = new Float64Array(factor.levels.length);
  const codes = factor.codes;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    totals[code] = (totals[code] as number) + (weights[i] as number);
  }
  return totals;
}

/** Counts per level of a factor. */
export function levelCounts(factor: Factor): Int32Array {
  const counts = new Int32Array(factor.levels.length);
  const codes = factor.codes;
  for (let i = 0; i < codes.length; i++)
    counts[codes[i] as number] = (counts[codes[i] as number] as number) + 1;
  return counts;
}

function maxRelativeMarginError(
  factors: readonly Factor[],
  targets: readonly (readonly number[])[],
  weights: Float64Array,
): number {
  let worst = 0;
  factors.forEach((factor, m) => {
    const totals = weightedTotals(factor, weights);
    const target = targets[m] as readonly number[];
    for (let c = 0; c < totals.length; c++) {
      const population = target[c] as number;
      if (population === 0) continue;
      worst = Math.max(worst, Math.abs((totals[c] as number) - population) / population);
    }
  });
  return worst;
}

function validateMargins(
  factors: readonly Factor[],
  targets: readonly (readonly number[])[],
  n: number,
): void {
  if (factors.length === 0) throw new SurveyInputError("raking needs at least one margin");
  if (targets.length !== factors.length)
    throw new SurveyInputError("one population margin is needed per variable");
  let firstTotal = Number.NaN;
  factors.forEach((factor, m) => {
    if (factor.codes.length !== n)
      throw new SurveyInputError(`"${factor.name}" has ${factor.codes.length} rows, not ${n}`);
    const target = targets[m] as readonly number[];
    if (target.length !== factor.levels.length) {
      throw new SurveyInputError(
        `"${factor.name}" has ${factor.levels.length} categories but ${target.length} figures`,
      );
    }
    const counts = levelCounts(factor);
    let total = 0;
    target.forEach((population, c) => {
      const label = `"${factor.levels[c]}" of "${factor.name}"`;
      if (!(Number.isFinite(population) && population >= 0)) {
        throw new SurveyInputError(
          `population of ${label} is ${population}; it must be a non-negative number`,
        );
      }
      if (population > 0 && counts[c] === 0)
        throw new SurveyInputError(`no respondents in ${label}, so it cannot be weighted`);
      if (population === 0 && (counts[c] as number) > 0) {
        throw new SurveyInputError(`${label} has respondents but a population of 0`);
      }
      total += population;
    });
    if (m === 0) firstTotal = total;
    else if (Math.abs(total - firstTotal) > 1e-9 * firstTotal) {
      // IPF cannot meet margins with different totals; it would cycle instead of converging.
      throw new SurveyInputError(
        `margin totals differ: "${factors[0]?.name}" sums to ${firstTotal} but "${factor.name}" to ${total}`,
      );
    }
  });
}

/**
 * Raking by iterative proportional fitting (Deming & Stephan 1940; R survey `rake`): each cycle scales the
 * weights to every margin in turn, w_i ← w_i · N_c / Σ_{j∈c} w_j, until all margins are within `tolerance`.
 * The stop rule is on the margins themselves rather than rake()'s change-between-cycles rule; the converged
 * weights are the same (README: they depend neither on margin order nor on the starting scale).
 */
export function rakeFactors(
  factors: readonly Factor[],
  targets: readonly (readonly number[])[],
  options: RakingOptions = {},
): RakingResult {
  const n = factors[0]?.codes.length ?? 0;
  validateMargins(factors, targets, n);
  const tolerance = options.tolerance ?? DEFAULT_RAKING_TOLERANCE;
  const maxCycles = options.maxCycles ?? DEFAULT_MAX_RAKING_CYCLES;
  const weights = checkedBaseWeights(n, options.baseWeights);
  const ratios = factors.map((factor) => new Float64Array(factor.levels.length));
  const tableChange =
    options.stopRule === "table-change" ? crossTableTracker(factors, weights, tolerance) : null;
  let error = Number.POSITIVE_INFINITY;
  for (let cycle = 1; cycle <= maxCycles; cycle++) {
    factors.forEach((factor, m) => {
      const totals = weightedTotals(factor, weights);
      const target = targets[m] as readonly number[];
      const ratio = ratios[m] as Float64Array;
      for (let c = 0; c < totals.length; c++)
        ratio[c] = (totals[c] as number) > 0 ? (target[c] as number) / (totals[c] as number) : 0;
      const codes = factor.codes;
      for (let i = 0; i < n; i++) weights[i] = (weights[i] as number) * (ratio[codes[i] as number] as number);
    });
    error = maxRelativeMarginError(factors, targets, weights);
    if (tableChange ? tableChange(weights) : error <= tolerance) {
      return {
        weights,
        calibration: { kind: "raking", factors, projectionWeights: weights.slice(), regressionWeights: null },
        cycles: cycle,
        maxRelativeError: error,
      };
    }
  }
  throw new SurveyInputError(
    `raking did not converge in ${maxCycles} cycles (largest relative margin error ${error.toExponential(2)})`,
  );
}

/**
 * R rake()'s convergence test: returns, after each cycle, whether no cell of the weighted cross-table of all
 * raking variables changed by `epsilon` or more since the previous cycle.
 */
function crossTableTracker(
  factors: readonly Factor[],
  initial: Float64Array,
  tolerance: number,
): (weights: Float64Array) => boolean {
  const n = initial.length;
  const cellOf = new Int32Array(n);
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const factor of factors) key = key * factor.levels.length + (factor.codes[i] as number);
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = cells.size;
      cells.set(key, cell);
    }
    cellOf[i] = cell;
  }
  const tabulate = (weights: Float64Array) => {
    const table = new Float64Array(cells.size);
    for (let i = 0; i < n; i++) {
      const cell = cellOf[i] as number;
      table[cell] = (table[cell] as number) + (weights[i] as number);
    }
    return table;
  };
  let total = 0;
  for (let i = 0; i < n; i++) total += initial[i] as number;
  const epsilon = tolerance < 1 ? tolerance * total : tolerance;
  let previous = tabulate(initial);
  return (weights) => {
    const table = tabulate(weights);
    let delta = 0;
    for (let c = 0; c < table.length; c++)
      delta = Math.max(delta, Math.abs((table[c] as number) - (previous[c] as number)));
    previous = table;
    return delta < epsilon;
  };
}

/** Groups flat population figures into margins, keeping the order in which variables and categories appear. */
export function groupMargins(
  figures: readonly PopulationFigure[],
): { variable: string; categories: string[]; populations: number[] }[] {
  const margins = new Map<string, { variable: string; categories: string[]; populations: number[] }>();
  for (const figure of figures) {
    let margin = margins.get(figure.variable);
    if (!margin) {
      margin = { variable: figure.variable, categories: [], populations: [] };
      margins.set(figure.variable, margin);
    }
    if (margin.categories.includes(figure.category)) {
      throw new SurveyInputError(`"${figure.category}" of "${figure.variable}" has two population figures`);
    }
    margin.categories.push(figure.category);
    margin.populations.push(figure.population);
  }
  return [...margins.values()];
}

/** Rakes the respondents in `table` to population margins given as flat figures (variable, category, population). */
export function rakeToMargins(
  table: ColumnTable,
  figures: readonly PopulationFigure[],
  options: RakingOptions = {},
): RakingResult {
  const margins = groupMargins(figures);
  const factors = margins.map((margin) =>
    encodeFactor(margin.variable, requireColumn(table, margin.variable), margin.categories),
  );
  return rakeFactors(
    factors,
    margins.map((margin) => margin.populations),
    options,
  );
}

/** A post-stratification cell as it came out: sample size, population and the resulting cell weight. */
export interface PostStratumReport {
  readonly categories: readonly string[];
  readonly sampleCount: number;
  readonly population: number;
  /** N_cell / Σ_cell base weight: the weight itself when base weights are 1. */
  readonly adjustment: number;
}

export interface PostStratificationResult {
  readonly weights: Float64Array;
  readonly calibration: Calibration;
  readonly cells: readonly PostStratumReport[];
}

const CELL_SEPARATOR = "\u001f";

/**
 * Post-stratification on one cross-classification (R survey `postStratify`): w_i = d_i · N_cell / Σ_cell d.
 * A populated cell without respondents is an error, as in R (no `partial=TRUE`).
 */
export function postStratify(
  table: ColumnTable,
  variables: readonly string[],
  cells: readonly PopulationCell[],
  options: { baseWeights?: ArrayLike<number> } = {},
): PostStratificationResult {
  if (variables.length === 0) throw new SurveyInputError("post-stratification needs at least one variable");
  const columns = variables.map((name) => requireColumn(table, name));
  const n = columns[0]?.length ?? 0;
  const index = new Map<string, number>();
  cells.forEach((cell, k) => {
    if (cell.categories.length !== variables.length) {
      throw new SurveyInputError(
        `a population cell has ${cell.categories.length} categories for ${variables.length} variables`,
      );
    }
    if (!(Number.isFinite(cell.population) && cell.population >= 0)) {
      throw new SurveyInputError(`population of cell ${cell.categories.join(" × ")} is ${cell.population}`);
    }
    const key = cell.categories.join(CELL_SEPARATOR);
    if (index.has(key))
      throw new SurveyInputError(`cell ${cell.categories.join(" × ")} has two population figures`);
    index.set(key, k);
  });
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const values = columns.map((column, v) => {
      const value = column[i] ?? null;
      if (value === null)
        throw new SurveyInputError(`respondent ${i + 1} has no value for "${variables[v]}"`);
      return value;
    });
    const code = index.get(values.join(CELL_SEPARATOR));
    if (code === undefined)
      throw new SurveyInputError(
        `respondent ${i + 1} is in cell ${values.join(" × ")}, which has no population figure`,
      );
    codes[i] = code;
  }
  const factor: Factor = {
    name: variables.join("×"),
    levels: cells.map((cell) => cell.categories.join(" × ")),
    codes,
  };
  const base = checkedBaseWeights(n, options.baseWeights);
  const baseTotals = weightedTotals(factor, base);
  const counts = levelCounts(factor);
  const adjustments = cells.map((cell, k) => {
    const label = cell.categories.join(" × ");
    if (cell.population > 0 && counts[k] === 0)
      throw new SurveyInputError(`no respondents in cell ${label}, so it cannot be weighted`);
    if (cell.population === 0 && (counts[k] as number) > 0)
      throw new SurveyInputError(`cell ${label} has respondents but a population of 0`);
    return (counts[k] as number) > 0 ? cell.population / (baseTotals[k] as number) : 0;
  });
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = (base[i] as number) * (adjustments[codes[i] as number] as number);
  return {
    weights,
    calibration: {
      kind: "post-stratification",
      factors: [factor],
      projectionWeights: weights.slice(),
      regressionWeights: options.baseWeights === undefined ? null : base,
    },
    cells: cells.map((cell, k) => ({
      categories: cell.categories,
      sampleCount: counts[k] as number,
      population: cell.population,
      adjustment: adjustments[k] as number,
    })),
  };
}

export interface TrimmingOptions {
  readonly upper?: number;
  readonly lower?: number;
  /** Repeat until no weight is outside the bounds, as R's `strict = TRUE`; one pass otherwise. */
  readonly strict?: boolean;
}

export interface TrimmingPass {
  readonly outsideCount: number;
  /** Σ (w − clamped w): positive for weight cut at the top, negative for weight added at the bottom. */
  readonly trimmedAmount: number;
  readonly additionPerUntrimmed: number;
}

export interface TrimmingResult {
  readonly weights: Float64Array;
  readonly upper: number;
  readonly lower: number;
  /** Indices of respondents whose weight was outside the bounds in any pass, ascending. */
  readonly trimmedIndices: readonly number[];
  readonly passes: readonly TrimmingPass[];
}

/** Relative excess below which strict trimming stops redistributing (rounding noise, not weight). */
const STRICT_NEGLIGIBLE = 1e-14;
/** Bound on strict passes: each pass shrinks the excess geometrically, so real cases stop long before. */
const MAX_TRIMMING_PASSES = 10_000;

/**
 * Weight trimming as R survey's `trimWeights` does it: weights outside [lower, upper] are set to the bound, and
 * the net amount removed is added in equal parts (additively, not proportionally) to every weight that was
 * inside, so the total is unchanged. Margins no longer hold exactly afterwards.
 */
export function trimWeights(weights: ArrayLike<number>, options: TrimmingOptions): TrimmingResult {
  const upper = options.upper ?? Number.POSITIVE_INFINITY;
  const lower = options.lower ?? Number.NEGATIVE_INFINITY;
  if (Number.isNaN(upper) || Number.isNaN(lower) || !(upper > lower)) {
    throw new SurveyInputError(`trimming bounds [${lower}, ${upper}] are not an interval`);
  }
  const current = Float64Array.from(weights as ArrayLike<number>);
  const n = current.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += current[i] as number;
  if (options.strict) {
    if (total > n * upper || total < n * lower) {
      throw new SurveyInputError(
        `no weights within [${lower}, ${upper}] can keep the total ${total} of ${n} weights`,
      );
    }
  }
  const everTrimmed = new Uint8Array(n);
  const passes: TrimmingPass[] = [];
  const outside = new Uint8Array(n);
  for (let pass = 0; pass < MAX_TRIMMING_PASSES; pass++) {
    let outsideCount = 0;
    let trimmedAmount = 0;
    for (let i = 0; i < n; i++) {
      const w = current[i] as number;
      const isOutside = w < lower || w > upper;
      outside[i] = isOutside ? 1 : 0;
      if (isOutside) {
        const clamped = Math.max(lower, Math.min(w, upper));
        trimmedAmount += w - clamped;
        current[i] = clamped;
        everTrimmed[i] = 1;
        outsideCount++;
      }
    }
    if (outsideCount === 0) break;
    if (pass > 0 && Math.abs(trimmedAmount) <= STRICT_NEGLIGIBLE * total) {
      // Only rounding-level excess is left: R's recursion would pass one ulp back and forth for ever (until
      // its stack overflows); the weights are clamped and the < 1e-14 relative remainder is dropped.
      passes.push({ outsideCount, trimmedAmount, additionPerUntrimmed: 0 });
      break;
    }
    if (outsideCount === n)
      throw new SurveyInputError(
        "every weight is outside the trimming bounds; nothing can take up the trimmed weight",
      );
    const addition = trimmedAmount / (n - outsideCount);
    for (let i = 0; i < n; i++) if (outside[i] === 0) current[i] = (current[i] as number) + addition;
    passes.push({ outsideCount, trimmedAmount, additionPerUntrimmed: addition });
    if (!options.strict) break;
    if (pass === MAX_TRIMMING_PASSES - 1) throw new SurveyInputError("strict trimming did not settle");
  }
  const trimmedIndices: number[] = [];
  everTrimmed.forEach((flag, i) => {
    if (flag) trimmedIndices.push(i);
  });
  return { weights: current, upper, lower, trimmedIndices, passes };
}

/** Kish's summary of a weight vector: spread, effective sample size and design effect due to weighting. */
export interface WeightSummary {
  readonly n: number;
  readonly sum: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly maxOverMean: number;
  /** (Σw)² / Σw² (Kish 1965). */
  readonly kishEffectiveN: number;
  /** n · Σw² / (Σw)² = n / effective n. */
  readonly kishDesignEffect: number;
}

/** Summarises weights over all respondents. */
export function summarizeWeights(weights: ArrayLike<number>): WeightSummary {
  const n = weights.length;
  let sum = 0;
  let sumSquares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    sum += w;
    sumSquares += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const mean = sum / n;
  return {
    n,
    sum,
    mean,
    min,
    max,
    maxOverMean: max / mean,
    kishEffectiveN: (sum * sum) / sumSquares,
    kishDesignEffect: (n * sumSquares) / (sum * sum),
  };
}
