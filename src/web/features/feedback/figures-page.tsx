import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { FeedbackFigures, MonthFigures, PromiseFigures } from "../../../contracts/feedback-figures.ts";
import type { Locale } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { getJson } from "../../api/client.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import "./feedback.css";

const FIGURES_URL = "/api/v1/feedback/figures";
const CHART_HEIGHT = 200;
const BAR_GAP = 6;

/** "2026-11" as the month's name in the interface language ("marraskuu 2026"). */
export function monthName(month: string, locale: Locale): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(Date.UTC(year, m - 1, 1));
}

function useFormat() {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
    maximumFractionDigits: 1,
  });
  return {
    percent: (v: number | null) => (v === null ? t("feedback.figures.none") : `${number.format(v)} %`),
    hours: (v: number | null) =>
      v === null ? t("feedback.figures.none") : t("feedback.figures.hours", { hours: number.format(v) }),
    count: (v: number | null) => (v === null ? t("feedback.figures.fewerThanFive") : number.format(v)),
  };
}

/** The month-by-month share answered within the promise, as bars; the table after it holds every value. */
function TrendChart({ months, labelledBy }: { months: MonthFigures[]; labelledBy: string }) {
  const width = 640;
  const bar = width / months.length - BAR_GAP;
  return (
    <div className="feedback-figures__chart">
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: the name is the summary sentence, via aria-labelledby. */}
      <svg
        role="img"
        aria-labelledby={labelledBy}
        viewBox={`0 0 ${width} ${CHART_HEIGHT}`}
        className="feedback-figures__svg"
      >
        {[0, 50, 100].map((tick) => (
          <line
            key={tick}
            x1={0}
            x2={width}
            y1={CHART_HEIGHT - (tick / 100) * CHART_HEIGHT}
            y2={CHART_HEIGHT - (tick / 100) * CHART_HEIGHT}
            className="feedback-figures__grid"
          />
        ))}
        {months.map((m, i) => {
          const share = m.shareFirstResponseWithin;
          const x = i * (bar + BAR_GAP) + BAR_GAP / 2;
          const h = share === null ? 0 : (share / 100) * CHART_HEIGHT;
          return (
            <g key={m.month}>
              {share === null ? (
                <line
                  x1={x}
                  x2={x + bar}
                  y1={CHART_HEIGHT - 1}
                  y2={CHART_HEIGHT - 1}
                  className="feedback-figures__gap"
                />
              ) : (
                <rect x={x} y={CHART_HEIGHT - h} width={bar} height={h} className="feedback-figures__bar" />
              )}
            </g>
          );
        })}
      </svg>
      <ol className="feedback-figures__months" aria-hidden="true">
        {months.map((m) => (
          <li key={m.month}>{Number(m.month.slice(5))}</li>
        ))}
      </ol>
    </div>
  );
}

function FigureCells({ f }: { f: PromiseFigures }) {
  const format = useFormat();
  return (
    <>
      <td>{format.count(f.requests)}</td>
      <td>{format.percent(f.shareFirstResponseWithin)}</td>
      <td>{format.percent(f.shareResolvedWithin)}</td>
      <td>{format.hours(f.medianFirstResponseHours)}</td>
      <td>{format.hours(f.medianResolutionHours)}</td>
    </>
  );
}

function FigureHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col">{t("feedback.figures.requests")}</th>
      <th scope="col">{t("feedback.figures.shareFirst")}</th>
      <th scope="col">{t("feedback.figures.shareResolved")}</th>
      <th scope="col">{t("feedback.figures.medianFirst")}</th>
      <th scope="col">{t("feedback.figures.medianResolution")}</th>
    </>
  );
}

/** One row of a figures table, for the narrow-screen cards. */
type CardRow = {
  key: string;
  title: string;
  lang?: string | undefined;
  promise?: string | undefined;
  f: PromiseFigures;
};

/**
 * The same figures as a table's rows, one card each, for narrow screens (under 40 rem), where seven columns
 * would not fit 320 px: each value sits beside its column's name, and nothing scrolls sideways. Only one of
 * the two is displayed at a time, so assistive technology meets the figures once.
 */
