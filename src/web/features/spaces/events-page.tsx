import { useTranslation } from "react-i18next";
import type { EventView } from "../../../contracts/spaces.ts";
import { calendarHref, fetchEvents } from "../../api/spaces/spaces.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { EventList, eventDay, formatDate, SPACES_PATHS, weekdayName } from "./spaces-parts.tsx";

/** Upcoming events of every space, grouped by the day they start (Helsinki time). */
export function SpacesEventsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useApiResource("spaces-events", locale, (options) => fetchEvents(options));
  useDocumentTitle(t("spaces.events.title"), events.status !== "loading");
  const days = new Map<string, EventView[]>();
  for (const event of events.data ?? []) {
    const day = eventDay(event.startsAt);
    days.set(day, [...(days.get(day) ?? []), event]);
  }

  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: SPACES_PATHS.home, label: t("spaces.list.title") }]}
        current={t("spaces.events.title")}
      />
      <header className="page-header">
        <PageHeading>{t("spaces.events.title")}</PageHeading>
        <p className="lead">{t("spaces.events.intro")}</p>
        <p>
          <a href={calendarHref()}>{t("spaces.events.calendarAll")}</a>
        </p>
      </header>
      <LoadingStatus loading={events.status === "loading"} />
      {events.status === "error" ? <ProblemAlert error={events.error} onRetry={events.reload} /> : null}
      {events.data && events.data.length === 0 ? <p>{t("spaces.events.none")}</p> : null}
      {[...days].map(([day, list]) => (
        <section key={day} className="space-section" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>
            {weekdayName(day, locale)} {formatDate(day, locale)}
          </h2>
          <EventList events={list} showSpace />
        </section>
      ))}
    </div>
  );
}
