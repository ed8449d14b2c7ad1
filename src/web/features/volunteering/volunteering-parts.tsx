import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/localized-text.ts";
import type { MatchReason, OpportunityView, ShiftView } from "../../../contracts/volunteering.ts";
import { useLocale } from "../../i18n/i18n.ts";
import "./volunteering.css";

/** Page paths of the module (kept beside web-routes.ts's patterns). */
export const VOLUNTEERING_PATHS = {
  home: "/volunteering",
  opportunities: "/volunteering/opportunities",
  me: "/volunteering/me",
  organisations: "/volunteering/organisations",
  staff: "/volunteering/staff",
  opportunity: (id: string) => `/volunteering/opportunities/${encodeURIComponent(id)}`,
  organisation: (id: string) => `/volunteering/organisations/${encodeURIComponent(id)}`,
} as const;

const RANGE = new Map<Locale, Intl.DateTimeFormat>();

/** A shift's time range in Helsinki time, as people read it ("la 5.12.2026 klo 10.00–11.30"). */
export function formatShift(shift: Pick<ShiftView, "startsAt" | "endsAt">, locale: Locale): string {
  let format = RANGE.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
      timeZone: "Europe/Helsinki",
      weekday: "short",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    RANGE.set(locale, format);
  }
  return format.formatRange(new Date(shift.startsAt), new Date(shift.endsAt));
}

/** Hours from minutes, with the locale's decimal sign. */
export function formatHours(minutes: number, locale: Locale): string {
  return (minutes / 60).toLocaleString(locale === "en" ? "en-GB" : `${locale}-FI`, {
    maximumFractionDigits: 2,
  });
}

/** One matching reason in words. */
export function reasonText(reason: MatchReason, t: TFunction): string {
  switch (reason.code) {
    case "interest":
      return t("volunteering.reasons.interest", { theme: t(`volunteering.themes.${reason.value}` as never) });
    case "skill":
      return t("volunteering.reasons.skill", { skill: t(`volunteering.skills.${reason.value}` as never) });
    case "area":
      return t("volunteering.reasons.area", { area: t(`volunteering.areas.${reason.value}` as never) });
    case "remote":
      return t("volunteering.reasons.remote");
    case "time":
      return t("volunteering.reasons.time", { count: reason.count ?? 0 });
    case "ongoing":
      return t("volunteering.reasons.ongoing");
    case "waitlist_only":
      return t("volunteering.reasons.waitlistOnly");
    case "min_age":
      return t("volunteering.reasons.minAge", { age: reason.count ?? 0 });
    default:
      return reason.code;
  }
}

/** A group of checkboxes with a legend (WCAG 1.3.1): the values chosen from a closed list. */
export function ChoiceGroup<T extends string>({
  id,
  legend,
  hint,
  options,
  chosen,
  label,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  onChange: (next: T[]) => void;
}) {
  return (
    <fieldset className="choice-group" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <ul className="choice-group__list">
        {options.map((value) => (
          <li key={value}>
            <input
              type="checkbox"
              id={`${id}-${value}`}
              checked={chosen.includes(value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, value] : chosen.filter((v) => v !== value))
              }
            />
            <label htmlFor={`${id}-${value}`}>{label(value)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The "example data" label of demo content. */
export function ExampleLabel() {
  const { t } = useTranslation();
  return <span className="badge badge--coming">{t("volunteering.exampleData")}</span>;
}

/** A definition list of an opportunity's facts. */
export function OpportunityFacts({ opportunity }: { opportunity: OpportunityView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows: [string, ReactNode][] = [
    [t("volunteering.facts.organisation"), opportunity.organisationName],
    [t("volunteering.facts.kind"), t(`volunteering.kinds.${opportunity.kind}`)],
    [t("volunteering.facts.place"), opportunity.place],
    [t("volunteering.facts.area"), t(`volunteering.areas.${opportunity.area}`)],
    [t("volunteering.facts.themes"), opportunity.themes.map((x) => t(`volunteering.themes.${x}`)).join(", ")],
  ];
  if (opportunity.skills.length > 0)
    rows.push([
      t("volunteering.facts.skills"),
      opportunity.skills.map((x) => t(`volunteering.skills.${x}`)).join(", "),
    ]);
  rows.push([
    t("volunteering.facts.minAge"),
    opportunity.minAge === null
      ? t("volunteering.facts.noAgeLimit")
      : t("volunteering.facts.ageLimit", { age: opportunity.minAge }),
  ]);
  if (opportunity.accessibility)
    rows.push([
      t("volunteering.facts.accessibility"),
      opportunity.accessibility[locale] ?? opportunity.accessibility.fi,
    ]);
  if (opportunity.needsRecordExtract)
    rows.push([t("volunteering.facts.recordExtract"), t("volunteering.facts.recordExtractYes")]);
  rows.push([t("volunteering.facts.contact"), `${opportunity.contactName}, ${opportunity.contactEmail}`]);
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
