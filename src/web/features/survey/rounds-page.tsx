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

/** The round's own details: the same fields when creating a round and when editing it on its desk. */
export interface RoundDetails {
  fi: string;
  sv: string;
  en: string;
  start: string;
  end: string;
  openWeb: "code" | "resident";
  channels: ResponseMode[];
}

/** The details of a round as saved, for the desk's edit form. */
export function roundDetailsOf(round: RoundSummary): RoundDetails {
  return {
    fi: round.title.fi ?? "",
    sv: round.title.sv ?? "",
    en: round.title.en ?? "",
    start: round.fieldworkStart,
    end: round.fieldworkEnd,
    openWeb: round.openWeb ? "resident" : "code",
    channels: [...round.channels],
  };
}

/** What is wrong with a round's details, by field id (`<prefix>-nimi-fi`, `<prefix>-alku`, …). */
export function roundDetailsErrors(details: RoundDetails, t: TFunction, prefix: string): SummaryItem[] {
  const found: SummaryItem[] = [];
  const need = (ok: boolean, field: string, key: "title" | "start" | "end" | "channels") => {
    if (!ok) found.push({ fieldId: `${prefix}-${field}`, message: t(`survey.rounds.errors.${key}`) });
  };
  need(details.fi.trim() !== "", "nimi-fi", "title");
  need(/^\d{4}-\d{2}-\d{2}$/.test(details.start), "alku", "start");
  need(/^\d{4}-\d{2}-\d{2}$/.test(details.end) && details.end >= details.start, "loppu", "end");
  need(details.channels.length > 0, "kanavat", "channels");
  return found;
}

/** The details as the API takes them (a title in each language given, dates, channels, the answer rule). */
export function roundDetailsBody(details: RoundDetails) {
  return {
    title: {
      fi: details.fi.trim(),
      ...(details.sv.trim() ? { sv: details.sv.trim() } : {}),
      ...(details.en.trim() ? { en: details.en.trim() } : {}),
    },
    fieldworkStart: details.start,
    fieldworkEnd: details.end,
    openWeb: details.openWeb === "resident",
    channels: details.channels,
  };
}

export function RoundDetailsFields({
  prefix,
  details,
  errors,
  onChange,
}: {
  prefix: string;
  details: RoundDetails;
  errors: SummaryItem[];
  onChange: (details: RoundDetails) => void;
}) {
  const { t } = useTranslation();
  const errorOf = (field: string) => errors.find((e) => e.fieldId === `${prefix}-${field}`)?.message;
  const set = (field: "fi" | "sv" | "en" | "start" | "end") => (event: { target: { value: string } }) =>
    onChange({ ...details, [field]: event.target.value });
  return (
    <>
      <TextField
        id={`${prefix}-nimi-fi`}
        label={t("survey.rounds.fields.titleFi")}
        lang="fi"
        value={details.fi}
        error={errorOf("nimi-fi")}
        onChange={set("fi")}
      />
      <TextField
        id={`${prefix}-nimi-sv`}
        label={t("survey.rounds.fields.titleSv")}
        lang="sv"
        value={details.sv}
        onChange={set("sv")}
      />
      <TextField
        id={`${prefix}-nimi-en`}
        label={t("survey.rounds.fields.titleEn")}
        lang="en"
        value={details.en}
        onChange={set("en")}
      />
      <TextField
        id={`${prefix}-alku`}
        type="date"
        label={t("survey.rounds.fields.start")}
        value={details.start}
        error={errorOf("alku")}
        onChange={set("start")}
      />
      <TextField
        id={`${prefix}-loppu`}
        type="date"
        label={t("survey.rounds.fields.end")}
        value={details.end}
        error={errorOf("loppu")}
        onChange={set("end")}
      />
      <CheckboxGroup
        id={`${prefix}-kanavat`}
        legend={t("survey.rounds.fields.channels")}
        options={RESPONSE_MODES}
        chosen={details.channels}
        label={(c) => t(`survey.rounds.channel.${c}`)}
        error={errorOf("kanavat")}
        onChange={(channels) => onChange({ ...details, channels })}
      />
      <RadioGroup
        id={`${prefix}-vastaussaanto`}
        legend={t("survey.rounds.fields.answerRule")}
        options={["code", "resident"] as const}
        value={details.openWeb}
        label={(rule) => t(`survey.rounds.answerRule.${rule}`)}
        onChange={(openWeb) => onChange({ ...details, openWeb })}
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
  const [form, setForm] = useState({ questionnaireId: "", slug: "", year: String(year) });
  const [details, setDetails] = useState<RoundDetails>({
    fi: "",
    sv: "",
    en: "",
    start: `${year}-09-01`,
    end: `${year}-10-31`,
    openWeb: "code",
    channels: [...RESPONSE_MODES],
  });
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
    type Problem = "questionnaire" | "slug" | "year";
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
    found.push(...roundDetailsErrors(details, t, "kierros"));
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
          ...roundDetailsBody(details),
          status: "draft",
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
        <RoundDetailsFields prefix="kierros" details={details} errors={errors} onChange={setDetails} />
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
