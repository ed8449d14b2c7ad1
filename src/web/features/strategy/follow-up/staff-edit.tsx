import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedText } from "../../../../contracts/localized-text.ts";
import type { IndicatorSummary, StrategyTree } from "../../../../contracts/strategy.ts";
import { fetchAction } from "../../../api/strategy-followup/followup.api.ts";
import {
  createGoal,
  setIndicatorLink,
  updateAction,
  updateGoal,
  updateIndicator,
} from "../../../api/strategy-followup/staff.api.ts";
import { useSubmit } from "../../../api/use-submit.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../../components/form.tsx";
import { useLocalize } from "../../../components/localized.ts";
import { useLocale } from "../../../i18n/i18n.ts";
import { parseDecimal, parseWhole, parseYear } from "./staff-helpers.ts";

type Errors = Record<string, string>;

/** The field errors of a form as error-summary lines, each linking to its field. */
function summaryOf(errors: Errors, prefix: string): SummaryItem[] {
  return Object.entries(errors).flatMap(([field, message]) =>
    message ? [{ fieldId: `${prefix}-${field}`, message }] : [],
  );
}

/** A form card: heading, error summary, fields, a submit button and the polite confirmation. */
function EditForm({
  heading,
  submit,
  errors,
  prefix,
  attempt,
  error,
  message,
  onSubmit,
  children,
}: {
  heading: string;
  submit: string;
  errors: Errors;
  prefix: string;
  attempt: number;
  error: ReturnType<typeof useSubmit>["error"];
  message: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="form form--card"
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3>{heading}</h3>
      <ErrorSummary error={error} items={summaryOf(errors, prefix)} attempt={attempt} />
      {children}
      <div className="form__actions">
        <button type="submit" className="button">
          {submit}
        </button>
        <p role="status" className="form__status">
          {message}
        </p>
      </div>
    </form>
  );
}

