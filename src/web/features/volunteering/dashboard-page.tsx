import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  OPPORTUNITY_KINDS,
  type OrganisationDashboard,
  THEMES,
  type Theme,
} from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  addShifts,
  createOpportunity,
  decideHours,
  fetchDashboard,
} from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import {
  CancelShiftConfirm,
  ChangeStatus,
  EditShiftForm,
  EditTaskForm,
  GroupHoursForm,
  NEW_TASK,
  RecordHoursForm,
  ShiftTimeFields,
  type TaskDetails,
  TaskDetailsFields,
  taskBody,
  taskFieldMessages,
  wrongShiftFields,
  wrongTaskFields,
} from "./dashboard-edit.tsx";
import { SuggestedVolunteers } from "./suggestions.tsx";
import { ChoiceGroup, formatHours, formatShift, VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

type Opp = OrganisationDashboard["opportunities"][number];

function OpportunityForm({ organisationId, onDone }: { organisationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmit<unknown>();
  const p = "opp";
  const [kind, setKind] = useState<string>("event");
  const [details, setDetails] = useState<TaskDetails>(NEW_TASK);
  const [themes, setThemes] = useState<Theme[]>([]);
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const lacking = [
      ...wrongTaskFields(p, details),
      ...(themes.length === 0 ? [`${p}-themes-children_youth`] : []),
    ];
    setMissing(lacking);
    if (lacking.length > 0) return submission.reset();
    const result = await submission.run((options) =>
      createOpportunity(organisationId, { kind: kind as "event", themes, ...taskBody(details) }, options),
    );
    if (result.ok) {
      // The area, contact and record choice stay for the next task of the same association.
      setDetails((x) => ({
        ...NEW_TASK,
        area: x.area,
        contactName: x.contactName,
        contactEmail: x.contactEmail,
        record: x.record,
      }));
      setThemes([]);
      onDone();
    }
  }
  const messages: Record<string, string> = {
    ...taskFieldMessages(p, t),
    [`${p}-themes-children_youth`]: t("volunteering.errors.themeRequired"),
  };
  const err = (id: string) => (missing.includes(id) ? messages[id] : undefined);
  return (
    <section className="volunteering-section" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("volunteering.dashboard.publishHeading")}</h2>
      <ErrorSummary
        error={submission.error}
        items={missing.map((id) => ({ fieldId: id, message: messages[id] ?? id }))}
        attempt={attempt}
      />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("volunteering.dashboard.published") : ""}
      </p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <SelectField
          id={`${p}-kind`}
          label={t("volunteering.dashboard.kind")}
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {OPPORTUNITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`volunteering.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TaskDetailsFields
          p={p}
          d={details}
          err={err}
          onChange={setDetails}
          afterDescription={
            <ChoiceGroup
              id={`${p}-themes`}
              legend={t("volunteering.dashboard.themes")}
              options={THEMES}
              chosen={themes}
              label={(x) => t(`volunteering.themes.${x}`)}
              onChange={setThemes}
            />
          }
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {t("volunteering.dashboard.publish")}
          </button>
        </div>
      </form>
    </section>
  );
}

function ShiftForm({ opportunityId, onDone }: { opportunityId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmit<unknown>();
  const [v, setV] = useState({ date: "", start: "10:00", end: "12:00", places: "5", weeks: "1" });
  const [attempt, setAttempt] = useState(0);
  const [bad, setBad] = useState<string[]>([]);
  const set = (key: keyof typeof v) => (event: { target: { value: string } }) =>
    setV((x) => ({ ...x, [key]: event.target.value }));
  const p = `shift-${opportunityId.slice(-8)}`;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const places = Number(v.places);
    const weeks = Number(v.weeks);
    const wrong = [
      ...wrongShiftFields(p, v),
      ...(!Number.isInteger(weeks) || weeks < 1 || weeks > 52 ? [`${p}-weeks`] : []),
    ];
    setBad(wrong);
    if (wrong.length > 0) return submission.reset();
    const result = await submission.run((options) =>
      addShifts(opportunityId, { date: v.date, startTime: v.start, endTime: v.end, places, weeks }, options),
    );
    if (result.ok) onDone();
  }
  const message = (id: string) => (bad.includes(id) ? t("volunteering.errors.shiftField") : undefined);
  return (
    <form
      className="form form--inline"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      aria-label={t("volunteering.dashboard.addShift")}
    >
      <ErrorSummary
        error={submission.error}
        items={bad.map((id) => ({ fieldId: id, message: t("volunteering.errors.shiftField") }))}
        attempt={attempt}
      />
      <ShiftTimeFields
        p={p}
        v={v}
        error={message}
        onChange={(key, value) => setV((x) => ({ ...x, [key]: value }))}
      />
      <TextField
        id={`${p}-weeks`}
        inputMode="numeric"
        label={t("volunteering.dashboard.weeks")}
        hint={t("volunteering.dashboard.weeksHint")}
        maxLength={2}
        value={v.weeks}
        error={message(`${p}-weeks`)}
        onChange={set("weeks")}
      />
      <div className="form__actions">
        <button type="submit" className="button">
          {t("volunteering.dashboard.addShift")}
        </button>
      </div>
    </form>
  );
}

function OpportunityBlock({ item, onChange }: { item: Opp; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const title = local(item.opportunity.title);
  const headingId = `opp-${item.opportunity.id}`;
  const statusId = `${headingId}-status`;
  const startedBefore = new Date().toISOString();
  const [open, setOpen] = useState<{ what: "task" | "shift" | "cancel"; id: string } | null>(null);
  const [message, setMessage] = useState("");
  const editing = open ? item.shifts.find((s) => s.shift.id === open.id)?.shift : undefined;
  /** Closes a form and gives the focus back to the button that opened it. */
  function close() {
    const trigger = open ? `${open.what}-btn-${open.id}` : "";
    setOpen(null);
    requestAnimationFrame(() => document.getElementById(trigger)?.focus());
  }
  /** A change is saved: say what it did (and move the focus there, as the form is gone), then reload. */
  function done(text: string) {
    setOpen(null);
    setMessage(text);
    onChange();
    requestAnimationFrame(() => document.getElementById(statusId)?.focus());
  }
  return (
    <section className="volunteering-section" aria-labelledby={headingId}>
      <h3 id={headingId} lang={title.lang}>
        {title.text}
      </h3>
      <p>
        <button
          type="button"
          id={`task-btn-${item.opportunity.id}`}
          className="button button--secondary button--small"
          aria-expanded={open?.what === "task"}
          onClick={() =>
            open?.what === "task" ? close() : setOpen({ what: "task", id: item.opportunity.id })
          }
        >
          {t("volunteering.edit.editTask")}
        </button>
      </p>
      {open?.what === "task" ? (
        <EditTaskForm opportunity={item.opportunity} onDone={done} onClose={close} />
      ) : null}
      <ChangeStatus id={statusId} message={message} />
      {item.shifts.length === 0 ? (
        <p>{t("volunteering.wish.noShifts")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${headingId}-caption`}>
              {t("volunteering.dashboard.shiftsCaption", { title: title.text })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("volunteering.opportunity.when")}</th>
                <th scope="col">{t("volunteering.dashboard.fill")}</th>
                <th scope="col">{t("volunteering.dashboard.roster")}</th>
                <th scope="col">{t("volunteering.opportunity.action")}</th>
              </tr>
            </thead>
            <tbody>
              {item.shifts.map(({ shift, roster }) => {
                const when = formatShift(shift, locale);
                return (
                  <tr key={shift.id}>
                    <th scope="row">{when}</th>
                    <td>
                      {shift.cancelled
                        ? t("volunteering.status.shiftCancelled")
                        : t("volunteering.dashboard.fillValue", {
                            confirmed: shift.confirmed,
                            places: shift.places,
                            waitlisted: shift.waitlisted,
                          })}
                    </td>
                    <td>
                      {roster.length === 0 ? (
                        "–"
                      ) : (
                        <ul className="roster">
                          {roster.map((r) => (
                            <li key={r.signupId}>
                              {r.volunteerName}{" "}
                              {r.status === "waitlisted"
                                ? `(${t("volunteering.status.waitlistedAt", { position: r.position ?? 0 })})`
                                : ""}
                              {r.clash ? <strong> {t("volunteering.edit.clashMark")}</strong> : null}
                              {r.status === "confirmed" &&
                              !shift.cancelled &&
                              shift.startsAt <= startedBefore ? (
                                <RecordHoursForm
                                  signupId={r.signupId}
                                  name={r.volunteerName}
                                  onDone={onChange}
                                />
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {shift.cancelled || shift.startsAt <= startedBefore ? (
                        "–"
                      ) : (
                        <div className="button-row">
                          <button
                            type="button"
                            id={`shift-btn-${shift.id}`}
                            className="button button--secondary button--small"
                            aria-label={t("volunteering.edit.editShiftFor", { when })}
                            aria-expanded={open?.what === "shift" && open.id === shift.id}
                            onClick={() => setOpen({ what: "shift", id: shift.id })}
                          >
                            {t("volunteering.edit.editShift")}
                          </button>
                          <button
                            type="button"
                            id={`cancel-btn-${shift.id}`}
                            className="button button--secondary button--small"
                            aria-label={t("volunteering.dashboard.cancelShiftFor", { when })}
                            aria-expanded={open?.what === "cancel" && open.id === shift.id}
                            onClick={() => setOpen({ what: "cancel", id: shift.id })}
                          >
                            {t("volunteering.dashboard.cancelShift")}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {editing && open?.what === "shift" ? (
        <EditShiftForm key={editing.id} shift={editing} onDone={done} onClose={close} />
      ) : null}
      {editing && open?.what === "cancel" ? (
        <CancelShiftConfirm key={editing.id} shift={editing} onDone={done} onClose={close} />
      ) : null}
      <GroupHoursForm
        opportunityId={item.opportunity.id}
        title={title.text}
        entries={item.groupHours}
        onDone={onChange}
      />
      <SuggestedVolunteers opportunityId={item.opportunity.id} title={title.text} />
      <h4>{t("volunteering.dashboard.addShift")}</h4>
      <ShiftForm opportunityId={item.opportunity.id} onDone={onChange} />
    </section>
  );
}

function HoursToConfirm({ dashboard, onChange }: { dashboard: OrganisationDashboard; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const submission = useSubmit<unknown>();
  async function decide(id: string, confirm: boolean) {
    const result = await submission.run((options) => decideHours(id, confirm, options));
    if (result.ok) onChange();
  }
  return (
    <section className="volunteering-section" aria-labelledby="confirm-hours-heading">
      <h2 id="confirm-hours-heading">{t("volunteering.dashboard.hoursHeading")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("volunteering.dashboard.hoursDecided") : ""}
      </p>
      {dashboard.hoursToConfirm.length === 0 ? (
        <p>{t("volunteering.dashboard.noHours")}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="confirm-hours-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="confirm-hours-caption">{t("volunteering.dashboard.hoursCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("volunteering.dashboard.volunteer")}</th>
                <th scope="col">{t("volunteering.me.task")}</th>
                <th scope="col">{t("volunteering.me.date")}</th>
                <th scope="col">{t("volunteering.me.hoursColumn")}</th>
                <th scope="col">{t("volunteering.me.noteLabel")}</th>
                <th scope="col">{t("volunteering.opportunity.action")}</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.hoursToConfirm.map((h) => (
                <tr key={h.id}>
                  <th scope="row">{h.volunteerName}</th>
                  <td lang={local(h.opportunityTitle).lang}>{local(h.opportunityTitle).text}</td>
                  <td>{h.workDate}</td>
                  <td>{formatHours(h.minutes, locale)}</td>
                  <td>{h.note}</td>
                  <td>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t("volunteering.dashboard.confirmFor", {
                          name: h.volunteerName,
                          date: h.workDate,
                        })}
                        onClick={() => void decide(h.id, true)}
                      >
                        {t("volunteering.dashboard.confirm")}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={t("volunteering.dashboard.rejectFor", {
                          name: h.volunteerName,
                          date: h.workDate,
                        })}
                        onClick={() => void decide(h.id, false)}
                      >
                        {t("volunteering.dashboard.reject")}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

function Dashboard({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // One key for the page: a reload keeps the dashboard on screen (and the forms' messages with it).
  const dashboard = useApiResource(`dashboard:${id}`, locale, (options) => fetchDashboard(id, options));
  const reload = dashboard.reload;
  const name = dashboard.data?.organisation.name ?? t("volunteering.dashboard.title");
  useDocumentTitle(name, dashboard.status !== "loading");
  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") },
          { to: VOLUNTEERING_PATHS.organisations, label: t("volunteering.orgs.title") },
        ]}
        current={name}
      />
      <header className="page-header">
        <PageHeading>{name}</PageHeading>
        {dashboard.data ? (
          <p className="lead">{t(`volunteering.orgStatus.${dashboard.data.organisation.status}`)}</p>
        ) : null}
      </header>
      <LoadingStatus loading={dashboard.status === "loading" && !dashboard.data} />
      {dashboard.status === "error" ? (
        <ProblemAlert error={dashboard.error} onRetry={dashboard.reload} />
      ) : null}
      {dashboard.data ? (
        <>
          <HoursToConfirm dashboard={dashboard.data} onChange={reload} />
          <section className="volunteering-section" aria-labelledby="tasks-heading">
            <h2 id="tasks-heading">{t("volunteering.dashboard.tasksHeading")}</h2>
            {dashboard.data.opportunities.length === 0 ? <p>{t("volunteering.dashboard.noTasks")}</p> : null}
            {dashboard.data.opportunities.map((item) => (
              <OpportunityBlock key={item.opportunity.id} item={item} onChange={reload} />
            ))}
          </section>
          {dashboard.data.organisation.status === "approved" ? (
            <OpportunityForm organisationId={id} onDone={reload} />
          ) : (
            <p className="notice-card">{t("volunteering.dashboard.waitApproval")}</p>
          )}
        </>
      ) : null}
    </div>
  );
}

/** A representative's dashboard: hours to confirm, tasks and shifts with their fill and waitlists, publishing. */
export function OrganisationDashboardPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return <SessionGate title={t("volunteering.dashboard.title")}>{() => <Dashboard id={id} />}</SessionGate>;
}
