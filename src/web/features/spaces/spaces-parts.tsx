import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Locale } from "../../../contracts/localized-text.ts";
import type {
  Accessibility,
  DayHoursView,
  EventView,
  Interval,
  OpenStatusView,
} from "../../../contracts/spaces.ts";
import { useLocalize } from "../../components/localized.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";
import "./spaces.css";

/** Page paths of the module (kept beside web-routes.ts's patterns). */
export const SPACES_PATHS = {
  home: "/spaces",
  events: "/spaces/events",
  staff: "/spaces/staff",
  bookings: "/spaces/bookings",
  space: (id: string) => `/spaces/${encodeURIComponent(id)}`,
} as const;

const ZONE = "Europe/Helsinki";

/** A "HH:MM" time of day as the locale writes it (Finnish and Finland-Swedish with a dot: 10.00). */
export function formatClock(time: string, locale: Locale): string {
  return locale === "en" ? time : time.replace(":", ".");
}

/** A day's intervals in words ("10.00–12.00, 13.00–18.00") or "closed". */
export function formatIntervals(intervals: readonly Interval[], locale: Locale, t: TFunction): string {
  if (intervals.length === 0) return t("spaces.closed");
  return intervals.map((i) => `${formatClock(i.opens, locale)}–${formatClock(i.closes, locale)}`).join(", ");
}

/** The weekday name of a calendar date ("maanantai"). */
export function weekdayName(date: string, locale: Locale, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { weekday: style, timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** A calendar date written out ("4.12.2026"). */
export function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function helsinkiDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(instant);
}

/** An instant as people read it in Helsinki: "klo 18.00" today, else with the weekday and date. */
export function formatWhen(iso: string, locale: Locale, t: TFunction, now = new Date()): string {
  const instant = new Date(iso);
  const time = new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: ZONE,
  }).format(instant);
  if (helsinkiDate(instant) === helsinkiDate(now)) return t("spaces.status.today", { time });
  const day = new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    weekday: "short",
    day: "numeric",
    month: "numeric",
    timeZone: ZONE,
  }).format(instant);
  return t("spaces.status.onDay", { day, time });
}

/** An event's time range in Helsinki time. */
export function formatEventTime(event: Pick<EventView, "startsAt" | "endsAt">, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    weekday: "short",
    day: "numeric",
    month: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: ZONE,
  }).formatRange(new Date(event.startsAt), new Date(event.endsAt));
}

/** The Helsinki date of an instant, for grouping events by day. */
export function eventDay(iso: string): string {
  return helsinkiDate(new Date(iso));
}

/** "Open now, closes at …" / "Closed, opens …" written out, with a marker that is not colour alone. */
export function StatusText({ status }: { status: OpenStatusView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (status.isOpen && status.closesAt) {
    return (
      <span className="space-status space-status--open">
        {t("spaces.status.openUntil", { when: formatWhen(status.closesAt, locale, t) })}
      </span>
    );
  }
  return (
    <span className="space-status space-status--closed">
      {status.opensAt
        ? t("spaces.status.closedOpens", { when: formatWhen(status.opensAt, locale, t) })
        : t("spaces.status.closedForNow")}
    </span>
  );
}

/** Why a day's hours differ: the holiday's name or the exception's reason. */
export function dayNote(day: DayHoursView, t: TFunction, local: ReturnType<typeof useLocalize>) {
  if (day.source === "exception") {
    return day.reason ? local(day.reason) : { text: t("spaces.week.exception"), lang: undefined };
  }
  if (day.source === "holiday" && day.holiday) {
    return { text: t(`spaces.holidays.${day.holiday}`), lang: undefined };
  }
  return null;
}

/** The accessibility facts as a list of yes/no statements. */
export function AccessibilityFacts({ accessibility }: { accessibility: Accessibility }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const notes = accessibility.notes ? local(accessibility.notes) : null;
  const facts: ["stepFree" | "accessibleToilet" | "inductionLoop", boolean][] = [
    ["stepFree", accessibility.stepFree],
    ["accessibleToilet", accessibility.accessibleToilet],
    ["inductionLoop", accessibility.inductionLoop],
  ];
  return (
    <>
      <ul className="space-facts">
        {facts.map(([key, yes]) => (
          <li key={key}>{t(`spaces.accessibility.${key}.${yes ? "yes" : "no"}`)}</li>
        ))}
      </ul>
      {notes ? <p lang={notes.lang}>{notes.text}</p> : null}
    </>
  );
}

/** Marks example data so that nobody mistakes it for the city's real spaces. */
export function ExampleLabel() {
  const { t } = useTranslation();
  return <span className="badge badge--coming">{t("spaces.exampleData")}</span>;
}

/** A list of events, each with its time, space, price and sign-up link. */
export function EventList({ events, showSpace }: { events: EventView[]; showSpace: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  return (
    <ul className="space-events">
      {events.map((event) => {
        const title = local(event.title);
        const description = local(event.description);
        const price = event.price ? local(event.price) : null;
        return (
          <li key={event.id} className="space-event">
            <h3 className="space-event__title" lang={title.lang}>
              {title.text}
            </h3>
            <p className="space-event__when">{formatEventTime(event, locale)}</p>
            {showSpace ? (
              <p>
                <Link to={SPACES_PATHS.space(event.spaceId)}>{event.spaceName}</Link>
              </p>
            ) : null}
            <p lang={description.lang}>{description.text}</p>
            <p>
              {t("spaces.events.organiser", { name: event.organiser })} ·{" "}
              {price ? <span lang={price.lang}>{price.text}</span> : t("spaces.events.free")}
            </p>
            {event.signUpUrl ? (
              <p>
                <a href={event.signUpUrl} rel="noopener noreferrer">
                  {t("spaces.events.signUp", { title: title.text })}
                </a>
              </p>
            ) : null}
            {event.isExample ? <ExampleLabel /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Helsinki date and time ("YYYY-MM-DD", "HH:MM") of an instant, for the staff desk's form fields. */
export function toHelsinkiFields(iso: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: ZONE,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The instant of a Helsinki date and time, whatever the browser's own zone: the offset is +03:00 in summer
 * and +02:00 in winter, so the candidate that reads back as the same wall-clock time is the one (a time
 * skipped in spring is read with the winter offset). Null for an incomplete date or time.
 */
export function fromHelsinkiFields(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) return null;
  for (const hours of [3, 2]) {
    const candidate = new Date(naive - hours * 3_600_000).toISOString();
    const back = toHelsinkiFields(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return new Date(naive - 2 * 3_600_000).toISOString();
}
