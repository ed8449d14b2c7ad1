// Working-hours arithmetic for service-level deadlines, in any IANA time zone (Europe/Helsinki by default).
// Offsets come from Intl.DateTimeFormat, so summer-time changes follow the tz database without a date library.
import { isFinnishHoliday } from "../../../lib/finnish-holidays.ts";

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When work happens: the same local window on each working day that is not a day off. Windows are wall
 * clock times ("HH:MM", end may be "24:00"); a window cannot cross midnight.
 */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly workingDays: readonly IsoWeekday[];
  readonly dayStart: string;
  readonly dayEnd: string;
  /** Called with a local date "YYYY-MM-DD"; true when no work is done that day. Must be pure: results are cached. */
  readonly isDayOff: (date: string) => boolean;
}

/** Default office calendar: Mon–Fri 08:00–16:00 Helsinki time; Finnish holidays and both eves off. */
export const HELSINKI_OFFICE_HOURS: WorkingCalendar = Object.freeze({
  timeZone: "Europe/Helsinki",
  workingDays: Object.freeze([1, 2, 3, 4, 5] as const),
  dayStart: "08:00",
  dayEnd: "16:00",
  isDayOff: isFinnishHoliday,
});

/** A local date and wall-clock time in some zone, without offset. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
// A calendar that yields no working time for this many consecutive days is treated as broken, not waited on.
const MAX_IDLE_DAYS = 3_660;
// Resolving a day's window costs several Intl calls; remember this many days per calendar (about 27 years).
const WINDOW_CACHE_LIMIT = 10_000;

interface Window {
  start: number;
  end: number;
}

interface CompiledCalendar {
  timeZone: string;
  workingDays: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
  isDayOff: (date: string) => boolean;
  windows: Map<number, Window | null>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/** A calendar built from the Helsinki defaults and overrides, validated now rather than at first use. */
export function defineWorkingCalendar(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  const calendar: WorkingCalendar = Object.freeze({ ...HELSINKI_OFFICE_HOURS, ...overrides });
  compile(calendar);
  return calendar;
}

