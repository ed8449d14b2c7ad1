import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BookingView, SpaceDetail, StaffBookingView } from "../../../contracts/spaces.ts";
import {
  cancelBooking,
  decideBooking,
  fetchMyBookings,
  fetchStaffBookings,
  requestBooking,
} from "../../api/spaces/spaces.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { signInHref } from "../identity/identity-helpers.ts";
import { useSession } from "../identity/session.tsx";
import { SessionGate } from "../identity/session-gate.tsx";
import { formatEventTime, fromHelsinkiFields, SPACES_PATHS } from "./spaces-parts.tsx";

/** On a bookable space's page: the confirmed times, and the request form (or a sign-in link). */
export function BookingSection({ space }: { space: SpaceDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const submission = useSubmit<BookingView>();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const date = String(data.get("date") ?? "");
    const result = await submission.run((options) =>
      requestBooking(
        space.id,
        {
          startsAt: fromHelsinkiFields(date, String(data.get("starts") ?? "")) ?? "",
          endsAt: fromHelsinkiFields(date, String(data.get("ends") ?? "")) ?? "",
          purpose: String(data.get("purpose") ?? "").trim(),
          attendees: Number(data.get("attendees") ?? 0),
        },
        options,
      ),
    );
    if (result.ok) form.reset();
  }
  return (
    <section className="space-section" aria-labelledby="booking-heading">
      <h2 id="booking-heading">{t("spaces.booking.heading")}</h2>
      <p>{t("spaces.booking.intro")}</p>
      {space.bookedTimes.length > 0 ? (
        <>
          <h3>{t("spaces.booking.bookedTimes")}</h3>
          <ul>
            {space.bookedTimes.map((b) => (
              <li key={b.startsAt}>{formatEventTime(b, locale)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {session.info && !session.info.person ? (
        <p>
          <Link to={signInHref(SPACES_PATHS.space(space.id))}>{t("spaces.booking.signIn")}</Link>
        </p>
      ) : null}
      {session.info?.person ? (
        <form
          className="form form--card"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-labelledby="booking-form-heading"
        >
          <h3 id="booking-form-heading">{t("spaces.booking.request")}</h3>
          <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
          <div role="status">
            {submission.data ? (
              <p className="notice notice--success">
                {t("spaces.booking.sent")} <Link to={SPACES_PATHS.bookings}>{t("spaces.booking.mine")}</Link>
              </p>
            ) : null}
          </div>
          <TextField id="booking-date" name="date" type="date" label={t("spaces.staff.date")} required />
          <div className="space-interval">
            <TextField
              id="booking-starts"
              name="starts"
              type="time"
              label={t("spaces.staff.starts")}
              required
            />
            <TextField id="booking-ends" name="ends" type="time" label={t("spaces.staff.ends")} required />
          </div>
          <TextField
            id="booking-purpose"
            name="purpose"
            label={t("spaces.booking.purpose")}
            hint={t("spaces.booking.purposeHint")}
            maxLength={200}
            required
          />
          <TextField
            id="booking-attendees"
            name="attendees"
            type="number"
            inputMode="numeric"
            min={1}
            max={space.capacity}
            label={t("spaces.booking.attendees")}
            hint={t("spaces.space.people", { count: space.capacity })}
            required
          />
          <button type="submit" className="button">
            {t("spaces.booking.send")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** A resident's own bookings with their state, the refusal reason, and cancelling. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("spaces.booking.mine"));
  return (
    <SessionGate title={t("spaces.booking.mine")}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: SPACES_PATHS.home, label: t("spaces.list.title") }]}
            current={t("spaces.booking.mine")}
          />
          <header className="page-header">
            <PageHeading>{t("spaces.booking.mine")}</PageHeading>
          </header>
          <MyBookings />
        </div>
      )}
    </SessionGate>
  );
}

function MyBookings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApiResource("my-bookings", locale, (options) => fetchMyBookings(options));
  const submission = useSubmit<BookingView>();
  async function cancel(id: string) {
    const result = await submission.run((options) => cancelBooking(id, options));
    if (result.ok) list.reload();
  }
  const now = Date.now();
  return (
    <>
      <LoadingStatus loading={list.status === "loading" && !list.data} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.data ? t("spaces.booking.status.cancelled") : ""}
      </p>
      {list.data && list.data.length === 0 ? <p>{t("spaces.booking.none")}</p> : null}
      <ul className="space-events">
        {(list.data ?? []).map((b) => {
          const when = formatEventTime(b, locale);
          return (
            <li key={b.id} className="space-event">
              <h2 className="space-event__title">
                <Link to={SPACES_PATHS.space(b.spaceId)}>{b.spaceName}</Link>
              </h2>
              <p className="space-event__when">{when}</p>
              <p>{b.purpose}</p>
              <p>
                {t("spaces.booking.state", { state: t(`spaces.booking.status.${b.status}`) })}
                {b.refusalReason ? ` — ${t("spaces.booking.reason", { reason: b.refusalReason })}` : ""}
              </p>
              {(b.status === "requested" || b.status === "confirmed") && Date.parse(b.endsAt) > now ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void cancel(b.id)}
                >
                  {t("spaces.booking.cancel", { space: b.spaceName, when })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The staff desk's queue: requests to confirm or refuse (with a reason), and confirmed bookings ahead. */
export function BookingQueue() {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useApiResource("staff-bookings", locale, (options) => fetchStaffBookings(options));
  const submission = useSubmit<BookingView>();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  async function decide(booking: StaffBookingView, confirm: boolean) {
    const reason = reasons[booking.id]?.trim() ?? "";
    const result = await submission.run((options) =>
      decideBooking(booking.id, { confirm, reason: confirm || !reason ? null : reason }, options),
    );
    if (result.ok) list.reload();
  }
  const requested = (list.data ?? []).filter((b) => b.status === "requested");
  const confirmed = (list.data ?? []).filter((b) => b.status === "confirmed");
  return (
    <section className="form form--card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t("spaces.booking.queue")}</h2>
      <LoadingStatus loading={list.status === "loading" && !list.data} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.data ? t(`spaces.booking.status.${submission.data.status}`) : ""}
      </p>
      {list.data && requested.length === 0 ? <p>{t("spaces.booking.noRequests")}</p> : null}
      <ul className="space-events">
        {requested.map((b) => {
          const when = formatEventTime(b, locale);
          const label = `${b.spaceName}, ${when}`;
          return (
            <li key={b.id} className="space-event">
              <h3 className="space-event__title">{label}</h3>
              <p>
                {b.purpose} · {t("spaces.booking.attendeesCount", { count: b.attendees })}
              </p>
              <p>
                {b.requester
                  ? `${b.requester.displayName} <${b.requester.email}>`
                  : t("spaces.booking.noContact")}
              </p>
              <TextField
                id={`reason-${b.id}`}
                label={t("spaces.booking.refusalReason", { booking: label })}
                value={reasons[b.id] ?? ""}
                onChange={(e) => setReasons((r) => ({ ...r, [b.id]: e.target.value }))}
              />
              <div className="button-row">
                <button type="button" className="button button--small" onClick={() => void decide(b, true)}>
                  {t("spaces.booking.confirm", { booking: label })}
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void decide(b, false)}
                >
                  {t("spaces.booking.refuse", { booking: label })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {confirmed.length > 0 ? (
        <>
          <h3>{t("spaces.booking.confirmedAhead")}</h3>
          <ul>
            {confirmed.map((b) => (
              <li key={b.id}>
                {b.spaceName}, {formatEventTime(b, locale)}: {b.purpose}
                {b.requester ? ` (${b.requester.displayName})` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
