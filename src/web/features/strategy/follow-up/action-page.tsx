import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ActionDetail } from "../../../../contracts/strategy.ts";
import { programmePath, WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { useAction } from "../../../api/strategy-followup/followup.hooks.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { useLocalize } from "../../../components/localized.ts";
import { NotFoundContent } from "../../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { useLocale } from "../../../i18n/i18n.ts";
import { formatDate, formatEuros, helsinkiToday, indicatorPath, milestoneState } from "./format.ts";
import { ExampleDataNote, StatusWithReason } from "./status.tsx";
import "./follow-up.css";

const MILESTONE_MARK = { done: "✓", overdue: "!", upcoming: "○" } as const;

function ActionContent({ action }: { action: ActionDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const goal = local(action.goal.title);
  const today = helsinkiToday();
  const notSet = t("followUp.notSet");
  const schedule =
    action.startDate || action.endDate
      ? `${action.startDate ? formatDate(action.startDate, locale) : "…"} – ${
          action.endDate ? formatDate(action.endDate, locale) : "…"
        }`
      : notSet;
  const updates = [...action.updates].sort((a, b) => b.at.localeCompare(a.at));
  const milestones = [...action.milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return (
    <>
      {action.isExampleData ? (
        <p className="example-callout">
          <ExampleDataNote />
        </p>
      ) : null}
      <p>
        {t("followUp.action.goal")}:{" "}
        <Link to={programmePath(action.goal.programmeSlug)} lang={goal.lang}>
          {goal.text}
        </Link>
      </p>
      <section className="content-section" aria-labelledby="tilanne-h">
        <h2 id="tilanne-h">{t("followUp.action.statusHeading")}</h2>
        <StatusWithReason status={action.status} />
        <dl className="facts">
          <div>
            <dt>{t("followUp.action.unit")}</dt>
            <dd>{action.responsibleUnit ?? notSet}</dd>
          </div>
          <div>
            <dt>{t("followUp.action.person")}</dt>
            <dd>{action.responsiblePerson ?? notSet}</dd>
          </div>
          <div>
            <dt>{t("followUp.action.schedule")}</dt>
            <dd>{schedule}</dd>
          </div>
          <div>
            <dt>{t("followUp.action.budget")}</dt>
            <dd>{action.budgetEuros === null ? notSet : formatEuros(action.budgetEuros, locale)}</dd>
          </div>
          <div>
            <dt>{t("followUp.action.progress")}</dt>
            <dd>
              {t(`followUp.progress.${action.progress}`)}
              {action.progressPercent === null
                ? ""
                : ` (${t("followUp.action.percent", { percent: action.progressPercent })})`}
            </dd>
          </div>
        </dl>
      </section>
      <section className="content-section" aria-labelledby="valitavoitteet-h">
        <h2 id="valitavoitteet-h">{t("followUp.action.milestonesHeading")}</h2>
        {milestones.length === 0 ? <p>{t("followUp.action.noMilestones")}</p> : null}
        <ul className="milestones">
          {milestones.map((milestone) => {
            const state = milestoneState(milestone, today);
            const title = local(milestone.title);
            return (
              <li key={milestone.id} className={`milestone milestone--${state}`}>
                <span className="milestone__mark" aria-hidden="true">
                  {MILESTONE_MARK[state]}
                </span>
                <span lang={title.lang}>{title.text}</span>
                <span className="milestone__state">
                  {t(`followUp.action.milestone.${state}`, {
                    date: formatDate(milestone.doneOn ?? milestone.dueDate, locale),
                  })}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="content-section" aria-labelledby="edistyminen-h">
        <h2 id="edistyminen-h">{t("followUp.action.historyHeading")}</h2>
        {updates.length === 0 ? <p>{t("followUp.action.noUpdates")}</p> : null}
        <ol className="progress-history">
          {updates.map((update) => {
            const note = local(update.note);
            return (
              <li key={update.id}>
                <p className="progress-history__head">
                  <time dateTime={update.at}>{formatDate(update.at, locale)}</time>
                  {": "}
                  {t(`followUp.progress.${update.progress}`)}
                  {update.progressPercent === null
                    ? ""
                    : ` (${t("followUp.action.percent", { percent: update.progressPercent })})`}
                </p>
                <p lang={note.lang}>{note.text}</p>
              </li>
            );
          })}
        </ol>
      </section>
      <section className="content-section" aria-labelledby="mittarit-h">
        <h2 id="mittarit-h">{t("followUp.action.indicatorsHeading")}</h2>
        {action.indicators.length === 0 ? <p>{t("followUp.action.noIndicators")}</p> : null}
        <ul className="follow-up-list">
          {action.indicators.map((indicator) => {
            const name = local(indicator.name);
            return (
              <li key={indicator.id}>
                <Link to={indicatorPath(indicator.key)} lang={name.lang} className="follow-up-list__link">
                  {name.text}
                </Link>
                {indicator.isExampleData ? <ExampleDataNote short /> : null}
                <StatusWithReason status={indicator.status} />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** An action (toimenpide): responsibility, schedule, budget, progress, milestones, history and indicators. */
export function ActionPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { id = "" } = useParams();
  const action = useAction(id);
  const notFound = action.status === "error" && action.error.status === 404;
  const title = action.data ? local(action.data.title) : undefined;

  useDocumentTitle(
    notFound ? t("notFound.title") : (title?.text ?? t("followUp.action.kicker")),
    action.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;

  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
        current={title?.text ?? t("followUp.action.kicker")}
        lang={title?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("followUp.action.kicker")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("followUp.action.kicker")}</PageHeading>
      </header>
      <LoadingStatus loading={action.status === "loading" && !action.data} />
      {action.status === "error" ? <ProblemAlert error={action.error} onRetry={action.reload} /> : null}
      {action.data ? <ActionContent action={action.data} /> : null}
    </div>
  );
}