function FigureCards({ id, caption, rows }: { id: string; caption: string; rows: CardRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="feedback-figures__narrow">
      <p id={id} className="feedback-figures__cards-caption">
        {caption}
      </p>
      <ul className="feedback-figures__cards" aria-labelledby={id}>
        {rows.map((row) => (
          <li key={row.key} className="feedback-figures__card">
            <p className="feedback-figures__card-title" lang={row.lang}>
              {row.title}
            </p>
            <dl className="feedback-figures__card-values">
              {row.promise ? (
                <div>
                  <dt>{t("feedback.figures.promise")}</dt>
                  <dd>{row.promise}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t("feedback.figures.requests")}</dt>
                <dd>{format.count(row.f.requests)}</dd>
              </div>
              <div>
                <dt>{t("feedback.figures.shareFirst")}</dt>
                <dd>{format.percent(row.f.shareFirstResponseWithin)}</dd>
              </div>
              <div>
                <dt>{t("feedback.figures.shareResolved")}</dt>
                <dd>{format.percent(row.f.shareResolvedWithin)}</dd>
              </div>
              <div>
                <dt>{t("feedback.figures.medianFirst")}</dt>
                <dd>{format.hours(row.f.medianFirstResponseHours)}</dd>
              </div>
              <div>
                <dt>{t("feedback.figures.medianResolution")}</dt>
                <dd>{format.hours(row.f.medianResolutionHours)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figures({ figures }: { figures: FeedbackFigures }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const format = useFormat();
  const overall = figures.total.overall;
  const summary =
    overall.shareFirstResponseWithin === null
      ? t("feedback.figures.summaryNone")
      : t("feedback.figures.summary", {
          share: format.percent(overall.shareFirstResponseWithin),
          hours: format.hours(overall.medianFirstResponseHours),
        });
  return (
    <>
      <section className="content-section" aria-labelledby="feedback-figures-trend">
        <h2 id="feedback-figures-trend">{t("feedback.figures.trendHeading")}</h2>
        <p id="feedback-figures-summary">{summary}</p>
        <TrendChart months={figures.total.months} labelledBy="feedback-figures-summary" />
        <section
          className="table-scroll feedback-figures__wide"
          aria-labelledby="feedback-figures-months-caption"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
        >
          <table className="data-table feedback-figures__table">
            <caption id="feedback-figures-months-caption">{t("feedback.figures.monthsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("feedback.figures.month")}</th>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              {figures.total.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month, locale)}</th>
                  <FigureCells f={m} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <FigureCards
          id="feedback-figures-months-cards"
          caption={t("feedback.figures.monthsCaption")}
          rows={figures.total.months.map((m) => ({ key: m.month, title: monthName(m.month, locale), f: m }))}
        />
      </section>
      <section className="content-section" aria-labelledby="feedback-figures-services">
        <h2 id="feedback-figures-services">{t("feedback.figures.servicesHeading")}</h2>
        <section
          className="table-scroll feedback-figures__wide"
          aria-labelledby="feedback-figures-services-caption"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
          tabIndex={0}
        >
          <table className="data-table feedback-figures__table">
            <caption id="feedback-figures-services-caption">{t("feedback.figures.servicesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("feedback.figures.service")}</th>
                <th scope="col">{t("feedback.figures.promise")}</th>
                <FigureHeads />
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("feedback.figures.allServices")}</th>
                <td />
                <FigureCells f={overall} />
              </tr>
              {figures.services.map((s) => {
                const name = localize(s.name);
                return (
                  <tr key={s.code}>
                    <th scope="row" lang={name.lang}>
                      {name.text}
                    </th>
                    <td>
                      {t("feedback.figures.promiseHours", {
                        first: s.firstResponseHours,
                        resolution: s.resolutionHours,
                      })}
                    </td>
                    <FigureCells f={s.overall} />
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <FigureCards
          id="feedback-figures-services-cards"
          caption={t("feedback.figures.servicesCaption")}
          rows={[
            { key: "", title: t("feedback.figures.allServices"), f: overall },
            ...figures.services.map((s) => {
              const name = localize(s.name);
              return {
                key: s.code,
                title: name.text,
                lang: name.lang,
                promise: t("feedback.figures.promiseHours", {
                  first: s.firstResponseHours,
                  resolution: s.resolutionHours,
                }),
                f: s.overall,
              };
            }),
          ]}
        />
        <p>{t("feedback.figures.suppression", { min: figures.minRequests })}</p>
        <p>
          <a href={`${FIGURES_URL}.csv`} download>
            {t("feedback.figures.csv")}
          </a>
        </p>
      </section>
    </>
  );
}

/** The public page of the response-time promise: share kept and median times, by month and by category. */
export function FeedbackFiguresPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("feedback.figures.title"));
  const figures = useApiResource("feedback-figures", useLocale(), (options) =>
    getJson<FeedbackFigures>(FIGURES_URL, options),
  );
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.feedback, label: t("feedback.list.title") }]}
        current={t("feedback.figures.title")}
      />
      <PageHeading>{t("feedback.figures.title")}</PageHeading>
      <p className="lead">{t("feedback.figures.lead")}</p>
      <section className="content-section" aria-labelledby="feedback-figures-hours">
        <h2 id="feedback-figures-hours">{t("feedback.figures.hoursHeading")}</h2>
        <p>{t("feedback.figures.hoursText")}</p>
      </section>
      <LoadingStatus loading={figures.status === "loading" && !figures.data} />
      {figures.status === "error" ? <ProblemAlert error={figures.error} onRetry={figures.reload} /> : null}
      {figures.data ? <Figures figures={figures.data} /> : null}
      <p>
        <Link to={WEB_ROUTES.feedback}>{t("feedback.figures.back")}</Link>
      </p>
    </div>
  );
}
