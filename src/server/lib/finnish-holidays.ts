// Finnish holidays for a year, as the rules stand today (movable feasts fixed by the 1955 and 1991 reforms).
// Names are interface text and live in web/i18n under the keys below (DESIGN rule 8); dates are "YYYY-MM-DD".

/** Stable key of each holiday, used as the i18n key; Finnish names in comments. */
export type FinnishHolidayKey =
  | "newYearsDay" // uudenvuodenpäivä
  | "epiphany" // loppiainen
  | "goodFriday" // pitkäperjantai
  | "easterSunday" // pääsiäispäivä
  | "easterMonday" // 2. pääsiäispäivä
  | "mayDay" // vapunpäivä
  | "ascensionDay" // helatorstai
  | "pentecost" // helluntaipäivä
  | "midsummerEve" // juhannusaatto
  | "midsummerDay" // juhannuspäivä
  | "allSaintsDay" // pyhäinpäivä
  | "independenceDay" // itsenäisyyspäivä
  | "christmasEve" // jouluaatto
  | "christmasDay" // joulupäivä
  | "boxingDay"; // tapaninpäivä

/**
 * "public": an official holiday; "customary": not one in law, but a day off in practice and treated like a
 * holiday for statutory deadlines (laki säädettyjen määräaikain laskemisesta 150/1930 §5 names juhannus- and
 * jouluaatto beside the holidays).
 */
export type FinnishHolidayKind = "public" | "customary";

/** One holiday on one date. */
export interface FinnishHoliday {
  readonly key: FinnishHolidayKey;
  readonly date: string;
  readonly kind: FinnishHolidayKind;
}

/** Years the Gregorian computus and this list are defined for (Gregorian from 1583; four-digit years). */
export const HOLIDAY_YEAR_RANGE = Object.freeze({ min: 1583, max: 9999 });

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const cache = new Map<number, readonly FinnishHoliday[]>();

/**
 * Easter Sunday by the Gregorian computus, in the anonymous "Meeus/Jones/Butcher" arithmetic form
 * (J. Meeus, Astronomical Algorithms, ch. 8); valid for every Gregorian year.
 */
export function computeEasterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatDay(utcDay(year, month, day));
}

/** All Finnish holidays of a year, official and customary, sorted by date (two may share a date, e.g. 2008). */
export function listFinnishHolidays(year: number): readonly FinnishHoliday[] {
  assertYear(year);
  const cached = cache.get(year);
  if (cached) return cached;

  const easter = utcDay(year, ...monthDay(computeEasterSunday(year)));
  // Midsummer Day is the Saturday in 20–26 June, All Saints' Day the Saturday in 31 Oct–6 Nov (1955 reform).
  const midsummerDay = nextWeekday(utcDay(year, 6, 20), 6);
  const allSaints = nextWeekday(utcDay(year, 10, 31), 6);

  const entries: Array<[FinnishHolidayKey, number, FinnishHolidayKind]> = [
    ["newYearsDay", utcDay(year, 1, 1), "public"],
    ["epiphany", utcDay(year, 1, 6), "public"],
    ["goodFriday", easter - 2 * DAY_MS, "public"],
    ["easterSunday", easter, "public"],
    ["easterMonday", easter + DAY_MS, "public"],
    ["mayDay", utcDay(year, 5, 1), "public"],
    ["ascensionDay", easter + 39 * DAY_MS, "public"],
    ["pentecost", easter + 49 * DAY_MS, "public"],
    ["midsummerEve", midsummerDay - DAY_MS, "customary"],
    ["midsummerDay", midsummerDay, "public"],
    ["allSaintsDay", allSaints, "public"],
    ["independenceDay", utcDay(year, 12, 6), "public"],
    ["christmasEve", utcDay(year, 12, 24), "customary"],
    ["christmasDay", utcDay(year, 12, 25), "public"],
    ["boxingDay", utcDay(year, 12, 26), "public"],
  ];
  const holidays = Object.freeze(
    entries
      .sort((x, y) => x[1] - y[1])
      .map(([key, ms, kind]) => Object.freeze({ key, date: formatDay(ms), kind })),
  );
  cache.set(year, holidays);
  return holidays;
}

/** Holidays on a date ("YYYY-MM-DD"); empty on ordinary days. */
export function findFinnishHolidays(date: string): readonly FinnishHoliday[] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError("date must be in the form YYYY-MM-DD");
  return listFinnishHolidays(Number(match[1])).filter((holiday) => holiday.date === date);
}

/** True on any holiday, official or customary; the default day-off rule of the working-hours calendar. */
export function isFinnishHoliday(date: string): boolean {
  return findFinnishHolidays(date).length > 0;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_YEAR_RANGE.min || year > HOLIDAY_YEAR_RANGE.max) {
    throw new RangeError(
      `year must be an integer from ${HOLIDAY_YEAR_RANGE.min} to ${HOLIDAY_YEAR_RANGE.max}`,
    );
  }
}

function utcDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

// First date on or after `from` whose UTC weekday is `weekday` (0 = Sunday … 6 = Saturday).
function nextWeekday(from: number, weekday: number): number {
  const current = new Date(from).getUTCDay();
  return from + ((weekday - current + 7) % 7) * DAY_MS;
}

function monthDay(date: string): [number, number] {
  return [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function formatDay(ms: number): string {
  const d = new Date(ms);
  const year = String(d.getUTCFullYear()).padStart(4, "0");
  return `${year}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}
