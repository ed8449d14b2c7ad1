import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { pickText } from "../../../contracts/localized-text.ts";
import type { Answers, OpenAnswer, Questionnaire, RoundSummary } from "../../../contracts/survey.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { getJson } from "../../api/client.ts";
import { enterPaperForm, importPaperCsv, saveThemes } from "../../api/survey/survey.api.ts";
import { useOpenAnswers, useRounds } from "../../api/survey/survey.hooks.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { QuestionField } from "./question-field.tsx";
import { answerErrors } from "./questionnaire-form.tsx";
import "./survey.css";

/** One paper form keyed in: background (from the form's own boxes) and every answer. */
function PaperForm({ round, questionnaire }: { round: RoundSummary; questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [formId, setFormId] = useState("");
  const [version, setVersion] = useState(0);
  const submit = useSubmit<{ responseId: string }>();
  const questions = questionnaire.questions;
  const background = (key: "age_group" | "sex" | "area") => {
    const value = answers[key];
    return typeof value === "string" ? value : "";
  };
  const { items, byKey } = answerErrors(submit.error, "paperi");
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const rest: Answers = {};
    for (const q of questions)
      if (!q.weighting && answers[q.key] !== undefined) rest[q.key] = answers[q.key] ?? null;
    const result = await submit.run((options) =>
      enterPaperForm(
        round.slug,
        {
          ...(formId.trim() ? { formId: formId.trim() } : {}),
          ageGroup: background("age_group"),
          sex: background("sex"),
          area: background("area"),
          answers: rest,
        },
        options,
      ),
    );
    if (result.ok) {
      setAnswers({});
      setFormId("");
      setVersion((v) => v + 1);
    }
  };
  return (
    <form onSubmit={save} noValidate key={version}>
      <ErrorSummary error={submit.error} items={items} attempt={submit.attempt} />
      <p role="status" className="survey-saved">
        {submit.status === "success" ? t("survey.staff.paperSaved") : ""}
      </p>
      <TextField
        id="lomaketunnus"
        label={t("survey.staff.formId")}
        value={formId}
        onChange={(e) => setFormId(e.target.value)}
      />
      {questions.map((q) => (
        <QuestionField
          key={q.key}
          question={q}
          prefix="paperi"
          value={answers[q.key]}
          error={byKey.get(q.key)}
          onChange={(value) => setAnswers((a) => ({ ...a, [q.key]: value }))}
        />
      ))}
      <button type="submit" className="button">
        {t("survey.staff.savePaper")}
      </button>
    </form>
  );
}

function ImportForm({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState("");
  const submit = useSubmit<{ imported: number }>();
  const run = async (event: FormEvent) => {
    event.preventDefault();
    await submit.run((options) => importPaperCsv(round.slug, csv, options));
  };
  return (
    <form onSubmit={run} noValidate>
      <ErrorSummary
        error={submit.error}
        items={(submit.error?.fields ?? []).map((f, i) => ({
          fieldId: i === 0 ? "csv-tuonti" : `csv-tuonti`,
          message: `${f.path}: ${f.message}`,
        }))}
        attempt={submit.attempt}
      />
      <p role="status" className="survey-saved">
        {submit.status === "success" && submit.data
          ? t("survey.staff.imported", { count: submit.data.imported })
          : ""}
      </p>
      <div className="field">
        <label htmlFor="csv-tuonti" className="field__label">
          {t("survey.staff.csvLabel")}
        </label>
        <p id="csv-tuonti-hint" className="field__hint">
          {t("survey.staff.csvHint")}
        </p>
        <textarea
          id="csv-tuonti"
          className="input"
          rows={6}
          aria-describedby="csv-tuonti-hint"
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t("survey.staff.import")}
      </button>
    </form>
  );
}

function ThemeRow({ answer, onSaved }: { answer: OpenAnswer; onSaved: () => void }) {
  const { t } = useTranslation();
  const [themes, setThemes] = useState(answer.themes.join(", "));
  const submit = useSubmit();
  const id = `teema-${answer.responseId}-${answer.question}`;
  return (
    <li className="theme-row">
      <blockquote lang="fi">{answer.text}</blockquote>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const list = themes
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean);
          const result = await submit.run((options) =>
            saveThemes(answer.responseId, answer.question, list, options),
          );
          if (result.ok) onSaved();
        }}
      >
        <TextField
          id={id}
          label={t("survey.staff.themesLabel")}
          hint={t("survey.staff.themesHint")}
          error={submit.error?.detail}
          value={themes}
          onChange={(e) => setThemes(e.target.value)}
        />
        <button type="submit" className="button button--small">
          {t("survey.staff.saveThemes")}
        </button>
      </form>
    </li>
  );
}

