// Wall-clock time in Europe/Helsinki and UTC instants (DESIGN rule 9: stored in UTC, shown and planned in
// Helsinki). A weekly shift keeps its local time across the daylight-saving change (EU rule: last Sunday of
// March and October at 01:00 UTC), so its UTC instant moves by an hour; Intl supplies the offsets.

import type { Daypart, TimeSlot, Weekday } from "../../../../contracts/volunteering.ts";

const ZONE = "Europe/Helsinki";
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  weekday: "short",
});

/** Helsinki wall-clock fields of an instant. */
export function helsinkiParts(instant: Date): {
  date: string;
  time: string;
  weekday: Weekday;
  hour: number;
} {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = String(parts.weekday).toLowerCase().slice(0, 3) as Weekday;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
    hour: Number(parts.hour),
  };
}

function offsetMinutes(instant: Date): number {
  const p = helsinkiParts(instant);
  const [y, m, d] = p.date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = p.time.split(":").map(Number) as [number, number];
  return (Date.UTC(y, m - 1, d, hh, mm) - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000;
}

/**
 * The instant of a Helsinki wall-clock time ("YYYY-MM-DD", "HH:MM"). A time skipped by the spring change is
 * moved an hour later; an ambiguous autumn time is taken as the first (summer-time) occurrence.
 */
export function helsinkiToUtc(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offsets in force a day before and a day after cover both sides of any change on that day.
  const offsets = [offsetMinutes(new Date(naive - 86_400_000)), offsetMinutes(new Date(naive + 86_400_000))];
  const candidates = [...new Set(offsets.map((o) => naive - o * 60_000))].sort((a, b) => a - b);
  for (const c of candidates) {
    const back = helsinkiParts(new Date(c));
    if (back.date === date && back.time === time) return new Date(c);
  }
  // Skipped in spring: the same moment read with the winter offset, which the clock shows an hour later.
  return new Date(Math.max(...candidates));
}

/** Adds whole days to a calendar date (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/**
 * The occurrences of a shift repeated weekly at the same Helsinki wall-clock time, `weeks` times (1 = once).
 * An end time not after the start means the shift ends the next day (e.g. 22:00–02:00).
 */
export function weeklyOccurrences(input: {
  date: string;
  startTime: string;
  endTime: string;
  weeks: number;
}): { startsAt: Date; endsAt: Date }[] {
  const overnight = input.endTime <= input.startTime;
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (let week = 0; week < input.weeks; week++) {
    const day = addDays(input.date, week * 7);
    out.push({
      startsAt: helsinkiToUtc(day, input.startTime),
      endsAt: helsinkiToUtc(overnight ? addDays(day, 1) : day, input.endTime),
    });
  }
  return out;
}

/** The part of the day a Helsinki hour belongs to: morning before 12, afternoon before 17, evening after. */
export function daypartOf(hour: number): Daypart {
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

/** The time slot ("sat-morning") in which a shift starts, in Helsinki time. */
export function slotOf(startsAt: Date): TimeSlot {
  const p = helsinkiParts(startsAt);
  return `${p.weekday}-${daypartOf(p.hour)}`;
}
