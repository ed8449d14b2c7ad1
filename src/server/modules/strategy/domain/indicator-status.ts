// The status rule of one strategy indicator (issue 4, item 3): the latest value of the total series is judged
// against the straight path from the baseline to the target at the latest value's year.
//
// The rule, in order (s = +1 when more is better, −1 when less is better; "better" means s × difference > 0):
//  1. No total value after the baseline year → no_data.
//  2. increase/decrease: the target is reached (latest at or better than the target) → on_track. A target
//     that is not an improvement on the baseline (e.g. "slow the decline to at least 17 500") is a floor
//     that only counts as reached from the target year on; otherwise any value above it would count.
//  3. increase/decrease: at or better than the path → on_track. Behind the path by at most the tolerance →
//     at_risk (the gap is within noise, so not yet "off"). Behind by more, but still having made at least
//     half of the change the path expects by now → at_risk. Anything worse → off_track, with the reason
//     telling apart moving the wrong way, standing still, and moving the right way far too slowly.
//     "Half the expected change" has a plain reading: at the average pace since the baseline the indicator
//     would reach less than half of the planned change by the target year.
//  4. maintain: within the tolerance of the path → on_track; within twice the tolerance → at_risk; else off_track.
//  5. Stale: when the latest value is more than `staleAfterYears` older than `asOfYear`, the status is no_data
//     (reason "stale") while the other fields still describe that old value: a 2016 figure says nothing about
//     2025, and showing it as "on track" would mislead. Three years is the default because survey-based
//     indicators (Kouluterveyskysely, FinSote) appear every two years and are published a year later.
// Values at or before the baseline year never count: the baseline is the reference, and older values are
// history for charts. Split values (area, age group, sex) never count: the status uses the total series.

/** Which way the indicator should move. */
export type DesiredDirection = "increase" | "decrease" | "maintain";
/** The four statuses shown to residents. */
export type Status = "on_track" | "at_risk" | "off_track" | "no_data";
/** Which way the latest value has moved from the baseline, relative to the desired direction. */
export type Movement = "right" | "wrong" | "flat";

/** Why the status is what it is; a closed set so that the explanation can be worded in every language. */
export type StatusReason =
  | "no_values_after_baseline"
  | "only_breakdowns"
  | "stale"
  | "target_reached"
  | "on_or_ahead_of_path"
  | "slightly_behind_path"
  | "behind_path"
  | "far_behind_path"
  | "no_progress"
  | "wrong_direction"
  | "held_within_tolerance"
  | "drifting"
  | "drifted";

/** A value in a given year. */
export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** One stored value; `null` values are gaps (e.g. Sotkanet suppresses small counts). No split = the total. */
export interface IndicatorObservation {
  readonly year: number;
  readonly value: number | null;
  readonly area?: string | null;
  readonly ageGroup?: string | null;
  readonly sex?: string | null;
}

/** What the status rule needs of an indicator. `tolerance` is in the indicator's own unit. */
export interface IndicatorDefinition {
  readonly direction: DesiredDirection;
  readonly baseline: YearValue;
  readonly target: YearValue;
  readonly tolerance?: number | null;
}

/** An indicator with its values, in any order. */
export interface IndicatorSeries extends IndicatorDefinition {
  readonly values: readonly IndicatorObservation[];
}

/** The thresholds of the rule; see the file comment for the reasoning behind each default. */
export interface StatusRuleOptions {
  /** The current year; when absent, staleness is not judged. */
  readonly asOfYear?: number;
  /** A latest value more than this many years before asOfYear is stale. */
  readonly staleAfterYears: number;
  /**
   * Tolerance when none is set, as a share of the planned change |target − baseline|: 10 % keeps one year's
   * noise from flipping the status, yet is small enough that a real shortfall shows.
   */
  readonly defaultToleranceShare: number;
  /**
   * Tolerance when none is set and the target equals the baseline ("keep it at 70 %"), as a share of the
   * baseline's magnitude: there is no planned change to take a share of.
   */
  readonly defaultMaintainToleranceShare: number;
  /** Behind the path beyond the tolerance stays at_risk while at least this share of the expected change is made. */
  readonly atRiskMinProgressShare: number;
  /** maintain: deviation up to this many tolerances is at_risk, beyond it off_track. */
  readonly maintainAtRiskMultiple: number;
}

