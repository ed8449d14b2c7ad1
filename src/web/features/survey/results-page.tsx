import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type Locale, pickText } from "../../../contracts/localized-text.ts";
import type { Question, ResultRow, SurveyResults } from "../../../contracts/survey.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { resultsDownloads } from "../../api/survey/survey.api.ts";
import { useResults } from "../../api/survey/survey.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { NotFoundContent } from "../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { IntervalChart } from "./interval-chart.tsx";
import {
  answerLabel,
  formatDifference,
  formatEstimate,
  formatMean,
  formatP,
  measureLabel,
  scaleRange,
} from "./survey-format.ts";
import "./survey.css";

const DOMAINS = ["area", "age_group", "sex"] as const;

/** The row that sums a question up: the satisfied share, the NPS, or the mean; none for choice questions. */
export function mainRow(question: Question, rows: readonly ResultRow[]): ResultRow | undefined {
  const kind =
    question.type === "scale0to10"
      ? "nps"
      : question.type === "likert5" || question.type === "grade4to10"
        ? "share"
        : question.type === "number"
          ? "mean"
          : null;
  return kind ? rows.find((r) => r.kind === kind) : undefined;
}

function interval(row: ResultRow, locale: Locale, t: TFunction): string {
  if (row.suppressed || row.estimate === null || row.ciLow === null || row.ciHigh === null) {
    return t("survey.results.suppressed");
  }
  return t("survey.results.interval", {
    low: formatEstimate(row, row.ciLow, locale),
    high: formatEstimate(row, row.ciHigh, locale),
  });
}

/** The one or two sentences that say what a question's chart shows (its accessible name). */
export function questionSummary(
  question: Question,
  overall: readonly ResultRow[],
  locale: Locale,
  t: TFunction,
): string {
  const main = mainRow(question, overall);
  if (main) {
    if (main.suppressed || main.estimate === null) return t("survey.results.summarySuppressed");
    let text = t("survey.results.summary", {
      measure: measureLabel(main, question, locale, t),
      estimate: formatEstimate(main, main.estimate, locale),
      interval: interval(main, locale, t),
      n: main.nUsed,
    });
    if (main.previous) {
      text += ` ${t(
        main.previous.significant
          ? "survey.results.changeSignificant"
          : "survey.results.changeNotSignificant",
        {
          year: main.previous.year,
          previous: formatEstimate(main, main.previous.estimate, locale),
          difference: formatDifference(main, main.previous.difference, locale, t),
          p: formatP(main.previous.pValue, locale),
        },
      )}`;
    }
    return text;
  }
  const published = overall.filter((r) => !r.suppressed && r.estimate !== null);
  const top = [...published].sort((a, b) => (b.estimate as number) - (a.estimate as number))[0];
  if (!top) return t("survey.results.summarySuppressed");
  return t("survey.results.summaryTop", {
    label: measureLabel(top, question, locale, t),
    estimate: formatEstimate(top, top.estimate as number, locale),
    interval: interval(top, locale, t),
  });
}

