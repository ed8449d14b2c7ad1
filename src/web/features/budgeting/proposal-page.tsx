import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { MAX_PROPOSAL_IMAGES, type ProposalDetail } from "../../../contracts/budgeting.ts";
import { budgetingPath, WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { addProposalImage, postComment, removeProposalImage } from "../../api/budgeting/budgeting.api.ts";
import { useProposal } from "../../api/budgeting/budgeting.hooks.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, type SummaryItem } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { MapView } from "../../components/map/map-view.tsx";
import { NotFoundContent } from "../../components/not-found.tsx";
import {
  type AttachedPhoto,
  PhotoFields,
  type PhotoFieldsProblem,
  PhotoList,
  photoAltFieldId,
} from "../../components/photo/photo-fields.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { hasRole, useSession } from "../identity/session.tsx";
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

const STAFF_PHOTOS_ID = "kuvat-lisaa";

/**
 * Staff's hand on a proposal's photos during review: remove one that must not be published (a recognisable
 * person, a licence plate) and add photos of their own, described for people who cannot see them.
 */
function StaffPhotos({ proposal, onChanged }: { proposal: ProposalDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [photos, setPhotos] = useState<AttachedPhoto[]>([]);
  const [problem, setProblem] = useState<PhotoFieldsProblem | undefined>();
  const [items, setItems] = useState<SummaryItem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState("");
  const add = useSubmit<ProposalDetail>();
  const remove = useSubmit<ProposalDetail>();
  const room = MAX_PROPOSAL_IMAGES - proposal.images.length;
  const altErrors: Record<number, string> = {};
  for (const item of items) {
    const photo = photos.find((p) => photoAltFieldId(STAFF_PHOTOS_ID, p) === item.fieldId);
    if (photo) altErrors[photo.key] = item.message;
  }

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setDone("");
    const found: SummaryItem[] =
      photos.length === 0 ? [{ fieldId: STAFF_PHOTOS_ID, message: t("budgeting.staffPhotos.choose") }] : [];
    photos.forEach((photo, index) => {
      if (!photo.alt.trim())
        found.push({
          fieldId: photoAltFieldId(STAFF_PHOTOS_ID, photo),
          message: t("budgeting.propose.photoAltMissing", { number: index + 1 }),
        });
    });
    setItems(found);
    if (found.length > 0) return;
    let added = 0;
    for (const photo of photos) {
      const image = { contentType: photo.contentType, data: photo.data, altText: photo.alt.trim() };
      const result = await add.run((options) => addProposalImage(proposal.id, image, options));
      if (!result.ok) break;
      added++;
      setPhotos((current) => current.filter((p) => p.key !== photo.key));
    }
    if (added > 0) {
      setDone(t("budgeting.staffPhotos.added", { count: added }));
      onChanged();
    }
  }

  async function onRemove(imageId: string) {
    setDone("");
    const result = await remove.run((options) => removeProposalImage(proposal.id, imageId, options));
    if (!result.ok) return;
    setDone(t("budgeting.staffPhotos.removed"));
    // The button is gone with its photo: focus returns to the section, whose status tells what happened.
    heading.current?.focus();
    onChanged();
  }

  return (
    <section className="content-section" aria-labelledby="kuvat-h">
      <h2 id="kuvat-h" ref={heading} tabIndex={-1}>
        {t("budgeting.staffPhotos.heading")}
      </h2>
      <p>{t("budgeting.staffPhotos.hint")}</p>
      {remove.error ? <ProblemAlert error={remove.error} /> : null}
      {proposal.images.length > 0 ? (
        <ul className="photo-list">
          {proposal.images.map((image, index) => (
            <li key={image.id}>
              <img
                src={image.url}
                alt={image.altText}
                lang={proposal.language}
                className="photo-list__image"
              />
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={remove.status === "pending"}
                onClick={() => void onRemove(image.id)}
              >
                {t("budgeting.staffPhotos.remove", { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("budgeting.staffPhotos.none")}</p>
      )}
      {room > 0 ? (
        <form className="form" onSubmit={onAdd} noValidate>
          <ErrorSummary error={add.error} items={items} attempt={attempt + add.attempt} />
          <PhotoFields
            id={STAFF_PHOTOS_ID}
            textKey="budgeting.propose"
            max={room}
            photos={photos}
            setPhotos={setPhotos}
            problem={problem}
            setProblem={setProblem}
            altRequired
            altErrors={altErrors}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={add.status === "pending"}>
              {t("budgeting.staffPhotos.add")}
            </button>
          </div>
        </form>
      ) : (
        <p>{t("budgeting.staffPhotos.full", { max: MAX_PROPOSAL_IMAGES })}</p>
      )}
      <p role="status" className="form__status">
        {done}
      </p>
    </section>
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
      {hasRole(person, "staff", "admin") ? <StaffPhotos proposal={proposal} onChanged={reload} /> : null}
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
