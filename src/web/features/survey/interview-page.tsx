import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { pickText } from "../../../contracts/localized-text.ts";
import type { Answers, CallListEntry, ResponseSession, RoundSummary } from "../../../contracts/survey.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { ApiError } from "../../api/problem.ts";
import { recordCallOutcome, saveAnswers, startInterview } from "../../api/survey/survey.api.ts";
import { useCallList, useRounds } from "../../api/survey/survey.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { choicesOf, QuestionField, shortcutKey } from "./question-field.tsx";
import { askedQuestions } from "./questionnaire-form.tsx";
import "./survey.css";

/**
 * The interview, one question at a time in large type to read aloud. Keyboard only: the key shown beside an
 * answer chooses it, Enter saves the answer and moves on (an optional question may be left empty), and the
 * last Enter saves the interview. Every answer is saved as it is given, so a dropped call resumes.
 */
function InterviewScreen({
  session,
  onDone,
  onCancel,
}: {
  session: ResponseSession;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [answers, setAnswers] = useState<Answers>(session.answers);
  const questions = askedQuestions(session, answers);
  // Resume at the first question without an answer.
  const [index, setIndex] = useState(() => {
    const first = questions.findIndex((q) => session.answers[q.key] === undefined);
    return Math.max(first, 0);
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const question = questions[Math.min(index, questions.length - 1)];
  const who = { kind: "interview" as const, responseId: session.responseId };

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows the question shown.
  useEffect(() => {
    heading.current?.focus();
  }, [index]);

  if (!question) return null;
  const last = index >= questions.length - 1;
  const value = answers[question.key];
  const empty =
    value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

  const next = async () => {
    if (busy) return;
    if (question.required && empty) {
      setError(t("survey.interview.requiredError"));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      if (last) {
        const final: Answers = {};
        for (const q of questions) final[q.key] = answers[q.key] ?? null;
        await saveAnswers(who, final, true, { locale });
        onDone();
      } else {
        await saveAnswers(who, { [question.key]: value ?? null }, false, { locale });
        setIndex(index + 1);
      }
      setProblem(undefined);
    } catch (failure) {
      setProblem(failure as ApiError);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const typing =
      target.tagName === "TEXTAREA" ||
      (target.tagName === "INPUT" &&
        (target as HTMLInputElement).type !== "radio" &&
        (target as HTMLInputElement).type !== "checkbox");
    if (
      event.key === "Enter" &&
      target.tagName !== "TEXTAREA" &&
      target.tagName !== "BUTTON" &&
      target.tagName !== "A"
    ) {
      event.preventDefault();
      void next();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const choices = choicesOf(question, "", locale);
    const chosen = choices.find((c, i) => shortcutKey(question, c.value, i) === event.key.toLowerCase());
    if (!chosen) return;
    event.preventDefault();
    if (question.type === "multi") {
      const current = new Set(Array.isArray(value) ? value : []);
      if (current.has(chosen.value)) current.delete(chosen.value);
      else current.add(chosen.value);
      setAnswers((a) => ({ ...a, [question.key]: [...current] }));
    } else {
      setAnswers((a) => ({ ...a, [question.key]: chosen.value }));
    }
  };

  const section = question.section ? pickText(question.section, locale) : undefined;
  const text = pickText(question.text, locale);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys act on the question shown; every action also has a button.
    <div className="interview" onKeyDown={onKeyDown}>
      <ErrorSummary error={problem} items={[]} attempt={attempt} />
      <p className="interview__progress">
        {t("survey.interview.progress", { current: index + 1, total: questions.length })}
        {section ? (
          <>
            {" · "}
            <span lang={section.lang}>{section.text}</span>
          </>
        ) : null}
      </p>
      <h2 ref={heading} tabIndex={-1} className="interview__question" lang={text.lang}>
        {text.text}
      </h2>
      <p className="interview__keys">{t("survey.interview.keys")}</p>
      <QuestionField
        question={question}
        prefix="haastattelu"
        value={value}
        error={error}
        shortcuts
        onChange={(v) => setAnswers((a) => ({ ...a, [question.key]: v }))}
      />
      <p role="status" className="survey-saved">
        {busy ? t("survey.interview.saving") : ""}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void next()} disabled={busy}>
          {last ? t("survey.interview.finish") : t("survey.interview.next")}
        </button>
        {index > 0 ? (
          <button type="button" className="button button--secondary" onClick={() => setIndex(index - 1)}>
            {t("survey.interview.previous")}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("survey.interview.pause")}
        </button>
      </div>
    </div>
  );
}

/** One call: start the interview, or record why not (no answer, refused, call back at a time). */
function CallPanel({
  entry,
  onStarted,
  onRecorded,
  onClose,
}: {
  entry: CallListEntry;
  onStarted: (session: ResponseSession) => void;
  onRecorded: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [callBack, setCallBack] = useState("");
  const submit = useSubmit<ResponseSession | undefined>();
  useEffect(() => heading.current?.focus(), []);
  const record = async (outcome: "no_answer" | "refused" | "call_back") => {
    const at = outcome === "call_back" && callBack ? new Date(callBack).toISOString() : undefined;
    const result = await submit.run(async (options) => {
      await recordCallOutcome(entry.memberId, outcome, at, options);
      return undefined;
    });
    if (result.ok) onRecorded();
  };
  const begin = async () => {
    const result = await submit.run((options) => startInterview(entry.memberId, options));
    if (result.ok && result.data) onStarted(result.data);
  };
  return (
    <section className="notice-card call-panel" aria-labelledby="puhelu-h">
      <h2 id="puhelu-h" ref={heading} tabIndex={-1}>
        {t("survey.interview.callHeading", { label: entry.label })}
      </h2>
      <p>
        {t("survey.interview.phone")}: <strong>{entry.phone ?? "–"}</strong> · {entry.ageGroup} ·{" "}
        {t(`survey.sex.${entry.sex}`, { defaultValue: entry.sex })} · {entry.area}
      </p>
      <ErrorSummary error={submit.error} items={[]} attempt={submit.attempt} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void begin()}>
          {t("survey.interview.start")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void record("no_answer")}>
          {t("survey.outcome.no_answer")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void record("refused")}>
          {t("survey.outcome.refused")}
        </button>
      </div>
      <div className="field">
        <label htmlFor="takaisinsoitto" className="field__label">
          {t("survey.interview.callBackAt")}
        </label>
        <input
          id="takaisinsoitto"
          className="input"
          type="datetime-local"
          value={callBack}
          onChange={(e) => setCallBack(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void record("call_back")}>
          {t("survey.outcome.call_back")}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("survey.interview.backToList")}
        </button>
      </div>
    </section>
  );
}

function CallDesk({ rounds }: { rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const today = new Date().toISOString().slice(0, 10);
  const current = rounds.find((r) => r.fieldworkStart <= today && today <= r.fieldworkEnd) ?? rounds[0];
  const [slug, setSlug] = useState(current?.slug ?? "");
  const [version, setVersion] = useState(0);
  const [calling, setCalling] = useState<CallListEntry | undefined>(undefined);
  const [interview, setInterview] = useState<ResponseSession | undefined>(undefined);
  const [notice, setNotice] = useState("");
  const calls = useCallList(slug, version);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [focusList, setFocusList] = useState(false);
  // Back on the list, the focus goes to its heading once it is on the screen again.
  useEffect(() => {
    if (focusList && !interview && !calling && listHeading.current) {
      listHeading.current.focus();
      setFocusList(false);
    }
  });
  const backToList = (message: string) => {
    setInterview(undefined);
    setCalling(undefined);
    setNotice(message);
    setVersion((v) => v + 1);
    setFocusList(true);
  };
  if (interview) {
    return (
      <InterviewScreen
        session={interview}
        onDone={() => backToList(t("survey.interview.saved"))}
        onCancel={() => backToList(t("survey.interview.paused"))}
      />
    );
  }
  if (calling) {
    return (
      <CallPanel
        entry={calling}
        onStarted={setInterview}
        onRecorded={() => backToList(t("survey.interview.recorded"))}
        onClose={() => backToList("")}
      />
    );
  }
  const entries = calls.data?.entries ?? [];
  const areas = [...new Set((calls.data?.quotas ?? []).map((q) => q.area))];
  const ages = [...new Set((calls.data?.quotas ?? []).map((q) => q.ageGroup))];
  return (
    <>
      <div className="field">
        <label htmlFor="kierros" className="field__label">
          {t("survey.interview.round")}
        </label>
        <select id="kierros" className="input" value={slug} onChange={(e) => setSlug(e.target.value)}>
          {rounds.map((r) => (
            <option key={r.slug} value={r.slug}>
              {local(r.title).text}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="survey-saved">
        {notice}
      </p>
      <LoadingStatus loading={calls.status === "loading" && !calls.data} />
      {calls.status === "error" ? <ProblemAlert error={calls.error} onRetry={calls.reload} /> : null}
      {calls.data && calls.data.quotas.length > 0 ? (
        <section className="content-section" aria-labelledby="kiintiot-h">
          <h2 id="kiintiot-h">{t("survey.interview.quotasHeading")}</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
          <section className="table-scroll" aria-labelledby="kiintiot-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="kiintiot-caption">{t("survey.interview.quotasCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("survey.domains.age_group")}</th>
                  {areas.map((a) => (
                    <th key={a} scope="col">
                      {a}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ages.map((age) => (
                  <tr key={age}>
                    <th scope="row">{age}</th>
                    {areas.map((area) => {
                      const quota = calls.data?.quotas.find((q) => q.ageGroup === age && q.area === area);
                      return (
                        <td
                          key={area}
                          className={quota && quota.completed >= quota.target ? "quota--full" : undefined}
                        >
                          {quota
                            ? t("survey.interview.quotaCell", {
                                completed: quota.completed,
                                target: quota.target,
                              })
                            : "–"}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
      <section className="content-section" aria-labelledby="soittolista-h">
        <h2 id="soittolista-h" ref={listHeading} tabIndex={-1}>
          {t("survey.interview.listHeading")}
        </h2>
        {calls.data && entries.length === 0 ? <p>{t("survey.interview.noCalls")}</p> : null}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
        <section className="table-scroll" aria-labelledby="soittolista-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="soittolista-caption">{t("survey.interview.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("survey.interview.columns.person")}</th>
                <th scope="col">{t("survey.interview.columns.group")}</th>
                <th scope="col">{t("survey.interview.columns.status")}</th>
                <th scope="col">{t("survey.interview.columns.attempts")}</th>
                <th scope="col">{t("survey.interview.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.memberId}>
                  <th scope="row">{entry.label}</th>
                  <td>
                    {entry.ageGroup}, {entry.area}
                  </td>
                  <td>
                    {t(`survey.callStatus.${entry.status}`, { defaultValue: entry.status })}
                    {entry.callBackAt
                      ? ` (${new Date(entry.callBackAt).toLocaleString(INTL_LOCALES[locale], { timeZone: "Europe/Helsinki" })})`
                      : ""}
                  </td>
                  <td className="data-table__number">{entry.attempts}</td>
                  <td>
                    {entry.status === "completed" ||
                    entry.responseStatus === "complete" ||
                    entry.status === "refused" ? (
                      "–"
                    ) : (
                      <button
                        type="button"
                        className="button button--small"
                        onClick={() => setCalling(entry)}
                      >
                        {t("survey.interview.call", { label: entry.label })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </>
  );
}

/** The interviewers' desk: call list with outcomes, quota fill, and the keyboard-driven interview. */
export function SurveyInterviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("survey.interview.title"));
  return (
    <SessionGate title={t("survey.interview.title")} roles={["interviewer", "staff", "admin"]}>
      {() => <InterviewDesk />}
    </SessionGate>
  );
}

function InterviewDesk() {
  const { t } = useTranslation();
  const rounds = useRounds();
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.survey, label: t("survey.home.title") }]}
        current={t("survey.interview.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.home.title")}</p>
        <PageHeading>{t("survey.interview.title")}</PageHeading>
        <p className="lead">{t("survey.interview.lead")}</p>
      </header>
      <LoadingStatus loading={rounds.status === "loading"} />
      {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.data && rounds.data.length === 0 ? <p>{t("survey.home.noRounds")}</p> : null}
      {rounds.data && rounds.data.length > 0 ? <CallDesk rounds={rounds.data} /> : null}
    </div>
  );
}
