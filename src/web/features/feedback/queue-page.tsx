import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { type FeedbackService, type QueueItem, REQUEST_STATUSES } from "../../../contracts/feedback.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { QueueFilter } from "../../api/feedback/feedback.api.ts";
import { useFeedbackServices, useQueue } from "../../api/feedback/feedback.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { SelectField } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import {
  formatDateTime,
  HANDLER_ROLES,
  handlingPath,
  isoValue,
  readQueueFilter,
  sortQueue,
} from "./feedback-helpers.ts";
import { CheckboxField } from "./fields.tsx";
import { Pagination } from "./pagination.tsx";
import { ServiceOptions } from "./service-picker.tsx";
import { EscalatedBadge, OverdueBadge, RequestStatusBadge } from "./status-badge.tsx";
import "./feedback.css";

const PAGE_SIZE = 50;

function QueueFilters({ filter, services }: { filter: QueueFilter; services: FeedbackService[] }) {
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["service", "status", "assignee"]) {
      const value = String(data.get(name) ?? "");
      if (value) next.set(name, value);
    }
    for (const name of ["overdue", "escalated"]) if (data.get(name) === "true") next.set(name, "true");
    setSearchParams(next);
  }
  return (
    <form className="feedback-filters" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h2 id={`${id}-h`} className="feedback-filters__heading">
        {t("feedback.list.filtersHeading")}
      </h2>
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
          <option value="">{t("feedback.queue.anyOpen")}</option>
          {REQUEST_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`feedback.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-assignee`}
          name="assignee"
          label={t("feedback.queue.assignee")}
          defaultValue={filter.assignee}
          key={`a${filter.assignee}`}
        >
          <option value="">{t("feedback.list.any")}</option>
          <option value="me">{t("feedback.queue.assigneeMe")}</option>
          <option value="none">{t("feedback.queue.assigneeNone")}</option>
        </SelectField>
      </div>
      <CheckboxField
        id={`${id}-overdue`}
        name="overdue"
        value="true"
        label={t("feedback.queue.overdueOnly")}
        defaultChecked={filter.overdue}
        key={`o${String(filter.overdue)}`}
      />
      <CheckboxField
        id={`${id}-escalated`}
        name="escalated"
        value="true"
        label={t("feedback.queue.escalatedOnly")}
        defaultChecked={filter.escalated}
        key={`e${String(filter.escalated)}`}
      />
      <div className="button-row">
        <button type="submit" className="button">
          {t("feedback.list.apply")}
        </button>
        <Link to={WEB_ROUTES.feedbackQueue} className="button button--secondary">
          {t("feedback.list.clear")}
        </Link>
      </div>
    </form>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  return (
    // A wide table scrolls inside its own focusable region, so the page itself reflows at 320 px.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-labelledby="feedback-queue-caption" tabIndex={0}>
      <table className="data-table feedback-queue">
        <caption id="feedback-queue-caption">{t("feedback.queue.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("feedback.queue.reference")}</th>
            <th scope="col">{t("feedback.queue.service")}</th>
            <th scope="col">{t("feedback.list.status")}</th>
            <th scope="col">{t("feedback.queue.promise")}</th>
            <th scope="col">{t("feedback.queue.description")}</th>
          </tr>
        </thead>
        <tbody>
          {sortQueue(items).map((item) => {
            const service = localize(item.serviceName);
            return (
              <tr key={item.id} className={item.isOverdue ? "feedback-queue__row--overdue" : undefined}>
                <th scope="row">
                  <Link to={handlingPath(item.id)}>{item.reference}</Link>
                </th>
                <td lang={service.lang}>{service.text}</td>
                <td>
                  <RequestStatusBadge status={item.status} />
                  {item.isOverdue ? (
                    <>
                      {" "}
                      <OverdueBadge />
                    </>
                  ) : null}
                  {item.escalationLevel > 0 ? (
                    <>
                      {" "}
                      <EscalatedBadge level={item.escalationLevel} />
                    </>
                  ) : null}
                  <span className="feedback-muted">
                    {" "}
                    {item.assigneeId === null
                      ? t("feedback.queue.unassigned")
                      : t("feedback.queue.assignedTo", { name: item.assigneeName ?? "?" })}
                  </span>
                </td>
                <td>
                  <time dateTime={isoValue(item.expectedFirstResponseAt)}>
                    {formatDateTime(item.expectedFirstResponseAt, locale)}
                  </time>
                </td>
                <td className="feedback-queue__text">
                  {item.address ? <span className="feedback-queue__address">{item.address}</span> : null}
                  {item.description}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Queue() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const filter = readQueueFilter(searchParams);
  const services = useFeedbackServices();
  const queue = useQueue(filter, PAGE_SIZE);
  const overdue = queue.data?.items.filter((item) => item.isOverdue).length ?? 0;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.feedback, label: t("feedback.list.title") }]}
        current={t("feedback.queue.title")}
      />
      <header className="page-header">
        <PageHeading>{t("feedback.queue.title")}</PageHeading>
        <p className="lead">{t("feedback.queue.lead")}</p>
        <p>
          <Link to={WEB_ROUTES.feedbackServices}>{t("feedback.serviceAdmin.navLink")}</Link>
        </p>
      </header>
      <QueueFilters filter={filter} services={services.data ?? []} />
      <LoadingStatus loading={queue.status === "loading" && !queue.data} />
      {queue.status === "error" ? <ProblemAlert error={queue.error} onRetry={queue.reload} /> : null}
      {queue.data ? (
        <>
          <p className="feedback-count" aria-live="polite">
            {t("feedback.queue.count", { count: queue.data.total })}
            {overdue > 0 ? ` ${t("feedback.queue.overdueCount", { count: overdue })}` : ""}
          </p>
          {queue.data.items.length > 0 ? <QueueTable items={queue.data.items} /> : null}
          <Pagination page={queue.data.page} pageSize={queue.data.pageSize} total={queue.data.total} />
        </>
      ) : null}
    </div>
  );
}

/** The handlers' queue: requests of their unit, overdue first, with filters in the URL. */
export function FeedbackQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("feedback.queue.title"));
  return (
    <SessionGate title={t("feedback.queue.title")} roles={HANDLER_ROLES}>
      {() => <Queue />}
    </SessionGate>
  );
}
