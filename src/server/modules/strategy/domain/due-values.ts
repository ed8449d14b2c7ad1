// Which indicators have a new value due (issue 4, item 2: reminders to the responsible person).
//
// A value for a period (a year, a quarter or a month) can be expected once the period has ended and the
// source has had time to publish: due on the day `lagDays` after the period's last day. It is "due" from
// then, and "overdue" once `graceDays` more have passed without it. Defaults: annual figures 120 days (the end
// of April, after the financial statements, due by the end of March, have closed the city's own figures for
// the year), quarterly 45 days and monthly 30 days, with 30 days of grace before a reminder turns "overdue".
// National sources publish later (many Sotkanet series a year or more after the period), so such indicators
// should carry their own lagDays. Indicators computed by other modules are never due: the caller leaves them out.
import { dateParts, dayNumberOf, fromDayNumber, toDayNumber } from "./calendar-date.ts";

/** How often an indicator gets a value. */
export type TimeResolution = "year" | "quarter" | "month";

/** What the reminder rule needs of an indicator. Dates are "YYYY-MM-DD" (Helsinki calendar days). */
export interface ValueSchedule {
  readonly resolution: TimeResolution;
  /** Any date inside the period of the latest value (e.g. "2023-01-01" for the year 2023); null when none. */
  readonly latestValueDate: string | null;
  /** Any date inside the first period that needs a value, used when there is none yet (e.g. the year after the baseline). */
  readonly expectedFrom?: string | null;
  /** Overrides the default publication lag for this indicator. */
  readonly lagDays?: number | null;
}

/** Thresholds of the reminder rule; see the file comment. */
export interface DueOptions {
  readonly lagDays: Readonly<Record<TimeResolution, number>>;
  readonly graceDays: number;
}

/** Default thresholds of the reminder rule. */
export const DEFAULT_DUE: DueOptions = Object.freeze({
  lagDays: Object.freeze({ year: 120, quarter: 45, month: 30 }),
  graceDays: 30,
});

/** A period of time an indicator value covers; `label` is "2024", "2024-Q3" or "2024-07". */
export interface Period {
  readonly resolution: TimeResolution;
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/** An indicator with a value due; `indicator` is the caller's own object (with its responsible person). */
export interface DueValue<T extends ValueSchedule> {
  readonly indicator: T;
  readonly state: "due" | "overdue";
  /** The first period without a value; null only when the indicator has neither values nor expectedFrom. */
  readonly period: Period | null;
  readonly dueOn: string | null;
  /** Days since dueOn (0 on the due date). */
  readonly daysPastDue: number;
  /** How many periods, from `period` on, are already due: 3 means three values are missing. */
  readonly missingPeriods: number;
}

const MONTHS: Record<TimeResolution, number> = { year: 12, quarter: 3, month: 1 };

/** A running number of the period that contains a date (consecutive periods differ by one). */
function periodIndex(resolution: TimeResolution, date: string): number {
  const { year, month } = dateParts(date);
  return year * (12 / MONTHS[resolution]) + Math.floor((month - 1) / MONTHS[resolution]);
}

/** The period with a running number from periodIndex. */
export function periodOf(resolution: TimeResolution, index: number): Period {
  const perYear = 12 / MONTHS[resolution];
  const year = Math.floor(index / perYear);
  const within = index - year * perYear;
  const startMonth = within * MONTHS[resolution] + 1;
  const start = dayNumberOf(year, startMonth, 1);
  const end = dayNumberOf(year, startMonth + MONTHS[resolution], 1) - 1;
  const label =
    resolution === "year"
      ? String(year)
      : resolution === "quarter"
        ? `${year}-Q${within + 1}`
        : `${year}-${String(startMonth).padStart(2, "0")}`;
  return { resolution, label, start: fromDayNumber(start), end: fromDayNumber(end) };
}

/** The period that contains a date. */
export function periodContaining(resolution: TimeResolution, date: string): Period {
  return periodOf(resolution, periodIndex(resolution, date));
}

/**
 * Lists the indicators whose next value is due or overdue on `today`, most overdue first (ties keep the input
 * order). An indicator with no values and no expectedFrom is listed as due with no period: something is
 * missing, but nothing says since when.
 */
export function listDueValues<T extends ValueSchedule>(
  indicators: readonly T[],
  today: string,
  options: Partial<DueOptions> = {},
): DueValue<T>[] {
  const rule: DueOptions = { ...DEFAULT_DUE, ...options };
  const day = toDayNumber(today);
  const due: DueValue<T>[] = [];
  for (const indicator of indicators) {
    const { resolution } = indicator;
    const lag = indicator.lagDays ?? rule.lagDays[resolution];
    let next: number;
    if (indicator.latestValueDate) next = periodIndex(resolution, indicator.latestValueDate) + 1;
    else if (indicator.expectedFrom) next = periodIndex(resolution, indicator.expectedFrom);
    else {
      due.push({ indicator, state: "due", period: null, dueOn: null, daysPastDue: 0, missingPeriods: 0 });
      continue;
    }
    const period = periodOf(resolution, next);
    const dueDay = toDayNumber(period.end) + lag;
    if (day < dueDay) continue;
    // The last period whose value is due by today is the one containing (today − lag), unless that one
    // has not ended yet, in which case it is the one before.
    const reference = fromDayNumber(day - lag);
    const containing = periodOf(resolution, periodIndex(resolution, reference));
    const lastDue = periodIndex(resolution, reference) - (containing.end === reference ? 0 : 1);
    const daysPastDue = day - dueDay;
    due.push({
      indicator,
      state: daysPastDue > rule.graceDays ? "overdue" : "due",
      period,
      dueOn: fromDayNumber(dueDay),
      daysPastDue,
      missingPeriods: lastDue - next + 1,
    });
  }
  // Array.prototype.sort is stable, so ties keep the input order.
  return due.sort((a, b) => b.daysPastDue - a.daysPastDue);
}
