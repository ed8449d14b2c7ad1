// Wall-clock time in Europe/Helsinki and UTC instants (DESIGN rule 9: stored in UTC, shown and planned in
// Helsinki). Intl supplies the offsets (+02:00 in winter, +03:00 in summer; the EU rule changes them at
// 01:00 UTC on the last Sundays of March and October), so no date library and no offset table is needed.

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
const MINUTE = 60_000;
const DAY = 86_400_000;

/** A weekday as a three-letter code, Monday first. */
export type WeekdayCode = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** Helsinki wall-clock fields of an instant: date "YYYY-MM-DD", time "HH:MM", weekday and hour. */
export function helsinkiParts(instant: Date): {
  date: string;
  time: string;
  weekday: WeekdayCode;
  hour: number;
} {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as WeekdayCode,
    hour: Number(parts.hour),
  };
}

function offsetMinutes(instant: Date): number {
  const p = helsinkiParts(instant);
  const [y, m, d] = p.date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = p.time.split(":").map(Number) as [number, number];
  return (Date.UTC(y, m - 1, d, hh, mm) - Math.floor(instant.getTime() / MINUTE) * MINUTE) / MINUTE;
}

/**
 * The instant of a Helsinki wall-clock time ("YYYY-MM-DD", "HH:MM"); "24:00" is the next day's midnight. A
 * time skipped by the spring change is moved an hour later (the winter offset, which the clock shows an hour
 * later); an ambiguous autumn time is taken as its first (summer-time) occurrence.
 */
export function helsinkiToUtc(date: string, time: string): Date {
  if (time === "24:00") return helsinkiToUtc(addDays(date, 1), "00:00");
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offsets in force a day before and a day after cover both sides of any change on that day.
  const offsets = [offsetMinutes(new Date(naive - DAY)), offsetMinutes(new Date(naive + DAY))];
  const candidates = [...new Set(offsets.map((o) => naive - o * MINUTE))].sort((a, b) => a - b);
  for (const c of candidates) {
    const back = helsinkiParts(new Date(c));
    if (back.date === date && back.time === time) return new Date(c);
  }
  return new Date(Math.max(...candidates));
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}
