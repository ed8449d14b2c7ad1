import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { calendarHref, fetchSpace } from "../../api/spaces/spaces.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { BookingSection } from "./bookings.tsx";
import {
  AccessibilityFacts,
  dayNote,
  EventList,
  ExampleLabel,
  formatDate,
  formatIntervals,
  SPACES_PATHS,
  StatusText,
  weekdayName,
} from "./spaces-parts.tsx";

/** One space: status, this week's hours as a table, exceptions ahead, accessibility, address and events. */
export function SpacePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const { id = "" } = useParams();
  const space = useApiResource(`space:${id}`, locale, (options) => fetchSpace(id, options));
  const name = space.data?.name ?? t("spaces.space.loading");
  useDocumentTitle(name, space.status !== "loading");
  const data = space.data;
  const description = data ? local(data.description) : null;
  const upcoming = data ? data.exceptions.filter((e) => !data.week.some((d) => d.date === e.date)) : [];

  return (
    <div className="container page">
      <Breadcrumb trail={[{ to: SPACES_PATHS.home, label: t("spaces.list.title") }]} current={name} />
      <header className="page-header">
        <PageHeading>{name}</PageHeading>
        {data ? (
          <p className="lead">
            <StatusText status={data.status} />
          </p>
        ) : null}
      </header>
      <LoadingStatus loading={space.status === "loading"} />
      {space.status === "error" ? <ProblemAlert error={space.error} onRetry={space.reload} /> : null}
      {data && description ? (
        <>
          {data.isExample ? (
            <p>
              <ExampleLabel />
            </p>
          ) : null}
          <p lang={description.lang}>{description.text}</p>
          <section className="space-section" aria-labelledby="week-heading">
            <h2 id="week-heading">{t("spaces.week.heading")}</h2>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
            <section className="table-scroll" aria-labelledby="week-caption" tabIndex={0}>
              <table className="data-table">
                <caption id="week-caption">{t("spaces.week.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("spaces.week.day")}</th>
                    <th scope="col">{t("spaces.week.hours")}</th>
                    <th scope="col">{t("spaces.week.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.week.map((day) => {
                    const note = dayNote(day, t, local);
                    return (
                      <tr key={day.date}>
                        <th scope="row">
                          {weekdayName(day.date, locale)} {formatDate(day.date, locale)}
                        </th>
                        <td>{formatIntervals(day.intervals, locale, t)}</td>
                        <td lang={note?.lang}>{note?.text ?? ""}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            {upcoming.length > 0 ? (
              <>
                <h3>{t("spaces.exceptions.heading")}</h3>
                <ul>
                  {upcoming.map((e) => {
                    const reason = e.reason ? local(e.reason) : null;
                    return (
                      <li key={e.id}>
                        {weekdayName(e.date, locale)} {formatDate(e.date, locale)}:{" "}
                        {formatIntervals(e.closed ? [] : e.intervals, locale, t)}
                        {reason ? (
                          <>
                            {" "}
                            (<span lang={reason.lang}>{reason.text}</span>)
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </section>
          <section className="space-section" aria-labelledby="visit-heading">
            <h2 id="visit-heading">{t("spaces.space.visit")}</h2>
            <dl className="facts">
              <div>
                <dt>{t("spaces.space.address")}</dt>
                <dd>{data.address}</dd>
              </div>
              <div>
                <dt>{t("spaces.space.capacity")}</dt>
                <dd>{t("spaces.space.people", { count: data.capacity })}</dd>
              </div>
              {data.contact.email ? (
                <div>
                  <dt>{t("spaces.space.email")}</dt>
                  <dd>
                    <a href={`mailto:${data.contact.email}`}>{data.contact.email}</a>
                  </dd>
                </div>
              ) : null}
              {data.contact.phone ? (
                <div>
                  <dt>{t("spaces.space.phone")}</dt>
                  <dd>
                    <a href={`tel:${data.contact.phone.replace(/[^+0-9]/g, "")}`}>{data.contact.phone}</a>
                  </dd>
                </div>
              ) : null}
              {data.location ? (
                <div>
                  <dt>{t("spaces.space.map")}</dt>
                  <dd>
                    <a
                      href={`https://www.openstreetmap.org/?mlat=${data.location.lat}&mlon=${data.location.lon}#map=17/${data.location.lat}/${data.location.lon}`}
                      rel="noopener noreferrer"
                    >
                      {t("spaces.space.openMap", { name: data.name })}
                    </a>
                  </dd>
                </div>
              ) : null}
            </dl>
            <h3>{t("spaces.accessibility.heading")}</h3>
            <AccessibilityFacts accessibility={data.accessibility} />
          </section>
          {data.bookable ? <BookingSection space={data} /> : null}
          <section className="space-section" aria-labelledby="events-heading">
            <h2 id="events-heading">{t("spaces.events.ofSpace")}</h2>
            {data.events.length === 0 ? (
              <p>{t("spaces.events.none")}</p>
            ) : (
              <EventList events={data.events} showSpace={false} />
            )}
            <p>
              <a href={calendarHref(data.id)}>{t("spaces.events.calendarOf", { name: data.name })}</a>
            </p>
          </section>
        </>
      ) : null}
    </div>
  );
}