/** Title fields in the three languages; Finnish is required, the others fall back to it. */
function TitleFields({
  prefix,
  value,
  error,
  onChange,
}: {
  prefix: string;
  value: LocalizedText;
  error: string;
  onChange: (value: LocalizedText) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${prefix}-title`}
        label={t("strategy.staff.edit.titleFi")}
        lang="fi"
        autoComplete="off"
        maxLength={300}
        value={value.fi}
        error={error || undefined}
        onChange={(event) => onChange({ ...value, fi: event.target.value })}
      />
      <TextField
        id={`${prefix}-title-sv`}
        label={t("strategy.staff.edit.titleSv")}
        lang="sv"
        autoComplete="off"
        maxLength={300}
        value={value.sv ?? ""}
        onChange={(event) => onChange({ ...value, sv: event.target.value })}
      />
      <TextField
        id={`${prefix}-title-en`}
        label={t("strategy.staff.edit.titleEn")}
        lang="en"
        autoComplete="off"
        maxLength={300}
        value={value.en ?? ""}
        onChange={(event) => onChange({ ...value, en: event.target.value })}
      />
    </>
  );
}

/** A localized text without empty translations (they fall back to Finnish). */
function cleanText(value: LocalizedText): LocalizedText {
  return {
    fi: value.fi.trim(),
    ...(value.sv?.trim() ? { sv: value.sv.trim() } : {}),
    ...(value.en?.trim() ? { en: value.en.trim() } : {}),
  };
}

function useWrite() {
  const submission = useSubmit<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState("");
  return { submission, attempt, message, setMessage, bump: () => setAttempt((n) => n + 1) };
}

function GoalForm({ tree, onChanged }: { tree: StrategyTree; onChanged: () => void }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const prefix = useId();
  const write = useWrite();
  const [goalId, setGoalId] = useState("");
  const [title, setTitle] = useState<LocalizedText>({ fi: "" });
  const [errors, setErrors] = useState<Errors>({});
  const goals = tree.programmes.flatMap((p) => p.goals);

  async function submit() {
    write.bump();
    write.setMessage("");
    const next = {
      goal: goalId ? "" : t("strategy.staff.edit.errors.choose"),
      title: title.fi.trim() ? "" : t("strategy.staff.edit.errors.title"),
    };
    setErrors(next);
    if (next.goal || next.title) return;
    const result = await write.submission.run((options) =>
      updateGoal(goalId, { title: cleanText(title) }, options),
    );
    if (result.ok) {
      write.setMessage(t("strategy.staff.saved"));
      onChanged();
    }
  }

  return (
    <EditForm
      heading={t("strategy.staff.edit.goalHeading")}
      submit={t("strategy.staff.edit.saveGoal")}
      errors={errors}
      prefix={prefix}
      attempt={write.attempt}
      error={write.submission.error}
      message={write.message}
      onSubmit={() => void submit()}
    >
      <SelectField
        id={`${prefix}-goal`}
        label={t("strategy.staff.edit.goal")}
        value={goalId}
        error={errors.goal || undefined}
        onChange={(event) => {
          setGoalId(event.target.value);
          const goal = goals.find((g) => g.id === event.target.value);
          setTitle(goal ? { ...goal.title } : { fi: "" });
        }}
      >
        <option value="">{t("strategy.staff.choose")}</option>
        {tree.programmes.map((p) => (
          <optgroup key={p.id} label={local(p.name).text}>
            {p.goals.map((g) => (
              <option key={g.id} value={g.id}>
                {local(g.title).text}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TitleFields prefix={prefix} value={title} error={errors.title ?? ""} onChange={setTitle} />
    </EditForm>
  );
}

function NewGoalForm({ tree, onChanged }: { tree: StrategyTree; onChanged: () => void }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const prefix = useId();
  const write = useWrite();
  const [programme, setProgramme] = useState("");
  const [slug, setSlug] = useState("");
  const [title, setTitle] = useState<LocalizedText>({ fi: "" });
  const [errors, setErrors] = useState<Errors>({});

  async function submit() {
    write.bump();
    write.setMessage("");
    const next = {
      programme: programme ? "" : t("strategy.staff.edit.errors.choose"),
      slug: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug.trim()) ? "" : t("strategy.staff.edit.errors.slug"),
      title: title.fi.trim() ? "" : t("strategy.staff.edit.errors.title"),
    };
    setErrors(next);
    if (next.programme || next.slug || next.title) return;
    const result = await write.submission.run((options) =>
      createGoal(programme, { slug: slug.trim(), title: cleanText(title) }, options),
    );
    if (result.ok) {
      write.setMessage(t("strategy.staff.saved"));
      setSlug("");
      setTitle({ fi: "" });
      onChanged();
    }
  }

  return (
    <EditForm
      heading={t("strategy.staff.edit.newGoalHeading")}
      submit={t("strategy.staff.edit.createGoal")}
      errors={errors}
      prefix={prefix}
      attempt={write.attempt}
      error={write.submission.error}
      message={write.message}
      onSubmit={() => void submit()}
    >
      <SelectField
        id={`${prefix}-programme`}
        label={t("strategy.staff.edit.programme")}
        value={programme}
        error={errors.programme || undefined}
        onChange={(event) => setProgramme(event.target.value)}
      >
        <option value="">{t("strategy.staff.choose")}</option>
        {tree.programmes.map((p) => (
          <option key={p.id} value={p.slug}>
            {local(p.name).text}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${prefix}-slug`}
        label={t("strategy.staff.edit.slug")}
        hint={t("strategy.staff.edit.slugHint")}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={80}
        value={slug}
        error={errors.slug || undefined}
        onChange={(event) => setSlug(event.target.value)}
      />
      <TitleFields prefix={prefix} value={title} error={errors.title ?? ""} onChange={setTitle} />
    </EditForm>
  );
}

