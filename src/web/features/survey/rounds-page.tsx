import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import {
  RESPONSE_MODES,
  type ResponseMode,
  type RoundSummary,
  WEIGHTING_VARIABLES,
  type WeightingMethod,
  type WeightingVariable,
} from "../../../contracts/survey.ts";
import { surveyRoundPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { createRound, fetchQuestionnaires } from "../../api/survey/rounds.api.ts";
import { useRounds } from "../../api/survey/survey.hooks.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { formatDay } from "./survey-format.ts";
import "./survey.css";

/** Check boxes of a set of values; the fieldset is the group's label (WCAG 1.3.1). */
export function CheckboxGroup<T extends string>({
  id,
  legend,
  options,
  chosen,
  label,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  options: readonly T[];
  chosen: readonly T[];
  label: (value: T) => string;
  error?: string | undefined;
  onChange: (chosen: T[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={`survey-question${error ? " field--error" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="survey-question__text">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <div className="survey-choices survey-choices--scale">
        {options.map((value, index) => (
          <label key={value} className="survey-choice" htmlFor={index === 0 ? id : `${id}-${value}`}>
            <input
              id={index === 0 ? id : `${id}-${value}`}
              type="checkbox"
              value={value}
              checked={chosen.includes(value)}
              onChange={(event) =>
                onChange(options.filter((o) => (o === value ? event.target.checked : chosen.includes(o))))
              }
            />
            {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Radio buttons of one choice, as CheckboxGroup. */
export function RadioGroup<T extends string>({
  id,
  legend,
  options,
  value,
  label,
  onChange,
}: {
  id: string;
  legend: string;
  options: readonly T[];
  value: T;
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="survey-question">
      <legend className="survey-question__text">{legend}</legend>
      <div className="survey-choices">
        {options.map((option, index) => (
          <label key={option} className="survey-choice" htmlFor={index === 0 ? id : `${id}-${option}`}>
            <input
              id={index === 0 ? id : `${id}-${option}`}
              type="radio"
              name={id}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The weighting method, its cells and trimming: the same fields when creating a round and on its desk. */
export interface WeightingChoice {
  method: WeightingMethod;
  cells: WeightingVariable[];
  trim: string;
}

/** What is wrong with a weighting choice, by field id. */
export function weightingErrors(choice: WeightingChoice, t: TFunction, prefix: string): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (choice.method === "poststratify" && choice.cells.length === 0)
    items.push({ fieldId: `${prefix}-cells`, message: t("survey.rounds.errors.cells") });
  const trim = Number(choice.trim.replace(",", "."));
  if (choice.trim.trim() !== "" && !(Number.isFinite(trim) && trim > 1 && trim <= 100))
    items.push({ fieldId: `${prefix}-trim`, message: t("survey.rounds.errors.trim") });
  return items;
}

/** The trim multiplier typed, as a number (null: no trimming). */
export function trimValue(choice: WeightingChoice): number | null {
  return choice.trim.trim() === "" ? null : Number(choice.trim.replace(",", "."));
}

export function WeightingFields({
  prefix,
  choice,
  errors,
  onChange,
}: {
  prefix: string;
  choice: WeightingChoice;
  errors: SummaryItem[];
  onChange: (choice: WeightingChoice) => void;
}) {
  const { t } = useTranslation();
  const errorOf = (field: string) => errors.find((e) => e.fieldId === `${prefix}-${field}`)?.message;
  return (
    <>
      <RadioGroup
        id={`${prefix}-method`}
        legend={t("survey.rounds.fields.method")}
        options={["rake", "poststratify"] as const}
        value={choice.method}
        label={(m) => t(`survey.rounds.method.${m}`)}
        onChange={(method) => onChange({ ...choice, method })}
      />
      {choice.method === "poststratify" ? (
        <CheckboxGroup
          id={`${prefix}-cells`}
          legend={t("survey.rounds.fields.cells")}
          options={WEIGHTING_VARIABLES}
          chosen={choice.cells}
          label={(v) => t(`survey.domains.${v}`)}
          error={errorOf("cells")}
          onChange={(cells) => onChange({ ...choice, cells })}
        />
      ) : null}
      <TextField
        id={`${prefix}-trim`}
        label={t("survey.rounds.fields.trim")}
        hint={t("survey.rounds.fields.trimHint")}
        inputMode="decimal"
        value={choice.trim}
        error={errorOf("trim")}
        onChange={(event) => onChange({ ...choice, trim: event.target.value })}
      />
    </>
  );
}

function RoundList({ rounds }: { rounds: RoundSummary[] }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const locale = useLocale();
  if (rounds.length === 0) return <p>{t("survey.home.noRounds")}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={t("survey.rounds.listCaption")} tabIndex={0}>
      <table className="data-table">
        <caption>{t("survey.rounds.listCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("survey.rounds.columns.round")}</th>
            <th scope="col">{t("survey.rounds.columns.year")}</th>
            <th scope="col">{t("survey.rounds.columns.status")}</th>
            <th scope="col">{t("survey.rounds.columns.fieldwork")}</th>
            <th scope="col">{t("survey.rounds.columns.method")}</th>
            <th scope="col">{t("survey.rounds.columns.responses")}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => {
            const title = local(r.title);
            return (
              <tr key={r.slug}>
                <th scope="row">
                  <Link to={surveyRoundPath(r.slug)} lang={title.lang}>
                    {title.text}
                  </Link>
                </th>
                <td>{r.year}</td>
                <td>{t(`survey.rounds.status.${r.status}`)}</td>
                <td>
                  {formatDay(r.fieldworkStart, locale)}–{formatDay(r.fieldworkEnd, locale)}
                </td>
                <td>{t(`survey.rounds.method.${r.weightingMethod}`)}</td>
                <td className="data-table__number">{r.completedResponses}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function CreateRound() {
  const { t } = useTranslation();
  const local = useLocalize();
  const locale = useLocale();
  const navigate = useNavigate();
  const questionnaires = useApiResource("survey-questionnaires", locale, fetchQuestionnaires);
  const submit = useSubmit<RoundSummary>();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    questionnaireId: "",
    slug: "",
    year: String(year),
    fi: "",
    sv: "",
    en: "",
    start: `${year}-09-01`,
    end: `${year}-10-31`,
    openWeb: "code" as "code" | "resident",
  });
  const [channels, setChannels] = useState<ResponseMode[]>([...RESPONSE_MODES]);
  const [weighting, setWeighting] = useState<WeightingChoice>({ method: "rake", cells: [], trim: "" });
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const list = questionnaires.data ?? [];
  const questionnaireId = form.questionnaireId || list[list.length - 1]?.id || "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: SummaryItem[] = [];
    type Problem = "questionnaire" | "slug" | "year" | "title" | "start" | "end" | "channels";
    const need = (ok: boolean, fieldId: string, key: Problem) => {
      if (!ok) found.push({ fieldId, message: t(`survey.rounds.errors.${key}`) });
    };
    need(questionnaireId !== "", "kierros-lomake", "questionnaire");
    need(/^[a-z0-9][a-z0-9-]{0,79}$/.test(form.slug), "kierros-tunnus", "slug");
    need(
      /^\d{4}$/.test(form.year) && Number(form.year) >= 1990 && Number(form.year) <= 2100,
      "kierros-vuosi",
      "year",
    );
    need(form.fi.trim() !== "", "kierros-nimi-fi", "title");
    need(/^\d{4}-\d{2}-\d{2}$/.test(form.start), "kierros-alku", "start");
    need(/^\d{4}-\d{2}-\d{2}$/.test(form.end) && form.end >= form.start, "kierros-loppu", "end");
    need(channels.length > 0, "kierros-kanavat", "channels");
    found.push(...weightingErrors(weighting, t, "kierros"));
    setErrors(found);
    if (found.length > 0) return;
    const trim = trimValue(weighting);
    const result = await submit.run((options) =>
      createRound(
        {
          slug: form.slug,
          questionnaireId,
          year: Number(form.year),
          title: {
            fi: form.fi.trim(),
            ...(form.sv.trim() ? { sv: form.sv.trim() } : {}),
            ...(form.en.trim() ? { en: form.en.trim() } : {}),
          },
          fieldworkStart: form.start,
          fieldworkEnd: form.end,
          openWeb: form.openWeb === "resident",
          status: "draft",
          channels,
          weightingMethod: weighting.method,
          ...(weighting.method === "poststratify" ? { poststratCells: weighting.cells } : {}),
          ...(trim === null ? {} : { weightTrimMultiplier: trim }),
        },
        options,
      ),
    );
    if (result.ok) navigate(surveyRoundPath(result.data.slug));
  }

  const errorOf = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  return (
    <section className="content-section" aria-labelledby="uusi-kierros-h">
      <h2 id="uusi-kierros-h">{t("survey.rounds.createHeading")}</h2>
      {questionnaires.status === "error" ? (
        <ProblemAlert error={questionnaires.error} onRetry={questionnaires.reload} />
      ) : null}
      <form className="form form--card form--wide" noValidate onSubmit={onSubmit}>
        <ErrorSummary error={submit.error} items={errors} attempt={attempt + submit.attempt} />
        <SelectField
          id="kierros-lomake"
          label={t("survey.rounds.fields.questionnaire")}
          value={questionnaireId}
          error={errorOf("kierros-lomake")}
          onChange={set("questionnaireId")}
        >
          {list.map((q) => (
            <option key={q.id} value={q.id}>
              {t("survey.rounds.questionnaireOption", { title: local(q.title).text, version: q.version })}
            </option>
          ))}
        </SelectField>
        <TextField
          id="kierros-tunnus"
          label={t("survey.rounds.fields.slug")}
          hint={t("survey.rounds.fields.slugHint")}
          value={form.slug}
          error={errorOf("kierros-tunnus")}
          autoCapitalize="none"
          spellCheck={false}
          onChange={set("slug")}
        />
        <TextField
          id="kierros-vuosi"
          label={t("survey.rounds.fields.year")}
          inputMode="numeric"
          value={form.year}
          error={errorOf("kierros-vuosi")}
          onChange={set("year")}
        />
        <TextField
          id="kierros-nimi-fi"
          label={t("survey.rounds.fields.titleFi")}
          lang="fi"
          value={form.fi}
          error={errorOf("kierros-nimi-fi")}
          onChange={set("fi")}
        />
        <TextField
          id="kierros-nimi-sv"
          label={t("survey.rounds.fields.titleSv")}
          lang="sv"
          value={form.sv}
          onChange={set("sv")}
        />
        <TextField
          id="kierros-nimi-en"
          label={t("survey.rounds.fields.titleEn")}
          lang="en"
          value={form.en}
          onChange={set("en")}
        />
        <TextField
          id="kierros-alku"
          type="date"
          label={t("survey.rounds.fields.start")}
          value={form.start}
          error={errorOf("kierros-alku")}
          onChange={set("start")}
        />
        <TextField
          id="kierros-loppu"
          type="date"
          label={t("survey.rounds.fields.end")}
          value={form.end}
          error={errorOf("kierros-loppu")}
          onChange={set("end")}
        />
        <CheckboxGroup
          id="kierros-kanavat"
          legend={t("survey.rounds.fields.channels")}
          options={RESPONSE_MODES}
          chosen={channels}
          label={(c) => t(`survey.rounds.channel.${c}`)}
          error={errorOf("kierros-kanavat")}
          onChange={setChannels}
        />
        <RadioGroup
          id="kierros-vastaussaanto"
          legend={t("survey.rounds.fields.answerRule")}
          options={["code", "resident"] as const}
          value={form.openWeb}
          label={(rule) => t(`survey.rounds.answerRule.${rule}`)}
          onChange={(openWeb) => setForm((f) => ({ ...f, openWeb }))}
        />
        <WeightingFields prefix="kierros" choice={weighting} errors={errors} onChange={setWeighting} />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("survey.rounds.create")}
          </button>
        </div>
      </form>
    </section>
  );
}

function RoundsDesk() {
  const { t } = useTranslation();
  const rounds = useRounds();
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.survey, label: t("survey.home.title") },
          { to: WEB_ROUTES.surveyStaff, label: t("survey.staff.title") },
        ]}
        current={t("survey.rounds.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("survey.home.title")}</p>
        <PageHeading>{t("survey.rounds.title")}</PageHeading>
        <p className="lead">{t("survey.rounds.lead")}</p>
      </header>
      <LoadingStatus loading={rounds.status === "loading"} />
      {rounds.status === "error" ? <ProblemAlert error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.data ? <RoundList rounds={rounds.data} /> : null}
      <CreateRound />
    </div>
  );
}

/** Staff's rounds: every round with its state, and a form to open a new round of a questionnaire. */
export function SurveyRoundsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("survey.rounds.title"));
  return (
    <SessionGate title={t("survey.rounds.title")} roles={["staff", "admin"]}>
      {() => <RoundsDesk />}
    </SessionGate>
  );
}
