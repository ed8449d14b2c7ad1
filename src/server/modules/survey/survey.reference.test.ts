// Reproduces every number in shared/survey-reference/expected.json (computed by R's survey package) from the
// reference CSVs. Each expected numeric field must be matched by a computed one, so a new field in the oracle
// fails here until it is reproduced.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ColumnTable,
  distinctValues,
  domainMask,
  encodeFactor,
  indicatorColumn,
  numericColumn,
  requireColumn,
} from "./domain/columns.ts";
import { normalQuantile } from "./domain/distributions.ts";
import {
  compareIndependent,
  type Estimate,
  estimateDistribution,
  estimateMean,
  estimateNps,
  estimateShare,
  estimateUnweightedMean,
  type NpsEstimate,
  type ShareEstimate,
  Z_975,
} from "./domain/estimation.ts";
import { createDesign, type SurveyDesign, withoutCalibration, withWeights } from "./domain/linearization.ts";
import {
  DEFAULT_MAX_RAKING_CYCLES,
  DEFAULT_RAKING_TOLERANCE,
  groupMargins,
  levelCounts,
  type PopulationFigure,
  postStratify,
  type RakingResult,
  rakeToMargins,
  summarizeWeights,
  trimWeights,
  weightedTotals,
} from "./domain/weighting.ts";
import { csvColumns, populationCells, populationFigures, readCsvFile, selectYear } from "./survey.csv.ts";

/** The repository root (the folder with package.json above this file); shared/ lies beside it. */
function repositoryRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
  return dir;
}

/** shared/survey-reference beside the repository; KESKIO_SURVEY_REFERENCE_DIR overrides it. */
const REFERENCE_DIR =
  process.env.KESKIO_SURVEY_REFERENCE_DIR ??
  resolve(repositoryRoot(import.meta.dirname), "..", "shared", "survey-reference");
const hasReference = existsSync(join(REFERENCE_DIR, "expected.json"));

if (!hasReference && !process.env.CI) {
  console.warn(`survey reference test SKIPPED: ${REFERENCE_DIR} not found (it is required when CI is set)`);
}

