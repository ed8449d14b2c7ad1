import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import {
  type FeedbackArea,
  type FeedbackService,
  type PublicRequest,
  REQUEST_STATUSES,
} from "../../../contracts/feedback.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { PublicFilter } from "../../api/feedback/feedback.api.ts";
import {
  useFeedbackAreas,
  useFeedbackServices,
  useMyRequests,
  usePublicRequests,
} from "../../api/feedback/feedback.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { SelectField, TextField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { type MapItem, MapView } from "../../components/map/map-view.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { hasRole, useSession } from "../identity/session.tsx";
import {
  formatDateTime,
  HANDLER_ROLES,
  isoValue,
  readPublicFilter,
  requestPath,
} from "./feedback-helpers.ts";
import { Pagination } from "./pagination.tsx";
import { ServiceOptions } from "./service-picker.tsx";
import { RequestStatusBadge } from "./status-badge.tsx";
import "./feedback.css";

const PAGE_SIZE = 20;

/** Going straight to one's own request by its reference number. */
function FindByReference() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string | undefined>();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cleaned = reference.trim().replace(/\s+/g, "");
    if (!/^[0-9a-zA-Z]{4}-?[0-9a-zA-Z]{4}$/.test(cleaned)) {
      setError(t("feedback.list.referenceError"));
      return;
    }
    setError(undefined);
    const joined = cleaned.includes("-") ? cleaned : `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
    void navigate(requestPath(joined));
  }
  return (
    <form className="form form--inline feedback-find" noValidate onSubmit={submit}>
      <TextField
        id="feedback-find-reference"
        label={t("feedback.list.referenceLabel")}
        hint={t("feedback.list.referenceHint")}
        error={error}
        value={reference}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setReference(event.target.value)}
      />
      <button type="submit" className="button">
        {t("feedback.list.referenceButton")}
      </button>
    </form>
  );
}

function Filters({
  filter,
  services,
  areas,
}: {
  filter: PublicFilter;
  services: FeedbackService[];
  areas: FeedbackArea[];
}) {
  const localize = useLocalize();
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["service", "status", "area"]) {
      const value = String(data.get(name) ?? "");
      if (value) next.set(name, value);
    }
    setSearchParams(next);
  }
  return (
    <form className="feedback-filters" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h3 id={`${id}-h`} className="feedback-filters__heading">
        {t("feedback.list.filtersHeading")}
      </h3>
      <div className="feedback-filters__fields">
        <SelectField
          id={`${id}-service`}
          name="service"
          label={t("feedback.list.service")}
          defaultValue={filter.service}
          key={`s${filter.service}${services.length}`}
        >
          <option value="">{t("feedback.list.any")}</option>
          <ServiceOptions services={services} />
        </SelectField>
        <SelectField
          id={`${id}-status`}
          name="status"
          label={t("feedback.list.status")}
          defaultValue={filter.status}
          key={`t${filter.status}`}
        >
          <option value="">{t("feedback.list.any")}</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`feedback.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-area`}
          name="area"
          label={t("feedback.list.area")}
          defaultValue={filter.area}
          key={`a${filter.area}${areas.length}`}
        >
          <option value="">{t("feedback.list.any")}</option>
          {areas.map((area) => (
            <option key={area.code} value={area.code}>
              {localize(area.name).text}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t("feedback.list.apply")}
        </button>
        <Link to={WEB_ROUTES.feedback} className="button button--secondary">
          {t("feedback.list.clear")}
        </Link>
      </div>
    </form>
  );
}

function RequestItem({ request }: { request: PublicRequest }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const service = localize(request.serviceName);
  const summary = request.title ?? request.description;
  return (
    <li className="feedback-item">
      <h3 className="feedback-item__title">
        <Link to={requestPath(request.reference)}>
          <span lang={service.lang}>{service.text}</span>
          {` · ${request.reference}`}
        </Link>
      </h3>
      <p className="feedback-item__meta">
        <RequestStatusBadge status={request.status} />{" "}
        <time dateTime={isoValue(request.requestedAt)}>{formatDateTime(request.requestedAt, locale)}</time>
        {request.address ? ` · ${request.address}` : ""}
      </p>
      {summary ? <p className="feedback-item__text">{summary}</p> : null}
      {request.publicAnswer ? <p className="feedback-muted">{t("feedback.list.answered")}</p> : null}
    </li>
  );
}

/** The located requests of a page of the list as map markers, named as the list names them. */
function RequestsMap({ requests }: { requests: PublicRequest[] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const items: MapItem[] = requests.flatMap((request) =>
    request.lat !== null && request.long !== null
      ? [
          {
            id: request.reference,
            lat: request.lat,
            long: request.long,
            title: `${localize(request.serviceName).text} · ${request.reference}`,
            href: requestPath(request.reference),
          },
        ]
      : [],
  );
  if (items.length === 0) return null;
  return <MapView label={t("feedback.list.mapLabel")} items={items} />;
}

/** A signed-in person's own requests (their own text, whatever is published). */
function MyRequests() {
  const { t } = useTranslation();
  const { info } = useSession();
  const person = info?.person ?? null;
  const mine = useMyRequests(person !== null);
  if (!person) return null;
  return (
    <section className="content-section" aria-labelledby="feedback-mine-heading">
      <h2 id="feedback-mine-heading">{t("feedback.list.mineHeading")}</h2>
      {mine.status === "error" ? <ProblemAlert error={mine.error} onRetry={mine.reload} /> : null}
      {mine.data && mine.data.length === 0 ? <p>{t("feedback.list.mineNone")}</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <ul className="feedback-items">
          {mine.data.map((request) => (
            <RequestItem
              key={request.reference}
              request={{ ...request, description: request.ownDescription }}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The public list of requests, with filters in the URL, and the ways to report and to find one's own. */
export function FeedbackRequestsPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { info } = useSession();
  const filter = readPublicFilter(searchParams);
  const services = useFeedbackServices();
  const areas = useFeedbackAreas();
  const list = usePublicRequests(filter, PAGE_SIZE);
  useDocumentTitle(t("feedback.list.title"), list.status !== "loading");

  return (
    <div className="container page">
      <Breadcrumb current={t("feedback.list.title")} />
      <header className="page-header">
        <p className="kicker">{t("feedback.list.kicker")}</p>
        <PageHeading>{t("feedback.list.title")}</PageHeading>
        <p className="lead">{t("feedback.list.lead")}</p>
        <p>
          <Link to={WEB_ROUTES.feedbackReport} className="button">
            {t("feedback.list.reportLink")}
          </Link>
        </p>
        <p>
          <Link to={WEB_ROUTES.feedbackFigures}>{t("feedback.figures.link")}</Link>
        </p>
      </header>
      <section className="content-section" aria-labelledby="feedback-find-heading">
        <h2 id="feedback-find-heading">{t("feedback.list.findHeading")}</h2>
        <FindByReference />
      </section>
      <MyRequests />
      {hasRole(info?.person, ...HANDLER_ROLES) ? (
        <p>
          <Link to={WEB_ROUTES.feedbackQueue}>{t("feedback.list.handlerLink")}</Link>
        </p>
      ) : null}
      <section className="content-section" aria-labelledby="feedback-public-heading">
        <h2 id="feedback-public-heading">{t("feedback.list.publicHeading")}</h2>
        <p>{t("feedback.list.publicLead")}</p>
        <Filters filter={filter} services={services.data ?? []} areas={areas.data ?? []} />
        <LoadingStatus loading={list.status === "loading" && !list.data} />
        {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {list.data ? (
          <>
            <p className="feedback-count" aria-live="polite">
              {t("feedback.list.count", { count: list.data.total })}
            </p>
            <RequestsMap requests={list.data.items} />
            <ul className="feedback-items">
              {list.data.items.map((request) => (
                <RequestItem key={request.reference} request={request} />
              ))}
            </ul>
            <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
          </>
        ) : null}
      </section>
    </div>
  );
}