/** Default thresholds of the status rule. */
export const DEFAULT_STATUS_RULE: StatusRuleOptions = Object.freeze({
  staleAfterYears: 3,
  defaultToleranceShare: 0.1,
  defaultMaintainToleranceShare: 0.02,
  atRiskMinProgressShare: 0.5,
  maintainAtRiskMultiple: 2,
});

/** The judged status with everything needed to explain it. Value fields are null when there is no value. */
export interface IndicatorStatus {
  readonly status: Status;
  readonly reasonCode: StatusReason;
  readonly desiredDirection: DesiredDirection;
  readonly baseline: YearValue;
  readonly target: YearValue;
  /** The tolerance actually used (given, or the default). */
  readonly tolerance: number;
  readonly latest: YearValue | null;
  /** The straight path from baseline to target at the latest value's year (the target after the target year). */
  readonly expectedOnPath: number | null;
  /** latest − baseline, in the indicator's unit. */
  readonly changeSinceBaseline: number | null;
  readonly direction: Movement | null;
  readonly targetReached: boolean;
  /** How far the latest value is better (+) or worse (−) than the path; maintain: −|latest − path|. */
  readonly gapToPath: number | null;
}

const STATUS_RANK: Record<Status, number> = { no_data: 0, off_track: 1, at_risk: 2, on_track: 3 };

/** Orders judged statuses from worst to best (no_data lowest); used by roll-ups and tests. */
export function statusRank(status: Status): number {
  return STATUS_RANK[status];
}

/** Whether a stored value belongs to the total series rather than to a split by area, age group or sex. */
export function isTotalValue(observation: IndicatorObservation): boolean {
  return !observation.area && !observation.ageGroup && !observation.sex;
}

/**
 * The total series sorted by year, gaps left out. Two total values for one year are contradictory input
 * (the import rejects them), so they throw rather than let the input order pick one.
 */
