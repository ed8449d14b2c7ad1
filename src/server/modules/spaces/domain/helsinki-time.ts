// Helsinki wall-clock time and UTC instants (DESIGN rule 9: stored in UTC, shown in Europe/Helsinki).
// Finland's offset is +02:00 in winter and +03:00 in summer (EU rule since 1981: the change is at 01:00 UTC
// on the last Sundays of March and October), so a local time has at most these two candidate instants.

const ZONE = "Europe/Helsinki";
const FORMAT = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const MINUTE = 60_000;
const DAY = 86_400_000;

/** The Helsinki calendar date ("YYYY-MM-DD") and time ("HH:MM") of an instant. */
export function toHelsinki(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(FORMAT.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant of a Helsinki wall-clock time; "24:00" is the next day's midnight. In the autumn hour that
 * happens twice the first (summer-time) occurrence is taken; a time skipped in spring is read with the
 * winter offset, which the clock shows an hour later.
 */
export function fromHelsinki(date: string, time: string): Date {
  if (time === "24:00") return fromHelsinki(shiftDate(date, 1), "00:00");
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  for (const offsetMinutes of [180, 120]) {
    const candidate = new Date(naive - offsetMinutes * MINUTE);
    const back = toHelsinki(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return new Date(naive - 120 * MINUTE);
}

/** A calendar date moved by whole days (no time zone involved). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether a string is a real calendar date "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}
