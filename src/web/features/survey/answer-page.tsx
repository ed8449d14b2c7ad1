import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { ResponseSession } from "../../../contracts/survey.ts";
import { surveyResultsPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { type Answerer, startSignedIn, startWithCode } from "../../api/survey/survey.api.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { PageHeading } from "../../components/route-focus.tsx";
import { useSession } from "../identity/session.tsx";
import { QuestionnaireForm } from "./questionnaire-form.tsx";
import "./survey.css";

/**
 * Answering on the web: with the code of the invitation letter, or signed in when the round is open to
 * residents. The same code (or person) always returns to the same response, so an interrupted one resumes.
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const [params] = useSearchParams();
  const roundSlug = params.get("round");
  const { info } = useSession();
  const [code, setCode] = useState("");
  const [who, setWho] = useState<Answerer | undefined>(undefined);
  const [session, setSession] = useState<ResponseSession | undefined>(undefined);
  const start = useSubmit<ResponseSession>();
  useDocumentTitle(t("survey.answer.title"));

  const begin = async (event: FormEvent, answerer: Answerer) => {
    event.preventDefault();
    const result = await start.run((options) =>
      answerer.kind === "code"
        ? startWithCode(answerer.code, options)
        : startSignedIn(roundSlug ?? "", options),
    );
    if (result.ok) {
      setWho(answerer);
      setSession(result.data);
    }
  };

  const title = session ? local(session.questionnaire.title) : undefined;
  const codeError = start.error?.fields.find((f) => f.path.includes("code"))?.message;
  return (
    <div className="container page page--narrow">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.survey, label: t("survey.home.title") }]}
        current={t("survey.answer.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.home.title")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("survey.answer.title")}</PageHeading>
      </header>
      {session?.round.isExampleData ? <p className="example-callout">{t("survey.exampleData")}</p> : null}
      {session && who ? (
        session.status === "complete" ? (
          <div className="notice-card" role="status">
            <p className="lead">{t("survey.answer.thanks")}</p>
            <p>
              <Link to={surveyResultsPath(session.round.slug)}>{t("survey.answer.resultsLink")}</Link>
            </p>
          </div>
        ) : (
          <>
            {session.questionnaire.intro ? (
              <p className="lead" lang={local(session.questionnaire.intro).lang}>
                {local(session.questionnaire.intro).text}
              </p>
            ) : null}
            <p>{t("survey.answer.autosave")}</p>
            <QuestionnaireForm session={session} who={who} onSent={setSession} />
          </>
        )
      ) : (
        <>
          <ErrorSummary
            error={start.error}
            items={codeError ? [{ fieldId: "vastauskoodi", message: codeError }] : []}
            attempt={start.attempt}
          />
          <form
            className="notice-card"
            onSubmit={(e) => void begin(e, { kind: "code", code: code.trim() })}
            noValidate
          >
            <h2>{t("survey.answer.codeHeading")}</h2>
            <TextField
              id="vastauskoodi"
              label={t("survey.answer.codeLabel")}
              hint={t("survey.answer.codeHint")}
              error={codeError}
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(e) => setCode(e.target.value)}
            />
            <button type="submit" className="button" disabled={start.status === "pending"}>
              {t("survey.answer.start")}
            </button>
          </form>
          {roundSlug && info?.person ? (
            <form
              className="notice-card"
              onSubmit={(e) => void begin(e, { kind: "signedIn", slug: roundSlug })}
            >
              <h2>{t("survey.answer.signedInHeading")}</h2>
              <p>{t("survey.answer.signedInText")}</p>
              <button type="submit" className="button">
                {t("survey.answer.startSignedIn")}
              </button>
            </form>
          ) : null}
        </>
      )}
    </div>
  );
}
