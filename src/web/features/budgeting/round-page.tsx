import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Proposal, Round } from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { useProposals, useRound } from "../../api/budgeting/budgeting.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { MapView } from "../../components/map/map-view.tsx";
import { NotFoundContent } from "../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { BallotRules, ExampleNote, formatDate, formatEuros } from "./budgeting-parts.tsx";
import "./budgeting.css";

/** A proposal as a list shows it: status, cost, place and the city's public reasons. */
export function ProposalSummary({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const cost = proposal.reviewCost ?? proposal.costEstimate;
  const reason = proposal.reviewReason ? local(proposal.reviewReason) : null;
  const photo = proposal.images[0];
  return (
    <li className={`pb-item${photo ? " pb-item--photo" : ""}`}>
      {photo ? (
        // The full photo scaled down by the browser (no second size is stored); lazy, so a long list stays light.
        <img
          src={photo.url}
          alt={photo.altText}
          lang={proposal.language}
          loading="lazy"
          className="pb-item__thumbnail"
        />
      ) : null}
      <h3>
        <Link to={budgetingPath("budgetingProposal", proposal.id)} lang={proposal.language}>
          {proposal.title}
        </Link>
      </h3>
      <p>
        <span className="pb-status">{t(`budgeting.status.${proposal.status}`)}</span>
        {cost !== null
          ? ` · ${t(proposal.reviewCost !== null ? "budgeting.cityCost" : "budgeting.estimate", {
              amount: formatEuros(cost, locale),
            })}`
          : ""}
        {proposal.locationText ? ` · ${proposal.locationText}` : ""}
        {` · ${t("budgeting.comments", { count: proposal.commentCount })}`}
      </p>
      {reason && proposal.status === "rejected" ? (
        <p lang={reason.lang}>
          {t("budgeting.reason")}: {reason.text}
        </p>
      ) : null}
    </li>
  );
}

function RoundContent({ round, proposals }: { round: Round; proposals: Proposal[] | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const description = local(round.description);
  return (
    <>
      {round.isExample ? <ExampleNote /> : null}
      <p lang={description.lang}>{description.text}</p>
      <div className="button-row">
        {round.phase === "ideas" ? (
          <Link className="button" to={budgetingPath("budgetingPropose", round.id)}>
            {t("budgeting.propose.link")}
          </Link>
        ) : null}
        {round.votingOpen ? (
          <Link className="button" to={budgetingPath("budgetingBallot", round.id)}>
            {t("budgeting.ballot.link")}
          </Link>
        ) : null}
        {round.resultsPublishedAt ? (
          <Link className="button" to={budgetingPath("budgetingResults", round.id)}>
            {t("budgeting.results.link")}
          </Link>
        ) : null}
      </div>
      <section className="content-section" aria-labelledby="kierros-h">
        <h2 id="kierros-h">{t("budgeting.round.factsHeading")}</h2>
        <dl className="facts">
          <div>
            <dt>{t("budgeting.round.phase")}</dt>
            <dd>{t(`budgeting.phases.${round.phase}`)}</dd>
          </div>
          <div>
            <dt>{t("budgeting.round.ideas")}</dt>
            <dd>{formatDate(round.ideasStart, locale)}</dd>
          </div>
          <div>
            <dt>{t("budgeting.round.review")}</dt>
            <dd>{formatDate(round.reviewStart, locale)}</dd>
          </div>
          <div>
            <dt>{t("budgeting.round.voting")}</dt>
            <dd>
              {formatDate(round.votingStart, locale, true)} – {formatDate(round.votingEnd, locale, true)}
            </dd>
          </div>
          <div>
            <dt>{t("budgeting.round.voters")}</dt>
            <dd>{t("budgeting.round.votersRule", { age: round.minAge })}</dd>
          </div>
        </dl>
        <BallotRules round={round} />
      </section>
      {round.areas.map((area) => {
        const name = local(area.name);
        const mine = (proposals ?? []).filter((p) => p.areaId === area.id && p.status !== "merged");
        const headingId = `alue-${area.id}`;
        return (
          <section key={area.id} className="content-section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <span lang={name.lang}>{name.text}</span> ({formatEuros(area.budget, locale)})
            </h2>
            {proposals && mine.length === 0 ? <p>{t("budgeting.round.noProposals")}</p> : null}
            {mine.some((p) => p.latitude !== null && p.longitude !== null) ? (
              <MapView
                label={`${t("budgeting.round.mapLabel")}: ${name.text}`}
                items={mine.flatMap((p) =>
                  p.latitude !== null && p.longitude !== null
                    ? [
                        {
                          id: p.id,
                          lat: p.latitude,
                          long: p.longitude,
                          title: p.title,
                          href: budgetingPath("budgetingProposal", p.id),
                        },
                      ]
                    : [],
                )}
              />
            ) : null}
            <ul className="pb-list">
              {mine.map((p) => (
                <ProposalSummary key={p.id} proposal={p} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** A round: phases and dates, rules, budgets per area and its proposals. */
export function RoundPage() {
  const { t } = useTranslation();
  const local = useLocalize();
  const { id = "" } = useParams();
  const round = useRound(id);
  const proposals = useProposals(id);
  const notFound = round.status === "error" && round.error.status === 404;
  const title = round.data ? local(round.data.title) : undefined;
  useDocumentTitle(
    notFound ? t("notFound.title") : (title?.text ?? t("budgeting.title")),
    round.status !== "loading",
  );
  if (notFound) return <NotFoundContent />;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.budgeting, label: t("budgeting.title") }]}
        current={title?.text ?? t("budgeting.title")}
        lang={title?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("budgeting.kicker")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("budgeting.title")}</PageHeading>
      </header>
      <LoadingStatus
        loading={(round.status === "loading" && !round.data) || proposals.status === "loading"}
      />
      {round.status === "error" ? <ProblemAlert error={round.error} onRetry={round.reload} /> : null}
      {proposals.status === "error" ? (
        <ProblemAlert error={proposals.error} onRetry={proposals.reload} />
      ) : null}
      {round.data ? <RoundContent round={round.data} proposals={proposals.data} /> : null}
    </div>
  );
}