function ThemeCoding({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const answers = useOpenAnswers(round.slug, version);
  const [shown, setShown] = useState(20);
  const list = answers.data ?? [];
  return (
    <>
      <LoadingStatus loading={answers.status === "loading" && !answers.data} />
      {answers.status === "error" ? <ProblemAlert error={answers.error} onRetry={answers.reload} /> : null}
      {answers.data && list.length === 0 ? <p>{t("survey.staff.noOpenAnswers")}</p> : null}
      <ul className="theme-list">
        {list.slice(0, shown).map((a) => (
          <ThemeRow
            key={`${a.responseId}|${a.question}|${version}`}
            answer={a}
            onSaved={() => setVersion((v) => v + 1)}
          />
        ))}
      </ul>
      {list.length > shown ? (
        <button type="button" className="button button--secondary" onClick={() => setShown((n) => n + 20)}>
          {t("survey.staff.showMore", { count: list.length - shown })}
        </button>
      ) : null}
    </>
  );
}

function StaffDesk() {
  const { t } = useTranslation();
  const local = useLocalize();
  const locale = useLocale();
  const rounds = useRounds();
  const [slug, setSlug] = useState("");
  const round = rounds.data?.find((r) => r.slug === slug) ?? rounds.data?.[0];
  const questionnaire = useApiResource(
    `survey-questionnaire:${round?.questionnaireId ?? ""}`,
    locale,
    (options) =>
      round
        ? getJson<Questionnaire>(`/api/v1/survey/questionnaires/${round.questionnaireId}`, options)
        : Promise.resolve(undefined),
  );
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.survey, label: t("survey.home.title") }]}
        current={t("survey.staff.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.home.title")}</p>
        <PageHeading>{t("survey.staff.title")}</PageHeading>
        <p className="lead">{t("survey.staff.lead")}</p>
      </header>
      <p>
        <Link to={WEB_ROUTES.surveyRounds}>{t("survey.rounds.staffLink")}</Link>
      </p>
      <p>
        <Link to={WEB_ROUTES.surveyQuestionnaires}>{t("survey.builder.staffLink")}</Link>
      </p>
      <LoadingStatus loading={rounds.status === "loading"} />
      {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.data && rounds.data.length === 0 ? <p>{t("survey.home.noRounds")}</p> : null}
      {round ? (
        <>
          <div className="field">
            <label htmlFor="kierros" className="field__label">
              {t("survey.interview.round")}
            </label>
            <select
              id="kierros"
              className="input"
              value={round.slug}
              onChange={(e) => setSlug(e.target.value)}
            >
              {(rounds.data ?? []).map((r) => (
                <option key={r.slug} value={r.slug}>
                  {local(r.title).text}
                </option>
              ))}
            </select>
          </div>
          <details className="survey-details">
            <summary>{t("survey.staff.paperHeading")}</summary>
            {questionnaire.data ? <PaperForm round={round} questionnaire={questionnaire.data} /> : null}
          </details>
          <details className="survey-details">
            <summary>{t("survey.staff.importHeading")}</summary>
            <ImportForm round={round} />
          </details>
          <details className="survey-details">
            <summary>{t("survey.staff.themesHeading")}</summary>
            {questionnaire.data ? (
              <p>
                {questionnaire.data.questions
                  .filter((q) => q.type === "text")
                  .map((q) => pickText(q.text, locale).text)
                  .join(" · ")}
              </p>
            ) : null}
            <ThemeCoding round={round} />
          </details>
        </>
      ) : null}
    </div>
  );
}

/** Staff's survey desk: paper forms keyed in one by one or imported as CSV, and theme coding of open answers. */
export function SurveyStaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("survey.staff.title"));
  return (
    <SessionGate title={t("survey.staff.title")} roles={["staff", "admin"]}>
      {() => <StaffDesk />}
    </SessionGate>
  );
}
