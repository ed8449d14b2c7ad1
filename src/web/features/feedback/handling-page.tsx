import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  type HandlerRequestDetail,
  MAX_DESCRIPTION,
  type RequestStatus,
  VISIBILITIES,
  type Visibility,
} from "../../../contracts/feedback.ts";
import type { Me } from "../../../contracts/identity.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { type HandlingAction, runHandlingAction } from "../../api/feedback/feedback.api.ts";
import {
  useDuplicateSuggestions,
  useFeedbackServices,
  useHandlerRequest,
} from "../../api/feedback/feedback.hooks.ts";
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
import { PhotoList } from "../../components/photo/photo-fields.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";
import { hasRole } from "../identity/session.tsx";
import { SessionGate } from "../identity/session-gate.tsx";
import {
  formatDateTime,
  HANDLER_ROLES,
  historyKind,
  isoValue,
  nextStatuses,
  requestPath,
} from "./feedback-helpers.ts";
import { OverdueBadge, RequestStatusBadge } from "./status-badge.tsx";
import "./feedback.css";

function When({ iso }: { iso: string }) {
  const locale = useLocale();
  return <time dateTime={isoValue(iso)}>{formatDateTime(iso, locale)}</time>;
}

/**
 * One handling action as a form of its own: its fields, a check before sending (which returns the action,
 * or the fields to fix), the server's problem if any, and a polite "saved" when the change is committed.
 */
function ActionForm({
  id,
  requestId,
  heading,
  submitLabel,
  build,
  onDone,
  children,
}: {
  id: string;
  requestId: string;
  heading: string;
  submitLabel: string;
  build: () => HandlingAction | SummaryItem[];
  onDone: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submission = useSubmit<HandlerRequestDetail>();
  const [items, setItems] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setSaved(false);
    const action = build();
    if (Array.isArray(action)) {
      setItems(action);
      submission.reset();
      return;
    }
    setItems([]);
    const result = await submission.run((options) => runHandlingAction(requestId, action, options));
    if (result.ok) {
      setSaved(true);
      onDone();
    }
  }

  return (
    <section className="feedback-action" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <ErrorSummary error={submission.error} items={items} attempt={attempt} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {children}
        <div className="form__actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
          <p className="form__status" aria-live="polite">
            {saved ? t("feedback.handling.saved") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}

function AssignForm({
  request,
  person,
  onDone,
}: {
  request: HandlerRequestDetail;
  person: Me;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The person themself first, then the others of the unit by name.
  const others = request.assignable
    .filter((candidate) => candidate.id !== person.id)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "fi"));
  const [choice, setChoice] = useState(request.assigneeId ?? "");
  const current =
    request.assigneeId === null
      ? t("feedback.handling.assignedNobody")
      : request.assigneeId === person.id
        ? t("feedback.handling.assignedMe")
        : t("feedback.handling.assignedTo", { name: request.assigneeName ?? "?" });
  return (
    <ActionForm
      id={`${id}-assign`}
      requestId={request.id}
      heading={t("feedback.handling.assignHeading")}
      submitLabel={t("feedback.handling.assignSubmit")}
      build={() => ({ kind: "assign", body: { assigneeId: choice === "" ? null : choice } })}
      onDone={onDone}
    >
      <p>{current}</p>
      <SelectField
        id={`${id}-assignee`}
        label={t("feedback.handling.assignLabel")}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      >
        <option value="">{t("feedback.handling.unassign")}</option>
        <option value={person.id}>{t("feedback.handling.assignToMe")}</option>
        {others.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.displayName}
          </option>
        ))}
      </SelectField>
    </ActionForm>
  );
}

