import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../../contracts/identity.ts";
import { type AuditFilters, auditCsvHref } from "../../api/identity/identity.api.ts";
import { useAuditLog } from "../../api/identity/identity.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, type SummaryItem, TextField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { formatDateTime, helsinkiDayStart, nextCalendarDay } from "./identity-helpers.ts";
import { SessionGate } from "./session-gate.tsx";

/** The audit actions the server records, in the order the filter offers them. */
export const AUDIT_ACTIONS = [
  "auth.register",
  "auth.email_verified",
  "auth.sign_in",
  "auth.sign_out",
  "auth.sign_out_everywhere",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.identify",
  "auth.identity_linked",
  "person.verified_in_person",
  "person.erased",
  "role.granted",
  "role.revoked",
  "organisation.created",
  "census.imported",
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];
const OUTCOMES = ["success", "failure", "throttled"] as const;

const TARGET_TYPES = ["person", "organisation"] as const;

function isKnownAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

// Details with a value (an empty scope says nothing).
function shownDetails(entry: AuditEntry): [string, string | number | boolean][] {
  return Object.entries(entry.details).flatMap(([key, value]) =>
    value === null || value === "" ? [] : [[key, value] as [string, string | number | boolean]],
  );
}

/** The filters as the form holds them: calendar days in Finnish time and an action. */
type Draft = { from: string; to: string; action: string };

/** The API filters for a draft: whole days in Helsinki, the end day included. */
export function auditFiltersFor(draft: Draft): AuditFilters {
  const from = draft.from ? helsinkiDayStart(draft.from) : undefined;
  const to = draft.to ? helsinkiDayStart(nextCalendarDay(draft.to)) : undefined;
  return { from, to, action: draft.action || undefined };
}

function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = (value: string) => (isKnownAction(value) ? t(`audit.actions.${value}`) : value);
  const targetType = (value: string) =>
    (TARGET_TYPES as readonly string[]).includes(value)
      ? t(`audit.targetTypes.${value as (typeof TARGET_TYPES)[number]}`)
      : value;
  const outcome = (value: string) =>
    (OUTCOMES as readonly string[]).includes(value)
      ? t(`audit.outcomes.${value as (typeof OUTCOMES)[number]}`)
      : value;
  return (
    // A wide table scrolls inside its own focusable region, so the page itself reflows at 320 px.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="data-table">
        <caption id="audit-caption">{t("audit.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.columns.at")}</th>
            <th scope="col">{t("audit.columns.action")}</th>
            <th scope="col">{t("audit.columns.outcome")}</th>
            <th scope="col">{t("audit.columns.actor")}</th>
            <th scope="col">{t("audit.columns.target")}</th>
            <th scope="col">{t("audit.columns.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
              </td>
              <td>
                {action(entry.action)}
                <br />
                <code className="data-table__code">{entry.action}</code>
              </td>
              <td>{outcome(entry.outcome)}</td>
              <td>
                {entry.actorId ? (
                  <code className="data-table__code">{entry.actorId}</code>
                ) : (
                  t("audit.system")
                )}
              </td>
              <td>
                {entry.targetType ? `${targetType(entry.targetType)} ` : ""}
                {entry.targetId ? <code className="data-table__code">{entry.targetId}</code> : null}
              </td>
              <td>
                {shownDetails(entry).length === 0 ? (
                  ""
                ) : (
                  <ul className="data-table__details">
                    {shownDetails(entry).map(([key, value]) => (
                      <li key={key}>
                        {key}: {String(value)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({ from: "", to: "", action: "" });
  const [applied, setApplied] = useState<AuditFilters>({});
  const [orderError, setOrderError] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const log = useAuditLog(applied);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const wrongOrder = draft.from !== "" && draft.to !== "" && draft.from > draft.to;
    setOrderError(wrongOrder);
    if (!wrongOrder) setApplied(auditFiltersFor(draft));
  }

  const items: SummaryItem[] = orderError
    ? [{ fieldId: "audit-to", message: t("forms.errors.dateOrder") }]
    : [];
  return (
    <div className="container page">
      <header className="page-header">
        <p className="kicker">{t("admin.kicker")}</p>
        <PageHeading>{t("audit.title")}</PageHeading>
        <p className="lead">{t("audit.intro")}</p>
      </header>
      <ErrorSummary items={items} attempt={attempt} />
      <form className="filter-form" noValidate onSubmit={onSubmit} aria-label={t("audit.filtersLabel")}>
        <TextField
          id="audit-from"
          label={t("audit.fromLabel")}
          type="date"
          value={draft.from}
          onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
        />
        <TextField
          id="audit-to"
          label={t("audit.toLabel")}
          type="date"
          value={draft.to}
          error={orderError ? t("forms.errors.dateOrder") : undefined}
          onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
        />
        <SelectField
          id="audit-action"
          label={t("audit.actionLabel")}
          value={draft.action}
          onChange={(event) => setDraft((d) => ({ ...d, action: event.target.value }))}
        >
          <option value="">{t("audit.allActions")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("audit.apply")}
          </button>
        </div>
      </form>
      <p>
        <a href={auditCsvHref(applied)} download="keskio-audit.csv" className="button button--secondary">
          {t("audit.csv")}
        </a>
      </p>
      <LoadingStatus loading={log.status === "loading" && !log.data} />
      {log.status === "error" ? <ProblemAlert error={log.error} onRetry={log.reload} /> : null}
      <p aria-live="polite" className="section-intro">
        {log.data ? t("audit.count", { count: log.data.length }) : ""}
      </p>
      {log.data && log.data.length > 0 ? <AuditTable entries={log.data} /> : null}
    </div>
  );
}

/** The audit log for administrators: filters by day and action, a table, and the CSV export. */
export function AdminAuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("audit.title"));
  return (
    <SessionGate title={t("audit.title")} roles={["admin"]}>
      {() => <AuditLog />}
    </SessionGate>
  );
}
