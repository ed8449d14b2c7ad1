import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { surveyResultsPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { useRounds } from "../../api/survey/survey.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { hasRole, useSession } from "../identity/session.tsx";
import { formatDay } from "./survey-format.ts";
import "./survey.css";

/** The resident survey: how to answer, each round's results, and the interviewers' and staff's desks. */
export function SurveyHomePage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const locale = useLocale();
  const rounds = useRounds();
  const { info } = useSession();
  const person = info?.person;
  const today = new Date().toISOString().slice(0, 10);
  useDocumentTitle(t("survey.home.title"));
  const open = (rounds.data ?? []).filter((r) => r.fieldworkStart <= today && today <= r.fieldworkEnd);
  return (
    <div className="container page">
      <header className="page-header">
        <p className="kicker">{t("survey.home.kicker")}</p>
        <PageHeading>{t("survey.home.title")}</PageHeading>
        <p className="lead">{t("survey.home.lead")}</p>
      </header>
      <section className="content-section" aria-labelledby="vastaa-h">
        <h2 id="vastaa-h">{t("survey.home.answerHeading")}</h2>
        <p>{t("survey.home.answerText")}</p>
        <ul className="survey-links">
          <li>
            <Link to={WEB_ROUTES.surveyAnswer}>{t("survey.home.answerWithCode")}</Link>
          </li>
          {open
            .filter((r) => r.openWeb)
            .map((r) => {
              const title = local(r.title);
              return (
                <li key={r.id}>
                  <Link to={`${WEB_ROUTES.surveyAnswer}?round=${encodeURIComponent(r.slug)}`}>
                    {t("survey.home.answerSignedIn")}: <span lang={title.lang}>{title.text}</span>
                  </Link>
                </li>
              );
            })}
        </ul>
      </section>
      <section className="content-section" aria-labelledby="tulokset-h">
        <h2 id="tulokset-h">{t("survey.home.resultsHeading")}</h2>
        <LoadingStatus loading={rounds.status === "loading"} />
        {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
        {rounds.data && rounds.data.length === 0 ? <p>{t("survey.home.noRounds")}</p> : null}
        <ul className="survey-rounds">
          {(rounds.data ?? []).map((round) => {
            const title = local(round.title);
            return (
              <li key={round.id} className="survey-round">
                <h3>
                  <Link to={surveyResultsPath(round.slug)} lang={title.lang}>
                    {title.text}
                  </Link>
                </h3>
                <p>
                  {t("survey.home.fieldwork", {
                    start: formatDay(round.fieldworkStart, locale),
                    end: formatDay(round.fieldworkEnd, locale),
                  })}{" "}
                  {t("survey.home.responses", { count: round.completedResponses })}
                </p>
                {round.isExampleData ? <p className="survey-example-tag">{t("survey.exampleData")}</p> : null}
              </li>
            );
          })}
        </ul>
      </section>
      {person && hasRole(person, "interviewer", "staff", "admin") ? (
        <section className="content-section" aria-labelledby="tyo-h">
          <h2 id="tyo-h">{t("survey.home.workHeading")}</h2>
          <ul className="survey-links">
            <li>
              <Link to={WEB_ROUTES.surveyInterview}>{t("survey.interview.title")}</Link>
            </li>
            {hasRole(person, "staff", "admin") ? (
              <li>
                <Link to={WEB_ROUTES.surveyStaff}>{t("survey.staff.title")}</Link>
              </li>
            ) : null}
            {hasRole(person, "staff", "admin") ? (
              <li>
                <Link to={WEB_ROUTES.surveyQuestionnaires}>{t("survey.builder.staffLink")}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
