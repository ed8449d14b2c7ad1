// Finnish personal identity code (henkilötunnus, HETU): DDMMYYCZZZQ.
// Rules from shared/finland.md §3 (DVV, 2023 century-sign reform); no I/O, never throws on bad input.
// The code is personal data: nothing here logs it, and no result or error message echoes it.

/** Why a code was rejected; a closed set so callers can map each to a localized message. */
export type HenkilotunnusInvalidReason =
  | "invalid_format"
  | "invalid_century_sign"
  | "invalid_date"
  | "invalid_individual_number"
  | "temporary_number"
  | "checksum_mismatch"
  | "birth_date_in_future";

/** Every reason code, for exhaustive mapping (e.g. i18n keys) and tests. */
export const HENKILOTUNNUS_INVALID_REASONS: readonly HenkilotunnusInvalidReason[] = Object.freeze([
  "invalid_format",
  "invalid_century_sign",
  "invalid_date",
  "invalid_individual_number",
  "temporary_number",
  "checksum_mismatch",
  "birth_date_in_future",
]);

/** Outcome of validation; sex is the register's parity rule and must not drive UI (finland.md §3). */
export type HenkilotunnusResult =
  | { ok: true; birthDate: string; sex: "female" | "male"; isTemporary: boolean }
  | { ok: false; reason: HenkilotunnusInvalidReason };

/** Options; both default to the strict production behaviour. */
export interface HenkilotunnusOptions {
  /** Accept individual numbers 900–999 (temporary and test codes); finland.md: "only in test mode". */
  allowTemporary?: boolean;
  /** "YYYY-MM-DD"; when given, a birth date after it is rejected (a code cannot exist before birth). */
  referenceDate?: string;
}

// Century signs since the 1.1.2023 decree (finland.md §3); the sign is part of the identity, never stripped.
const CENTURY_BY_SIGN: ReadonlyMap<string, number> = new Map([
  ["+", 1800],
  ["-", 1900],
  ["Y", 1900],
  ["X", 1900],
  ["W", 1900],
  ["V", 1900],
  ["U", 1900],
  ["A", 2000],
  ["B", 2000],
  ["C", 2000],
  ["D", 2000],
  ["E", 2000],
  ["F", 2000],
]);

// mod-31 check table: digits, then letters without G, I, O, Q and Z (finland.md §3).
const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})([0-9A-Z])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Canonical form for storage and comparison: trimmed and uppercased, century sign kept as is. */
export function normalizeHenkilotunnus(input: string): string {
  return input.trim().toUpperCase();
}

/** The check character for the nine digits DDMMYYZZZ; undefined unless exactly nine ASCII digits. */
export function computeHenkilotunnusCheckCharacter(nineDigits: string): string | undefined {
  if (!/^\d{9}$/.test(nineDigits)) return undefined;
  return CHECK_CHARACTERS[Number(nineDigits) % 31];
}

/** Full validation (format, century sign, calendar date, individual number, checksum); input is normalized first. */
export function validateHenkilotunnus(
  input: unknown,
  options: HenkilotunnusOptions = {},
): HenkilotunnusResult {
  if (typeof input !== "string") return { ok: false, reason: "invalid_format" };
  const match = SHAPE.exec(normalizeHenkilotunnus(input));
  if (!match) return { ok: false, reason: "invalid_format" };
  const [, dd = "", mm = "", yy = "", sign = "", individual = "", check = ""] = match;

  const century = CENTURY_BY_SIGN.get(sign);
  if (century === undefined) return { ok: false, reason: "invalid_century_sign" };

  const year = century + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (!isRealDate(year, month, day)) return { ok: false, reason: "invalid_date" };

  // 000 and 001 are never issued; 002–899 are ordinary, 900–999 temporary or test (finland.md §3).
  const individualNumber = Number(individual);
  if (individualNumber < 2) return { ok: false, reason: "invalid_individual_number" };
  const isTemporary = individualNumber >= 900;
  if (isTemporary && options.allowTemporary !== true) return { ok: false, reason: "temporary_number" };

  if (computeHenkilotunnusCheckCharacter(`${dd}${mm}${yy}${individual}`) !== check) {
    return { ok: false, reason: "checksum_mismatch" };
  }

  const birthDate = formatIsoDate(year, month, day);
  if (options.referenceDate !== undefined) {
    const reference = parseIsoDate(options.referenceDate);
    if (!reference) throw new RangeError("referenceDate must be a real date in the form YYYY-MM-DD");
    if (birthDate > options.referenceDate) return { ok: false, reason: "birth_date_in_future" };
  }

  return { ok: true, birthDate, sex: individualNumber % 2 === 1 ? "male" : "female", isTemporary };
}

/**
 * Age in whole years on a date (both "YYYY-MM-DD"). Someone born on 29 February turns a year older on
 * 28 February in common years: by laki säädettyjen määräaikain laskemisesta 150/1930 §3 a period in years
 * ending in a month without the matching day ends on that month's last day (applied here by analogy).
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  if (!birth || !on) throw new RangeError("dates must be real dates in the form YYYY-MM-DD");
  if (onDate < birthDate) throw new RangeError("onDate is before birthDate");
  const anniversaryDay = Math.min(birth.day, daysInMonth(on.year, birth.month));
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= anniversaryDay);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}

/** Age reached during a calendar year, the "turns N in the voting year" rule of OmaStadi (finland.md §3–4). */
export function ageReachedInYear(birthDate: string, year: number): number {
  const birth = parseIsoDate(birthDate);
  if (!birth) throw new RangeError("birthDate must be a real date in the form YYYY-MM-DD");
  if (!Number.isInteger(year)) throw new RangeError("year must be an integer");
  return year - birth.year;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