function ActionForm({ tree, onChanged }: { tree: StrategyTree; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const prefix = useId();
  const write = useWrite();
  const [actionId, setActionId] = useState("");
  const [title, setTitle] = useState<LocalizedText>({ fi: "" });
  const [fields, setFields] = useState({ unit: "", person: "", start: "", end: "", budget: "" });
  const [errors, setErrors] = useState<Errors>({});
  const actions = tree.programmes.flatMap((p) => p.goals.flatMap((g) => g.actions));

  async function choose(id: string) {
    setActionId(id);
    write.setMessage("");
    const action = actions.find((a) => a.id === id);
    setTitle(action ? { ...action.title } : { fi: "" });
    setFields({ unit: action?.responsibleUnit ?? "", person: "", start: "", end: "", budget: "" });
    if (!action) return;
    // The tree lists only the title and unit; the rest comes from the action itself.
    const detail = await fetchAction(id, { locale }).catch(() => null);
    if (detail) {
      setFields({
        unit: detail.responsibleUnit ?? "",
        person: detail.responsiblePerson ?? "",
        start: detail.startDate ?? "",
        end: detail.endDate ?? "",
        budget: detail.budgetEuros === null ? "" : String(detail.budgetEuros),
      });
    }
  }

  async function submit() {
    write.bump();
    write.setMessage("");
    const budget = fields.budget.trim() === "" ? null : parseWhole(fields.budget, 0, 1_000_000_000);
    const next = {
      action: actionId ? "" : t("strategy.staff.edit.errors.choose"),
      title: title.fi.trim() ? "" : t("strategy.staff.edit.errors.title"),
      budget: fields.budget.trim() !== "" && budget === null ? t("strategy.staff.edit.errors.budget") : "",
      end: fields.start && fields.end && fields.end < fields.start ? t("forms.errors.dateOrder") : "",
    };
    setErrors(next);
    if (next.action || next.title || next.budget || next.end) return;
    const result = await write.submission.run((options) =>
      updateAction(
        actionId,
        {
          title: cleanText(title),
          responsibleUnit: fields.unit.trim() || null,
          responsiblePerson: fields.person.trim() || null,
          startDate: fields.start || null,
          endDate: fields.end || null,
          budgetEuros: budget,
        },
        options,
      ),
    );
    if (result.ok) {
      write.setMessage(t("strategy.staff.saved"));
      onChanged();
    }
  }

  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: event.target.value }));
  return (
    <EditForm
      heading={t("strategy.staff.edit.actionHeading")}
      submit={t("strategy.staff.edit.saveAction")}
      errors={errors}
      prefix={prefix}
      attempt={write.attempt}
      error={write.submission.error}
      message={write.message}
      onSubmit={() => void submit()}
    >
      <SelectField
        id={`${prefix}-action`}
        label={t("strategy.staff.action.action")}
        value={actionId}
        error={errors.action || undefined}
        onChange={(event) => void choose(event.target.value)}
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
      <TitleFields prefix={prefix} value={title} error={errors.title ?? ""} onChange={setTitle} />
      <TextField
        id={`${prefix}-unit`}
        label={t("strategy.staff.edit.unit")}
        autoComplete="off"
        maxLength={80}
        value={fields.unit}
        onChange={set("unit")}
      />
      <TextField
        id={`${prefix}-person`}
        label={t("strategy.staff.edit.person")}
        autoComplete="off"
        maxLength={120}
        value={fields.person}
        onChange={set("person")}
      />
      <TextField
        id={`${prefix}-start`}
        label={t("strategy.staff.edit.startDate")}
        type="date"
        value={fields.start}
        onChange={set("start")}
      />
      <TextField
        id={`${prefix}-end`}
        label={t("strategy.staff.edit.endDate")}
        type="date"
        value={fields.end}
        error={errors.end || undefined}
        onChange={set("end")}
      />
      <TextField
        id={`${prefix}-budget`}
        label={t("strategy.staff.edit.budget")}
        inputMode="numeric"
        autoComplete="off"
        value={fields.budget}
        error={errors.budget || undefined}
        onChange={set("budget")}
      />
    </EditForm>
  );
}

