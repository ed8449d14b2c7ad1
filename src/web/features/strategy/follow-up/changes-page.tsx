import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { IndicatorSummary, StrategyChanges } from "../../../../contracts/strategy.ts";
import { WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { useChanges, useIndicators } from "../../../api/strategy-followup/followup.hooks.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { SelectField } from "../../../components/form.tsx";
import { useLocalize } from "../../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { useLocale } from "../../../i18n/i18n.ts";
import { formatChange, formatValue, indicatorPath } from "./format.ts";
import { ExampleDataNote } from "./status.tsx";
import "./follow-up.css";

const MOVEMENT_MARK = { right: "▲", wrong: "▼", flat: "=", none: "–" } as const;

/** The years one can compare: from the earliest baseline to the latest value of any indicator. */
export function yearRange(indicators: IndicatorSummary[]): number[] {
  const years = indicators.flatMap((i) => [i.baseline.year, ...(i.latest ? [i.latest.year] : [])]);
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function readYear(value: string | null, years: number[]): number | undefined {
  const year = Number(value);
  return value && years.includes(year) ? year : undefined;
}

function ChangesTable({ changes }: { changes: StrategyChanges }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="muutokset-caption" tabIndex={0}>
      <table className="data-table data-table--fit">
        <caption id="muutokset-caption">
          {t("followUp.changes.caption", { from: changes.from, to: changes.to })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("followUp.changes.columns.indicator")}</th>
            <th scope="col">{changes.from}</th>
            <th scope="col">{changes.to}</th>
            <th scope="col">{t("followUp.changes.columns.change")}</th>
            <th scope="col">{t("followUp.changes.columns.movement")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.indicators.map((row) => {
            const name = local(row.name);
            const unit = local(row.unit).text;
            const movement = row.movement ?? "none";
            return (
              <tr key={row.key}>
                <th scope="row">
                  <Link to={indicatorPath(row.key)} lang={name.lang}>
                    {name.text}
                  </Link>
                  {row.isExampleData ? <ExampleDataNote short /> : null}
                </th>
                <td className="data-table__number">
                  {row.fromValue === null
                    ? t("followUp.changes.noValue")
                    : formatValue(row.fromValue, unit, locale)}
                </td>
                <td className="data-table__number">
                  {row.toValue === null
                    ? t("followUp.changes.noValue")
                    : formatValue(row.toValue, unit, locale)}
                </td>
                <td className="data-table__number">
                  {row.change === null ? t("followUp.changes.noValue") : formatChange(row.change, locale)}
                </td>
                <td className={`movement movement--${movement}`}>
                  <span aria-hidden="true" className="movement__mark">
                    {MOVEMENT_MARK[movement]}
                  </span>{" "}
                  {t(`followUp.changes.movement.${movement}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** What changed between two chosen years, indicator by indicator, and whether it moved the right way. */
export function ChangesPage() {
  const { t } = useTranslation();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const indicators = useIndicators();
  const years = yearRange(indicators.data ?? []);
  const last = years[years.length - 1];
  const first = years[0];
  const to = readYear(searchParams.get("to"), years) ?? last;
  const from =
    readYear(searchParams.get("from"), years) ??
    (last !== undefined && first !== undefined ? Math.max(first, last - 4) : undefined);
  const changes = useChanges(from, to);

  useDocumentTitle(t("followUp.changes.title"), indicators.status !== "loading");

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSearchParams({ from: String(data.get("from") ?? ""), to: String(data.get("to") ?? "") });
  }

  const loading = indicators.status === "loading" || (changes.status === "loading" && !changes.data);
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
        current={t("followUp.changes.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("followUp.tree.kicker")}</p>
        <PageHeading>{t("followUp.changes.title")}</PageHeading>
        <p className="lead">{t("followUp.changes.lead")}</p>
      </header>
      {years.length > 0 ? (
        <form className="follow-up-filters" aria-labelledby={`${id}-h`} onSubmit={submit}>
          <h2 id={`${id}-h`} className="follow-up-filters__heading">
            {t("followUp.changes.formHeading")}
          </h2>
          <div className="follow-up-filters__fields">
            <SelectField
              id={`${id}-from`}
              name="from"
              label={t("followUp.changes.from")}
              defaultValue={from}
              key={`f${from}`}
            >
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </SelectField>
            <SelectField
              id={`${id}-to`}
              name="to"
              label={t("followUp.changes.to")}
              defaultValue={to}
              key={`t${to}`}
            >
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              {t("followUp.changes.apply")}
            </button>
          </div>
        </form>
      ) : null}
      <LoadingStatus loading={loading} />
      {indicators.status === "error" ? (
        <ProblemAlert error={indicators.error} onRetry={indicators.reload} />
      ) : null}
      {changes.status === "error" ? <ProblemAlert error={changes.error} onRetry={changes.reload} /> : null}
      {indicators.status === "success" && years.length === 0 ? <p>{t("followUp.changes.noYears")}</p> : null}
      {changes.data ? <ChangesTable changes={changes.data} /> : null}
    </div>
  );
}
