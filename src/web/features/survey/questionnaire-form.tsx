import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../contracts/localized-text.ts";
import type { Answers, Question, ResponseSession } from "../../../contracts/survey.ts";
import type { ApiError } from "../../api/problem.ts";
import { type Answerer, saveAnswers } from "../../api/survey/survey.api.ts";
import { ErrorSummary, type SummaryItem } from "../../components/form.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { fieldId, isShown, QuestionField } from "./question-field.tsx";

/** The questions someone answering is asked: shown ones, without background questions the sample frame answers. */
export function askedQuestions(
  session: Pick<ResponseSession, "questionnaire" | "framed">,
  answers: Answers,
): Question[] {
  return session.questionnaire.questions.filter(
    (q) => isShown(q, answers) && !(session.framed && q.weighting),
  );
}

/** The problem's field errors as error-summary lines and per-question messages. */
export function answerErrors(
  error: ApiError | undefined,
  prefix: string,
): { items: SummaryItem[]; byKey: Map<string, string> } {
  const byKey = new Map<string, string>();
  for (const field of error?.fields ?? []) {
    const key = /^\/answers\/([a-z0-9_]+)/.exec(field.path)?.[1];
    if (key && !byKey.has(key)) byKey.set(key, field.message);
  }
  return { items: [...byKey].map(([key, message]) => ({ fieldId: fieldId(prefix, key), message })), byKey };
}

/**
 * The whole questionnaire on one page, in its sections. Each answer is saved as soon as it is given (choices
 * at once, typed answers when the field is left), so an interrupted response continues where it was; the
 * last button sends it, after which it cannot change.
 */
export function QuestionnaireForm({
  session,
  who,
  onSent,
}: {
  session: ResponseSession;
  who: Answerer;
  onSent: (session: ResponseSession) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [answers, setAnswers] = useState<Answers>(session.answers);
  const [saved, setSaved] = useState<string>("");
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const latest = useRef(answers);
  latest.current = answers;
  const prefix = "kysymys";

  const save = async (change: Answers, complete: boolean) => {
    try {
      const result = await saveAnswers(who, change, complete, { locale });
      setError(undefined);
      setSaved(
        t("survey.answer.saved", {
          time: new Date().toLocaleTimeString(locale === "en" ? "en-GB" : `${locale}-FI`, {
            hour: "2-digit",
            minute: "2-digit",
          }),
        }),
      );
      return result;
    } catch (failure) {
      setError(failure as ApiError);
      setAttempt((n) => n + 1);
      return undefined;
    }
  };

  const questions = askedQuestions(session, answers);
  const { items, byKey } = answerErrors(error, prefix);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    // Answers to questions that are no longer shown are cleared, so that nothing hidden is sent.
    const shown = new Set(askedQuestions(session, latest.current).map((q) => q.key));
    const final: Answers = {};
    for (const q of session.questionnaire.questions) {
      if (!(session.framed && q.weighting))
        final[q.key] = shown.has(q.key) ? (latest.current[q.key] ?? null) : null;
    }
    const result = await save(final, true);
    setSending(false);
    if (result) onSent(result);
  };

  let section = "";
  return (
    <form className="survey-form" onSubmit={submit} noValidate>
      <ErrorSummary error={error} items={items} attempt={attempt} />
      {questions.map((question) => {
        const title = question.section ? pickText(question.section, locale) : undefined;
        const heading =
          title && title.text !== section ? (
            <h2 className="survey-section" lang={title.lang}>
              {title.text}
            </h2>
          ) : null;
        if (title) section = title.text;
        return (
          <div key={question.key}>
            {heading}
            <QuestionField
              question={question}
              prefix={prefix}
              value={answers[question.key]}
              error={byKey.get(question.key)}
              onChange={(value) => {
                setAnswers((a) => ({ ...a, [question.key]: value }));
                if (question.type !== "text" && question.type !== "number")
                  void save({ [question.key]: value }, false);
              }}
              onCommit={() => void save({ [question.key]: latest.current[question.key] ?? null }, false)}
            />
          </div>
        );
      })}
      <p role="status" className="survey-saved">
        {saved}
      </p>
      <div className="button-row">
        <button type="submit" className="button" disabled={sending}>
          {t("survey.answer.send")}
        </button>
      </div>
    </form>
  );
}