function IndicatorForm({
  indicators,
  onChanged,
}: {
  indicators: readonly IndicatorSummary[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalize();
  const prefix = useId();
  const write = useWrite();
  const [key, setKey] = useState("");
  const [name, setName] = useState<LocalizedText>({ fi: "" });
  const [fields, setFields] = useState({
    sotkanet: "",
    baselineYear: "",
    baselineValue: "",
    targetYear: "",
    targetValue: "",
    unit: "",
  });
  const [errors, setErrors] = useState<Errors>({});

  function choose(chosen: string) {
    setKey(chosen);
    write.setMessage("");
    const i = indicators.find((x) => x.key === chosen);
    setName(i ? { ...i.name } : { fi: "" });
    setFields({
      sotkanet: i?.sotkanetId ? String(i.sotkanetId) : "",
      baselineYear: i ? String(i.baseline.year) : "",
      baselineValue: i ? String(i.baseline.value).replace(".", ",") : "",
      targetYear: i ? String(i.target.year) : "",
      targetValue: i ? String(i.target.value).replace(".", ",") : "",
      unit: i?.responsibleUnit ?? "",
    });
  }

  async function submit() {
    write.bump();
    write.setMessage("");
    const sotkanet = fields.sotkanet.trim() === "" ? null : parseWhole(fields.sotkanet, 1, 10_000_000);
    const by = parseYear(fields.baselineYear);
    const bv = parseDecimal(fields.baselineValue);
    const ty = parseYear(fields.targetYear);
    const tv = parseDecimal(fields.targetValue);
    const next = {
      indicator: key ? "" : t("strategy.staff.edit.errors.choose"),
      title: name.fi.trim() ? "" : t("strategy.staff.edit.errors.title"),
      sotkanet:
        fields.sotkanet.trim() !== "" && sotkanet === null ? t("strategy.staff.edit.errors.sotkanetId") : "",
      baselineYear: by === null ? t("strategy.staff.edit.errors.year") : "",
      baselineValue: bv === null ? t("strategy.staff.edit.errors.number") : "",
      targetYear: ty === null ? t("strategy.staff.edit.errors.year") : "",
      targetValue: tv === null ? t("strategy.staff.edit.errors.number") : "",
    };
    setErrors(next);
    if (Object.values(next).some(Boolean) || by === null || bv === null || ty === null || tv === null) return;
    const result = await write.submission.run((options) =>
      updateIndicator(
        key,
        {
          name: cleanText(name),
          sotkanetId: sotkanet,
          baseline: { year: by, value: bv },
          target: { year: ty, value: tv },
          responsibleUnit: fields.unit.trim(),
        },
        options,
      ),
    );
    if (result.ok) {
      write.setMessage(t("strategy.staff.saved"));
      onChanged();
    }
  }

  const field = (name: keyof typeof fields, label: string, inputMode: "numeric" | "decimal" | "text") => (
    <TextField
      id={`${prefix}-${name}`}
      label={label}
      inputMode={inputMode}
      autoComplete="off"
      value={fields[name]}
      error={errors[name] || undefined}
      onChange={(event) => setFields((f) => ({ ...f, [name]: event.target.value }))}
    />
  );
  return (
    <EditForm
      heading={t("strategy.staff.edit.indicatorHeading")}
      submit={t("strategy.staff.edit.saveIndicator")}
      errors={errors}
      prefix={prefix}
      attempt={write.attempt}
      error={write.submission.error}
      message={write.message}
      onSubmit={() => void submit()}
    >
      <SelectField
        id={`${prefix}-indicator`}
        label={t("strategy.staff.edit.indicator")}
        value={key}
        error={errors.indicator || undefined}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">{t("strategy.staff.choose")}</option>
        {indicators.map((i) => (
          <option key={i.key} value={i.key}>
            {local(i.name).text}
          </option>
        ))}
      </SelectField>
      <TitleFields prefix={prefix} value={name} error={errors.title ?? ""} onChange={setName} />
      {field("sotkanet", t("strategy.staff.edit.sotkanetId"), "numeric")}
      {field("baselineYear", t("strategy.staff.edit.baselineYear"), "numeric")}
      {field("baselineValue", t("strategy.staff.edit.baselineValue"), "decimal")}
      {field("targetYear", t("strategy.staff.edit.targetYear"), "numeric")}
      {field("targetValue", t("strategy.staff.edit.targetValue"), "decimal")}
      {field("unit", t("strategy.staff.edit.unit"), "text")}
    </EditForm>
  );
}

function LinkForm({
  tree,
  indicators,
  onChanged,
}: {
  tree: StrategyTree;
  indicators: readonly IndicatorSummary[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const local = useLocalize();
  const prefix = useId();
  const write = useWrite();
  const [key, setKey] = useState("");
  const [target, setTarget] = useState("");
  const [error, setError] = useState("");

  async function run(linked: boolean) {
    write.bump();
    write.setMessage("");
    const [kind, id] = target.split(":") as ["goals" | "actions", string];
    if (!key || !id) {
      setError(t("strategy.staff.edit.errors.link"));
      return;
    }
    setError("");
    const result = await write.submission.run((options) => setIndicatorLink(kind, id, key, linked, options));
    if (result.ok) {
      write.setMessage(linked ? t("strategy.staff.edit.linked") : t("strategy.staff.edit.unlinked"));
      onChanged();
    }
  }

  return (
    <form
      className="form form--card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(true);
      }}
    >
      <h3>{t("strategy.staff.edit.linksHeading")}</h3>
      <ErrorSummary
        error={write.submission.error}
        items={error ? [{ fieldId: `${prefix}-indicator`, message: error }] : []}
        attempt={write.attempt}
      />
      <p className="field__hint">{t("strategy.staff.edit.linksHint")}</p>
      <SelectField
        id={`${prefix}-indicator`}
        label={t("strategy.staff.edit.indicator")}
        value={key}
        error={error && !key ? error : undefined}
        onChange={(event) => setKey(event.target.value)}
      >
        <option value="">{t("strategy.staff.choose")}</option>
        {indicators.map((i) => (
          <option key={i.key} value={i.key}>
            {local(i.name).text}
          </option>
        ))}
      </SelectField>
      <SelectField
        id={`${prefix}-target`}
        label={t("strategy.staff.edit.linkTarget")}
        value={target}
        error={error && !target ? error : undefined}
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">{t("strategy.staff.choose")}</option>
        <optgroup label={t("strategy.staff.edit.goalsGroup")}>
          {tree.programmes.flatMap((p) =>
            p.goals.map((g) => (
              <option key={g.id} value={`goals:${g.id}`}>
                {local(g.title).text}
              </option>
            )),
          )}
        </optgroup>
        <optgroup label={t("strategy.staff.edit.actionsGroup")}>
          {tree.programmes.flatMap((p) =>
            p.goals.flatMap((g) =>
              g.actions.map((a) => (
                <option key={a.id} value={`actions:${a.id}`}>
                  {local(a.title).text}
                </option>
              )),
            ),
          )}
        </optgroup>
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button">
          {t("strategy.staff.edit.link")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void run(false)}>
          {t("strategy.staff.edit.unlink")}
        </button>
        <p role="status" className="form__status">
          {write.message}
        </p>
      </div>
    </form>
  );
}

/** Editing the tree: goals, a new goal, actions, indicators and the links between them. */
export function EditSection({
  tree,
  indicators,
  onChanged,
}: {
  tree: StrategyTree;
  indicators: readonly IndicatorSummary[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="content-section" aria-labelledby="muokkaa-h" id="muokkaa">
      <h2 id="muokkaa-h">{t("strategy.staff.edit.heading")}</h2>
      <div className="staff-columns">
        <GoalForm tree={tree} onChanged={onChanged} />
        <NewGoalForm tree={tree} onChanged={onChanged} />
        <ActionForm tree={tree} onChanged={onChanged} />
        <IndicatorForm indicators={indicators} onChanged={onChanged} />
        <LinkForm tree={tree} indicators={indicators} onChanged={onChanged} />
      </div>
    </section>
  );
}
