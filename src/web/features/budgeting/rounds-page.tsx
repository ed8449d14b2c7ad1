import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { useRounds } from "../../api/budgeting/budgeting.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { hasRole, useSession } from "../identity/session.tsx";
import { ExampleNote, formatDate, formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

/** Every participatory budgeting round, newest first. */
export function RoundsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const rounds = useRounds();
  const person = useSession().info?.person;
  useDocumentTitle(t("budgeting.title"), rounds.status !== "loading");
  return (
    <div className="container page">
      <header className="page-header">
        <p className="kicker">{t("budgeting.kicker")}</p>
        <PageHeading>{t("budgeting.title")}</PageHeading>
        <p className="lead">{t("budgeting.intro")}</p>
      </header>
      {hasRole(person, "staff", "admin") ? (
        <p>
          <Link to={WEB_ROUTES.budgetingStaff}>{t("budgeting.staff.link")}</Link>
        </p>
      ) : null}
      <LoadingStatus loading={rounds.status === "loading" && !rounds.data} />
      {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.data && rounds.data.length === 0 ? <p>{t("budgeting.noRounds")}</p> : null}
      <ul className="pb-list">
        {(rounds.data ?? []).map((round) => {
          const title = local(round.title);
          const total = round.areas.reduce((sum, a) => sum + a.budget, 0);
          return (
            <li key={round.id} className="pb-item">
              <h2>
                <Link to={budgetingPath("budgetingRound", round.id)} lang={title.lang}>
                  {title.text}
                </Link>
              </h2>
              {round.isExample ? <ExampleNote /> : null}
              <p>
                <span className="pb-status">{t(`budgeting.phases.${round.phase}`)}</span>
                {" · "}
                {t("budgeting.votingDates", {
                  start: formatDate(round.votingStart, locale),
                  end: formatDate(round.votingEnd, locale),
                })}
                {" · "}
                {t("budgeting.totalBudget", { amount: formatEuros(total, locale) })}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
