import { useTranslation } from "react-i18next";
import type { Round } from "../../../contracts/budgeting.ts";
import type { Locale } from "../../../contracts/localized-text.ts";

/** Whole euros as a resident reads them: "12 000 €", "€12,000". */
export function formatEuros(value: number, locale: Locale): string {
  const text = new Intl.NumberFormat(locale === "en" ? "en-GB" : locale === "sv" ? "sv-FI" : "fi-FI").format(
    Math.round(value),
  );
  return locale === "en" ? `€${text}` : `${text} €`;
}

/** A date (and time in Helsinki when asked). */
export function formatDate(iso: string, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
    timeZone: "Europe/Helsinki",
    day: "numeric",
    month: "numeric",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
  }).format(new Date(iso));
}

/** "Esimerkkiaineisto / example data" on rounds that are not real. */
export function ExampleNote() {
  const { t } = useTranslation();
  return <p className="example-note">{t("budgeting.exampleData")}</p>;
}

/** The ballot's rules in one sentence (how many, within what, how counted). */
export function BallotRules({ round }: { round: Round }) {
  const { t } = useTranslation();
  return (
    <p>
      {t(`budgeting.ballotRules.${round.ballotType}`, {
        max: round.maxChoices ?? "",
        points: round.pointsTotal ?? "",
      })}{" "}
      {t(`budgeting.rules.${round.rule}`)}
    </p>
  );
}
