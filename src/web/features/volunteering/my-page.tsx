import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SignupView, VolunteerMe } from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  CERTIFICATE_HREF,
  cancelSignup,
  eraseMe,
  fetchMe,
  logHours,
  MY_VOLUNTEER_DATA_HREF,
  signupCalendarHref,
} from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, SelectField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { InvitationsSection } from "./suggestions.tsx";
import { formatHours, formatShift, VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

const HELSINKI_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });

function SignupsSection({ me, onChange }: { me: VolunteerMe; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const submission = useSubmit<{ promoted: number }>();
  async function cancel(signup: SignupView) {
    const result = await submission.run((options) => cancelSignup(signup.id, options));
    if (result.ok) onChange();
  }
  return (
    <section className="volunteering-section" aria-labelledby="my-signups">
      <h2 id="my-signups">{t("volunteering.me.signupsHeading")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" ? t("volunteering.me.cancelled") : ""}
      </p>
      {me.signups.length === 0 ? (
        <p>
          {t("volunteering.me.noSignups")}{" "}
          <Link to={VOLUNTEERING_PATHS.home}>{t("volunteering.me.findTasks")}</Link>
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="my-signups-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="my-signups-caption">{t("volunteering.me.signupsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("volunteering.me.task")}</th>
                <th scope="col">{t("volunteering.opportunity.when")}</th>
                <th scope="col">{t("volunteering.me.status")}</th>
                <th scope="col">{t("volunteering.opportunity.action")}</th>
              </tr>
            </thead>
            <tbody>
              {me.signups.map((signup) => {
                const title = local(signup.opportunityTitle);
                const when = formatShift(signup.shift, locale);
                return (
                  <tr key={signup.id}>
                    <th scope="row" lang={title.lang}>
                      <Link to={VOLUNTEERING_PATHS.opportunity(signup.opportunityId)}>{title.text}</Link>
                    </th>
                    <td>{when}</td>
                    <td>
                      {signup.shift.cancelled
                        ? t("volunteering.status.shiftCancelled")
                        : signup.status === "confirmed"
                          ? t("volunteering.status.confirmed")
                          : t("volunteering.status.waitlistedAt", { position: signup.position ?? 0 })}
                      {signup.clash ? (
                        <>
                          {" "}
                          <strong>{t("volunteering.me.clash")}</strong>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <div className="button-row">
                        <a
                          href={signupCalendarHref(signup.id)}
                          download="keskio-vuoro.ics"
                          aria-label={t("volunteering.me.icsFor", { when })}
                        >
                          {t("volunteering.me.ics")}
                        </a>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t("volunteering.me.cancelFor", { when })}
                          onClick={() => void cancel(signup)}
                        >
                          {t("volunteering.me.cancel")}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      <h3>{t("volunteering.me.feedHeading")}</h3>
      <p>{t("volunteering.me.feedIntro")}</p>
      <p className="code-line">{`${window.location.origin}${me.calendarFeedPath}`}</p>
    </section>
  );
}

function HoursSection({ me, onChange }: { me: VolunteerMe; onChange: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const submission = useSubmit<unknown>();
  const done = me.signups.filter(
    (s) => s.status === "confirmed" && s.shift.startsAt <= new Date().toISOString(),
  );
  const [signupId, setSignupId] = useState("");
  const [hours, setHours] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const chosen = done.find((s) => s.id === signupId) ?? done[0];
    const value = Number(hours.replace(",", "."));
    const bad = [
      ...(!chosen ? ["hours-shift"] : []),
      ...(!Number.isFinite(value) || value < 0.25 || value > 24 ? ["hours-amount"] : []),
    ];
    setErrors(bad);
    if (bad.length > 0 || !chosen) return submission.reset();
    const result = await submission.run((options) =>
      logHours(
        {
          opportunityId: chosen.opportunityId,
          shiftId: chosen.shift.id,
          workDate: HELSINKI_DATE.format(new Date(chosen.shift.startsAt)),
          minutes: Math.round(value * 60),
          note: note.trim(),
        },
        options,
      ),
    );
    if (result.ok) {
      setHours("");
      setNote("");
      onChange();
    }
  }

  const amountError = errors.includes("hours-amount") ? t("volunteering.errors.hours") : undefined;
  const shiftError = errors.includes("hours-shift") ? t("volunteering.errors.shift") : undefined;
  return (
    <section className="volunteering-section" aria-labelledby="my-hours">
      <h2 id="my-hours">{t("volunteering.me.hoursHeading")}</h2>
      <p>{t("volunteering.me.hoursTotal", { hours: formatHours(me.confirmedMinutes, locale) })}</p>
      <p>
        <a href={`${CERTIFICATE_HREF}?lang=${locale}`} target="_blank" rel="noopener">
          {t("volunteering.me.certificate")}
        </a>
      </p>
      {done.length > 0 ? (
        <>
          <h3>{t("volunteering.me.logHeading")}</h3>
          <ErrorSummary
            error={submission.error}
            items={[
              ...(shiftError ? [{ fieldId: "hours-shift", message: shiftError }] : []),
              ...(amountError ? [{ fieldId: "hours-amount", message: amountError }] : []),
            ]}
            attempt={attempt}
          />
          <p className="visually-hidden" role="status">
            {submission.status === "success" ? t("volunteering.me.logged") : ""}
          </p>
          <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
            <SelectField
              id="hours-shift"
              label={t("volunteering.me.shiftLabel")}
              value={signupId || done[0]?.id}
              error={shiftError}
              onChange={(event) => setSignupId(event.target.value)}
            >
              {done.map((s) => (
                <option key={s.id} value={s.id}>
                  {`${local(s.opportunityTitle).text} – ${formatShift(s.shift, locale)}`}
                </option>
              ))}
            </SelectField>
            <TextField
              id="hours-amount"
              label={t("volunteering.me.hoursLabel")}
              hint={t("volunteering.me.hoursHint")}
              inputMode="decimal"
              maxLength={5}
              value={hours}
              error={amountError}
              onChange={(event) => setHours(event.target.value)}
            />
            <TextField
              id="hours-note"
              label={t("volunteering.me.noteLabel")}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button">
                {t("volunteering.me.logSubmit")}
              </button>
            </div>
          </form>
        </>
      ) : null}
      {me.hours.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="my-hours-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="my-hours-caption">{t("volunteering.me.hoursCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("volunteering.me.task")}</th>
                <th scope="col">{t("volunteering.me.date")}</th>
                <th scope="col">{t("volunteering.me.hoursColumn")}</th>
                <th scope="col">{t("volunteering.me.status")}</th>
              </tr>
            </thead>
            <tbody>
              {me.hours.map((h) => (
                <tr key={h.id}>
                  <th scope="row" lang={local(h.opportunityTitle).lang}>
                    {local(h.opportunityTitle).text}
                  </th>
                  <td>{h.workDate}</td>
                  <td>{formatHours(h.minutes, locale)}</td>
                  <td>{t(`volunteering.hoursStatus.${h.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  );
}

function DataSection({ onErased }: { onErased: () => void }) {
  const { t } = useTranslation();
  const submission = useSubmit<unknown>();
  const [sure, setSure] = useState(false);
  return (
    <section className="volunteering-section profile-section--danger" aria-labelledby="my-data">
      <h2 id="my-data">{t("volunteering.me.dataHeading")}</h2>
      <p>
        <a href={MY_VOLUNTEER_DATA_HREF} download="keskio-volunteering-my-data.json">
          {t("volunteering.me.export")}
        </a>
      </p>
      <p>{t("volunteering.me.eraseIntro")}</p>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <div className="field">
        <input
          id="erase-sure"
          type="checkbox"
          checked={sure}
          onChange={(event) => setSure(event.target.checked)}
        />{" "}
        <label htmlFor="erase-sure">{t("volunteering.me.eraseConfirm")}</label>
      </div>
      <button
        type="button"
        className="button button--danger"
        disabled={!sure}
        onClick={() =>
          void submission
            .run((options) => eraseMe(options))
            .then((r) => {
              if (r.ok) onErased();
            })
        }
      >
        {t("volunteering.me.erase")}
      </button>
    </section>
  );
}

/** The volunteer's own page: sign-ups, calendar, hours, certificate and their data. */
export function MyVolunteeringPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [version, setVersion] = useState(0);
  const [erased, setErased] = useState(false);
  const me = useApiResource(`volunteer-me:${version}`, locale, (options) => fetchMe(options));
  useDocumentTitle(t("volunteering.me.title"), me.status !== "loading");
  const reload = () => setVersion((v) => v + 1);
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") }]}
        current={t("volunteering.me.title")}
      />
      <header className="page-header">
        <PageHeading>{t("volunteering.me.title")}</PageHeading>
      </header>
      <LoadingStatus loading={me.status === "loading" && !me.data} />
      {erased ? (
        <div className="notice notice--success" role="status">
          <p>{t("volunteering.me.erased")}</p>
        </div>
      ) : me.status === "error" && me.error.status === 404 ? (
        <div className="notice-card">
          <p className="lead">{t("volunteering.me.noProfile")}</p>
          <p>
            <Link to={VOLUNTEERING_PATHS.home} className="button">
              {t("volunteering.me.makeProfile")}
            </Link>
          </p>
        </div>
      ) : me.status === "error" ? (
        <ProblemAlert error={me.error} onRetry={me.reload} />
      ) : null}
      {me.data && !erased ? (
        <>
          <p className="lead">{t("volunteering.me.hello", { name: me.data.displayName })}</p>
          <p>
            <Link to={VOLUNTEERING_PATHS.home}>{t("volunteering.me.editProfile")}</Link>
          </p>
          <SignupsSection me={me.data} onChange={reload} />
          <HoursSection me={me.data} onChange={reload} />
          <InvitationsSection me={me.data} />
          <DataSection onErased={() => setErased(true)} />
        </>
      ) : null}
    </div>
  );
}
