import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { ATTRIBUTE_DATATYPES } from "../../../contracts/feedback.ts";
import {
  type ManagedService,
  SERVICE_TYPES,
  type ServiceType,
} from "../../../contracts/feedback-services.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import {
  createService,
  setServiceActive,
  updateService,
  useManagedService,
  useManagedServices,
} from "../../api/feedback/feedback-services.api.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import {
  ErrorSummary,
  SelectField,
  type SummaryItem,
  TextAreaField,
  TextField,
} from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { NotFoundContent } from "../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { formatDateTime, HANDLER_ROLES } from "./feedback-helpers.ts";
import { CheckboxField } from "./fields.tsx";
import {
  bodyOf,
  type DraftProblem,
  draftOf,
  draftProblems,
  emptyDraft,
  emptyQuestion,
  emptyValue,
  fieldIdOf,
  isListType,
  move,
  type QuestionDraft,
  type ServiceDraft,
  type TextDraft,
  type ValueDraft,
} from "./service-draft.ts";
import "./feedback.css";

const P = "feedback.serviceAdmin";

/** The staff page of one service (or "new"). */
export function servicePath(code: string): string {
  return WEB_ROUTES.feedbackService.replace(":code", encodeURIComponent(code));
}

// ---- the list ----

function ServiceTable({ services }: { services: ManagedService[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="feedback-services-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="feedback-services-caption">{t(`${P}.caption`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`${P}.name`)}</th>
            <th scope="col">{t(`${P}.code`)}</th>
            <th scope="col">{t(`${P}.unit`)}</th>
            <th scope="col">{t(`${P}.promiseColumn`)}</th>
            <th scope="col">{t(`${P}.questionsColumn`)}</th>
            <th scope="col">{t(`${P}.requestsColumn`)}</th>
            <th scope="col">{t(`${P}.stateColumn`)}</th>
          </tr>
        </thead>
        <tbody>
          {services.map((service) => {
            const name = localize(service.name);
            return (
              <tr key={service.code}>
                <th scope="row">
                  <Link to={servicePath(service.code)} lang={name.lang}>
                    {name.text}
                  </Link>
                  {service.isExampleData ? (
                    <span className="feedback-muted"> {t(`${P}.example`)}</span>
                  ) : null}
                </th>
                <td>{service.code}</td>
                <td>{service.unit}</td>
                <td>
                  {t(`${P}.promiseCell`, {
                    first: service.firstResponseHours,
                    resolution: service.resolutionHours,
                  })}
                </td>
                <td>{service.attributes.length}</td>
                <td>{service.requestCount}</td>
                <td>{service.isActive ? t(`${P}.active`) : t(`${P}.inactive`)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function ServiceList() {
  const { t } = useTranslation();
  const services = useManagedServices();
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.feedback, label: t("feedback.list.title") },
          { to: WEB_ROUTES.feedbackQueue, label: t("feedback.queue.title") },
        ]}
        current={t(`${P}.title`)}
      />
      <header className="page-header">
        <PageHeading>{t(`${P}.title`)}</PageHeading>
        <p className="lead">{t(`${P}.lead`)}</p>
        <p>
          <Link to={servicePath("new")} className="button">
            {t(`${P}.newLink`)}
          </Link>
        </p>
      </header>
      <LoadingStatus loading={services.status === "loading" && !services.data} />
      {services.status === "error" ? <ProblemAlert error={services.error} onRetry={services.reload} /> : null}
      {services.data ? <ServiceTable services={services.data} /> : null}
    </div>
  );
}

/** Staff's list of services, in use or not, with a way to create one. */
export function FeedbackServicesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t(`${P}.title`));
  return (
    <SessionGate title={t(`${P}.title`)} roles={HANDLER_ROLES}>
      {() => <ServiceList />}
    </SessionGate>
  );
}

// ---- the editor ----

type Errors = Map<string, string>;

function LocalizedFields({
  path,
  legend,
  value,
  onChange,
  errors,
  multiline = false,
  hint,
}: {
  path: string;
  legend: string;
  value: TextDraft;
  onChange: (next: TextDraft) => void;
  errors: Errors;
  multiline?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const base = fieldIdOf(path);
  return (
    <fieldset className="feedback-fieldset feedback-fieldset--inner">
      <legend className="feedback-fieldset__legend">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {(["fi", "sv", "en"] as const).map((lang) => {
        const props = {
          id: `${base}-${lang}`,
          label: t(`${P}.lang.${lang}`),
          value: value[lang],
          error: errors.get(`${base}-${lang}`),
          lang,
        };
        return multiline ? (
          <TextAreaField
            key={lang}
            {...props}
            rows={3}
            onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
          />
        ) : (
          <TextField key={lang} {...props} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
        );
      })}
    </fieldset>
  );
}

function ValueEditor({
  path,
  values,
  onChange,
  errors,
  onFocus,
}: {
  path: string;
  values: ValueDraft[];
  onChange: (next: ValueDraft[]) => void;
  errors: Errors;
  onFocus: (id: string) => void;
}) {
  const { t } = useTranslation();
  const addId = fieldIdOf(path);
  return (
    <div className="feedback-service-values">
      {values.map((value, index) => {
        const at = `${path}/${index}`;
        const update = (next: Partial<ValueDraft>) =>
          onChange(values.map((v) => (v.uid === value.uid ? { ...v, ...next } : v)));
        return (
          <fieldset key={value.uid} className="feedback-fieldset feedback-fieldset--inner">
            <legend className="feedback-fieldset__legend">{t(`${P}.choice`, { number: index + 1 })}</legend>
            <TextField
              id={fieldIdOf(`${at}/key`)}
              label={t(`${P}.choiceKey`)}
              hint={t(`${P}.choiceKeyHint`)}
              value={value.key}
              error={errors.get(fieldIdOf(`${at}/key`))}
              onChange={(e) => update({ key: e.target.value })}
              autoCapitalize="none"
              spellCheck={false}
            />
            <LocalizedFields
              path={`${at}/name`}
              legend={t(`${P}.choiceName`)}
              value={value.name}
              errors={errors}
              onChange={(name) => update({ name })}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                onChange(values.filter((v) => v.uid !== value.uid));
                onFocus(addId);
              }}
            >
              {t(`${P}.removeChoice`, { number: index + 1 })}
            </button>
          </fieldset>
        );
      })}
      <button
        id={addId}
        type="button"
        className="button button--secondary"
        aria-describedby={errors.has(addId) ? `${addId}-error` : undefined}
        onClick={() => {
          const added = emptyValue();
          onChange([...values, added]);
          onFocus(fieldIdOf(`${path}/${values.length}/key`));
        }}
      >
        {t(`${P}.addChoice`)}
      </button>
      {errors.has(addId) ? (
        <p id={`${addId}-error`} className="field__error">
          {errors.get(addId)}
        </p>
      ) : null}
    </div>
  );
}

function QuestionEditor({
  question,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  onFocus,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  errors: Errors;
  onChange: (next: QuestionDraft) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  onFocus: (id: string) => void;
}) {
  const { t } = useTranslation();
  const at = `/attributes/${index}`;
  const number = index + 1;
  const update = (next: Partial<QuestionDraft>) => onChange({ ...question, ...next });
  return (
    <fieldset className="feedback-fieldset" id={`svc-question-${question.uid}`}>
      <legend className="feedback-fieldset__legend">{t(`${P}.question`, { number, count })}</legend>
      <TextField
        id={fieldIdOf(`${at}/code`)}
        label={t(`${P}.questionCode`)}
        hint={t(`${P}.questionCodeHint`)}
        value={question.code}
        error={errors.get(fieldIdOf(`${at}/code`))}
        onChange={(e) => update({ code: e.target.value })}
        autoCapitalize="none"
        spellCheck={false}
      />
      <SelectField
        id={fieldIdOf(`${at}/datatype`)}
        label={t(`${P}.datatype`)}
        value={question.datatype}
        error={errors.get(fieldIdOf(`${at}/datatype`))}
        onChange={(e) => {
          const datatype = e.target.value as QuestionDraft["datatype"];
          update({ datatype, values: isListType(datatype) ? question.values : [] });
        }}
      >
        {ATTRIBUTE_DATATYPES.map((dt) => (
          <option key={dt} value={dt}>
            {t(`${P}.datatypes.${dt}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxField
        id={fieldIdOf(`${at}/variable`)}
        label={t(`${P}.notice`)}
        hint={t(`${P}.noticeHint`)}
        checked={!question.variable}
        onChange={(e) =>
          update({ variable: !e.target.checked, required: e.target.checked ? false : question.required })
        }
      />
      {question.variable ? (
        <CheckboxField
          id={fieldIdOf(`${at}/required`)}
          label={t(`${P}.required`)}
          checked={question.required}
          onChange={(e) => update({ required: e.target.checked })}
        />
      ) : null}
      {errors.has(fieldIdOf(`${at}/required`)) ? (
        <p className="field__error">{errors.get(fieldIdOf(`${at}/required`))}</p>
      ) : null}
      <LocalizedFields
        path={`${at}/description`}
        legend={question.variable ? t(`${P}.questionText`) : t(`${P}.noticeText`)}
        value={question.description}
        errors={errors}
        multiline
        onChange={(description) => update({ description })}
      />
      {isListType(question.datatype) ? (
        <ValueEditor
          path={`${at}/values`}
          values={question.values}
          errors={errors}
          onFocus={onFocus}
          onChange={(values) => update({ values })}
        />
      ) : null}
      <div className="button-row">
        {index > 0 ? (
          <button
            id={`svc-q-${question.uid}-up`}
            type="button"
            className="button button--secondary"
            onClick={() => onMove(-1)}
          >
            {t(`${P}.moveUp`, { number })}
          </button>
        ) : null}
        {index < count - 1 ? (
          <button
            id={`svc-q-${question.uid}-down`}
            type="button"
            className="button button--secondary"
            onClick={() => onMove(1)}
          >
            {t(`${P}.moveDown`, { number })}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onRemove}>
          {t(`${P}.removeQuestion`, { number })}
        </button>
      </div>
    </fieldset>
  );
}

function ServiceForm({
  service,
  onSaved,
}: {
  service: ManagedService | null;
  onSaved: (saved: ManagedService) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const isNew = service === null;
  const [draft, setDraft] = useState<ServiceDraft>(() => (service ? draftOf(service) : emptyDraft()));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const submission = useSubmit<ManagedService>();

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const errors: Errors = new Map();
  for (const p of problems)
    if (!errors.has(fieldIdOf(p.path))) errors.set(fieldIdOf(p.path), t(`${P}.errors.${p.key}`));
  for (const f of submission.error?.fields ?? [])
    if (!errors.has(fieldIdOf(f.path))) errors.set(fieldIdOf(f.path), f.message);
  const items: SummaryItem[] = [...errors].map(([fieldId, message]) => ({ fieldId, message }));

  const set = (next: Partial<ServiceDraft>) => setDraft((d) => ({ ...d, ...next }));
  const questions = draft.questions;
  const setQuestions = (next: QuestionDraft[]) => set({ questions: next });

  function moveQuestion(index: number, step: -1 | 1) {
    const question = questions[index];
    if (!question) return;
    const target = index + step;
    setQuestions(move(questions, index, step));
    // Focus stays on the moved question's button; at the top or bottom the other one is left.
    const edge = target === 0 || target === questions.length - 1;
    const direction = edge ? (step === -1 ? "down" : "up") : step === -1 ? "up" : "down";
    setFocusTarget(`svc-q-${question.uid}-${direction}`);
    setAnnouncement(t(`${P}.moved`, { number: target + 1, count: questions.length }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setAnnouncement("");
    const found = draftProblems(draft, isNew);
    setProblems(found);
    if (found.length > 0) {
      submission.reset();
      return;
    }
    const body = bodyOf(draft);
    const result = await submission.run((options) => {
      if (service === null) return createService(body, options);
      const { code: _code, ...rest } = body;
      return updateService(service.code, { ...rest, expectedUpdatedAt: service.updatedAt }, options);
    });
    if (result.ok) {
      setAnnouncement(t(`${P}.saved`));
      onSaved(result.data);
    }
  }

  return (
    <>
      <ErrorSummary error={submission.error} items={items} attempt={attempt} />
      <form className="form feedback-service-form" noValidate onSubmit={(event) => void submit(event)}>
        <section aria-labelledby={`${id}-basics`}>
          <h2 id={`${id}-basics`}>{t(`${P}.basics`)}</h2>
          {isNew ? (
            <TextField
              id={fieldIdOf("/code")}
              label={t(`${P}.code`)}
              hint={t(`${P}.codeHint`)}
              value={draft.code}
              error={errors.get(fieldIdOf("/code"))}
              onChange={(e) => set({ code: e.target.value })}
              autoCapitalize="none"
              spellCheck={false}
              required
            />
          ) : (
            <p>
              {t(`${P}.code`)}: <code>{draft.code}</code>
            </p>
          )}
          <LocalizedFields
            path="/name"
            legend={t(`${P}.name`)}
            hint={t(`${P}.finnishRequired`)}
            value={draft.name}
            errors={errors}
            onChange={(name) => set({ name })}
          />
          <LocalizedFields
            path="/description"
            legend={t(`${P}.description`)}
            value={draft.description}
            errors={errors}
            multiline
            onChange={(description) => set({ description })}
          />
          <LocalizedFields
            path="/group"
            legend={t(`${P}.group`)}
            hint={t(`${P}.groupHint`)}
            value={draft.group}
            errors={errors}
            onChange={(group) => set({ group })}
          />
          <TextField
            id={fieldIdOf("/keywords")}
            label={t(`${P}.keywords`)}
            hint={t(`${P}.keywordsHint`)}
            value={draft.keywords}
            error={errors.get(fieldIdOf("/keywords"))}
            onChange={(e) => set({ keywords: e.target.value })}
          />
          <SelectField
            id={fieldIdOf("/type")}
            label={t(`${P}.type`)}
            hint={t(`${P}.typeHint`)}
            value={draft.type}
            error={errors.get(fieldIdOf("/type"))}
            onChange={(e) => set({ type: e.target.value as ServiceType })}
          >
            {SERVICE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`${P}.types.${type}`)}
              </option>
            ))}
          </SelectField>
        </section>
        <section aria-labelledby={`${id}-routing`}>
          <h2 id={`${id}-routing`}>{t(`${P}.routing`)}</h2>
          <TextField
            id={fieldIdOf("/unit")}
            label={t(`${P}.unit`)}
            hint={t(`${P}.unitHint`)}
            value={draft.unit}
            error={errors.get(fieldIdOf("/unit"))}
            onChange={(e) => set({ unit: e.target.value })}
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            id={fieldIdOf("/firstResponseHours")}
            label={t(`${P}.firstResponse`)}
            hint={t(`${P}.hoursHint`)}
            inputMode="decimal"
            value={draft.firstResponseHours}
            error={errors.get(fieldIdOf("/firstResponseHours"))}
            onChange={(e) => set({ firstResponseHours: e.target.value })}
            required
          />
          <TextField
            id={fieldIdOf("/resolutionHours")}
            label={t(`${P}.resolution`)}
            hint={t(`${P}.hoursHint`)}
            inputMode="decimal"
            value={draft.resolutionHours}
            error={errors.get(fieldIdOf("/resolutionHours"))}
            onChange={(e) => set({ resolutionHours: e.target.value })}
            required
          />
        </section>
        <section aria-labelledby={`${id}-questions`}>
          <h2 id={`${id}-questions`}>{t(`${P}.questions`)}</h2>
          <p>{t(`${P}.questionsLead`)}</p>
          {questions.map((question, index) => (
            <QuestionEditor
              key={question.uid}
              question={question}
              index={index}
              count={questions.length}
              errors={errors}
              onFocus={setFocusTarget}
              onChange={(next) => setQuestions(questions.map((q) => (q.uid === question.uid ? next : q)))}
              onMove={(step) => moveQuestion(index, step)}
              onRemove={() => {
                setQuestions(questions.filter((q) => q.uid !== question.uid));
                setFocusTarget("svc-add-question");
                setAnnouncement(t(`${P}.removed`, { number: index + 1 }));
              }}
            />
          ))}
          <button
            id="svc-add-question"
            type="button"
            className="button button--secondary"
            onClick={() => {
              setQuestions([...questions, emptyQuestion()]);
              setFocusTarget(fieldIdOf(`/attributes/${questions.length}/code`));
            }}
          >
            {t(`${P}.addQuestion`)}
          </button>
        </section>
        <div className="form__actions">
          <button type="submit" className="button">
            {isNew ? t(`${P}.create`) : t(`${P}.save`)}
          </button>
          <p className="form__status" aria-live="polite">
            {submission.status === "pending" ? t(`${P}.saving`) : announcement}
          </p>
        </div>
      </form>
    </>
  );
}

function Activation({ service, onChanged }: { service: ManagedService; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const submission = useSubmit<ManagedService>();
  return (
    <section aria-labelledby={`${id}-h`} className="feedback-action">
      <h2 id={`${id}-h`}>{t(`${P}.useHeading`)}</h2>
      <p>{service.isActive ? t(`${P}.activeText`) : t(`${P}.inactiveText`)}</p>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <button
        type="button"
        className="button button--secondary"
        onClick={() =>
          void submission
            .run((options) => setServiceActive(service.code, !service.isActive, options))
            .then((result) => {
              if (result.ok) onChanged();
            })
        }
      >
        {service.isActive ? t(`${P}.deactivate`) : t(`${P}.reactivate`)}
      </button>
    </section>
  );
}

function History({ service }: { service: ManagedService }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  if (service.changes.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(`${P}.history`)}</h2>
      <ul className="status-list">
        {service.changes.map((change) => (
          <li key={`${change.at}-${change.action}`}>
            <time dateTime={change.at}>{formatDateTime(change.at, locale)}</time>{" "}
            {t(`${P}.actions.${change.action}`, { defaultValue: change.action })}
            {change.actorName ? ` — ${change.actorName}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}

function EditService({ code }: { code: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const service = useManagedService(code);
  const data = service.data;
  if (service.status === "error" && service.error.status === 404) return <NotFoundContent />;
  const title = data ? localize(data.name).text : t(`${P}.title`);
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.feedback, label: t("feedback.list.title") },
          { to: WEB_ROUTES.feedbackQueue, label: t("feedback.queue.title") },
          { to: WEB_ROUTES.feedbackServices, label: t(`${P}.title`) },
        ]}
        current={title}
      />
      <header className="page-header">
        <PageHeading>{t(`${P}.editTitle`, { name: title })}</PageHeading>
        {data ? (
          <p className="lead">
            {data.isActive ? t(`${P}.active`) : t(`${P}.inactive`)} ·{" "}
            {t(`${P}.requestCount`, { count: data.requestCount })}
          </p>
        ) : null}
        {created ? <p className="notice">{t(`${P}.created`)}</p> : null}
      </header>
      <LoadingStatus loading={service.status === "loading" && !data} />
      {service.status === "error" ? <ProblemAlert error={service.error} onRetry={service.reload} /> : null}
      {data ? (
        <>
          <ServiceForm key={data.code} service={data} onSaved={service.reload} />
          <Activation service={data} onChanged={service.reload} />
          <History service={data} />
        </>
      ) : null}
    </div>
  );
}

function NewService() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.feedback, label: t("feedback.list.title") },
          { to: WEB_ROUTES.feedbackQueue, label: t("feedback.queue.title") },
          { to: WEB_ROUTES.feedbackServices, label: t(`${P}.title`) },
        ]}
        current={t(`${P}.newTitle`)}
      />
      <header className="page-header">
        <PageHeading>{t(`${P}.newTitle`)}</PageHeading>
        <p className="lead">{t(`${P}.newLead`)}</p>
      </header>
      <ServiceForm
        service={null}
        onSaved={(saved) => void navigate(servicePath(saved.code), { state: { created: true } })}
      />
    </div>
  );
}

/** Staff's editor of one service: texts, questions (reordered by buttons), routing, promise, use. */
export function FeedbackServicePage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const isNew = code === "new";
  useDocumentTitle(isNew ? t(`${P}.newTitle`) : t(`${P}.title`));
  return (
    <SessionGate title={t(`${P}.title`)} roles={HANDLER_ROLES}>
      {() => (isNew ? <NewService /> : <EditService code={code} />)}
    </SessionGate>
  );
}
