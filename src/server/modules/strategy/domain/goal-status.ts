// A goal's status rolled up from its indicators' statuses.
//
// Rule (share-based with a guard), over the indicators that have current data ("judged"):
//  - none judged → no_data;
//  - more than half judged off_track → off_track (a majority, so that one bad series among several does not
//    condemn a whole goal, while a goal that mostly fails is called so);
//  - none off_track and at least 75 % on_track → on_track (one at-risk indicator among four is noise, not a
//    warning; but any off-track indicator is worth a warning);
//  - otherwise → at_risk.
// Pure worst-of was rejected: goals share population-level indicators, and one of them would paint every goal
// it touches red. A plain majority was rejected too: three on track and one off track would read "on track"
// and hide the one that needs attention. The rule is monotone: improving any indicator never worsens the goal.
import type { LocalizedText } from "../../../../contracts/localized-text.ts";
import { type IndicatorStatus, type Status, statusRank } from "./indicator-status.ts";

/** An indicator judged by evaluateIndicatorStatus, with what the explanation needs to name it. */
export interface RatedIndicator {
  readonly key: string;
  readonly name: LocalizedText;
  /** E.g. { fi: "%" } or { fi: "päivää", sv: "dagar", en: "days" }; falls back to Finnish. */
  readonly unit?: LocalizedText | null;
  readonly result: IndicatorStatus;
}

/** Thresholds of the roll-up; see the file comment. */
export interface RollupOptions {
  /** off_track when the off-track share of judged indicators is strictly above this. */
  readonly offTrackShareAbove: number;
  /** on_track needs no off-track indicator and at least this share on track. */
  readonly onTrackShareAtLeast: number;
}

/** Default thresholds of the roll-up. */
export const DEFAULT_ROLLUP: RollupOptions = Object.freeze({
  offTrackShareAbove: 0.5,
  onTrackShareAtLeast: 0.75,
});

/** How many indicators are in each state; `movingRightWay + movingWrongWay + flat = judged`. */
export interface IndicatorCounts {
  readonly total: number;
  readonly judged: number;
  readonly noData: number;
  readonly onTrack: number;
  readonly atRisk: number;
  readonly offTrack: number;
  readonly movingRightWay: number;
  readonly movingWrongWay: number;
  readonly flat: number;
}

/** Why a roll-up has its status. */
export type RollupReason =
  | "no_indicators"
  | "no_current_data"
  | "majority_off_track"
  | "mostly_on_track"
  | "mixed";

/** A goal's (or an action's indicators') status with its explanation data. */
export interface IndicatorRollup {
  readonly status: Status;
  readonly reasonCode: RollupReason;
  readonly counts: IndicatorCounts;
  /** The indicator to name in the explanation: the best mover when on track, else the worst laggard. */
  readonly notable: RatedIndicator | null;
}

/**
 * Whether an indicator counts as "moving the right way": its value moved the desired way from the baseline,
 * or, for a level to maintain, it stayed within the tolerance (holding steady is the desired movement there).
 */
export function isMovingRightWay(result: IndicatorStatus): boolean {
  return (
    result.direction === "right" || (result.desiredDirection === "maintain" && result.direction === "flat")
  );
}

/** Counts indicators by status and movement; only judged indicators (status ≠ no_data) count as moving. */
export function countIndicators(indicators: readonly RatedIndicator[]): IndicatorCounts {
  let onTrack = 0;
  let atRisk = 0;
  let offTrack = 0;
  let noData = 0;
  let movingRightWay = 0;
  let movingWrongWay = 0;
  let flat = 0;
  for (const { result } of indicators) {
    if (result.status === "no_data") {
      noData++;
      continue;
    }
    if (result.status === "on_track") onTrack++;
    else if (result.status === "at_risk") atRisk++;
    else offTrack++;
    if (isMovingRightWay(result)) movingRightWay++;
    else if (result.direction === "wrong") movingWrongWay++;
    else flat++;
  }
  const total = indicators.length;
  return {
    total,
    judged: total - noData,
    noData,
    onTrack,
    atRisk,
    offTrack,
    movingRightWay,
    movingWrongWay,
    flat,
  };
}

/** Rolls indicator statuses up into one status by the rule in this file's comment. */
export function rollUpIndicators(
  indicators: readonly RatedIndicator[],
  options: Partial<RollupOptions> = {},
): IndicatorRollup {
  const rule = { ...DEFAULT_ROLLUP, ...options };
  const counts = countIndicators(indicators);
  let status: Status;
  let reasonCode: RollupReason;
  if (counts.total === 0) {
    status = "no_data";
    reasonCode = "no_indicators";
  } else if (counts.judged === 0) {
    status = "no_data";
    reasonCode = "no_current_data";
  } else if (counts.offTrack / counts.judged > rule.offTrackShareAbove) {
    status = "off_track";
    reasonCode = "majority_off_track";
  } else if (counts.offTrack === 0 && counts.onTrack / counts.judged >= rule.onTrackShareAtLeast) {
    status = "on_track";
    reasonCode = "mostly_on_track";
  } else {
    status = "at_risk";
    reasonCode = "mixed";
  }
  return { status, reasonCode, counts, notable: pickNotable(indicators, status) };
}

/** A goal's status from its indicators (the same roll-up; named for the caller's intent). */
export const evaluateGoalStatus = rollUpIndicators;

/** The scale against which a change is "large": the planned change, else the tolerance, else the baseline. */
export function changeScale(result: IndicatorStatus): number {
  const planned = Math.abs(result.target.value - result.baseline.value);
  if (planned > 0) return planned;
  if (result.tolerance > 0) return result.tolerance;
  return Math.abs(result.baseline.value) || 1;
}

function favourableChange(result: IndicatorStatus): number {
  const change = result.changeSinceBaseline ?? 0;
  if (result.desiredDirection === "maintain") return -Math.abs(change) / changeScale(result);
  return (result.desiredDirection === "decrease" ? -change : change) / changeScale(result);
}

/**
 * The indicator an explanation should name. When the roll-up is on track, the one that improved most
 * (relative to its planned change); otherwise the one with the worst status, and among those the one
 * furthest behind its path, so that the sentence says what pulls the status down. Ties go to the key, so the
 * choice does not depend on input order.
 */
function pickNotable(indicators: readonly RatedIndicator[], status: Status): RatedIndicator | null {
  const judged = indicators.filter((i) => i.result.status !== "no_data");
  if (judged.length === 0) return null;
  const byKey = (a: RatedIndicator, b: RatedIndicator) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  if (status === "on_track") {
    return (
      [...judged].sort((a, b) => favourableChange(b.result) - favourableChange(a.result) || byKey(a, b))[0] ??
      null
    );
  }
  const worst = Math.min(...judged.map((i) => statusRank(i.result.status)));
  const gap = (i: RatedIndicator) => (i.result.gapToPath ?? 0) / changeScale(i.result);
  return (
    judged
      .filter((i) => statusRank(i.result.status) === worst)
      .sort(
        (a, b) => gap(a) - gap(b) || favourableChange(a.result) - favourableChange(b.result) || byKey(a, b),
      )[0] ?? null
  );
}