export function totalSeries(values: readonly IndicatorObservation[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const observation of values) {
    if (!isTotalValue(observation) || observation.value === null) continue;
    if (!Number.isInteger(observation.year))
      throw new RangeError(`year must be an integer: ${observation.year}`);
    if (!Number.isFinite(observation.value))
      throw new RangeError(`value must be finite in ${observation.year}`);
    if (byYear.has(observation.year)) throw new RangeError(`two total values for ${observation.year}`);
    byYear.set(observation.year, observation.value);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

/** The straight path from baseline to target at a year; flat at the baseline before it and at the target after. */
export function pathValue(definition: IndicatorDefinition, year: number): number {
  const { baseline, target } = definition;
  const share = Math.min(1, Math.max(0, (year - baseline.year) / (target.year - baseline.year)));
  return baseline.value + (target.value - baseline.value) * share;
}

/** The tolerance the rule uses: the given one, or a default derived from the planned change (see options). */
export function effectiveTolerance(
  definition: IndicatorDefinition,
  options: StatusRuleOptions = DEFAULT_STATUS_RULE,
): number {
  if (definition.tolerance !== undefined && definition.tolerance !== null) return definition.tolerance;
  const planned = Math.abs(definition.target.value - definition.baseline.value);
  return planned > 0
    ? planned * options.defaultToleranceShare
    : Math.abs(definition.baseline.value) * options.defaultMaintainToleranceShare;
}

function validateDefinition(definition: IndicatorDefinition): void {
  const { baseline, target, tolerance, direction } = definition;
  if (direction !== "increase" && direction !== "decrease" && direction !== "maintain") {
    throw new RangeError(`unknown direction: ${String(direction)}`);
  }
  for (const [name, point] of [
    ["baseline", baseline],
    ["target", target],
  ] as const) {
    if (!Number.isInteger(point.year) || !Number.isFinite(point.value)) {
      throw new RangeError(`${name} needs an integer year and a finite value`);
    }
  }
  if (target.year <= baseline.year) throw new RangeError("the target year must come after the baseline year");
  if (tolerance !== undefined && tolerance !== null && !(Number.isFinite(tolerance) && tolerance >= 0)) {
    throw new RangeError("tolerance must be a finite number ≥ 0");
  }
}

/** Judges one indicator by the rule in this file's comment; throws RangeError on an impossible definition. */
export function evaluateIndicatorStatus(
  series: IndicatorSeries,
  options: Partial<StatusRuleOptions> = {},
): IndicatorStatus {
  validateDefinition(series);
  const rule: StatusRuleOptions = { ...DEFAULT_STATUS_RULE, ...options };
  const { baseline, target, direction: desired } = series;
  const tolerance = effectiveTolerance(series, rule);
  const base = { desiredDirection: desired, baseline, target, tolerance };

  const total = totalSeries(series.values);
  const latest = total.filter((point) => point.year > baseline.year).at(-1);
  if (!latest) {
    const hasSplits = series.values.some(
      (v) => !isTotalValue(v) && v.value !== null && v.year > baseline.year,
    );
    return {
      ...base,
      status: "no_data",
      reasonCode: hasSplits ? "only_breakdowns" : "no_values_after_baseline",
      latest: null,
      expectedOnPath: null,
      changeSinceBaseline: null,
      direction: null,
      targetReached: false,
      gapToPath: null,
    };
  }

  const expected = pathValue(series, latest.year);
  const change = latest.value - baseline.value;
  // Interpolated paths are not exact in binary floating point; a value "on the path" must count as on it.
  const eps = 1e-9 * Math.max(1, Math.abs(baseline.value), Math.abs(target.value), Math.abs(latest.value));
  const judged =
    desired === "maintain"
      ? judgeMaintain(latest, expected, change, tolerance, eps, series, rule)
      : judgeDirected(latest, expected, change, tolerance, eps, series, rule);
  const stale = rule.asOfYear !== undefined && rule.asOfYear - latest.year > rule.staleAfterYears;
  return {
    ...base,
    ...judged,
    ...(stale ? { status: "no_data" as const, reasonCode: "stale" as const } : {}),
    latest,
    expectedOnPath: expected,
    changeSinceBaseline: change,
  };
}

type Judgement = Pick<IndicatorStatus, "status" | "reasonCode" | "direction" | "targetReached" | "gapToPath">;

function judgeDirected(
  latest: YearValue,
  expected: number,
  change: number,
  tolerance: number,
  eps: number,
  definition: IndicatorDefinition,
  rule: StatusRuleOptions,
): Judgement {
  const { baseline, target } = definition;
  const s = definition.direction === "decrease" ? -1 : 1;
  const moved = s * change;
  const direction: Movement =
    moved > tolerance + eps ? "right" : moved < -(tolerance + eps) ? "wrong" : "flat";
  const isImprovementPlanned = s * (target.value - baseline.value) > eps;
  const targetReached =
    s * (latest.value - target.value) >= -eps && (isImprovementPlanned || latest.year >= target.year);
  const shortfall = s * (expected - latest.value);
  const common = { direction, targetReached, gapToPath: -shortfall };
  if (targetReached) return { ...common, status: "on_track", reasonCode: "target_reached" };
  if (shortfall <= eps) return { ...common, status: "on_track", reasonCode: "on_or_ahead_of_path" };
  if (shortfall <= tolerance + eps)
    return { ...common, status: "at_risk", reasonCode: "slightly_behind_path" };
  const expectedChangeSoFar = Math.abs(expected - baseline.value);
  if (shortfall <= (1 - rule.atRiskMinProgressShare) * expectedChangeSoFar + eps) {
    return { ...common, status: "at_risk", reasonCode: "behind_path" };
  }
  const reasonCode: StatusReason =
    direction === "wrong" ? "wrong_direction" : direction === "flat" ? "no_progress" : "far_behind_path";
  return { ...common, status: "off_track", reasonCode };
}

function judgeMaintain(
  latest: YearValue,
  expected: number,
  change: number,
  tolerance: number,
  eps: number,
  definition: IndicatorDefinition,
  rule: StatusRuleOptions,
): Judgement {
  const { baseline, target } = definition;
  const deviation = Math.abs(latest.value - expected);
  // Any move beyond the tolerance is away from a level to hold, unless it closes a gap to a different target.
  const direction: Movement =
    Math.abs(change) <= tolerance + eps
      ? "flat"
      : Math.abs(latest.value - target.value) < Math.abs(baseline.value - target.value)
        ? "right"
        : "wrong";
  const targetReached = Math.abs(latest.value - target.value) <= tolerance + eps;
  const common = { direction, targetReached, gapToPath: -deviation };
  if (deviation <= tolerance + eps)
    return { ...common, status: "on_track", reasonCode: "held_within_tolerance" };
  if (deviation <= rule.maintainAtRiskMultiple * tolerance + eps) {
    return { ...common, status: "at_risk", reasonCode: "drifting" };
  }
  return { ...common, status: "off_track", reasonCode: "drifted" };
}
