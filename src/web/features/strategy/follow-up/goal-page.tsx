import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { GoalDetail } from "../../../../contracts/strategy.ts";
import { programmePath, WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { useGoal } from "../../../api/strategy-followup/followup.hooks.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { useLocalize } from "../../../components/localized.ts";
import { NotFoundContent } from "../../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { actionPath, indicatorPath } from "./format.ts";
import { ExampleDataNote, StatusWithReason } from "./status.tsx";
import "./follow-up.css";

function GoalContent({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const programme = local(goal.programme.name);
  return (
    <>
      <p>
        {t("strategy.goal.programme")}:{" "}
        <Link to={programmePath(goal.programme.slug)} lang={programme.lang}>
          {programme.text}
        </Link>
      </p>
      <section className="content-section" aria-labelledby="tavoite-tilanne-h">
        <h2 id="tavoite-tilanne-h">{t("strategy.goal.statusHeading")}</h2>
        <StatusWithReason status={goal.status} />
        {goal.targetGroups.length > 0 ? (
          <p>
            {t("strategy.goal.targetGroups")}: {goal.targetGroups.map((g) => local(g).text).join(", ")}
          </p>
        ) : null}
      </section>
      <section className="content-section" aria-labelledby="tavoite-mittarit-h">
        <h2 id="tavoite-mittarit-h">{t("strategy.goal.indicatorsHeading")}</h2>
        {goal.indicators.length === 0 ? <p>{t("strategy.goal.noIndicators")}</p> : null}
        <ul className="follow-up-list">
          {goal.indicators.map((indicator) => {
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
      <section className="content-section" aria-labelledby="tavoite-toimenpiteet-h">
        <h2 id="tavoite-toimenpiteet-h">{t("strategy.goal.actionsHeading")}</h2>
        {goal.actions.length === 0 ? <p>{t("strategy.goal.noActions")}</p> : null}
        <ul className="follow-up-list">
          {goal.actions.map((action) => {
            const title = local(action.title);
            return (
              <li key={action.id}>
                <Link to={actionPath(action.id)} lang={title.lang} className="follow-up-list__link">
                  {title.text}
                </Link>
                <span className="follow-up-list__meta">
                  {t(`followUp.progress.${action.progress}`)}
                  {action.responsibleUnit
                    ? ` · ${t("followUp.tree.unitOf", { unit: action.responsibleUnit })}`
                    : ""}
                </span>
                <StatusWithReason status={action.status} />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** A goal (intended change): its status with the reason in words, its indicators and its actions. */
export function GoalPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { id = "" } = useParams();
  const goal = useGoal(id);
  const notFound = goal.status === "error" && goal.error.status === 404;
  const title = goal.data ? local(goal.data.title) : undefined;

  useDocumentTitle(
    notFound ? t("notFound.title") : (title?.text ?? t("strategy.goal.kicker")),
    goal.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;

  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
        current={title?.text ?? t("strategy.goal.kicker")}
        lang={title?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("strategy.goal.kicker")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("strategy.goal.kicker")}</PageHeading>
      </header>
      <LoadingStatus loading={goal.status === "loading" && !goal.data} />
      {goal.status === "error" ? <ProblemAlert error={goal.error} onRetry={goal.reload} /> : null}
      {goal.data ? <GoalContent goal={goal.data} /> : null}
    </div>
  );
}
