import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PublicRequestDetail } from "../../../contracts/feedback.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { usePublicRequest } from "../../api/feedback/feedback.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { MapView } from "../../components/map/map-view.tsx";
import { NotFoundContent } from "../../components/not-found.tsx";
import { PhotoList } from "../../components/photo/photo-fields.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { formatDateTime, historyKind, isoValue, requestPath } from "./feedback-helpers.ts";
import { RequestStatusBadge } from "./status-badge.tsx";
import "./feedback.css";

function When({ iso }: { iso: string }) {
  const locale = useLocale();
  return <time dateTime={isoValue(iso)}>{formatDateTime(iso, locale)}</time>;
}

/** The request's facts, its public answer and its history, none of it personal. */
function RequestDetail({ request }: { request: PublicRequestDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const service = localize(request.serviceName);
  const firstResponseLate =
    request.firstResponseAt === null && Date.parse(request.expectedFirstResponseAt) < Date.now();
  return (
    <>
      <dl className="status-list feedback-facts">
        <div>
          <dt>{t("feedback.request.status")}</dt>
          <dd>
            <RequestStatusBadge status={request.status} />
            {request.closeReason ? <span>{request.closeReason}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("feedback.request.service")}</dt>
          <dd lang={service.lang}>{service.text}</dd>
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
                {firstResponseLate ? ` ${t("feedback.request.late")}` : ""}
              </>
            )}
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
      </dl>
      {request.lat !== null && request.long !== null ? (
        <MapView
          label={t("feedback.request.mapLabel")}
          size="small"
          items={[
            {
              id: request.reference,
              lat: request.lat,
              long: request.long,
              title: t("feedback.request.mapPlace", { reference: request.reference }),
            },
          ]}
        />
      ) : null}
      {request.duplicateOf ? (
        <p className="notice">
          {t("feedback.request.duplicateOf")}{" "}
          <Link to={requestPath(request.duplicateOf)}>{request.duplicateOf}</Link>
        </p>
      ) : null}

      <section className="content-section" aria-labelledby="feedback-answer-heading">
        <h2 id="feedback-answer-heading">{t("feedback.request.answerHeading")}</h2>
        {request.publicAnswer ? (
          <div className="feedback-answer">
            <p className="feedback-pre">{request.publicAnswer}</p>
            {request.answeredAt ? (
              <p className="feedback-muted">
                {t("feedback.request.answeredOn")} <When iso={request.answeredAt} />
              </p>
            ) : null}
          </div>
        ) : (
          <p>{t("feedback.request.noAnswer")}</p>
        )}
      </section>

      <section className="content-section" aria-labelledby="feedback-description-heading">
        <h2 id="feedback-description-heading">{t("feedback.request.descriptionHeading")}</h2>
        {request.title ? <p className="feedback-title">{request.title}</p> : null}
        {request.description !== null ? (
          <p className="feedback-pre">{request.description}</p>
        ) : (
          <p className="feedback-muted">{t("feedback.request.descriptionHidden")}</p>
        )}
        <PhotoList
          photos={request.photos}
          fallbackAlt={(number) => t("feedback.request.photoAlt", { number })}
        />
      </section>

      <section className="content-section" aria-labelledby="feedback-history-heading">
        <h2 id="feedback-history-heading">{t("feedback.request.historyHeading")}</h2>
        <ol className="feedback-history">
          {request.history.map((event, index) => (
            // History entries have no id of their own in the public view; their order is fixed.
            // biome-ignore lint/suspicious/noArrayIndexKey: append-only list, never reordered.
            <li key={index}>
              <When iso={event.at} />
              {" – "}
              {t(`feedback.history.${historyKind(event.kind)}`)}
              {event.status ? (
                <>
                  {" "}
                  <RequestStatusBadge status={event.status} />
                </>
              ) : null}
              {event.note ? <p className="feedback-pre">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The public status page of one request: anyone with the reference may follow it. */
export function FeedbackRequestPage() {
  const { t } = useTranslation();
  const reference = (useParams().reference ?? "").toUpperCase();
  const request = usePublicRequest(reference);
  const title = t("feedback.request.title", { reference });
  useDocumentTitle(title, request.status !== "loading");

  if (request.status === "error" && request.error.status === 404) return <NotFoundContent />;
  return (
    <div className="container page page--narrow">
      <Breadcrumb trail={[{ to: WEB_ROUTES.feedback, label: t("feedback.list.title") }]} current={title} />
      <header className="page-header">
        <p className="kicker">{t("feedback.request.kicker")}</p>
        <PageHeading>{title}</PageHeading>
      </header>
      <LoadingStatus loading={request.status === "loading" && !request.data} />
      {request.status === "error" ? <ProblemAlert error={request.error} onRetry={request.reload} /> : null}
      {request.data ? <RequestDetail request={request.data} /> : null}
      <p>
        <Link to={WEB_ROUTES.feedbackReport}>{t("feedback.list.reportLink")}</Link>
      </p>
    </div>
  );
}
