import {
  type Column,
  type ColumnTable,
  distinctValues,
  domainMask,
  indicatorColumn,
  numericColumn,
  requireColumn,
  SurveyInputError,
} from "./columns.ts";
import {
  type Comparison,
  compareIndependent,
  type Estimate,
  estimateDistribution,
  estimateMean,
  estimateNps,
  estimateShare,
} from "./estimation.ts";
import {
  createDesign,
  type DomainRows,
  domainRows,
  type SurveyDesign,
  withWeights,
} from "./linearization.ts";
import {
  groupMargins,
  levelCounts,
  type PopulationCell,
  type PopulationFigure,
  postStratify,
  rakeToMargins,
  summarizeWeights,
  type TrimmingResult,
  trimWeights,
  type WeightSummary,
  weightedTotals,
} from "./weighting.ts";

/** How to weight: rake to margins or post-stratify on cells, optionally trim at k × mean weight. */
export interface WeightingPlan {
  readonly margins?: readonly PopulationFigure[];
  readonly cells?: { readonly variables: readonly string[]; readonly cells: readonly PopulationCell[] };
  /** Trim at this multiple of the mean weight (R: `trimWeights(design, upper = k * mean(w))`). */
  readonly trimMultiplier?: number;
  readonly trimStrict?: boolean;
  readonly tolerance?: number;
  readonly maxCycles?: number;
}

/** A weighted category of a margin or post-stratification cell, for checking the weights against the population. */
export interface MarginCheck {
  readonly variable: string;
  readonly category: string;
  readonly population: number;
  readonly sampleCount: number;
  readonly weightedTotal: number;
}

export interface WeightingOutcome {
  readonly method: "raking" | "post-stratification";
  readonly design: SurveyDesign;
  readonly summary: WeightSummary;
  readonly cycles: number | null;
  readonly maxRelativeError: number | null;
  readonly trimming: TrimmingResult | null;
  readonly margins: readonly MarginCheck[];
}

/** Weights the respondents as the plan says and returns the design for estimation with checks for the operator. */
export function weightRespondents(table: ColumnTable, plan: WeightingPlan): WeightingOutcome {
  if ((plan.margins === undefined) === (plan.cells === undefined)) {
    throw new SurveyInputError(
      "give either population margins (raking) or population cells (post-stratification)",
    );
  }
  let design: SurveyDesign;
  let cycles: number | null = null;
  let maxRelativeError: number | null = null;
  let method: WeightingOutcome["method"];
  let checks: (weights: Float64Array) => MarginCheck[];
  if (plan.margins) {
    const raked = rakeToMargins(table, plan.margins, {
      ...(plan.tolerance === undefined ? {} : { tolerance: plan.tolerance }),
      ...(plan.maxCycles === undefined ? {} : { maxCycles: plan.maxCycles }),
    });
    method = "raking";
    design = createDesign(raked.weights, raked.calibration);
    cycles = raked.cycles;
    maxRelativeError = raked.maxRelativeError;
    const margins = groupMargins(plan.margins);
    checks = (weights) =>
      raked.calibration.factors.flatMap((factor, m) => {
        const totals = weightedTotals(factor, weights);
        const counts = levelCounts(factor);
        return factor.levels.map((category, c) => ({
          variable: factor.name,
          category,
          population: margins[m]?.populations[c] as number,
          sampleCount: counts[c] as number,
          weightedTotal: totals[c] as number,
        }));
      });
  } else {
    const { variables, cells } = plan.cells as NonNullable<WeightingPlan["cells"]>;
    const stratified = postStratify(table, variables, cells);
    method = "post-stratification";
    design = createDesign(stratified.weights, stratified.calibration);
    const factor = stratified.calibration.factors[0];
    checks = (weights) => {
      const totals = factor ? weightedTotals(factor, weights) : new Float64Array(0);
      return stratified.cells.map((cell, k) => ({
        variable: variables.join("×"),
        category: cell.categories.join(" × "),
        population: cell.population,
        sampleCount: cell.sampleCount,
        weightedTotal: totals[k] as number,
      }));
    };
  }
  let trimming: TrimmingResult | null = null;
  if (plan.trimMultiplier !== undefined) {
    if (!(Number.isFinite(plan.trimMultiplier) && plan.trimMultiplier > 0)) {
      throw new SurveyInputError(`trimming multiple ${plan.trimMultiplier} must be a positive number`);
    }
    const upper = plan.trimMultiplier * summarizeWeights(design.weights).mean;
    trimming = trimWeights(design.weights, { upper, strict: plan.trimStrict ?? false });
    design = withWeights(design, trimming.weights);
  }
  return {
    method,
    design,
    summary: summarizeWeights(design.weights),
    cycles,
    maxRelativeError,
    trimming,
    margins: checks(design.weights),
  };
}

