import type { TFunction } from "i18next";
import type { Locale } from "../../../contracts/localized-text.ts";
import { pickText } from "../../../contracts/localized-text.ts";
import type { Question, ResultRow } from "../../../contracts/survey.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";

/** A share (0..1) as a percentage with at most one decimal ("65,4 %"). */
export function formatShare(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { style: "percent", maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A mean or NPS with two decimals at most. */
export function formatMean(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 2 }).format(value);
}

/** A row's estimate (or another number of the same scale) as the row's kind reads it. */
export function formatEstimate(row: Pick<ResultRow, "kind">, value: number, locale: Locale): string {
  return row.kind === "share" || row.kind === "distribution"
    ? formatShare(value, locale)
    : formatMean(value, locale);
}

/** A difference in the scale of the row ("+2,5 %-yks." for shares). */
export function formatDifference(
  row: Pick<ResultRow, "kind">,
  value: number,
  locale: Locale,
  t: TFunction,
): string {
  const sign = new Intl.NumberFormat(INTL_LOCALES[locale], {
    maximumFractionDigits: row.kind === "share" || row.kind === "distribution" ? 1 : 2,
    signDisplay: "exceptZero",
  });
  return row.kind === "share" || row.kind === "distribution"
    ? t("survey.results.points", { value: sign.format(value * 100) })
    : sign.format(value);
}

/** A p-value as people read it. */
export function formatP(value: number, locale: Locale): string {
  if (value < 0.001) return "< 0,001".replace(",", locale === "en" ? "." : ",");
  return new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 3 }).format(value);
}

/** The label of an answer value of a question (option label, or the number itself on a scale). */
export function answerLabel(question: Question | undefined, value: string, locale: Locale): string {
  const option = question?.options?.find((o) => o.value === value);
  return option ? pickText(option.label, locale).text : value;
}

/** What a result row measures, in words ("Tyytyväisten osuus (8–10)", "Keskiarvo", an option's label). */
export function measureLabel(
  row: ResultRow,
  question: Question | undefined,
  locale: Locale,
  t: TFunction,
): string {
  switch (row.kind) {
    case "mean":
      return t("survey.measure.mean");
    case "nps":
      return t("survey.measure.nps");
    case "distribution":
      return answerLabel(question, row.category ?? "", locale);
    default: {
      if (question?.type === "multi") return answerLabel(question, row.category ?? "", locale);
      const values = question?.satisfiedValues ?? [];
      const span = values.length > 1 ? `${values[0]}–${values[values.length - 1]}` : (values[0] ?? "");
      return t("survey.measure.share", { values: span });
    }
  }
}

/** The range a mean of the question can take, for drawing it on an axis. */
export function scaleRange(question: Question | undefined, row: Pick<ResultRow, "kind">): [number, number] {
  if (row.kind === "share" || row.kind === "distribution") return [0, 1];
  if (row.kind === "nps") return [-100, 100];
  switch (question?.type) {
    case "likert5":
      return [1, 5];
    case "grade4to10":
      return [4, 10];
    case "scale0to10":
      return [0, 10];
    default:
      return [question?.min ?? 0, question?.max ?? 10];
  }
}

/** A date (YYYY-MM-DD) in the locale's medium style. */
export function formatDay(value: string, locale: Locale): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!day) return value;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "medium", timeZone: "UTC" }).format(date);
}
