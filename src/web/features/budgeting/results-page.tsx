import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { AreaResult, ReceiptCheck } from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { checkReceipt } from "../../api/budgeting/budgeting.api.ts";
import { useResults, useRound } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { ExampleNote, formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

/**
 * Votes per project as horizontal bars (chosen ones in green). Drawn in HTML so the labels keep a known
 * background for contrast; the whole figure is one image named by the summary sentence, and the table below
 * holds the same figures.
 */
function VotesChart({ area, summaryId }: { area: AreaResult; summaryId: string }) {
  const max = Math.max(1, ...area.projects.map((p) => p.votes));
  return (
    <div className="pb-bars" role="img" aria-labelledby={summaryId}>
      {area.projects.map((p) => (
        <div key={p.id} className="pb-bars__row">
          <span className="pb-bars__label">{p.title}</span>
          <span className="pb-bars__track">
            <span
              className={`pb-bars__bar${p.selected ? " pb-bars__bar--selected" : ""}`}
              style={{ width: `${Math.max(1, (p.votes / max) * 100)}%` }}
            />
          </span>
          <span className="pb-bars__value">{p.votes}</span>
        </div>
      ))}
    </div>
  );
}

function AreaSection({ area }: { area: AreaResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const name = local(area.name);
  const rule = local(area.ruleDescription);
  const chosen = area.projects.filter((p) => p.selected);
  const headingId = `tulos-${area.areaId}`;
  const summaryId = `tulos-yhteenveto-${area.areaId}`;
  const summary = t("budgeting.results.summary", {
    voters: area.voters,
    chosen: chosen.length,
    projects: area.projects.length,
    cost: formatEuros(area.totalCost, locale),
    budget: formatEuros(area.budget, locale),
  });
  return (
    <section className="content-section" aria-labelledby={headingId}>
      <h2 id={headingId} lang={name.lang}>
        {name.text}
      </h2>
      <p id={summaryId}>
        {summary}
        {chosen.length > 0
          ? ` ${t("budgeting.results.chosenList", { list: chosen.map((p) => p.title).join(", ") })}`
          : ""}
      </p>
      <p lang={rule.lang}>{rule.text}</p>
      <figure>
        <VotesChart area={area} summaryId={summaryId} />
        <figcaption>{t("budgeting.results.chartCaption")}</figcaption>
      </figure>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1), as the strategy tables do. */}
      <section className="table-scroll" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${headingId}-caption`}>
            {t("budgeting.results.tableCaption", { area: name.text })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("budgeting.results.project")}</th>
              <th scope="col">{t("budgeting.results.cost")}</th>
              <th scope="col">{t("budgeting.results.votes")}</th>
              {area.projects.some((p) => p.points !== null) ? (
                <th scope="col">{t("budgeting.results.points")}</th>
              ) : null}
              <th scope="col">{t("budgeting.results.outcome")}</th>
              <th scope="col">{t("budgeting.results.why")}</th>
            </tr>
          </thead>
          <tbody>
            {area.projects.map((p) => {
              const why = local(p.explanation);
              return (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{formatEuros(p.cost, locale)}</td>
                  <td>{p.votes}</td>
                  {p.points !== null ? <td>{p.points}</td> : null}
                  <td>{p.selected ? t("budgeting.results.selected") : t("budgeting.results.notSelected")}</td>
                  <td lang={why.lang}>{why.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <p>
        <a href={area.ballotFile} download>
          {t("budgeting.results.ballotFile", { area: name.text })}
        </a>
      </p>
    </section>
  );
}

function ReceiptForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const submit = useSubmit<ReceiptCheck>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run((options) => checkReceipt(code, options));
  };
  return (
    <section className="content-section" aria-labelledby="kuitti-h">
      <h2 id="kuitti-h">{t("budgeting.results.receiptHeading")}</h2>
      <p>{t("budgeting.results.receiptIntro")}</p>
      <form className="form form--inline" onSubmit={onSubmit} noValidate>
        <ErrorSummary error={submit.error} items={[]} attempt={submit.attempt} />
        <TextField
          id="kuittikoodi"
          label={t("budgeting.results.receiptLabel")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("budgeting.results.receiptSubmit")}
          </button>
        </div>
      </form>
      <p role="status" data-testid="receipt-result">
        {submit.data
          ? submit.data.found
            ? t("budgeting.results.receiptFound", {
                code: submit.data.receiptCode,
                count: submit.data.areas.reduce((n, a) => n + a.projectIds.length, 0),
              })
            : t("budgeting.results.receiptNotFound", { code: submit.data.receiptCode })
          : ""}
      </p>
    </section>
  );
}

/** Results per area: summary, chart, table with the reason for every project, ballot files and receipt check. */
export function ResultsPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { id = "" } = useParams();
  const round = useRound(id);
  const results = useResults(id);
  const title = round.data ? local(round.data.title) : undefined;
  const hidden = results.status === "error" && results.error.status === 409;
  useDocumentTitle(t("budgeting.results.title"), results.status !== "loading");
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.budgeting, label: t("budgeting.title") },
          { to: budgetingPath("budgetingRound", id), label: title?.text ?? t("budgeting.round.kicker") },
        ]}
        current={t("budgeting.results.title")}
      />
      <header className="page-header">
        <p className="kicker" lang={title?.lang}>
          {title?.text ?? t("budgeting.kicker")}
        </p>
        <PageHeading>{t("budgeting.results.title")}</PageHeading>
      </header>
      {round.data?.isExample ? <ExampleNote /> : null}
      <LoadingStatus loading={results.status === "loading"} />
      {hidden ? <p className="notice">{t("budgeting.results.notYet")}</p> : null}
      {results.status === "error" && !hidden ? (
        <ProblemAlert error={results.error} onRetry={results.reload} />
      ) : null}
      {results.data ? (
        <>
          <p className="lead">{t("budgeting.results.voters", { count: results.data.voters })}</p>
          {results.data.areas.map((area) => (
            <AreaSection key={area.areaId} area={area} />
          ))}
          <ReceiptForm />
        </>
      ) : null}
    </div>
  );
}