/** One thing to estimate from the answers. */
export type EstimateSpec =
  | { readonly kind: "mean"; readonly column: string }
  | { readonly kind: "share"; readonly column: string; readonly success: readonly string[] }
  | { readonly kind: "nps"; readonly column: string }
  | { readonly kind: "distribution"; readonly column: string; readonly levels?: readonly string[] };

/** A variable whose categories are domains (e.g. area); levels in the order to report them. */
export interface DomainSpec {
  readonly variable: string;
  readonly levels?: readonly string[];
}

/** One line of a report: an estimate for the whole sample or a domain. */
export interface EstimateRow extends Estimate {
  /** Stable identity used to match the same line across years. */
  readonly key: string;
  readonly measure: string;
  readonly kind: EstimateSpec["kind"];
  readonly column: string;
  readonly category: string | null;
  readonly domainVariable: string | null;
  readonly domain: string | null;
  readonly ciLogitLow?: number;
  readonly ciLogitHigh?: number;
  readonly promoterShare?: number;
  readonly promoterSe?: number;
  readonly detractorShare?: number;
  readonly detractorSe?: number;
  readonly promoterDetractorCovariance?: number;
}

function measureOf(spec: EstimateSpec): string {
  switch (spec.kind) {
    case "mean":
      return `mean ${spec.column}`;
    case "share":
      return `share ${spec.column} ∈ {${spec.success.join(", ")}}`;
    case "nps":
      return `NPS ${spec.column}`;
    case "distribution":
      return `distribution ${spec.column}`;
  }
}

/**
 * Computes every spec for the whole sample and for each domain of each domain variable, in that order. The
 * weights are never re-derived per item or per domain (README "Missing answers").
 */
export function computeEstimates(
  design: SurveyDesign,
  table: ColumnTable,
  specs: readonly EstimateSpec[],
  domains: readonly DomainSpec[] = [],
  level = 0.95,
): EstimateRow[] {
  const domainList: { variable: string | null; level: string | null; mask: DomainRows | null }[] = [
    { variable: null, level: null, mask: null },
  ];
  for (const domain of domains) {
    const values = requireColumn(table, domain.variable);
    const levels = domain.levels ?? distinctValues(values);
    for (const value of levels) {
      domainList.push({
        variable: domain.variable,
        level: value,
        mask: domainRows(domainMask(values, value)),
      });
    }
  }
  const rows: EstimateRow[] = [];
  for (const spec of specs) {
    const values: Column = requireColumn(table, spec.column);
    const measure = measureOf(spec);
    const specKey =
      spec.kind === "share"
        ? `share:${spec.column}=${spec.success.join("|")}`
        : `${spec.kind}:${spec.column}`;
    const y =
      spec.kind === "mean" || spec.kind === "nps"
        ? numericColumn(spec.column, values)
        : spec.kind === "share"
          ? indicatorColumn(values, new Set(spec.success))
          : null;
    const categories = spec.kind === "distribution" ? (spec.levels ?? distinctValues(values)) : [];
    for (const domain of domainList) {
      const options = { domain: domain.mask, level };
      const base = {
        measure,
        kind: spec.kind,
        column: spec.column,
        domainVariable: domain.variable,
        domain: domain.level,
      };
      const domainKey = domain.variable === null ? "" : `@${domain.variable}=${domain.level}`;
      if (spec.kind === "distribution") {
        for (const estimate of estimateDistribution(design, values, categories, options)) {
          rows.push({ ...base, ...estimate, key: `${specKey}=${estimate.category}${domainKey}` });
        }
        continue;
      }
      const estimate =
        spec.kind === "mean"
          ? estimateMean(design, y as Float64Array, options)
          : spec.kind === "share"
            ? estimateShare(design, y as Float64Array, options)
            : estimateNps(design, y as Float64Array, options);
      rows.push({ ...base, ...estimate, category: null, key: `${specKey}${domainKey}` });
    }
  }
  return rows;
}

/** A report line with last year's figure and the z-test of the change, when last year has the same line. */
export interface ComparedRow {
  readonly current: EstimateRow;
  readonly previous: EstimateRow | null;
  readonly comparison: Comparison | null;
}

/** Pairs this year's lines with the previous year's by key and tests each difference (independent samples). */
export function compareRows(
  current: readonly EstimateRow[],
  previous: readonly EstimateRow[],
  level = 0.95,
): ComparedRow[] {
  const byKey = new Map(previous.map((row) => [row.key, row]));
  return current.map((row) => {
    const before = byKey.get(row.key) ?? null;
    return {
      current: row,
      previous: before,
      comparison: before ? compareIndependent(row, before, level) : null,
    };
  });
}
