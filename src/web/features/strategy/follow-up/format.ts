import type { Locale } from "../../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { INTL_LOCALES } from "../../../i18n/intl.ts";

/** The page of an indicator. */
export function indicatorPath(key: string): string {
  return WEB_ROUTES.strategyIndicator.replace(":key", encodeURIComponent(key));
}

/** The page of a goal. */
export function goalPath(id: string): string {
  return WEB_ROUTES.strategyGoal.replace(":id", encodeURIComponent(id));
}

/** The page of an action. */
export function actionPath(id: string): string {
  return WEB_ROUTES.strategyAction.replace(":id", encodeURIComponent(id));
}

/** A number in the locale's conventions (at most two decimals). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 2 }).format(value);
}

/** A value with its unit ("92,5 %", "2,7 / 1 000 asukasta"), joined by a no-break space. */
export function formatValue(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale);
  return unit ? `${number}\u00a0${unit}` : number;
}

/** A change with its sign always shown ("+1,4", "−0,3", "0"). */
export function formatChange(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], {
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  }).format(value);
}

/** Whole euros in the locale's conventions ("120 000 €", "€120,000"). */
export function formatEuros(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(value);
}

/** A calendar date (YYYY-MM-DD, or the date part of a timestamp) in the locale's conventions. */
export function formatDate(value: string, locale: Locale): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) return value;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** Today in Helsinki as YYYY-MM-DD (milestones are due on Finnish calendar days). */
export function helsinkiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(now);
}

export type MilestoneState = "done" | "overdue" | "upcoming";

/** A milestone is done once it has a date of completion, overdue once its due day has passed without one. */
export function milestoneState(
  milestone: { dueDate: string; doneOn: string | null },
  today: string,
): MilestoneState {
  if (milestone.doneOn) return "done";
  return milestone.dueDate < today ? "overdue" : "upcoming";
}

/** The position of a period on a time axis in years: "2024" → 2024, "2024-Q3" → 2024.5, "2024-07" → 2024.5. */
export function periodPosition(period: string, year: number): number {
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) return year + (Number(quarter[1]) - 1) / 4;
  const month = /^\d{4}-(\d{2})$/.exec(period);
  if (month) return year + (Number(month[1]) - 1) / 12;
  return year;
}
