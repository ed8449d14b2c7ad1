// Opening hours of a shared space: regular weekly intervals, exceptions by date and the Finnish holidays.
// Precedence for a date: an exception of that date, else a holiday (closed), else the weekly hours. Holidays
// include the customary eves (juhannus- and jouluaatto), on which the city's libraries close; a space that
// opens on one says so with an exception. Times are Helsinki wall-clock times, turned into instants per date,
// so that 10:00–18:00 stays 10:00–18:00 across the summer-time changes while its UTC instants move.

import { type FinnishHolidayKey, findFinnishHolidays } from "../../../lib/finnish-holidays.ts";
import { addDays, helsinkiParts, helsinkiToUtc, isoWeekday } from "../../../lib/helsinki-time.ts";

/** One opening interval of a day, "HH:MM" local; `closes` may be "24:00" (open until midnight). */
export interface Interval {
  opens: string;
  closes: string;
}

/** A regular weekly interval; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
export interface WeeklyInterval extends Interval {
  weekday: number;
}

/** A date whose hours differ from the week's: closed, or open at the given intervals. */
export interface DateException<Reason = unknown> {
  date: string;
  closed: boolean;
  intervals: Interval[];
  reason: Reason | null;
}

/** Everything that decides when a space is open. */
export interface Schedule<Reason = unknown> {
  weekly: WeeklyInterval[];
  exceptions: DateException<Reason>[];
}

/** The hours of one date and why they are what they are. */
export interface DayHours<Reason = unknown> {
  date: string;
  weekday: number;
  intervals: Interval[];
  source: "regular" | "exception" | "holiday";
  reason: Reason | null;
  holiday: FinnishHolidayKey | null;
}

/** Open now and until when, or closed and when it next opens (null: not within the look-ahead). */
export type OpenStatus = { isOpen: true; closesAt: Date } | { isOpen: false; opensAt: Date | null };

/** What is wrong with a list of intervals, by index into the list. */
export interface IntervalProblem {
  index: number;
  problem: "bad_time" | "ends_before_start" | "overlaps";
}

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
/** How far ahead "opens at …" looks: a space closed for longer is shown as closed without a next opening. */
export const LOOK_AHEAD_DAYS = 28;

/**
 * Problems of a set of intervals (weekly, or one date's): a malformed time, an end not after its start, or
 * two intervals of the same day that overlap (touching, 12:00–12:00, is allowed).
 */
export function findIntervalProblems(
  intervals: readonly (Interval & { weekday?: number })[],
): IntervalProblem[] {
  const problems: IntervalProblem[] = [];
  intervals.forEach((interval, index) => {
    if (!TIME.test(interval.opens) || !TIME.test(interval.closes) || interval.opens === "24:00") {
      problems.push({ index, problem: "bad_time" });
    } else if (interval.closes <= interval.opens) {
      problems.push({ index, problem: "ends_before_start" });
    }
  });
  const bad = new Set(problems.map((p) => p.index));
  intervals.forEach((interval, index) => {
    if (bad.has(index)) return;
    const clash = intervals.some(
      (other, j) =>
        j !== index &&
        !bad.has(j) &&
        other.weekday === interval.weekday &&
        other.opens < interval.closes &&
        interval.opens < other.closes,
    );
    if (clash) problems.push({ index, problem: "overlaps" });
  });
  return problems.sort((a, b) => a.index - b.index);
}

/** The hours of one date under the precedence exception → holiday → weekly hours. */
export function hoursOn<Reason>(schedule: Schedule<Reason>, date: string): DayHours<Reason> {
  const weekday = isoWeekday(date);
  const exception = schedule.exceptions.find((e) => e.date === date);
  const holiday = findFinnishHolidays(date)[0]?.key ?? null;
  if (exception) {
    return {
      date,
      weekday,
      intervals: exception.closed ? [] : sortIntervals(exception.intervals),
      source: "exception",
      reason: exception.reason,
      holiday,
    };
  }
  if (holiday) return { date, weekday, intervals: [], source: "holiday", reason: null, holiday };
  const intervals = schedule.weekly
    .filter((w) => w.weekday === weekday)
    .map(({ opens, closes }) => ({ opens, closes }));
  return {
    date,
    weekday,
    intervals: sortIntervals(intervals),
    source: "regular",
    reason: null,
    holiday: null,
  };
}

/** The hours of `days` consecutive dates from `from` (a week by default). */
export function hoursForDays<Reason>(schedule: Schedule<Reason>, from: string, days = 7): DayHours<Reason>[] {
  return Array.from({ length: days }, (_, i) => hoursOn(schedule, addDays(from, i)));
}

/** The open periods as instants from the Helsinki date of `from`, for `days` days, touching periods joined. */
export function openPeriods(schedule: Schedule, from: string, days: number): { start: Date; end: Date }[] {
  const periods: { start: Date; end: Date }[] = [];
  for (const day of hoursForDays(schedule, from, days)) {
    for (const interval of day.intervals) {
      const start = helsinkiToUtc(day.date, interval.opens);
      const end = helsinkiToUtc(day.date, interval.closes);
      if (end <= start) continue;
      const last = periods.at(-1);
      if (last && start.getTime() <= last.end.getTime()) {
        if (end > last.end) last.end = end;
      } else {
        periods.push({ start, end });
      }
    }
  }
  return periods;
}

/** Whether the space is open at an instant and until when, or when it opens next. */
export function openStatusAt(schedule: Schedule, now: Date): OpenStatus {
  // From the day before, so that an interval running to midnight joined with one from 00:00 counts.
  const today = helsinkiParts(now).date;
  const periods = openPeriods(schedule, addDays(today, -1), LOOK_AHEAD_DAYS + 1);
  const t = now.getTime();
  const current = periods.find((p) => p.start.getTime() <= t && t < p.end.getTime());
  if (current) return { isOpen: true, closesAt: current.end };
  const next = periods.find((p) => p.start.getTime() > t);
  return { isOpen: false, opensAt: next ? next.start : null };
}

/** Whether an event from `start` to `end` lies wholly inside the space's open periods. */
export function isWithinOpenHours(schedule: Schedule, start: Date, end: Date): boolean {
  const first = helsinkiParts(start).date;
  const last = helsinkiParts(end).date;
  let days = 1;
  while (addDays(first, days - 1) < last && days < 400) days++;
  const periods = openPeriods(schedule, addDays(first, -1), days + 2);
  return periods.some((p) => p.start <= start && end <= p.end);
}

function sortIntervals(intervals: readonly Interval[]): Interval[] {
  return [...intervals].sort((a, b) => a.opens.localeCompare(b.opens));
}