function AnswerForm({ request, onDone }: { request: HandlerRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const fieldId = `${id}-answer`;
  return (
    <ActionForm
      id={fieldId}
      requestId={request.id}
      heading={t("feedback.handling.answerHeading")}
      submitLabel={t("feedback.handling.answerSubmit")}
      build={() => {
        if (text.trim() === "") {
          const message = t("feedback.handling.errors.answer");
          setError(message);
          return [{ fieldId, message }];
        }
        setError(undefined);
        return { kind: "answer", body: { text: text.trim() } };
      }}
      onDone={() => {
        setText("");
        onDone();
      }}
    >
      <TextAreaField
        id={fieldId}
        label={t("feedback.handling.answerLabel")}
        hint={
          request.contact.email
            ? t("feedback.handling.answerHintEmail")
            : t("feedback.handling.answerHintNoEmail")
        }
        error={error}
        value={text}
        rows={5}
        maxLength={MAX_DESCRIPTION}
        onChange={(event) => setText(event.target.value)}
      />
    </ActionForm>
  );
}

function StatusForm({ request, onDone }: { request: HandlerRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const choices = nextStatuses(request.status);
  const [picked, setPicked] = useState<RequestStatus | undefined>();
  // After a change the choices change too; an earlier pick that is no longer allowed falls back to the first.
  const status = picked && choices.includes(picked) ? picked : (choices[0] ?? request.status);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const reasonId = `${id}-reason`;
  return (
    <ActionForm
      id={`${id}-status`}
      requestId={request.id}
      heading={t("feedback.handling.statusHeading")}
      submitLabel={t("feedback.handling.statusSubmit")}
      build={() => {
        if (status === "closed" && reason.trim() === "") {
          const message = t("feedback.handling.errors.reason");
          setError(message);
          return [{ fieldId: reasonId, message }];
        }
        setError(undefined);
        return {
          kind: "status",
          body: {
            status,
            ...(status === "closed" ? { reason: reason.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        };
      }}
      onDone={() => {
        setNote("");
        setPicked(undefined);
        onDone();
      }}
    >
      <p>
        {t("feedback.handling.statusNow")} <RequestStatusBadge status={request.status} />
      </p>
      <SelectField
        id={`${id}-status-select`}
        label={t("feedback.handling.statusLabel")}
        value={status}
        onChange={(event) => setPicked(event.target.value as RequestStatus)}
      >
        {choices.map((value) => (
          <option key={value} value={value}>
            {t(`feedback.status.${value}`)}
          </option>
        ))}
      </SelectField>
      {status === "closed" ? (
        <TextField
          id={reasonId}
          label={t("feedback.handling.reasonLabel")}
          hint={t("feedback.handling.reasonHint")}
          error={error}
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
        />
      ) : null}
      <TextAreaField
        id={`${id}-note`}
        label={t("feedback.optional", { label: t("feedback.handling.statusNoteLabel") })}
        hint={t("feedback.handling.statusNoteHint")}
        value={note}
        rows={3}
        maxLength={MAX_DESCRIPTION}
        onChange={(event) => setNote(event.target.value)}
      />
    </ActionForm>
  );
}

function NoteForm({ request, onDone }: { request: HandlerRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const fieldId = `${id}-note`;
  return (
    <ActionForm
      id={fieldId}
      requestId={request.id}
      heading={t("feedback.handling.noteHeading")}
      submitLabel={t("feedback.handling.noteSubmit")}
      build={() => {
        if (text.trim() === "") {
          const message = t("feedback.handling.errors.note");
          setError(message);
          return [{ fieldId, message }];
        }
        setError(undefined);
        return { kind: "notes", body: { text: text.trim() } };
      }}
      onDone={() => {
        setText("");
        onDone();
      }}
    >
      <TextAreaField
        id={fieldId}
        label={t("feedback.handling.noteLabel")}
        hint={t("feedback.handling.noteHint")}
        error={error}
        value={text}
        rows={3}
        maxLength={MAX_DESCRIPTION}
        onChange={(event) => setText(event.target.value)}
      />
    </ActionForm>
  );
}

/** Likely duplicates (same service, open, nearby), each with a button that puts its reference in the field. */
function DuplicateSuggestions({
  request,
  onPick,
}: {
  request: HandlerRequestDetail;
  onPick: (reference: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const suggestions = useDuplicateSuggestions(request.id, request.updatedAt);
  const list = suggestions.data ?? [];
  if (suggestions.status === "error") return <ProblemAlert error={suggestions.error} />;
  if (list.length === 0) {
    return suggestions.status === "success" ? <p>{t("feedback.handling.noSuggestions")}</p> : null;
  }
  return (
    <>
      <p>{t("feedback.handling.suggestions")}</p>
      <ul className="feedback-suggestions">
        {list.map((suggestion) => (
          <li key={suggestion.reference}>
            <strong>{suggestion.reference}</strong> <RequestStatusBadge status={suggestion.status} />{" "}
            <When iso={suggestion.requestedAt} />
            {suggestion.distanceMetres !== null
              ? ` · ${t("feedback.handling.distance", {
                  metres: new Intl.NumberFormat(INTL_LOCALES[locale], { maximumFractionDigits: 0 }).format(
                    suggestion.distanceMetres,
                  ),
                })}`
              : ""}
            <p className="feedback-pre">{suggestion.description}</p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onPick(suggestion.reference)}
            >
              {t("feedback.handling.useSuggestion", { reference: suggestion.reference })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function DuplicateForm({ request, onDone }: { request: HandlerRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [reference, setReference] = useState(request.duplicateOf ?? "");
  const [error, setError] = useState<string | undefined>();
  const fieldId = `${id}-duplicate`;
  return (
    <ActionForm
      id={fieldId}
      requestId={request.id}
      heading={t("feedback.handling.duplicateHeading")}
      submitLabel={t("feedback.handling.duplicateSubmit")}
      build={() => {
        const cleaned = reference.trim().toUpperCase();
        if (!/^[0-9A-Z]{4}-?[0-9A-Z]{4}$/.test(cleaned)) {
          const message = t("feedback.handling.errors.duplicate");
          setError(message);
          return [{ fieldId, message }];
        }
        setError(undefined);
        return { kind: "duplicate", body: { duplicateOf: cleaned } };
      }}
      onDone={onDone}
    >
      {request.duplicates.length > 0 ? (
        <p>
          {t("feedback.handling.duplicatesOfThis")} {request.duplicates.join(", ")}
        </p>
      ) : null}
      <DuplicateSuggestions request={request} onPick={setReference} />
      <TextField
        id={fieldId}
        label={t("feedback.handling.duplicateLabel")}
        hint={t("feedback.handling.duplicateHint")}
        error={error}
        value={reference}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setReference(event.target.value)}
      />
    </ActionForm>
  );
}

function ModerationForm({ request, onDone }: { request: HandlerRequestDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [visibility, setVisibility] = useState<Visibility>(request.visibility);
  const [text, setText] = useState(request.publicDescription ?? request.description);
  return (
    <ActionForm
      id={`${id}-moderation`}
      requestId={request.id}
      heading={t("feedback.handling.moderationHeading")}
      submitLabel={t("feedback.handling.moderationSubmit")}
      build={() => ({
        kind: "moderation",
        body: {
          visibility,
          publicDescription:
            text.trim() === "" || text.trim() === request.description.trim() ? null : text.trim(),
        },
      })}
      onDone={onDone}
    >
      <p>{request.publishConsent ? t("feedback.handling.consentYes") : t("feedback.handling.consentNo")}</p>
      <fieldset className="feedback-fieldset feedback-fieldset--inner">
        <legend>{t("feedback.handling.visibilityLegend")}</legend>
        {VISIBILITIES.map((value) => (
          <div key={value} className="feedback-radio">
            <input
              id={`${id}-visibility-${value}`}
              type="radio"
              name={`${id}-visibility`}
              value={value}
              checked={visibility === value}
              disabled={value === "published" && !request.publishConsent}
              onChange={() => setVisibility(value)}
            />
            <label htmlFor={`${id}-visibility-${value}`}>{t(`feedback.visibility.${value}`)}</label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id={`${id}-public-description`}
        label={t("feedback.handling.publicDescriptionLabel")}
        hint={t("feedback.handling.publicDescriptionHint")}
        value={text}
        rows={5}
        maxLength={MAX_DESCRIPTION}
        onChange={(event) => setText(event.target.value)}
      />
    </ActionForm>
  );
}

function Facts({ request }: { request: HandlerRequestDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const service = localize(request.serviceName);
  const contact = [request.contact.name, request.contact.email, request.contact.phone]
    .filter(Boolean)
    .join(" · ");
  return (
    <dl className="status-list feedback-facts">
      <div>
        <dt>{t("feedback.request.status")}</dt>
        <dd>
          <RequestStatusBadge status={request.status} />
          {request.isOverdue ? (
            <>
              {" "}
              <OverdueBadge />
            </>
          ) : null}
          {request.closeReason ? <span> {request.closeReason}</span> : null}
        </dd>
      </div>
      <div>
        <dt>{t("feedback.request.service")}</dt>
        <dd lang={service.lang}>
          {service.text} ({request.unit})
        </dd>
      </div>
      <div>
        <dt>{t("feedback.handling.channel")}</dt>
        <dd>{t(`feedback.channel.${request.channel}`)}</dd>
      </div>
      <div>
        <dt>{t("feedback.request.requestedAt")}</dt>
        <dd>
          <When iso={request.requestedAt} />
        </dd>
      </div>
      <div>
        <dt>{t("feedback.request.promise")}</dt>
        <dd>
          {request.firstResponseAt ? (
            <>
              {t("feedback.request.answeredOn")} <When iso={request.firstResponseAt} />
            </>
          ) : (
            <>
              {t("feedback.request.expectedBy")} <When iso={request.expectedFirstResponseAt} />
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t("feedback.handling.resolutionBy")}</dt>
        <dd>
          <When iso={request.expectedResolutionAt} />
        </dd>
      </div>
      <div>
        <dt>{t("feedback.request.location")}</dt>
        <dd>
          {request.address ?? ""}
          {request.lat !== null && request.long !== null
            ? `${request.address ? " · " : ""}${request.lat.toFixed(5)}, ${request.long.toFixed(5)}`
            : ""}
          {request.address === null && request.lat === null ? t("feedback.request.noLocation") : ""}
        </dd>
      </div>
      <div>
        <dt>{t("feedback.handling.contact")}</dt>
        <dd>{contact || t("feedback.handling.noContact")}</dd>
      </div>
      <div>
        <dt>{t("feedback.handling.visibility")}</dt>
        <dd>{t(`feedback.visibility.${request.visibility}`)}</dd>
      </div>
    </dl>
  );
}

/** The reporter's answers to the service's extra questions, worded as the questions and choices are. */
function AttributeAnswers({ request }: { request: HandlerRequestDetail }) {
  const localize = useLocalize();
  const services = useFeedbackServices();
  const questions = services.data?.find((s) => s.code === request.serviceCode)?.attributes ?? [];
  const entries = Object.entries(request.attributes);
  if (entries.length === 0) return null;
  return (
    <dl className="status-list">
      {entries.map(([code, value]) => {
        const question = questions.find((q) => q.code === code);
        const choice = (key: string) => {
          const found = question?.values.find((v) => v.key === key);
          return found ? localize(found.name).text : key;
        };
        return (
          <div key={code}>
            <dt>{question ? localize(question.description).text : code}</dt>
            <dd>{Array.isArray(value) ? value.map(choice).join(", ") : choice(value)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

function Handling({ id, person }: { id: string; person: Me }) {
  const { t } = useTranslation();
  const request = useHandlerRequest(id);
  const data = request.data;
  // Moderators may open a request to moderate it; handling itself is for the unit's staff.
  const isHandler = hasRole(person, ...HANDLER_ROLES);
  const title = data
    ? t("feedback.handling.title", { reference: data.reference })
    : t("feedback.queue.title");
  if (request.status === "error" && request.error.status === 404) return <NotFoundContent />;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: WEB_ROUTES.feedback, label: t("feedback.list.title") },
          { to: WEB_ROUTES.feedbackQueue, label: t("feedback.queue.title") },
        ]}
        current={title}
      />
      <header className="page-header">
        <PageHeading>{title}</PageHeading>
        {data ? (
          <p>
            <Link to={requestPath(data.reference)}>{t("feedback.handling.publicLink")}</Link>
          </p>
        ) : null}
      </header>
      <LoadingStatus loading={request.status === "loading" && !data} />
      {request.status === "error" ? <ProblemAlert error={request.error} onRetry={request.reload} /> : null}
      {data ? (
        <div className="feedback-handling">
          <div className="feedback-handling__facts">
            <Facts request={data} />
            <section className="content-section" aria-labelledby="feedback-h-description">
              <h2 id="feedback-h-description">{t("feedback.handling.descriptionHeading")}</h2>
              {data.title ? <p className="feedback-title">{data.title}</p> : null}
              <p className="feedback-pre">{data.description}</p>
              <AttributeAnswers request={data} />
              <PhotoList
                photos={data.photos}
                fallbackAlt={(number) => t("feedback.request.photoAlt", { number })}
              />
              {data.publicAnswer ? (
                <>
                  <h3>{t("feedback.request.answerHeading")}</h3>
                  <p className="feedback-pre">{data.publicAnswer}</p>
                </>
              ) : null}
            </section>
            <section className="content-section" aria-labelledby="feedback-h-history">
              <h2 id="feedback-h-history">{t("feedback.request.historyHeading")}</h2>
              <ol className="feedback-history">
                {data.history.map((event) => (
                  <li key={event.id} className={event.isInternal ? "feedback-history__internal" : undefined}>
                    <When iso={event.at} />
                    {" – "}
                    {t(`feedback.history.${historyKind(event.kind)}`)}
                    {event.status ? (
                      <>
                        {" "}
                        <RequestStatusBadge status={event.status} />
                      </>
                    ) : null}
                    {event.actorName ? ` · ${event.actorName}` : ""}
                    {event.isInternal ? (
                      <span className="feedback-muted"> ({t("feedback.handling.internal")})</span>
                    ) : null}
                    {event.note ? <p className="feedback-pre">{event.note}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          </div>
          <section className="feedback-handling__actions" aria-labelledby="feedback-h-actions">
            <h2 id="feedback-h-actions">{t("feedback.handling.actionsHeading")}</h2>
            {isHandler ? (
              <>
                <AssignForm request={data} person={person} onDone={request.reload} />
                <AnswerForm request={data} onDone={request.reload} />
                <StatusForm request={data} onDone={request.reload} />
                <NoteForm request={data} onDone={request.reload} />
              </>
            ) : null}
            <ModerationForm request={data} onDone={request.reload} />
            {isHandler ? <DuplicateForm request={data} onDone={request.reload} /> : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}

/** A handler's page of one request: the facts, the history and every handling action. */
export function FeedbackHandlingPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  useDocumentTitle(t("feedback.handling.pageTitle"));
  return (
    <SessionGate title={t("feedback.handling.pageTitle")} roles={[...HANDLER_ROLES, "moderator"]}>
      {(person) => <Handling id={id} person={person} />}
    </SessionGate>
  );
}