/** The wall-clock time an instant shows in a zone. */
export function getWallTime(instant: Date, timeZone: string): WallTime {
  const ms = instantMs(instant);
  const wall = new Date(toWallMs(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/**
 * The instant a wall-clock time denotes in a zone. Ambiguous times (clocks turned back) take the earlier
 * instant; skipped times (clocks turned forward) move forward by the gap, like Temporal's "compatible".
 */
export function resolveWallTime(
  wall: Pick<WallTime, "year" | "month" | "day"> & Partial<WallTime>,
  timeZone: string,
): Date {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.millisecond ?? 0);
  if (Number.isNaN(date.getTime())) throw new RangeError("wall time out of range");
  return new Date(fromWallMs(date.getTime(), timeZone));
}

/**
 * The earliest instant by which `hours` of working time have passed since `start` (hours ≥ 0, kept to the
 * millisecond). Zero hours returns `start`; work ending exactly at closing time is due at closing time.
 */
export function addWorkingHours(
  start: Date,
  hours: number,
  calendar: WorkingCalendar = HELSINKI_OFFICE_HOURS,
): Date {
  const startMs = instantMs(start);
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError("hours must be a finite number ≥ 0");
  const cal = compile(calendar);
  let remaining = Math.round(hours * HOUR_MS);
  if (remaining === 0) return new Date(startMs);

  let idleDays = 0;
  // Start a day early: a window is clipped to `start`, so an extra day costs nothing and guards odd zones.
  for (let day = localDay(startMs, cal.timeZone) - 1; ; day++) {
    const window = windowOn(day, cal);
    if (window && window.end > startMs) {
      const begin = Math.max(window.start, startMs);
      const available = window.end - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
      idleDays = 0;
    } else if (++idleDays > MAX_IDLE_DAYS) {
      throw new RangeError("the calendar has no working time for ten years");
    }
  }
}

/** Working hours (fractional) from `a` to `b`; negative when `b` is before `a`. */
export function workingHoursBetween(
  a: Date,
  b: Date,
  calendar: WorkingCalendar = HELSINKI_OFFICE_HOURS,
): number {
  const from = instantMs(a);
  const to = instantMs(b);
  if (to < from) {
    const back = workingHoursBetween(b, a, calendar);
    return back === 0 ? 0 : -back;
  }
  const cal = compile(calendar);
  let total = 0;
  const lastDay = localDay(to, cal.timeZone);
  for (let day = localDay(from, cal.timeZone) - 1; day <= lastDay; day++) {
    const window = windowOn(day, cal);
    if (window) total += Math.max(0, Math.min(window.end, to) - Math.max(window.start, from));
  }
  return total / HOUR_MS;
}

// The working window of a local day (days counted from 1970-01-01) as UTC milliseconds, if it has one.
// Calendars are immutable and isDayOff is taken to be pure, so a day's window can be remembered.
function windowOn(day: number, cal: CompiledCalendar): Window | undefined {
  if (!cal.workingDays.has(isoWeekday(day))) return undefined;
  const cached = cal.windows.get(day);
  if (cached !== undefined) return cached ?? undefined;
  let window: Window | null = null;
  if (!cal.isDayOff(formatDay(day))) {
    const start = fromWallMs(day * DAY_MS + cal.startMinute * MINUTE_MS, cal.timeZone);
    const end = fromWallMs(day * DAY_MS + cal.endMinute * MINUTE_MS, cal.timeZone);
    if (end > start) window = { start, end };
  }
  if (cal.windows.size >= WINDOW_CACHE_LIMIT) cal.windows.clear();
  cal.windows.set(day, window);
  return window ?? undefined;
}

function compile(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  formatterFor(calendar.timeZone);
  const startMinute = parseClock(calendar.dayStart);
  const endMinute = parseClock(calendar.dayEnd);
  if (startMinute >= endMinute) throw new RangeError("dayStart must be before dayEnd");
  if (calendar.workingDays.length === 0) throw new RangeError("workingDays must not be empty");
  for (const weekday of calendar.workingDays) {
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError("workingDays must be ISO weekdays 1–7");
    }
  }
  if (typeof calendar.isDayOff !== "function") throw new RangeError("isDayOff must be a function");
  const result: CompiledCalendar = {
    timeZone: calendar.timeZone,
    workingDays: new Set(calendar.workingDays),
    startMinute,
    endMinute,
    isDayOff: calendar.isDayOff,
    windows: new Map(),
  };
  compiled.set(calendar, result);
  return result;
}

// "24:00" is accepted here; as a start it fails the start-before-end check.
function parseClock(value: string): number {
  if (value === "24:00") return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new RangeError('times must be "HH:MM" (00:00–23:59, or 24:00 as an end)');
  return Number(match[1]) * 60 + Number(match[2]);
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone. h23 avoids the "24" hour some engines give with hour12: false.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// The last second each zone was asked about, and its wall time: formatToParts is the costly step of a
// create (two promises from one instant, many creates per second), and a second shows one wall time.
const lastSecond = new Map<string, { whole: number; wall: number }>();

// Wall-clock time of an instant, encoded as if the wall time were UTC (so offset = wall − instant).
function toWallMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const last = lastSecond.get(timeZone);
  if (last?.whole === whole) return last.wall + (ms - whole);
  const wall = wholeSecondWallMs(whole, timeZone);
  lastSecond.set(timeZone, { whole, wall });
  return wall + (ms - whole);
}

function wholeSecondWallMs(whole: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) fields[part.type] = part.value;
  const year = fields.era === "BC" ? 1 - Number(fields.year) : Number(fields.year);
  const date = new Date(0);
  date.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  date.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
  return date.getTime();
}

// The instant of a wall time. Offsets a day either side bracket any single transition; a candidate is kept
// only if it really shows that wall time. None means the time was skipped: use the offset from before.
function fromWallMs(wallMs: number, timeZone: string): number {
  const offsetBefore = toWallMs(wallMs - DAY_MS, timeZone) - (wallMs - DAY_MS);
  const offsetAfter = toWallMs(wallMs + DAY_MS, timeZone) - (wallMs + DAY_MS);
  let best: number | undefined;
  for (const candidate of [wallMs - offsetBefore, wallMs - offsetAfter]) {
    if (toWallMs(candidate, timeZone) === wallMs && (best === undefined || candidate < best))
      best = candidate;
  }
  return best ?? wallMs - offsetBefore;
}

function localDay(ms: number, timeZone: string): number {
  return Math.floor(toWallMs(ms, timeZone) / DAY_MS);
}

// 1970-01-01 was a Thursday (ISO 4).
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function formatDay(day: number): string {
  const d = new Date(day * DAY_MS);
  const year = String(d.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError("expected a valid Date");
  return ms;
}
