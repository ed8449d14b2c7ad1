import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ProposalDetail } from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { postComment } from "../../api/budgeting/budgeting.api.ts";
import { useProposal } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { MapView } from "../../components/map/map-view.tsx";
import { NotFoundContent } from "../../components/not-found.tsx";
import { PhotoList } from "../../components/photo/photo-fields.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { useSession } from "../identity/session.tsx";
import { SignInPrompt } from "../identity/session-gate.tsx";
import { formatDate, formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

function CommentForm({ proposalId, onDone }: { proposalId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState("");
  const submit = useSubmit<ProposalDetail>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await submit.run((options) => postComment(proposalId, body, options));
    if (result.ok) {
      setBody("");
      onDone();
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary error={submit.error} items={[]} attempt={submit.attempt} />
      <div className="field">
        <label htmlFor="kommentti" className="field__label">
          {t("budgeting.proposal.commentLabel")}
        </label>
        <textarea
          id="kommentti"
          className="input"
          rows={4}
          maxLength={2000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button" disabled={submit.status === "pending"}>
          {t("budgeting.proposal.commentSubmit")}
        </button>
      </div>
      <p role="status" className="form__status">
        {submit.status === "success" ? t("budgeting.proposal.commentSaved") : ""}
      </p>
    </form>
  );
}

function ProposalContent({ proposal, reload }: { proposal: ProposalDetail; reload: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const person = useSession().info?.person;
  const reason = proposal.reviewReason ? local(proposal.reviewReason) : null;
  return (
    <>
      <p>
        <Link to={budgetingPath("budgetingRound", proposal.roundId)}>
          {t("budgeting.proposal.backToRound")}
        </Link>
      </p>
      <section className="content-section" aria-labelledby="ehdotus-h">
        <h2 id="ehdotus-h">{t("budgeting.proposal.heading")}</h2>
        <p lang={proposal.language} className="prose">
          {proposal.description}
        </p>
        {proposal.latitude !== null && proposal.longitude !== null ? (
          <MapView
            label={t("budgeting.proposal.mapLabel")}
            size="small"
            items={[
              { id: proposal.id, lat: proposal.latitude, long: proposal.longitude, title: proposal.title },
            ]}
          />
        ) : null}
        <PhotoList
          photos={proposal.images}
          lang={proposal.language}
          fallbackAlt={(number) => t("budgeting.proposal.photoAlt", { number })}
        />
        <dl className="facts">
          <div>
            <dt>{t("budgeting.proposal.status")}</dt>
            <dd>{t(`budgeting.status.${proposal.status}`)}</dd>
          </div>
          <div>
            <dt>{t("budgeting.proposal.place")}</dt>
            <dd>
              {proposal.locationText ?? t("budgeting.proposal.noPlace")}
              {proposal.latitude !== null && proposal.longitude !== null
                ? ` (${proposal.latitude.toFixed(5)}, ${proposal.longitude.toFixed(5)})`
                : ""}
            </dd>
          </div>
          <div>
            <dt>{t("budgeting.proposal.estimate")}</dt>
            <dd>
              {proposal.costEstimate === null
                ? t("budgeting.proposal.noEstimate")
                : formatEuros(proposal.costEstimate, locale)}
            </dd>
          </div>
          {proposal.reviewCost !== null ? (
            <div>
              <dt>{t("budgeting.proposal.cityCost")}</dt>
              <dd>{formatEuros(proposal.reviewCost, locale)}</dd>
            </div>
          ) : null}
          {reason ? (
            <div>
              <dt>{t("budgeting.reason")}</dt>
              <dd lang={reason.lang}>{reason.text}</dd>
            </div>
          ) : null}
          {proposal.strategyActionId ? (
            <div>
              <dt>{t("budgeting.proposal.followUp")}</dt>
              <dd>
                <Link to={WEB_ROUTES.strategyAction.replace(":id", proposal.strategyActionId)}>
                  {t("budgeting.proposal.followUpLink")}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        {proposal.mergedInto ? (
          <p>
            <Link to={budgetingPath("budgetingProposal", proposal.mergedInto)}>
              {t("budgeting.proposal.mergedInto")}
            </Link>
          </p>
        ) : null}
        {proposal.mergedFrom.length > 0 ? (
          <>
            <h3>{t("budgeting.proposal.mergedFrom")}</h3>
            <ul>
              {proposal.mergedFrom.map((m) => (
                <li key={m.id}>
                  <Link to={budgetingPath("budgetingProposal", m.id)}>{m.title}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="content-section" aria-labelledby="kommentit-h">
        <h2 id="kommentit-h">{t("budgeting.comments", { count: proposal.comments.length })}</h2>
        <ol className="pb-list">
          {proposal.comments.map((c) => (
            <li key={c.id} className="pb-item">
              <p>
                <strong>
                  {t(`budgeting.proposal.author.${c.authorName === "city" ? "city" : "resident"}`)}
                </strong>
                {" · "}
                <time dateTime={c.createdAt}>{formatDate(c.createdAt, locale, true)}</time>
              </p>
              <p className="prose">{c.body}</p>
            </li>
          ))}
        </ol>
        <h3>{t("budgeting.proposal.commentHeading")}</h3>
        {person ? <CommentForm proposalId={proposal.id} onDone={reload} /> : <SignInPrompt />}
      </section>
    </>
  );
}

/** A proposal with its review and comments. */
export function ProposalPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const proposal = useProposal(id);
  const notFound = proposal.status === "error" && proposal.error.status === 404;
  useDocumentTitle(
    notFound ? t("notFound.title") : (proposal.data?.title ?? t("budgeting.proposal.kicker")),
    proposal.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.budgeting, label: t("budgeting.title") }]}
        current={proposal.data?.title ?? t("budgeting.proposal.kicker")}
        lang={proposal.data?.language}
      />
      <header className="page-header">
        <p className="kicker">{t("budgeting.proposal.kicker")}</p>
        <PageHeading lang={proposal.data?.language}>
          {proposal.data?.title ?? t("budgeting.proposal.kicker")}
        </PageHeading>
      </header>
      <LoadingStatus loading={proposal.status === "loading" && !proposal.data} />
      {proposal.status === "error" ? <ProblemAlert error={proposal.error} onRetry={proposal.reload} /> : null}
      {proposal.data ? <ProposalContent proposal={proposal.data} reload={proposal.reload} /> : null}
    </div>
  );
}
