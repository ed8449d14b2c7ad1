import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { surveyQuestionnairePath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { fetchQuestionnaireList } from "../../api/survey/questionnaires.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import "./builder.css";

/** The template choice of "new from the Heinola template" (the editor's `from`). */
export const FROM_TEMPLATE = "template";

function QuestionnaireList() {
  const { t } = useTranslation();
  const local = useLocalize();
  const list = useApiResource("survey-questionnaire-list", useLocale(), fetchQuestionnaireList);
  const items = list.data ?? [];
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.survey, label: t("survey.home.title") },
          { to: WEB_ROUTES.surveyStaff, label: t("survey.staff.title") },
        ]}
        current={t("survey.builder.listTitle")}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.home.title")}</p>
        <PageHeading>{t("survey.builder.listTitle")}</PageHeading>
        <p className="lead">{t("survey.builder.listLead")}</p>
      </header>
      <div className="button-row">
        <Link className="button" to={surveyQuestionnairePath("new", FROM_TEMPLATE)}>
          {t("survey.builder.newFromTemplate")}
        </Link>
        <Link className="button button--secondary" to={surveyQuestionnairePath("new")}>
          {t("survey.builder.newEmpty")}
        </Link>
      </div>
      <LoadingStatus loading={list.status === "loading"} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && items.length === 0 ? <p>{t("survey.builder.noQuestionnaires")}</p> : null}
      {items.length > 0 ? (
        // A wide table scrolls inside its own focusable region, so the page itself reflows at 320 px.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="lomakkeet-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="lomakkeet-caption">{t("survey.builder.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("survey.builder.columns.title")}</th>
                <th scope="col">{t("survey.builder.columns.version")}</th>
                <th scope="col">{t("survey.builder.columns.rounds")}</th>
                <th scope="col">{t("survey.builder.columns.responses")}</th>
                <th scope="col">{t("survey.builder.columns.state")}</th>
                <th scope="col">{t("survey.builder.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const title = local(item.title);
                const latest = !items.some((other) => other.key === item.key && other.version > item.version);
                return (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={surveyQuestionnairePath(item.id)} lang={title.lang}>
                        {title.text}
                      </Link>
                      <br />
                      <code className="data-table__code">{item.key}</code>
                      {item.isExampleData ? (
                        <span className="survey-example-tag builder-tag">{t("survey.exampleData")}</span>
                      ) : null}
                    </th>
                    <td>{item.version}</td>
                    <td>
                      {item.rounds.length > 0
                        ? item.rounds.map((r) => `${r.year} (${r.slug})`).join(", ")
                        : t("survey.builder.noRounds")}
                    </td>
                    <td>{item.responses}</td>
                    <td>{item.isLocked ? t("survey.builder.locked") : t("survey.builder.editable")}</td>
                    <td>
                      {latest ? (
                        <Link to={surveyQuestionnairePath("new", item.id)}>
                          {t("survey.builder.copy")}
                          <span className="visually-hidden">
                            {" "}
                            {t("survey.builder.versionOf", { title: title.text, version: item.version })}
                          </span>
                        </Link>
                      ) : (
                        t("survey.builder.laterVersionExists")
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}

/** Staff's list of questionnaires: every version with its rounds and answers, and where new ones start. */
export function SurveyQuestionnairesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("survey.builder.listTitle"));
  return (
    <SessionGate title={t("survey.builder.listTitle")} roles={["staff", "admin"]}>
      {() => <QuestionnaireList />}
    </SessionGate>
  );
}