function OverallTable({
  question,
  rows,
  captionId,
}: {
  question: Question;
  rows: ResultRow[];
  captionId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = pickText(question.text, locale);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>
          {t("survey.results.tableCaption")}: <span lang={text.lang}>{text.text}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("survey.results.columns.measure")}</th>
            <th scope="col">{t("survey.results.columns.estimate")}</th>
            <th scope="col">{t("survey.results.columns.interval")}</th>
            <th scope="col">{t("survey.results.columns.n")}</th>
            <th scope="col">{t("survey.results.columns.previous")}</th>
            <th scope="col">{t("survey.results.columns.change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{measureLabel(row, question, locale, t)}</th>
              <td className="data-table__number">
                {row.estimate === null
                  ? t("survey.results.suppressedShort")
                  : formatEstimate(row, row.estimate, locale)}
              </td>
              <td>{interval(row, locale, t)}</td>
              <td className="data-table__number">{row.nUsed ?? t("survey.results.under5")}</td>
              <td className="data-table__number">
                {row.previous
                  ? `${formatEstimate(row, row.previous.estimate, locale)} (${row.previous.year})`
                  : "–"}
              </td>
              <td>
                {row.previous
                  ? `${formatDifference(row, row.previous.difference, locale, t)}, ${t(
                      row.previous.significant
                        ? "survey.results.significant"
                        : "survey.results.notSignificant",
                    )} (p = ${formatP(row.previous.pValue, locale)})`
                  : "–"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DomainTable({ question, results }: { question: Question; results: SurveyResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [domain, setDomain] = useState<(typeof DOMAINS)[number]>("area");
  const rows = results.rows.filter((r) => r.question === question.key);
  const overall = rows.filter((r) => r.domainVariable === null);
  const main = mainRow(question, overall);
  const measures = main ? overall.filter((r) => r.kind !== "distribution") : overall;
  const domainRows = rows.filter((r) => r.domainVariable === domain);
  const levels = [...new Set(domainRows.map((r) => r.domain as string))];
  const selectId = `alue-${question.key}`;
  const captionId = `${selectId}-caption`;
  const base = (key: string) => key.replace(/@.*$/, "");
  const text = pickText(question.text, locale);
  return (
    <div className="survey-domain">
      <div className="field">
        <label htmlFor={selectId} className="field__label">
          {t("survey.results.domainLabel")}
        </label>
        <select
          id={selectId}
          className="input"
          value={domain}
          onChange={(e) => setDomain(e.target.value as typeof domain)}
        >
          {DOMAINS.map((d) => (
            <option key={d} value={d}>
              {t(`survey.domains.${d}`)}
            </option>
          ))}
        </select>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table">
          <caption id={captionId}>
            {t("survey.results.domainCaption", { domain: t(`survey.domains.${domain}`) })}:{" "}
            <span lang={text.lang}>{text.text}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(`survey.domains.${domain}`)}</th>
              {measures.map((m) => (
                <th key={m.key} scope="col">
                  {measureLabel(m, question, locale, t)}
                </th>
              ))}
              <th scope="col">{t("survey.results.columns.n")}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => {
              const cells = measures.map((m) =>
                domainRows.find((r) => r.domain === level && base(r.key) === base(m.key)),
              );
              const n = cells.find((c) => c?.nUsed !== null && c?.nUsed !== undefined)?.nUsed;
              return (
                <tr key={level}>
                  <th scope="row">
                    {domain === "sex" ? t(`survey.sex.${level}`, { defaultValue: level }) : level}
                  </th>
                  {cells.map((cell, i) => (
                    <td key={measures[i]?.key}>
                      {!cell || cell.estimate === null
                        ? t("survey.results.suppressedShort")
                        : `${formatEstimate(cell, cell.estimate, locale)} (${formatEstimate(cell, cell.ciLow as number, locale)}–${formatEstimate(cell, cell.ciHigh as number, locale)})`}
                    </td>
                  ))}
                  <td className="data-table__number">{n ?? t("survey.results.under5")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function QuestionResults({ question, results }: { question: Question; results: SurveyResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const text = pickText(question.text, locale);
  const overall = results.rows.filter((r) => r.question === question.key && r.domainVariable === null);
  if (overall.length === 0) return null;
  const main = mainRow(question, overall);
  const choiceRows = overall.filter((r) => r.kind === "distribution" || question.type === "multi");
  const byArea = main
    ? results.rows.filter((r) => r.domainVariable === "area" && r.key.replace(/@.*$/, "") === main.key)
    : [];
  const bars =
    choiceRows.length > 0
      ? choiceRows.map((r) => ({
          key: r.key,
          label: answerLabel(question, r.category ?? "", locale),
          estimate: r.estimate,
          ciLow: r.ciLow,
          ciHigh: r.ciHigh,
          valueText:
            r.estimate === null ? t("survey.results.suppressedShort") : formatEstimate(r, r.estimate, locale),
        }))
      : byArea.map((r) => ({
          key: r.key,
          label: r.domain ?? "",
          estimate: r.estimate,
          ciLow: r.ciLow,
          ciHigh: r.ciHigh,
          valueText:
            r.estimate === null ? t("survey.results.suppressedShort") : formatEstimate(r, r.estimate, locale),
        }));
  const rangeRow = choiceRows[0] ?? main;
  const id = `q-${question.key.replaceAll("_", "-")}`;
  return (
    <section className="content-section survey-result" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} lang={text.lang}>
        {text.text}
      </h2>
      <figure className="survey-figure">
        <figcaption>
          <p id={`${id}-summary`} className="survey-figure__summary">
            {questionSummary(question, overall, locale, t)}
          </p>
          <p className="survey-figure__note">
            {t(choiceRows.length > 0 ? "survey.results.chartChoices" : "survey.results.chartByArea", {
              measure: main ? measureLabel(main, question, locale, t) : "",
            })}
          </p>
        </figcaption>
        {bars.length > 0 && rangeRow ? (
          <IntervalChart bars={bars} range={scaleRange(question, rangeRow)} labelledBy={`${id}-summary`} />
        ) : null}
      </figure>
      <OverallTable question={question} rows={overall} captionId={`${id}-caption`} />
      {/* The breakdown is drawn only when opened: twenty questions' group tables would make a long page slow. */}
      <details className="survey-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t("survey.results.byDomain")}</summary>
        {open ? <DomainTable question={question} results={results} /> : null}
      </details>
    </section>
  );
}

function ResultsContent({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const downloads = resultsDownloads(results.round.slug);
  const openQuestions = results.questionnaire.questions.filter((q) => q.type === "text");
  return (
    <>
      {results.round.isExampleData ? <p className="example-callout">{t("survey.exampleData")}</p> : null}
      <section className="content-section" aria-labelledby="menetelma-h">
        <h2 id="menetelma-h">{t("survey.results.methodHeading")}</h2>
        <p>
          {t(
            results.weighting.method === "post-stratification"
              ? "survey.results.methodPostStratified"
              : "survey.results.method",
            {
              respondents: results.weighting.respondents,
              year: results.weighting.marginsYear,
              min: results.minimumCellSize,
            },
          )}
        </p>
        <dl className="facts">
          <div>
            <dt>{t("survey.results.respondents")}</dt>
            <dd>{results.weighting.respondents}</dd>
          </div>
          <div>
            <dt>{t("survey.results.excluded")}</dt>
            <dd>{results.weighting.excluded}</dd>
          </div>
          <div>
            <dt>{t("survey.results.effectiveN")}</dt>
            <dd>{formatMean(results.weighting.effectiveSampleSize, locale)}</dd>
          </div>
          <div>
            <dt>{t("survey.results.designEffect")}</dt>
            <dd>{formatMean(results.weighting.designEffect, locale)}</dd>
          </div>
          <div>
            <dt>{t("survey.results.previousYear")}</dt>
            <dd>{results.previousYear ?? "–"}</dd>
          </div>
        </dl>
        <p>
          {t("survey.results.openData")} <a href={downloads.csv}>{t("survey.results.downloadCsv")}</a> ·{" "}
          <a href={downloads.json}>{t("survey.results.downloadJson")}</a>
        </p>
      </section>
      {results.questionnaire.questions
        .filter((q) => !q.weighting && q.type !== "text")
        .map((q) => (
          <QuestionResults key={q.key} question={q} results={results} />
        ))}
      {openQuestions.length > 0 ? (
        <section className="content-section" aria-labelledby="teemat-h">
          <h2 id="teemat-h">{t("survey.results.themesHeading")}</h2>
          <p>{t("survey.results.themesText")}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" aria-labelledby="teemat-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="teemat-caption">{t("survey.results.themesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("survey.results.columns.question")}</th>
                  <th scope="col">{t("survey.results.columns.theme")}</th>
                  <th scope="col">{t("survey.results.columns.answers")}</th>
                </tr>
              </thead>
              <tbody>
                {results.themes.map((theme) => {
                  const question = openQuestions.find((q) => q.key === theme.question);
                  const text = question ? pickText(question.text, locale) : undefined;
                  return (
                    <tr key={`${theme.question}|${theme.theme}`}>
                      <td lang={text?.lang}>{text?.text ?? theme.question}</td>
                      <th scope="row" lang="fi">
                        {theme.theme}
                      </th>
                      <td className="data-table__number">{theme.count ?? t("survey.results.under5")}</td>
                    </tr>
                  );
                })}
                {results.themes.length === 0 ? (
                  <tr>
                    <td colSpan={3}>{t("survey.results.noThemes")}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
    </>
  );
}

/** A round's weighted results: per question a chart with intervals, its summary, data tables and last year's change. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { slug = "" } = useParams();
  const results = useResults(slug);
  const notFound = results.status === "error" && results.error.status === 404;
  const title = results.data ? local(results.data.round.title) : undefined;
  useDocumentTitle(
    notFound ? t("notFound.title") : (title?.text ?? t("survey.results.title")),
    results.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.survey, label: t("survey.home.title") }]}
        current={title?.text ?? t("survey.results.title")}
        lang={title?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.results.title")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("survey.results.title")}</PageHeading>
      </header>
      <LoadingStatus loading={results.status === "loading" && !results.data} />
      {results.status === "error" ? <ProblemAlert error={results.error} onRetry={results.reload} /> : null}
      {results.data ? <ResultsContent results={results.data} /> : null}
    </div>
  );
}
