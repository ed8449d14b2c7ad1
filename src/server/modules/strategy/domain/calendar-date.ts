// Plain calendar dates ("YYYY-MM-DD") as day numbers. Milestones and reminders are about local days in
// Helsinki, which the caller has already resolved; counting in UTC days keeps summer time out of the sums.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid "YYYY-MM-DD"; throws RangeError otherwise, since dates come from our own schemas. */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a round trip catches impossible dates.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`no such date: ${date}`);
  }
  return ms / DAY_MS;
}

/** The "YYYY-MM-DD" of a day number (inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar parts of a "YYYY-MM-DD", validated. */
export function dateParts(date: string): { year: number; month: number; day: number } {
  const d = new Date(toDayNumber(date) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day number of a year/month/day that is known to be valid (month may be 13 = January next year). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
