import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Locale } from "../../../../contracts/localized-text.ts";
import type { IndicatorDetail } from "../../../../contracts/strategy.ts";
import { programmePath, WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { useIndicator } from "../../../api/strategy-followup/followup.hooks.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { localize, useLocalize } from "../../../components/localized.ts";
import { NotFoundContent } from "../../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { useLocale } from "../../../i18n/i18n.ts";
import { actionPath, formatValue, periodPosition } from "./format.ts";
import { IndicatorChart } from "./indicator-chart.tsx";
import { ExampleDataNote, StatusWithReason } from "./status.tsx";
import "./follow-up.css";

/** The one sentence that says what the chart shows (its accessible name). */
export function chartSummary(indicator: IndicatorDetail, locale: Locale, t: TFunction): string {
  const unit = localize(indicator.unit, locale).text;
  const name = localize(indicator.name, locale).text;
  const value = (v: number) => formatValue(v, unit, locale);
  const series = indicator.values
    .filter((v) => v.area === "" && v.ageGroup === "" && v.sex === "")
    .sort((a, b) => periodPosition(a.period, a.year) - periodPosition(b.period, b.year));
  const first = series[0];
  const last = series[series.length - 1];
  const target = { target: value(indicator.target.value), targetYear: indicator.target.year };
  const baseline = { baseline: value(indicator.baseline.value), baselineYear: indicator.baseline.year };
  if (!first || !last) return t("followUp.indicator.summaryNoValues", { name, ...baseline, ...target });
  return t("followUp.indicator.summary", {
    name,
    firstPeriod: first.period,
    first: value(first.value),
    lastPeriod: last.period,
    last: value(last.value),
    ...baseline,
    ...target,
  });
}

function ValuesTable({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const unit = localize(indicator.unit, locale).text;
  const name = localize(indicator.name, locale);
  const breakdown = (value: string) => value || t("followUp.indicator.total");
  const rows = [...indicator.values].sort(
    (a, b) =>
      periodPosition(a.period, a.year) - periodPosition(b.period, b.year) ||
      a.area.localeCompare(b.area) ||
      a.ageGroup.localeCompare(b.ageGroup) ||
      a.sex.localeCompare(b.sex),
  );
  return (
    // A wide table scrolls inside its own focusable region, so the page itself reflows at 320 px.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="arvot-caption" tabIndex={0} id="arvot">
      <table className="data-table data-table--fit">
        <caption id="arvot-caption">
          {t("followUp.indicator.tableCaption")}: <span lang={name.lang}>{name.text}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("followUp.indicator.columns.period")}</th>
            <th scope="col">{t("followUp.indicator.columns.area")}</th>
            <th scope="col">{t("followUp.indicator.columns.ageGroup")}</th>
            <th scope="col">{t("followUp.indicator.columns.sex")}</th>
            <th scope="col">{t("followUp.indicator.columns.value")}</th>
            <th scope="col">{t("followUp.indicator.columns.source")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.period}|${row.area}|${row.ageGroup}|${row.sex}`}>
              <th scope="row">{row.period}</th>
              <td>{breakdown(row.area)}</td>
              <td>{breakdown(row.ageGroup)}</td>
              <td>{breakdown(row.sex)}</td>
              <td className="data-table__number">{formatValue(row.value, unit, locale)}</td>
              <td>{row.source}</td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6}>{t("followUp.indicator.noValues")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}

function IndicatorContent({ indicator }: { indicator: IndicatorDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const unit = local(indicator.unit).text;
  const source = local(indicator.source);
  const description = indicator.description ? local(indicator.description) : undefined;
  const summaryId = "kuvaajan-yhteenveto";
  return (
    <>
      {indicator.isExampleData ? (
        <p className="example-callout">
          <ExampleDataNote />
        </p>
      ) : null}
      {description ? (
        <p className="lead" lang={description.lang}>
          {description.text}
        </p>
      ) : null}
      <section className="content-section" aria-labelledby="tilanne-h">
        <h2 id="tilanne-h">{t("followUp.indicator.statusHeading")}</h2>
        <StatusWithReason status={indicator.status} />
        <dl className="facts">
          <div>
            <dt>{t("followUp.indicator.baseline")}</dt>
            <dd>
              {formatValue(indicator.baseline.value, unit, locale)} ({indicator.baseline.year})
            </dd>
          </div>
          <div>
            <dt>{t("followUp.indicator.target")}</dt>
            <dd>
              {formatValue(indicator.target.value, unit, locale)} ({indicator.target.year})
            </dd>
          </div>
          <div>
            <dt>{t("followUp.indicator.latest")}</dt>
            <dd>
              {indicator.latest
                ? `${formatValue(indicator.latest.value, unit, locale)} (${indicator.latest.year})`
                : t("followUp.notSet")}
            </dd>
          </div>
          <div>
            <dt>{t("followUp.indicator.direction")}</dt>
            <dd>{t(`followUp.direction.${indicator.direction}`)}</dd>
          </div>
          <div>
            <dt>{t("followUp.indicator.source")}</dt>
            <dd lang={source.lang}>{source.text}</dd>
          </div>
          {indicator.responsibleUnit ? (
            <div>
              <dt>{t("followUp.indicator.responsibleUnit")}</dt>
              <dd>{indicator.responsibleUnit}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <section className="content-section" aria-labelledby="kehitys-h">
        <h2 id="kehitys-h">{t("followUp.indicator.chartHeading")}</h2>
        <figure className="indicator-figure">
          <IndicatorChart indicator={indicator} labelledBy={summaryId} />
          <figcaption>
            <p id={summaryId} className="indicator-figure__summary">
              {chartSummary(indicator, locale, t)}
            </p>
          </figcaption>
        </figure>
        <ValuesTable indicator={indicator} />
      </section>
      <section className="content-section" aria-labelledby="kaytto-h">
        <h2 id="kaytto-h">{t("followUp.indicator.usedHeading")}</h2>
        {indicator.goals.length === 0 && indicator.actions.length === 0 ? (
          <p>{t("followUp.indicator.notUsed")}</p>
        ) : null}
        {indicator.goals.length > 0 ? (
          <>
            <h3>{t("followUp.indicator.goals")}</h3>
            <ul className="follow-up-list">
              {indicator.goals.map((goal) => {
                const title = local(goal.title);
                return (
                  <li key={goal.id}>
                    <Link to={programmePath(goal.programmeSlug)} lang={title.lang}>
                      {title.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {indicator.actions.length > 0 ? (
          <>
            <h3>{t("followUp.indicator.actions")}</h3>
            <ul className="follow-up-list">
              {indicator.actions.map((action) => {
                const title = local(action.title);
                return (
                  <li key={action.id}>
                    <Link to={actionPath(action.id)} lang={title.lang}>
                      {title.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

/** An indicator: status and reason, chart with summary and data table, source, and where it is used. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { key = "" } = useParams();
  const indicator = useIndicator(key);
  const notFound = indicator.status === "error" && indicator.error.status === 404;
  const name = indicator.data ? local(indicator.data.name) : undefined;

  useDocumentTitle(
    notFound ? t("notFound.title") : (name?.text ?? t("followUp.indicator.kicker")),
    indicator.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;

  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
        current={name?.text ?? t("followUp.indicator.kicker")}
        lang={name?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("followUp.indicator.kicker")}</p>
        <PageHeading lang={name?.lang}>{name?.text ?? t("followUp.indicator.kicker")}</PageHeading>
      </header>
      <LoadingStatus loading={indicator.status === "loading" && !indicator.data} />
      {indicator.status === "error" ? (
        <ProblemAlert error={indicator.error} onRetry={indicator.reload} />
      ) : null}
      {indicator.data ? <IndicatorContent indicator={indicator.data} /> : null}
    </div>
  );
}
