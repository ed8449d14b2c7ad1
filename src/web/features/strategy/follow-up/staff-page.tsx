import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  ACTION_PROGRESS,
  type ActionDetail,
  type ActionProgress,
  type ImportPreviewResult,
  type IndicatorDetail,
  type IndicatorSummary,
  type StrategyTree,
} from "../../../../contracts/strategy.ts";
import { WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { ApiError } from "../../../api/problem.ts";
import { fetchAction } from "../../../api/strategy-followup/followup.api.ts";
import { useIndicators, useOverdue, useStrategyTree } from "../../../api/strategy-followup/followup.hooks.ts";
import {
  addMilestone,
  type ImportRequest,
  recordProgress,
  recordValue,
  sendImport,
  setMilestoneDone,
} from "../../../api/strategy-followup/staff.api.ts";
import { useSubmit } from "../../../api/use-submit.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../../components/form.tsx";
import { ImportProblems } from "../../../components/import-problems.tsx";
import { useLocalize } from "../../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { useLocale } from "../../../i18n/i18n.ts";
import { SessionGate } from "../../identity/session-gate.tsx";
import { formatDate, formatValue, helsinkiToday, indicatorPath } from "./format.ts";
import { EditSection } from "./staff-edit.tsx";
import {
  importProblems,
  parseDecimal,
  parseWhole,
  parseYear,
  type RowProblem,
  sotkanetMapping,
} from "./staff-helpers.ts";
import { StatusBadge } from "./status.tsx";
import "./follow-up.css";

const EMPTY_FILTER = { programme: "", targetGroup: "", status: "", unit: "" } as const;

/** A form's confirmation, announced politely and kept until the next write. */
function Saved({ message }: { message: string }) {
  return (
    <p role="status" className="form__status">
      {message}
    </p>
  );
}

function OverdueSection({
  version,
  indicators,
  onEnterValue,
  onChanged,
}: {
  version: number;
  indicators: readonly IndicatorSummary[];
  onEnterValue: (key: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const overdue = useOverdue(version);
  const submission = useSubmit<ActionDetail>();
  const [message, setMessage] = useState("");
  const computed = new Set(indicators.filter((i) => i.moduleSource).map((i) => i.key));
  const values = (overdue.data?.values ?? []).filter((v) => !computed.has(v.key));
  const milestones = overdue.data?.milestones ?? [];

  async function markDone(actionId: string, milestoneId: string, title: string) {
    const result = await submission.run((options) => setMilestoneDone(actionId, milestoneId, true, options));
    if (result.ok) {
      setMessage(`${t("strategy.staff.saved")} ${title}`);
      onChanged();
    }
  }

  return (
    <section className="content-section" aria-labelledby="odottaa-h">
      <h2 id="odottaa-h">{t("strategy.staff.overdue.heading")}</h2>
      <LoadingStatus loading={overdue.status === "loading" && !overdue.data} />
      {overdue.status === "error" ? <ProblemAlert error={overdue.error} onRetry={overdue.reload} /> : null}
      {submission.error ? <ProblemAlert error={submission.error} /> : null}
      <Saved message={message} />
      <h3>{t("strategy.staff.overdue.valuesHeading")}</h3>
      {overdue.data && values.length === 0 ? <p>{t("strategy.staff.overdue.noValues")}</p> : null}
      <ul className="staff-list">
        {values.map((v) => {
          const name = local(v.name);
          return (
            <li key={v.key} className="staff-list__item">
              <span>
                <span className={`staff-badge staff-badge--${v.state}`}>
                  {t(`strategy.staff.overdue.state.${v.state}`)}
                </span>{" "}
                <Link to={indicatorPath(v.key)} lang={name.lang}>
                  {t("strategy.staff.overdue.value", { name: name.text, period: v.period ?? "" })}
                </Link>
                {v.dueOn
                  ? `, ${t("strategy.staff.overdue.dueOn", { date: formatDate(v.dueOn, locale) })}`
                  : ""}
                {v.missingPeriods > 1
                  ? ` (${t("strategy.staff.overdue.missing", { count: v.missingPeriods })})`
                  : ""}
              </span>
              <button type="button" className="button button--secondary" onClick={() => onEnterValue(v.key)}>
                {t("strategy.staff.overdue.enterValue")}
                <span className="visually-hidden">: {name.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3>{t("strategy.staff.overdue.milestonesHeading")}</h3>
      {overdue.data && milestones.length === 0 ? <p>{t("strategy.staff.overdue.noMilestones")}</p> : null}
      <ul className="staff-list">
        {milestones.map((m) => {
          const action = local(m.actionTitle);
          const title = local(m.title);
          return (
            <li key={m.milestoneId} className="staff-list__item">
              <span>
                <span lang={action.lang}>{action.text}</span> – <span lang={title.lang}>{title.text}</span>:{" "}
                {t("strategy.staff.overdue.daysOverdue", {
                  count: m.daysOverdue,
                  date: formatDate(m.dueDate, locale),
                })}
              </span>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void markDone(m.actionId, m.milestoneId, title.text)}
              >
                {t("strategy.staff.overdue.markDone")}
                <span className="visually-hidden">: {title.text}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ValueSection({
  indicators,
  chosen,
  onChosen,
  onChanged,
}: {
  indicators: readonly IndicatorSummary[];
  chosen: string;
  onChosen: (key: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const id = useId();
  const submission = useSubmit<IndicatorDetail>();
  const [year, setYear] = useState(String(Number(helsinkiToday().slice(0, 4)) - 1));
  const [amount, setAmount] = useState("");
  const [errors, setErrors] = useState<Record<"indicator" | "year" | "amount", string>>({
    indicator: "",
    year: "",
    amount: "",
  });
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState("");
  // Module indicators are computed from their module's data: they are never offered for typing in.
  const manual = indicators.filter((i) => !i.moduleSource);
  const computedCount = indicators.length - manual.length;
  const indicator = manual.find((i) => i.key === chosen);
  const unit = indicator ? local(indicator.unit).text : "";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setMessage("");
    const y = parseYear(year);
    const v = parseDecimal(amount);
    const next = {
      indicator: indicator ? "" : t("strategy.staff.value.errors.indicator"),
      year: y === null ? t("strategy.staff.value.errors.year") : "",
      amount: v === null ? t("strategy.staff.value.errors.amount") : "",
    };
    setErrors(next);
    if (!indicator || y === null || v === null) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) =>
      recordValue(indicator.key, { year: y, value: v }, options),
    );
    if (!result.ok) return;
    const saved = result.data;
    setMessage(
      t("strategy.staff.value.saved", {
        name: local(indicator.name).text,
        year: y,
        value: formatValue(v, unit, locale),
        status: t(`followUp.status.${saved.status.status}`),
      }),
    );
    setAmount("");
    onChanged();
  }

  const items: SummaryItem[] = (
    [
      ["indicator", `${id}-indicator`],
      ["year", `${id}-year`],
      ["amount", `${id}-amount`],
    ] as const
  ).flatMap(([k, fieldId]) => (errors[k] ? [{ fieldId, message: errors[k] }] : []));

  return (
    <section className="content-section" aria-labelledby="arvo-h" id="arvo">
      <h2 id="arvo-h">{t("strategy.staff.value.heading")}</h2>
      <form className="form form--card" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary error={submission.error} items={items} attempt={attempt} />
        <SelectField
          id={`${id}-indicator`}
          label={t("strategy.staff.value.indicator")}
          hint={
            computedCount > 0 ? t("strategy.staff.value.computedHint", { count: computedCount }) : undefined
          }
          value={chosen}
          error={errors.indicator || undefined}
          onChange={(event) => onChosen(event.target.value)}
        >
          <option value="">{t("strategy.staff.choose")}</option>
          {manual.map((i) => (
            <option key={i.key} value={i.key}>
              {local(i.name).text}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${id}-year`}
          label={t("strategy.staff.value.year")}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={year}
          error={errors.year || undefined}
          onChange={(event) => setYear(event.target.value)}
        />
        <TextField
          id={`${id}-amount`}
          label={t("strategy.staff.value.amount")}
          hint={unit ? t("strategy.staff.value.amountHint", { unit }) : undefined}
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          error={errors.amount || undefined}
          onChange={(event) => setAmount(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("strategy.staff.value.submit")}
          </button>
          <Saved message={message} />
        </div>
      </form>
    </section>
  );
}

function PreviewTable({ result, caption }: { result: ImportPreviewResult; caption: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { rows } = result.preview;
  const group = (r: (typeof rows)[number]) =>
    [r.area, r.ageGroup, r.sex].filter(Boolean).join(", ") || t("strategy.staff.import.total");
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="data-table data-table--fit">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("strategy.staff.import.columns.row")}</th>
            <th scope="col">{t("strategy.staff.import.columns.indicator")}</th>
            <th scope="col">{t("strategy.staff.import.columns.year")}</th>
            <th scope="col">{t("strategy.staff.import.columns.group")}</th>
            <th scope="col">{t("strategy.staff.import.columns.previous")}</th>
            <th scope="col">{t("strategy.staff.import.columns.value")}</th>
            <th scope="col">{t("strategy.staff.import.columns.change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.row}-${r.indicator}-${r.year}-${group(r)}`}>
              <th scope="row">{r.row}</th>
              <td>{r.indicator}</td>
              <td>{r.year}</td>
              <td>{group(r)}</td>
              <td className="data-table__number">
                {r.previous === null ? t("strategy.staff.import.none") : formatValue(r.previous, "", locale)}
              </td>
              <td className="data-table__number">{formatValue(r.value, "", locale)}</td>
              <td>{t(`strategy.staff.import.change.${r.change}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImportProblemList({ problems, attempt }: { problems: RowProblem[]; attempt: number }) {
  const { t } = useTranslation();
  const messages = problems.map((p) =>
    p.row === null
      ? t("strategy.staff.import.fileError", { message: p.message })
      : t("strategy.staff.import.rowError", { row: p.row, message: p.message }),
  );
  return (
    <ImportProblems title={t("strategy.staff.import.errorsTitle")} messages={messages} attempt={attempt} />
  );
}

/**
 * The shared flow of both imports: preview (writes nothing), then import what the preview showed, all or
 * nothing; a bad file lists every bad row with the server's message in the interface language.
 */
function useImportFlow(onChanged: () => void) {
  const submission = useSubmit<ImportPreviewResult>();
  const [preview, setPreview] = useState<{ request: ImportRequest; result: ImportPreviewResult } | null>(
    null,
  );
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [imported, setImported] = useState<ImportPreviewResult | null>(null);
  const [attempt, setAttempt] = useState(0);

  async function run(request: ImportRequest, apply: boolean) {
    setAttempt((n) => n + 1);
    setImported(null);
    const result = await submission.run((options) => sendImport(request, apply, options));
    if (result.ok) {
      setProblems([]);
      if (apply) {
        setPreview(null);
        setImported(result.data);
        onChanged();
      } else setPreview({ request, result: result.data });
      return;
    }
    setPreview(null);
    setProblems(result.error ? importProblems(result.error.fields) : []);
  }

  return {
    submission,
    preview,
    problems,
    imported,
    attempt,
    run,
    clear: () => {
      setPreview(null);
      setProblems([]);
    },
  };
}

function ImportOutcome({ flow, id }: { flow: ReturnType<typeof useImportFlow>; id: string }) {
  const { t } = useTranslation();
  const counts = flow.preview?.result.preview.counts;
  const changing = counts ? counts.new + counts.changed : 0;
  return (
    <>
      <ImportProblemList problems={flow.problems} attempt={flow.attempt} />
      {flow.submission.error && flow.problems.length === 0 ? (
        <ProblemAlert error={flow.submission.error} />
      ) : null}
      {flow.imported ? (
        <Saved
          message={t("strategy.staff.import.imported", {
            new: flow.imported.preview.counts.new,
            changed: flow.imported.preview.counts.changed,
          })}
        />
      ) : null}
      {flow.preview && counts ? (
        <div className="import-preview" id={`${id}-preview`}>
          <PreviewTable
            result={flow.preview.result}
            caption={t("strategy.staff.import.previewCaption", {
              new: counts.new,
              changed: counts.changed,
              unchanged: counts.unchanged,
            })}
          />
          {flow.preview.request.kind === "sotkanet" ? (
            <p>
              {t("strategy.staff.import.skipped", {
                otherRegion: flow.preview.result.preview.skipped.otherRegion,
                noValue: flow.preview.result.preview.skipped.noValue,
              })}
            </p>
          ) : null}
          {changing > 0 ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                if (flow.preview) void flow.run(flow.preview.request, true);
              }}
            >
              {t("strategy.staff.import.apply", { count: changing })}
            </button>
          ) : (
            <p>{t("strategy.staff.import.nothingToApply")}</p>
          )}
        </div>
      ) : null}
    </>
  );
}

function CsvImportSection({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const flow = useImportFlow(onChanged);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [attempt, setAttempt] = useState(0);

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    flow.clear();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const empty = text.trim() === "";
    setError(empty ? t("strategy.staff.import.errors.empty") : "");
    if (empty) return;
    void flow.run({ kind: "csv", csv: text }, false);
  }

  return (
    <section className="content-section" aria-labelledby="csv-h" id="csv">
      <h2 id="csv-h">{t("strategy.staff.import.csvHeading")}</h2>
      <form className="form form--card form--wide" noValidate onSubmit={onSubmit}>
        <ErrorSummary items={error ? [{ fieldId: `${id}-text`, message: error }] : []} attempt={attempt} />
        <p className="field__hint">{t("strategy.staff.import.csvHint")}</p>
        <div className="field">
          <label htmlFor={`${id}-file`} className="field__label">
            {t("strategy.staff.import.file")}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            className="input"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <TextAreaField
          id={`${id}-text`}
          label={t("strategy.staff.import.csvText")}
          value={text}
          error={error}
          onChange={(value) => {
            setText(value);
            flow.clear();
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("strategy.staff.import.preview")}
          </button>
        </div>
      </form>
      <ImportOutcome flow={flow} id={id} />
    </section>
  );
}

/** A labelled multi-line input with an optional error, as TextField. */
function TextAreaField({
  id,
  label,
  hint,
  value,
  error,
  rows = 6,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="field__hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t("forms.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        className="input input--textarea"
        rows={rows}
        spellCheck={false}
        value={value}
        aria-describedby={described || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function SotkanetImportSection({
  indicators,
  onChanged,
}: {
  indicators: readonly IndicatorSummary[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalize();
  const id = useId();
  const flow = useImportFlow(onChanged);
  const manual = indicators.filter((i) => !i.moduleSource);
  // Prefilled from the ids stored with the indicators (those named after real Sotkanet indicators).
  const [ids, setIds] = useState<Record<string, string>>(() =>
    Object.fromEntries(manual.map((i) => [i.key, i.sotkanetId === null ? "" : String(i.sotkanetId)])),
  );
  const [region, setRegion] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState({ region: "", text: "" });
  const [attempt, setAttempt] = useState(0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const regionId = parseWhole(region, 0, 1_000_000_000);
    let rows: unknown = null;
    try {
      rows = JSON.parse(text);
    } catch {
      rows = null;
    }
    const next = {
      region: regionId === null ? t("strategy.staff.import.errors.region") : "",
      text:
        text.trim() === ""
          ? t("strategy.staff.import.errors.empty")
          : Array.isArray(rows)
            ? ""
            : t("strategy.staff.import.errors.json"),
    };
    setErrors(next);
    if (regionId === null || !Array.isArray(rows)) return;
    void flow.run({ kind: "sotkanet", rows, mapping: sotkanetMapping(ids), regionId }, false);
  }

  const items: SummaryItem[] = [
    ...(errors.region ? [{ fieldId: `${id}-region`, message: errors.region }] : []),
    ...(errors.text ? [{ fieldId: `${id}-text`, message: errors.text }] : []),
  ];
  return (
    <section className="content-section" aria-labelledby="sotkanet-h" id="sotkanet">
      <h2 id="sotkanet-h">{t("strategy.staff.import.sotkanetHeading")}</h2>
      <form className="form form--card form--wide" noValidate onSubmit={onSubmit}>
        <ErrorSummary items={items} attempt={attempt} />
        <p className="field__hint">{t("strategy.staff.import.sotkanetHint")}</p>
        <TextField
          id={`${id}-region`}
          label={t("strategy.staff.import.region")}
          hint={t("strategy.staff.import.regionHint")}
          inputMode="numeric"
          autoComplete="off"
          value={region}
          error={errors.region || undefined}
          onChange={(event) => {
            setRegion(event.target.value);
            flow.clear();
          }}
        />
        <fieldset className="fieldset">
          <legend>{t("strategy.staff.import.mappingHeading")}</legend>
          <p className="field__hint">{t("strategy.staff.import.mappingHint")}</p>
          <div className="mapping-grid">
            {manual.map((i) => (
              <TextField
                key={i.key}
                id={`${id}-map-${i.key}`}
                label={t("strategy.staff.import.sotkanetId", { name: local(i.name).text })}
                inputMode="numeric"
                autoComplete="off"
                value={ids[i.key] ?? ""}
                onChange={(event) => {
                  setIds((current) => ({ ...current, [i.key]: event.target.value }));
                  flow.clear();
                }}
              />
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id={`${id}-text`}
          label={t("strategy.staff.import.sotkanetText")}
          value={text}
          error={errors.text}
          onChange={(value) => {
            setText(value);
            flow.clear();
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("strategy.staff.import.preview")}
          </button>
        </div>
      </form>
      <ImportOutcome flow={flow} id={id} />
    </section>
  );
}

function ActionSection({ tree, onChanged }: { tree: StrategyTree; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const id = useId();
  const [actionId, setActionId] = useState("");
  const [action, setAction] = useState<ActionDetail | null>(null);
  const milestoneWrite = useSubmit<ActionDetail>();
  const progressWrite = useSubmit<ActionDetail>();
  const newMilestone = useSubmit<ActionDetail>();
  const [progress, setProgress] = useState<ActionProgress>("in_progress");
  const [percent, setPercent] = useState("");
  const [note, setNote] = useState("");
  const [title, setTitle] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState({ action: "", percent: "", note: "", title: "", date: "" });
  const [attempts, setAttempts] = useState({ progress: 0, milestone: 0 });
  const [message, setMessage] = useState("");

  const [loadError, setLoadError] = useState<ApiError | null>(null);
  useEffect(() => {
    setAction(null);
    setLoadError(null);
    if (!actionId) return;
    const controller = new AbortController();
    fetchAction(actionId, { locale, signal: controller.signal }).then(
      (detail) => setAction(detail),
      (error: unknown) => {
        if (!controller.signal.aborted && error instanceof ApiError) setLoadError(error);
      },
    );
    return () => controller.abort();
  }, [actionId, locale]);

  const updated = (detail: ActionDetail, text: string) => {
    setAction(detail);
    setMessage(text);
    onChanged();
  };

  async function onProgress(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempts((a) => ({ ...a, progress: a.progress + 1 }));
    setMessage("");
    const pct = percent.trim() === "" ? undefined : parseWhole(percent, 0, 100);
    const next = {
      ...errors,
      action: actionId ? "" : t("strategy.staff.action.errors.action"),
      percent: pct === null ? t("strategy.staff.action.errors.percent") : "",
      note: note.trim() ? "" : t("strategy.staff.action.errors.note"),
    };
    setErrors(next);
    if (!actionId || pct === null || !note.trim()) return;
    const result = await progressWrite.run((options) =>
      recordProgress(
        actionId,
        { progress, ...(pct === undefined ? {} : { progressPercent: pct }), note: { fi: note.trim() } },
        options,
      ),
    );
    if (result.ok) {
      setNote("");
      updated(result.data, t("strategy.staff.saved"));
    }
  }

  async function onMilestone(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempts((a) => ({ ...a, milestone: a.milestone + 1 }));
    setMessage("");
    const next = {
      ...errors,
      action: actionId ? "" : t("strategy.staff.action.errors.action"),
      title: title.trim() ? "" : t("strategy.staff.action.errors.title"),
      date: /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? "" : t("strategy.staff.action.errors.date"),
    };
    setErrors(next);
    if (next.action || next.title || next.date) return;
    const result = await newMilestone.run((options) =>
      addMilestone(actionId, { title: { fi: title.trim() }, dueDate }, options),
    );
    if (result.ok) {
      setTitle("");
      setDueDate("");
      updated(result.data, t("strategy.staff.saved"));
    }
  }

  async function toggle(milestoneId: string, done: boolean) {
    const result = await milestoneWrite.run((options) =>
      setMilestoneDone(actionId, milestoneId, done, options),
    );
    if (result.ok) updated(result.data, t("strategy.staff.saved"));
  }

  const progressItems: SummaryItem[] = [
    ...(errors.action ? [{ fieldId: `${id}-action`, message: errors.action }] : []),
    ...(errors.percent ? [{ fieldId: `${id}-percent`, message: errors.percent }] : []),
    ...(errors.note ? [{ fieldId: `${id}-note`, message: errors.note }] : []),
  ];
  const milestoneItems: SummaryItem[] = [
    ...(errors.action ? [{ fieldId: `${id}-action`, message: errors.action }] : []),
    ...(errors.title ? [{ fieldId: `${id}-mtitle`, message: errors.title }] : []),
    ...(errors.date ? [{ fieldId: `${id}-mdate`, message: errors.date }] : []),
  ];
  const milestones = [...(action?.milestones ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  return (
    <section className="content-section" aria-labelledby="eteneminen-h" id="eteneminen">
      <h2 id="eteneminen-h">{t("strategy.staff.action.heading")}</h2>
      <div className="form">
        <SelectField
          id={`${id}-action`}
          label={t("strategy.staff.action.action")}
          value={actionId}
          error={errors.action || undefined}
          onChange={(event) => {
            setActionId(event.target.value);
            setMessage("");
          }}
        >
          <option value="">{t("strategy.staff.choose")}</option>
          {tree.programmes.flatMap((p) =>
            p.goals.map((g) => (
              <optgroup key={g.id} label={local(g.title).text}>
                {g.actions.map((a) => (
                  <option key={a.id} value={a.id}>
                    {local(a.title).text}
                  </option>
                ))}
              </optgroup>
            )),
          )}
        </SelectField>
      </div>
      <Saved message={message} />
      {loadError ? <ProblemAlert error={loadError} /> : null}
      {milestoneWrite.error ? <ProblemAlert error={milestoneWrite.error} /> : null}
      {action ? (
        <>
          <h3>{t("strategy.staff.action.milestones")}</h3>
          {milestones.length === 0 ? <p>{t("strategy.staff.action.noMilestones")}</p> : null}
          <ul className="staff-list">
            {milestones.map((m) => {
              const mTitle = local(m.title);
              return (
                <li key={m.id} className="staff-list__item">
                  <span>
                    <span lang={mTitle.lang}>{mTitle.text}</span> –{" "}
                    {m.doneOn
                      ? t("followUp.action.milestone.done", { date: formatDate(m.doneOn, locale) })
                      : t("followUp.action.milestone.upcoming", { date: formatDate(m.dueDate, locale) })}
                  </span>
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void toggle(m.id, !m.doneOn)}
                  >
                    {m.doneOn ? t("strategy.staff.action.reopen") : t("strategy.staff.action.markDone")}
                    <span className="visually-hidden">: {mTitle.text}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <p>
            <StatusBadge status={action.status.status} /> {action.status.explanation[locale]}
          </p>
        </>
      ) : null}
      <div className="staff-columns">
        <form className="form form--card" noValidate onSubmit={(event) => void onProgress(event)}>
          <h3>{t("strategy.staff.action.progressHeading")}</h3>
          <ErrorSummary error={progressWrite.error} items={progressItems} attempt={attempts.progress} />
          <SelectField
            id={`${id}-progress`}
            label={t("strategy.staff.action.progress")}
            value={progress}
            onChange={(event) => setProgress(event.target.value as ActionProgress)}
          >
            {ACTION_PROGRESS.map((p) => (
              <option key={p} value={p}>
                {t(`followUp.progress.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${id}-percent`}
            label={t("strategy.staff.action.percent")}
            hint={t("strategy.staff.action.percentHint")}
            inputMode="numeric"
            autoComplete="off"
            value={percent}
            error={errors.percent || undefined}
            onChange={(event) => setPercent(event.target.value)}
          />
          <TextAreaField
            id={`${id}-note`}
            label={t("strategy.staff.action.note")}
            rows={3}
            value={note}
            error={errors.note}
            onChange={setNote}
          />
          <div className="form__actions">
            <button type="submit" className="button">
              {t("strategy.staff.action.submitProgress")}
            </button>
          </div>
        </form>
        <form className="form form--card" noValidate onSubmit={(event) => void onMilestone(event)}>
          <h3>{t("strategy.staff.action.milestoneHeading")}</h3>
          <ErrorSummary error={newMilestone.error} items={milestoneItems} attempt={attempts.milestone} />
          <TextField
            id={`${id}-mtitle`}
            label={t("strategy.staff.action.milestoneTitle")}
            autoComplete="off"
            maxLength={200}
            value={title}
            error={errors.title || undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextField
            id={`${id}-mdate`}
            label={t("strategy.staff.action.dueDate")}
            type="date"
            value={dueDate}
            error={errors.date || undefined}
            onChange={(event) => setDueDate(event.target.value)}
          />
          <div className="form__actions">
            <button type="submit" className="button">
              {t("strategy.staff.action.submitMilestone")}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

function StaffContent() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const indicators = useIndicators();
  const tree = useStrategyTree(EMPTY_FILTER);
  const [chosen, setChosen] = useState("");
  const changed = () => setVersion((v) => v + 1);
  const reloadIndicators = indicators.reload;
  const reloadTree = tree.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: every write bumps the version; reload after it.
  useEffect(() => {
    if (version === 0) return;
    reloadIndicators();
    reloadTree();
  }, [version]);

  function enterValue(key: string) {
    setChosen(key);
    const section = document.getElementById("arvo");
    section?.scrollIntoView();
    (section?.querySelector("select") as HTMLSelectElement | null)?.focus();
  }

  const list = indicators.data ?? [];
  return (
    <>
      <nav className="staff-contents" aria-labelledby="staff-contents-h">
        <h2 id="staff-contents-h" className="staff-contents__heading">
          {t("strategy.staff.contents")}
        </h2>
        <ul>
          <li>
            <a href="#odottaa-h">{t("strategy.staff.overdue.heading")}</a>
          </li>
          <li>
            <a href="#arvo-h">{t("strategy.staff.value.heading")}</a>
          </li>
          <li>
            <a href="#csv-h">{t("strategy.staff.import.csvHeading")}</a>
          </li>
          <li>
            <a href="#sotkanet-h">{t("strategy.staff.import.sotkanetHeading")}</a>
          </li>
          <li>
            <a href="#eteneminen-h">{t("strategy.staff.action.heading")}</a>
          </li>
          <li>
            <a href="#muokkaa-h">{t("strategy.staff.edit.heading")}</a>
          </li>
        </ul>
      </nav>
      <LoadingStatus loading={(!indicators.data || !tree.data) && !indicators.error && !tree.error} />
      {indicators.status === "error" ? (
        <ProblemAlert error={indicators.error} onRetry={indicators.reload} />
      ) : null}
      {tree.status === "error" ? <ProblemAlert error={tree.error} onRetry={tree.reload} /> : null}
      <OverdueSection version={version} indicators={list} onEnterValue={enterValue} onChanged={changed} />
      {indicators.data ? (
        <>
          <ValueSection indicators={list} chosen={chosen} onChosen={setChosen} onChanged={changed} />
          <CsvImportSection onChanged={changed} />
          <SotkanetImportSection indicators={list} onChanged={changed} />
        </>
      ) : null}
      {tree.data ? <ActionSection tree={tree.data} onChanged={changed} /> : null}
      {tree.data && indicators.data ? (
        <EditSection tree={tree.data} indicators={list} onChanged={changed} />
      ) : null}
    </>
  );
}

/** The staff's follow-up desk: what is overdue, values by hand, imports, action progress and tree editing. */
export function StaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("strategy.staff.title"), true);
  return (
    <SessionGate title={t("strategy.staff.title")} roles={["staff", "admin"]}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
            current={t("strategy.staff.title")}
          />
          <header className="page-header">
            <p className="kicker">{t("followUp.tree.kicker")}</p>
            <PageHeading>{t("strategy.staff.title")}</PageHeading>
            <p className="lead">{t("strategy.staff.lead")}</p>
          </header>
          <StaffContent />
        </div>
      )}
    </SessionGate>
  );
}
