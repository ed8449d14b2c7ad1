// An action's (toimenpide) status from its milestones and its indicators.
//
// Milestones, given today (a Helsinki calendar date): a milestone is overdue from the day after its due date
// until it is done. No overdue milestone → on_track; any overdue → at_risk; any overdue by more than 90 days
// (a quarter, i.e. it has missed at least one quarterly progress review) → off_track. No milestones → no_data.
//
// Combined: the worse of the milestone status and the indicators' roll-up (goal-status.ts), except that when
// the action has milestones its indicators can lower it to at_risk but not to off_track. The responsible unit
// controls its schedule; population-level indicators also move for reasons outside any one action, so an
// action delivered on time is flagged for attention, not declared failed. Without milestones the indicators
// decide alone. Both parts are returned so that the explanation can say which part set the status.
import type { LocalizedText } from "../../../../contracts/localized-text.ts";
import { toDayNumber } from "./calendar-date.ts";
import {
  type IndicatorRollup,
  type RatedIndicator,
  type RollupOptions,
  rollUpIndicators,
} from "./goal-status.ts";
import { type Status, statusRank } from "./indicator-status.ts";

/** A milestone of an action; `doneOn` is the date it was marked done, null while open. Dates are "YYYY-MM-DD". */
export interface Milestone {
  readonly key: string;
  readonly title: LocalizedText;
  readonly due: string;
  readonly doneOn?: string | null;
}

/** Thresholds of the action rule; see the file comment. */
export interface ActionRuleOptions extends RollupOptions {
  /** A milestone overdue by more than this many days makes the action off_track. */
  readonly offTrackAfterOverdueDays: number;
  /** The worst status indicators alone can give an action that has milestones. */
  readonly worstIndicatorStatusWithMilestones: "at_risk" | "off_track";
}

/** Default thresholds of the action rule. */
export const DEFAULT_ACTION_RULE: ActionRuleOptions = Object.freeze({
  offTrackShareAbove: 0.5,
  onTrackShareAtLeast: 0.75,
  offTrackAfterOverdueDays: 90,
  worstIndicatorStatusWithMilestones: "at_risk" as const,
});

/** A milestone with how late it is. */
export interface OverdueMilestone {
  readonly milestone: Milestone;
  readonly daysOverdue: number;
}

/** The milestones' state on a given day. */
export interface MilestoneSummary {
  readonly status: Status;
  readonly total: number;
  readonly done: number;
  /** Done after their due date (still done; kept for the progress report). */
  readonly doneLate: number;
  readonly overdue: number;
  /** Open and not yet due (due today or later). */
  readonly upcoming: number;
  /** The open milestone furthest past its due date. */
  readonly mostOverdue: OverdueMilestone | null;
  /** The open milestone due soonest that is not overdue. */
  readonly nextDue: Milestone | null;
}

/** Which part set an action's status. */
export type ActionDriver = "none" | "milestones" | "indicators" | "both";

/** An action's status with both parts. */
export interface ActionStatus {
  readonly status: Status;
  readonly driver: ActionDriver;
  readonly milestones: MilestoneSummary;
  readonly indicators: IndicatorRollup;
}

const byDueThenKey = (a: Milestone, b: Milestone) =>
  toDayNumber(a.due) - toDayNumber(b.due) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Summarises milestones on `today` ("YYYY-MM-DD"); throws RangeError on a malformed date. */
export function summarizeMilestones(
  milestones: readonly Milestone[],
  today: string,
  options: Partial<ActionRuleOptions> = {},
): MilestoneSummary {
  const rule = { ...DEFAULT_ACTION_RULE, ...options };
  const day = toDayNumber(today);
  let done = 0;
  let doneLate = 0;
  const overdue: OverdueMilestone[] = [];
  const upcoming: Milestone[] = [];
  for (const milestone of [...milestones].sort(byDueThenKey)) {
    const due = toDayNumber(milestone.due);
    if (milestone.doneOn) {
      done++;
      if (toDayNumber(milestone.doneOn) > due) doneLate++;
    } else if (day > due) {
      overdue.push({ milestone, daysOverdue: day - due });
    } else {
      upcoming.push(milestone);
    }
  }
  const mostOverdue = overdue[0] ?? null; // sorted by due date, so the first is the oldest
  const status: Status =
    milestones.length === 0
      ? "no_data"
      : !mostOverdue
        ? "on_track"
        : mostOverdue.daysOverdue > rule.offTrackAfterOverdueDays
          ? "off_track"
          : "at_risk";
  return {
    status,
    total: milestones.length,
    done,
    doneLate,
    overdue: overdue.length,
    upcoming: upcoming.length,
    mostOverdue,
    nextDue: upcoming[0] ?? null,
  };
}

/** Judges an action from its milestones and indicators by the rule in this file's comment. */
export function evaluateActionStatus(
  input: {
    readonly milestones: readonly Milestone[];
    readonly indicators: readonly RatedIndicator[];
    readonly today: string;
  },
  options: Partial<ActionRuleOptions> = {},
): ActionStatus {
  const rule = { ...DEFAULT_ACTION_RULE, ...options };
  const milestones = summarizeMilestones(input.milestones, input.today, rule);
  const indicators = rollUpIndicators(input.indicators, rule);
  const fromMilestones = milestones.status;
  let fromIndicators = indicators.status;
  if (
    fromMilestones !== "no_data" &&
    statusRank(fromIndicators) < statusRank(rule.worstIndicatorStatusWithMilestones)
  ) {
    fromIndicators = fromIndicators === "no_data" ? "no_data" : rule.worstIndicatorStatusWithMilestones;
  }
  if (fromMilestones === "no_data" && fromIndicators === "no_data") {
    return { status: "no_data", driver: "none", milestones, indicators };
  }
  if (fromMilestones === "no_data")
    return { status: fromIndicators, driver: "indicators", milestones, indicators };
  if (fromIndicators === "no_data")
    return { status: fromMilestones, driver: "milestones", milestones, indicators };
  const difference = statusRank(fromMilestones) - statusRank(fromIndicators);
  if (difference === 0) return { status: fromMilestones, driver: "both", milestones, indicators };
  return difference < 0
    ? { status: fromMilestones, driver: "milestones", milestones, indicators }
    : { status: fromIndicators, driver: "indicators", milestones, indicators };
}