// In CI the reference must be there: a missing folder fails the run instead of skipping the comparisons.
if (!hasReference && process.env.CI) {
  throw new Error(
    `${REFERENCE_DIR} is missing; CI must run with shared/survey-reference beside the repository`,
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Tolerance = { group: string; kind: "abs" | "rel" | "exact"; limit: number };

const WEIGHT: Tolerance = { group: "weights (relative)", kind: "rel", limit: 1e-8 };
const CLOSED_FORM_WEIGHT: Tolerance = {
  group: "post-stratified weights (relative)",
  kind: "rel",
  limit: 1e-12,
};
const WEIGHT_STAT: Tolerance = { group: "weight sums, margins, bounds (relative)", kind: "rel", limit: 1e-8 };
const KISH: Tolerance = { group: "Kish n_eff / deff (relative)", kind: "rel", limit: 1e-9 };
const ESTIMATE: Tolerance = { group: "estimates (absolute)", kind: "abs", limit: 1e-8 };
const SE: Tolerance = { group: "SEs and intervals (absolute)", kind: "abs", limit: 1e-6 };
const COVARIANCE: Tolerance = { group: "covariance (absolute)", kind: "abs", limit: 1e-9 };
const TEST: Tolerance = { group: "z and p-values (relative)", kind: "rel", limit: 1e-6 };
const COUNT: Tolerance = { group: "counts (exact)", kind: "exact", limit: 0 };
const SETTING: Tolerance = { group: "settings (exact)", kind: "exact", limit: 0 };

/** Tolerance by field name (survey-reference/README.md "Suggested comparison tolerances"). */
const TOLERANCE_BY_KEY: Record<string, Tolerance> = {
  estimate: ESTIMATE,
  promoter_share: ESTIMATE,
  detractor_share: ESTIMATE,
  p2025: ESTIMATE,
  p2024: ESTIMATE,
  diff: ESTIMATE,
  se: SE,
  ci_low: SE,
  ci_high: SE,
  ci_logit_low: SE,
  ci_logit_high: SE,
  promoter_se: SE,
  detractor_se: SE,
  se2025: SE,
  se2024: SE,
  se_diff: SE,
  se_survey: SE,
  se_if_projection_used_trimmed_weights: SE,
  q1_mean_se_ols_residual_form: SE,
  q1_mean_se_survey: SE,
  q1_mean_se_manual_10_sweeps: SE,
  q1_mean_se_manual_500_sweeps: SE,
  q1_mean_se_no_calibration_term: SE,
  cov_promoter_detractor: COVARIANCE,
  z: TEST,
  p_value: TEST,
  kish_n_eff: KISH,
  kish_deff: KISH,
  sum: WEIGHT_STAT,
  mean: WEIGHT_STAT,
  min: WEIGHT_STAT,
  max: WEIGHT_STAT,
  max_over_mean: WEIGHT_STAT,
  upper_bound: WEIGHT_STAT,
  total_trimmed_amount: { group: "trimmed amounts (absolute)", kind: "abs", limit: 1e-9 },
  addition_per_untrimmed_unit: { group: "trimmed amounts (absolute)", kind: "abs", limit: 1e-9 },
  n: COUNT,
  n_used: COUNT,
  n_trimmed: COUNT,
  n_above: COUNT,
  sample_n: COUNT,
  logit_df: COUNT,
  rake_iterations_needed: COUNT,
  population: COUNT,
  multiplier: SETTING,
  // expected.json has 15 significant digits, so 1e-14 is as close as it can show.
  z_975: { group: "normal quantile (absolute)", kind: "abs", limit: 1e-14 },
};

const worst = new Map<string, { deviation: number; path: string }>();
let comparedNumbers = 0;

function deviationOf(actual: number, expected: number, tolerance: Tolerance): number {
  if (tolerance.kind === "rel")
    return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  return Math.abs(actual - expected);
}

function compareNumber(actual: unknown, expected: number, tolerance: Tolerance, path: string): void {
  expect(typeof actual, `${path}: no computed value`).toBe("number");
  const value = actual as number;
  const deviation = deviationOf(value, expected, tolerance);
  comparedNumbers++;
  const current = worst.get(tolerance.group);
  if (!current || deviation > current.deviation) worst.set(tolerance.group, { deviation, path });
  if (tolerance.kind === "exact") expect(value, path).toBe(expected);
  else expect(deviation, `${path}: computed ${value}, R ${expected}`).toBeLessThanOrEqual(tolerance.limit);
}

/**
 * Compares every field of `expected` with `actual`: numbers with the tolerance of their field name (or the
 * given one), strings exactly, objects and arrays recursively. `skip` names fields that are text only.
 */
function compareTree(
  actual: unknown,
  expected: Json,
  path: string,
  tolerance?: Tolerance,
  skip: readonly string[] = [],
): void {
  if (typeof expected === "number") {
    const name =
      path
        .split(".")
        .at(-1)
        ?.replace(/\[\d+\]$/, "") ?? "";
    const chosen = tolerance ?? TOLERANCE_BY_KEY[name];
    if (!chosen) throw new Error(`${path}: no tolerance defined for this field`);
    compareNumber(actual, expected, chosen, path);
    return;
  }
  if (typeof expected === "string" || typeof expected === "boolean" || expected === null) {
    expect(actual, path).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path}: computed value is not a list`).toBe(true);
    expect((actual as unknown[]).length, `${path}: length`).toBe(expected.length);
    expected.forEach((item, k) => {
      compareTree((actual as unknown[])[k], item, `${path}[${k}]`, tolerance, skip);
    });
    return;
  }
  expect(actual !== null && typeof actual === "object", `${path}: computed value is not an object`).toBe(
    true,
  );
  for (const [key, value] of Object.entries(expected)) {
    if (skip.includes(key)) continue;
    compareTree((actual as Record<string, unknown>)[key], value, `${path}.${key}`, tolerance, skip);
  }
}

// ---- computing the reference quantities with the domain library ----

const AGE = ["15-29", "30-44", "45-64", "65-74", "75+"];
const SEX = ["female", "male"];
const AREA = ["Keskusta", "Jyränkö", "Tommola", "Vierumäki", "Kirkonkylä-Lusi"];
const CHANNEL = ["phone", "web", "paper"];
const Q4 = ["health_social", "schools_daycare", "culture_sports", "streets_transport"];

function shape(estimate: Estimate): JsonObject {
  return {
    estimate: estimate.estimate,
    se: estimate.se,
    ci_low: estimate.ciLow,
    ci_high: estimate.ciHigh,
    n_used: estimate.nUsed,
  };
}

function shareShape(share: ShareEstimate): JsonObject {
  return {
    ...shape(share),
    ci_logit_low: share.ciLogitLow,
    ci_logit_high: share.ciLogitHigh,
    logit_df: share.logitDf,
  };
}

function npsShape(nps: NpsEstimate): JsonObject {
  return {
    ...shape(nps),
    promoter_share: nps.promoterShare,
    promoter_se: nps.promoterSe,
    detractor_share: nps.detractorShare,
    detractor_se: nps.detractorSe,
    cov_promoter_detractor: nps.promoterDetractorCovariance,
  };
}

interface YearData {
  table: ColumnTable;
  figures: PopulationFigure[];
  q1: Float64Array;
  satisfied: Float64Array;
  q2: Float64Array;
  volunteer: Float64Array;
}

function loadYear(year: number): YearData {
  const table = csvColumns(readCsvFile(join(REFERENCE_DIR, `respondents_${year}.csv`)));
  const marginsPath = join(REFERENCE_DIR, "population_margins.csv");
  const figures = populationFigures(selectYear(readCsvFile(marginsPath), year, marginsPath), marginsPath);
  const q1Values = requireColumn(table, "q1");
  return {
    table,
    figures,
    q1: numericColumn("q1", q1Values),
    satisfied: indicatorColumn(q1Values, new Set(["4", "5"])),
    q2: numericColumn("q2", requireColumn(table, "q2")),
    volunteer: indicatorColumn(requireColumn(table, "q3"), new Set(["yes"])),
  };
}

function designEstimates(design: SurveyDesign, data: YearData): JsonObject {
  const areas = requireColumn(data.table, "area");
  return {
    q1_mean: shape(estimateMean(design, data.q1)),
    satisfied_share: shareShape(estimateShare(design, data.satisfied)),
    nps: npsShape(estimateNps(design, data.q2)),
    q3_yes_share: shareShape(estimateShare(design, data.volunteer)),
    q4_distribution: estimateDistribution(design, requireColumn(data.table, "q4"), Q4).map((row) => ({
      category: row.category,
      ...shape(row),
    })),
    q1_mean_by_area: AREA.map((area) => ({
      area,
      ...shape(estimateMean(design, data.q1, { domain: domainMask(areas, area) })),
    })),
  };
}

function counts(values: readonly (string | null)[], levels: readonly string[]): JsonObject {
  const factor = encodeFactor("x", values, levels);
  const tally = levelCounts(factor);
  return Object.fromEntries(levels.map((level, k) => [level, tally[k] as number]));
}

function unweightedEstimates(data: YearData): JsonObject {
  const areas = requireColumn(data.table, "area");
  const q4 = requireColumn(data.table, "q4");
  const channel = requireColumn(data.table, "channel");
  const age = requireColumn(data.table, "age_group");
  const points = data.q2.map((score) =>
    Number.isNaN(score) ? Number.NaN : 100 * ((score >= 9 ? 1 : 0) - (score <= 6 ? 1 : 0)),
  );
  return {
    q1_mean: shape(estimateUnweightedMean(data.q1)),
    satisfied_share: shape(estimateUnweightedMean(data.satisfied)),
    nps: shape(estimateUnweightedMean(points)),
    q3_yes_share: shape(estimateUnweightedMean(data.volunteer)),
    q4_distribution: Q4.map((category) => ({
      category,
      ...shape(estimateUnweightedMean(indicatorColumn(q4, new Set([category])))),
    })),
    q1_mean_by_area: AREA.map((area) => ({
      area,
      ...shape(estimateUnweightedMean(data.q1, { domain: domainMask(areas, area) })),
    })),
    sample_composition: {
      channel: counts(channel, CHANNEL),
      age_group: counts(age, AGE),
      sex: counts(requireColumn(data.table, "sex"), SEX),
      area: counts(areas, AREA),
      age_by_channel: Object.fromEntries(
        CHANNEL.map((ch) => [
          ch,
          counts(
            age.filter((_, i) => channel[i] === ch),
            AGE,
          ),
        ]),
      ),
    },
    missing_counts: Object.fromEntries(
      ["q1", "q2", "q3", "q4"].map((name) => [
        name,
        requireColumn(data.table, name).filter((v) => v === null).length,
      ]),
    ),
  };
}

function weightSummaryShape(weights: ArrayLike<number>): JsonObject {
  const s = summarizeWeights(weights);
  return {
    n: s.n,
    sum: s.sum,
    mean: s.mean,
    min: s.min,
    max: s.max,
    max_over_mean: s.maxOverMean,
    kish_n_eff: s.kishEffectiveN,
    kish_deff: s.kishDesignEffect,
  };
}

function marginCheck(raked: RakingResult, weights: ArrayLike<number>): JsonObject {
  return Object.fromEntries(
    raked.calibration.factors.map((factor) => {
      const totals = weightedTotals(factor, weights);
      return [factor.name, Object.fromEntries(factor.levels.map((level, c) => [level, totals[c] as number]))];
    }),
  );
}

function weightList(table: ColumnTable, weights: ArrayLike<number>): JsonObject[] {
  const ids = requireColumn(table, "id");
  return ids.map((id, i) => ({ id, weight: weights[i] as number }));
}

describe.skipIf(!hasReference)("survey reference (R survey 4.1.1): every number in expected.json", () => {
  const expected = (
    hasReference ? JSON.parse(readFileSync(join(REFERENCE_DIR, "expected.json"), "utf8")) : {}
  ) as JsonObject;
  const loaded = hasReference ? { 2025: loadYear(2025), 2024: loadYear(2024) } : null;
  const yearData = (year: 2025 | 2024): YearData => {
    if (!loaded) throw new Error("reference data not loaded");
    return loaded[year];
  };
  const raked = new Map<number, RakingResult>();
  const designs = new Map<number, SurveyDesign>();
  const rakedFor = (year: 2025 | 2024) => {
    let result = raked.get(year);
    if (!result) {
      const data = yearData(year);
      result = rakeToMargins(data.table, data.figures);
      raked.set(year, result);
      designs.set(year, createDesign(result.weights, result.calibration));
    }
    return { result, design: designs.get(year) as SurveyDesign, data: yearData(year) };
  };

  afterAll(() => {
    if (worst.size === 0) return;
    const lines = [...worst.entries()].map(
      ([group, { deviation, path }]) =>
        `  ${group.padEnd(42)} worst ${deviation.toExponential(2).padStart(9)}  at ${path}`,
    );
    console.log(`survey reference: ${comparedNumbers} numbers compared\n${lines.join("\n")}`);
  });

  it("uses the reference settings: z quantile, margin order, tolerance, cycle limit", () => {
    const meta = expected.meta as JsonObject;
    compareTree({ z_975: Z_975 }, { z_975: meta.z_975 as number }, "meta");
    expect(normalQuantile(0.975)).toBe(Z_975);
    const rake = (expected.settings as JsonObject).rake as JsonObject;
    expect(groupMargins(yearData(2025).figures).map((m) => m.variable)).toEqual(rake.margins_order);
    expect(DEFAULT_RAKING_TOLERANCE).toBeLessThanOrEqual(rake.epsilon as number);
    expect(DEFAULT_MAX_RAKING_CYCLES).toBe(rake.maxit);
    expect(rake.initial_weight).toBe(1);
    // rake() scales epsilon < 1 by the sum of initial weights (1 per respondent).
    compareTree(
      { a: (rake.epsilon as number) * 600, b: (rake.epsilon as number) * 500 },
      { a: rake.epsilon_absolute_2025 as number, b: rake.epsilon_absolute_2024 as number },
      "settings.rake.epsilon_absolute",
      { group: "settings (relative)", kind: "rel", limit: 1e-15 },
    );
  });

  for (const year of [2025, 2024] as const) {
    describe(`year ${year}`, () => {
      const key = `year${year}`;
      const reference = () => expected[key] as JsonObject;

      it("raked weights, their summary and margins", () => {
        const { result, data } = rakedFor(year);
        const ref = reference();
        compareTree(data.table.get("id")?.length, ref.n as number, `${key}.n`);
        compareTree(
          weightList(data.table, result.weights),
          ref.weights_raking as Json,
          `${key}.weights_raking`,
          WEIGHT,
        );
        compareTree(
          weightSummaryShape(result.weights),
          ref.weight_summary_raking as Json,
          `${key}.weight_summary_raking`,
        );
        compareTree(
          marginCheck(result, result.weights),
          ref.weighted_margins_check as Json,
          `${key}.weighted_margins_check`,
          WEIGHT_STAT,
        );
        const file = readFileSync(join(REFERENCE_DIR, `expected_weights_${year}.csv`), "utf8")
          .trim()
          .split("\n")
          .slice(1);
        compareTree(
          file.map((line) => Number(line.split(",")[1])),
          Array.from(result.weights),
          `expected_weights_${year}.csv w_rake`,
          WEIGHT,
        );
        expect(result.maxRelativeError).toBeLessThanOrEqual(1e-10);
      });

      it("rake()'s own stop rule needs the same number of cycles as R", () => {
        const data = yearData(year);
        const rule = rakeToMargins(data.table, data.figures, { stopRule: "table-change", tolerance: 1e-10 });
        compareTree(
          rule.cycles,
          reference().rake_iterations_needed as number,
          `${key}.rake_iterations_needed`,
        );
        compareTree(
          weightList(data.table, rule.weights),
          reference().weights_raking as Json,
          `${key}.weights_raking (rake rule)`,
          WEIGHT,
        );
      });

      it("weighted estimates with calibration-aware SEs", () => {
        const { design, data } = rakedFor(year);
        compareTree(designEstimates(design, data), reference().raking as Json, `${key}.raking`);
      });

      it("unweighted comparison, sample composition and missing counts", () => {
        const data = yearData(year);
        const computed = unweightedEstimates(data);
        const ref = reference().unweighted as JsonObject;
        compareTree(computed, ref, `${key}.unweighted`, undefined, ["sample_composition", "missing_counts"]);
        compareTree(
          computed.sample_composition,
          ref.sample_composition as Json,
          `${key}.unweighted.sample_composition`,
          COUNT,
        );
        compareTree(
          computed.missing_counts,
          ref.missing_counts as Json,
          `${key}.unweighted.missing_counts`,
          COUNT,
        );
      });

      it("SE formula checks: regression form, survey's sweeps, and the wrong SE without calibration", () => {
        const { result, design, data } = rakedFor(year);
        const sweeps = (count: number) =>
          estimateMean(
            createDesign(result.weights, result.calibration, {
              projection: { kind: "sweeps", sweeps: count },
            }),
            data.q1,
          ).se;
        const regression = estimateMean(design, data.q1).se;
        const computed = {
          q1_mean_se_ols_residual_form: regression,
          q1_mean_se_survey: sweeps(10),
          q1_mean_se_manual_10_sweeps: sweeps(10),
          q1_mean_se_manual_500_sweeps: sweeps(500),
          q1_mean_se_no_calibration_term: estimateMean(withoutCalibration(design), data.q1).se,
        };
        compareTree(computed, reference().se_formula_check as Json, `${key}.se_formula_check`);
        // The calibration term matters: without it the SE is off by several per cent.
        expect(Math.abs(computed.q1_mean_se_no_calibration_term / regression - 1)).toBeGreaterThan(0.04);
      });
    });
  }

  it("post-stratification on age × sex (2025): cells, weights, summary, estimates", () => {
    const data = yearData(2025);
    const cellsPath = join(REFERENCE_DIR, "population_age_sex.csv");
    const { variables, cells } = populationCells(
      selectYear(readCsvFile(cellsPath), 2025, cellsPath),
      cellsPath,
    );
    expect(variables).toEqual(["age_group", "sex"]);
    const stratified = postStratify(data.table, variables, cells);
    const ref = expected.poststrat_age_sex_2025 as JsonObject;
    const cellShape = stratified.cells.map((cell) => ({
      age_group: cell.categories[0],
      sex: cell.categories[1],
      sample_n: cell.sampleCount,
      population: cell.population,
      weight: cell.adjustment,
    }));
    const refCells = ref.cells as JsonObject[];
    compareTree(
      refCells.map((refCell) =>
        cellShape.find((c) => c.age_group === refCell.age_group && c.sex === refCell.sex),
      ),
      refCells.map((refCell) => ({ ...refCell })),
      "poststrat_age_sex_2025.cells",
      undefined,
      ["weight"],
    );
    compareTree(
      refCells.map(
        (refCell) =>
          cellShape.find((c) => c.age_group === refCell.age_group && c.sex === refCell.sex)?.weight,
      ),
      refCells.map((refCell) => refCell.weight as number),
      "poststrat_age_sex_2025.cells.weight",
      CLOSED_FORM_WEIGHT,
    );
    compareTree(
      weightList(data.table, stratified.weights),
      ref.weights as Json,
      "poststrat_age_sex_2025.weights",
      CLOSED_FORM_WEIGHT,
    );
    compareTree(
      weightSummaryShape(stratified.weights),
      ref.weight_summary as Json,
      "poststrat_age_sex_2025.weight_summary",
    );
    const design = createDesign(stratified.weights, stratified.calibration);
    compareTree(designEstimates(design, data), ref.estimates as Json, "poststrat_age_sex_2025.estimates");
  });

  it("trimming at 3 × mean raked weight (2025), survey's projection quirk, and the 5 × check", () => {
    const { result, design, data } = rakedFor(2025);
    const ref = expected.trimming_2025 as JsonObject;
    const multiplier = ref.multiplier as number;
    const upper = multiplier * summarizeWeights(result.weights).mean;
    const trimmed = trimWeights(result.weights, { upper });
    const trimmedDesign = withWeights(design, trimmed.weights);
    const ids = requireColumn(data.table, "id");
    const first = trimmed.passes[0];
    const projectingWithTrimmed = createDesign(trimmed.weights, {
      ...result.calibration,
      projectionWeights: trimmed.weights,
    });
    const q1 = estimateMean(trimmedDesign, data.q1);
    const satisfied = estimateMean(trimmedDesign, data.satisfied);
    const fiveTimes = 5 * summarizeWeights(result.weights).mean;
    const computed = {
      rule: ref.rule,
      multiplier,
      upper_bound: upper,
      n_trimmed: trimmed.trimmedIndices.length,
      trimmed_ids: trimmed.trimmedIndices.map((i) => ids[i]),
      total_trimmed_amount: first?.trimmedAmount ?? 0,
      addition_per_untrimmed_unit: first?.additionPerUntrimmed ?? 0,
      weights: weightList(data.table, trimmed.weights),
      weight_summary: weightSummaryShape(trimmed.weights),
      weighted_margins_after_trimming: marginCheck(result, trimmed.weights),
      q1_mean: {
        estimate: q1.estimate,
        se_survey: q1.se,
        n_used: q1.nUsed,
        se_if_projection_used_trimmed_weights: estimateMean(projectingWithTrimmed, data.q1).se,
      },
      satisfied_share: { estimate: satisfied.estimate, se_survey: satisfied.se, n_used: satisfied.nUsed },
      five_times_mean_check: {
        upper_bound: fiveTimes,
        n_above: Array.from(result.weights).filter((w) => w > fiveTimes).length,
      },
    };
    compareTree(computed, ref, "trimming_2025", undefined, ["weights", "weighted_margins_after_trimming"]);
    compareTree(computed.weights, ref.weights as Json, "trimming_2025.weights", WEIGHT);
    compareTree(
      computed.weighted_margins_after_trimming,
      ref.weighted_margins_after_trimming as Json,
      "trimming_2025.weighted_margins_after_trimming",
      WEIGHT_STAT,
    );
  });

  it("year-over-year change of the satisfied share and of the q1 mean (z-test)", () => {
    const now = rakedFor(2025);
    const before = rakedFor(2024);
    const share25 = estimateShare(now.design, now.data.satisfied);
    const share24 = estimateShare(before.design, before.data.satisfied);
    const change = compareIndependent(share25, share24);
    const q1Change = compareIndependent(
      estimateMean(now.design, now.data.q1),
      estimateMean(before.design, before.data.q1),
    );
    const ref = expected.yoy_satisfied_2025_vs_2024 as JsonObject;
    const computed = {
      method: ref.method,
      p2025: share25.estimate,
      se2025: share25.se,
      p2024: share24.estimate,
      se2024: share24.se,
      diff: change.difference,
      se_diff: change.se,
      ci_low: change.ciLow,
      ci_high: change.ciHigh,
      z: change.z,
      p_value: change.pValue,
      // R's combined design (year as stratum) agrees with the independent-samples test to ~1e-15, so the same
      // figures must match it.
      combined_design_check: {
        description: (ref.combined_design_check as JsonObject).description,
        diff: change.difference,
        se_diff: change.se,
      },
      q1_mean_diff: {
        diff: q1Change.difference,
        se_diff: q1Change.se,
        z: q1Change.z,
        p_value: q1Change.pValue,
      },
    };
    compareTree(computed, ref, "yoy_satisfied_2025_vs_2024");
  });

  it("covers every numeric field of expected.json", () => {
    // Counted leaves of the oracle versus compared numbers (some fields are compared twice: CSV and rake rule).
    let leaves = 0;
    const walk = (node: Json) => {
      if (typeof node === "number") leaves++;
      else if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") Object.values(node).forEach(walk);
    };
    walk(expected);
    expect(comparedNumbers).toBeGreaterThanOrEqual(leaves);
    expect(distinctValues(requireColumn(yearData(2025).table, "area"))).toHaveLength(AREA.length);
  });
});
