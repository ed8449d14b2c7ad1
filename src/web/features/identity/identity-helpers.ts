import { Email, Password, type Role } from "../../../contracts/identity.ts";
import type { Locale } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { fi } from "../../i18n/catalogues.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";

/** A field's error: the key of its message under forms.errors, with the message's values. */
export type FieldError = { key: keyof typeof fi.forms.errors; values?: Record<string, string | number> };

// A keyword of a contract schema (TypeBox keeps them on the schema object; its static type does not say so).
function schemaKeyword<T extends string | number>(schema: object, keyword: string, fallback: T): T {
  const value = (schema as Record<string, unknown>)[keyword];
  return typeof value === typeof fallback ? (value as T) : fallback;
}

/** The password rules of the contract (NIST SP 800-63B: length, not composition). */
export const PASSWORD_MIN_LENGTH = schemaKeyword(Password, "minLength", 10);
export const PASSWORD_MAX_LENGTH = schemaKeyword(Password, "maxLength", 200);
const EMAIL_PATTERN = new RegExp(schemaKeyword(Email, "pattern", "^\\S+@\\S+\\.\\S{2,}$"));
const EMAIL_MAX_LENGTH = schemaKeyword(Email, "maxLength", 254);

/** The e-mail field as registration accepts it (the same shape check as the API's). */
export function emailError(email: string): FieldError | undefined {
  const value = email.trim();
  if (value === "") return { key: "emailRequired" };
  if (value.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(value)) return { key: "emailInvalid" };
  return undefined;
}

/** A new password: long enough, not too long, and not the e-mail address (as the server checks). */
export function newPasswordError(password: string, email: string | null | undefined): FieldError | undefined {
  if (password === "") return { key: "passwordRequired" };
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { key: "passwordTooShort", values: { min: PASSWORD_MIN_LENGTH } };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { key: "passwordTooLong", values: { max: PASSWORD_MAX_LENGTH } };
  }
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return { key: "passwordIsEmail" };
  return undefined;
}

/** The registration form's problems, field by field (empty when it can be sent). */
export function validateRegistration(input: {
  displayName: string;
  email: string;
  password: string;
}): Partial<Record<"displayName" | "email" | "password", FieldError>> {
  const errors: Partial<Record<"displayName" | "email" | "password", FieldError>> = {};
  const name = input.displayName.trim();
  if (name === "") errors.displayName = { key: "displayNameRequired" };
  else if (name.length > 100) errors.displayName = { key: "displayNameTooLong", values: { max: 100 } };
  const email = emailError(input.email);
  if (email) errors.email = email;
  const password = newPasswordError(input.password, input.email);
  if (password) errors.password = password;
  return errors;
}

/**
 * Whether a henkilötunnus looks right (date digits, a century sign of the 2023 reform, individual number,
 * check character). The server checks the date and the checksum; this only catches typing slips early.
 */
export function looksLikeHenkilotunnus(value: string): boolean {
  return /^\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]$/i.test(value.trim());
}

/** A unit or organisation id as the API takes it for a scope. */
export function isValidScope(value: string): boolean {
  return /^[a-z0-9-]{1,80}$/.test(value);
}

/** Roles that act for a unit or an organisation and so need a scope. */
export const SCOPED_ROLES: ReadonlySet<Role> = new Set(["staff", "organisation_rep"]);

/**
 * A same-site path to come back to after signing in (as the server's own rule: a path, not `//host`, no
 * backslash, at most 200 characters); the API and the sign-in page itself are no destinations.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (
    value?.startsWith("/") !== true ||
    value.startsWith("//") ||
    value.includes("\\") ||
    value.length > 200 ||
    value.startsWith("/api/") ||
    value.split("?")[0] === WEB_ROUTES.signIn
  ) {
    return WEB_ROUTES.profile;
  }
  return value;
}

/** The sign-in page, asked to come back to `returnTo` afterwards. */
export function signInHref(returnTo?: string): string {
  if (!returnTo || safeReturnPath(returnTo) !== returnTo || returnTo === WEB_ROUTES.profile) {
    return WEB_ROUTES.signIn;
  }
  return `${WEB_ROUTES.signIn}?${new URLSearchParams({ returnTo }).toString()}`;
}

/** The reasons the server gives when strong identification ends back on the sign-in page (?error=). */
export const IDENTIFICATION_ERRORS = [
  "identification_failed",
  "identification_expired",
  "identity_taken",
  "identification_unavailable",
] as const;
export type IdentificationError = (typeof IDENTIFICATION_ERRORS)[number] | "unknown";

/** The sign-in page's ?error= as a known reason ("unknown" for anything else, undefined for none). */
export function identificationError(value: string | null): IdentificationError | undefined {
  if (value === null || value === "") return undefined;
  return (IDENTIFICATION_ERRORS as readonly string[]).includes(value)
    ? (value as IdentificationError)
    : "unknown";
}

const HELSINKI = "Europe/Helsinki";

// Minutes Helsinki is ahead of UTC at an instant (120 in winter, 180 in summer).
function helsinkiOffsetMinutes(epochMs: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: HELSINKI,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClockAsUtc = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return Math.round((wallClockAsUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in Helsinki, as an ISO string in UTC; the audit log is
 * stored in UTC and read in Finnish time (DESIGN rule 9). Undefined for anything that is not such a date.
 */
export function helsinkiDayStart(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const midnightUtc = Date.UTC(year, month - 1, day);
  const check = new Date(midnightUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  // Midnight is never inside a daylight-saving jump in Finland (they happen at 03:00 and 04:00), so the
  // offset at a first guess, corrected once, is the offset at midnight.
  let instant = midnightUtc - helsinkiOffsetMinutes(midnightUtc) * 60_000;
  instant = midnightUtc - helsinkiOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** The calendar day after a YYYY-MM-DD date. */
export function nextCalendarDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const next = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/** An instant in Finnish time, in the interface language (e.g. 28.11.2026 klo 14.05.09). */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    timeZone: HELSINKI,
    dateStyle: "short",
    timeStyle: "medium",
  }).format(new Date(iso));
}

/** A day in Finnish time, in the interface language. */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: HELSINKI, dateStyle: "long" }).format(
    new Date(iso),
  );
}
