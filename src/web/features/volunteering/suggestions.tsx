import type { TFunction } from "i18next";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { MatchReason, SuggestedVolunteer, VolunteerMe } from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  fetchSuggestions,
  inviteVolunteer,
  setSuggestions,
  stopSuggestionsByLink,
} from "../../api/volunteering/volunteering.api.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { MissingTokenNotice } from "../identity/verify-email-page.tsx";
import { VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

/** A reason why a volunteer is suggested, worded about the person (the representative reads it). */
export function suggestionReasonText(reason: MatchReason, t: TFunction): string {
  switch (reason.code) {
    case "interest":
      return t("volunteering.suggest.reasons.interest", {
        theme: t(`volunteering.themes.${reason.value}` as never),
      });
    case "skill":
      return t("volunteering.suggest.reasons.skill", {
        skill: t(`volunteering.skills.${reason.value}` as never),
      });
    case "area":
      return t("volunteering.suggest.reasons.area", {
        area: t(`volunteering.areas.${reason.value}` as never),
      });
    case "remote":
      return t("volunteering.reasons.remote");
    case "time":
      return t("volunteering.suggest.reasons.time", { count: reason.count ?? 0 });
    case "ongoing":
      return t("volunteering.reasons.ongoing");
    default:
      return reason.code;
  }
}

/**
 * The representative's "suggested volunteers" for one task: first names and reasons only, and an invite
 * button. Only people who allowed organisations to suggest tasks to them are listed.
 */
export function SuggestedVolunteers({ opportunityId, title }: { opportunityId: string; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [version, setVersion] = useState(0);
  const suggestions = useApiResource(`suggestions:${opportunityId}:${version}`, locale, (options) =>
    fetchSuggestions(opportunityId, options),
  );
  const submission = useSubmit<SuggestedVolunteer>();
  async function invite(volunteerId: string) {
    const result = await submission.run((options) => inviteVolunteer(opportunityId, volunteerId, options));
    if (result.ok) setVersion((v) => v + 1);
  }
  const headingId = `suggest-${opportunityId}`;
  return (
    <section aria-labelledby={headingId} className="suggestions">
      <h4 id={headingId}>{t("volunteering.suggest.heading")}</h4>
      <p className="field__hint">{t("volunteering.suggest.intro")}</p>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" && submission.data
          ? t("volunteering.suggest.invited", { name: submission.data.name })
          : ""}
      </p>
      {suggestions.status === "error" ? (
        <ProblemAlert error={suggestions.error} onRetry={suggestions.reload} />
      ) : null}
      {suggestions.data?.length === 0 ? <p>{t("volunteering.suggest.none")}</p> : null}
      {suggestions.data && suggestions.data.length > 0 ? (
        <ul className="suggestion-list" aria-label={t("volunteering.suggest.listLabel", { title })}>
          {suggestions.data.map((s) => (
            <li key={s.volunteerId} className="suggestion">
              <p>
                <strong>{s.name}</strong>{" "}
                <span className="field__hint">{t("volunteering.suggest.points", { count: s.score })}</span>
              </p>
              <ul className="reasons">
                {s.reasons.map((r) => (
                  <li key={`${r.code}-${r.value ?? ""}`}>{suggestionReasonText(r, t)}</li>
                ))}
              </ul>
              {s.invited ? (
                <p className="badge">{t("volunteering.suggest.alreadyInvited")}</p>
              ) : (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t("volunteering.suggest.inviteFor", { name: s.name, title })}
                  onClick={() => void invite(s.volunteerId)}
                >
                  {t("volunteering.suggest.invite")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The volunteer's own page: the "organisations may suggest tasks to me" choice and the invitations received. */
export function InvitationsSection({ me }: { me: VolunteerMe }) {
  const { t } = useTranslation();
  const local = useLocalize();
  const submission = useSubmit<VolunteerMe>();
  const [allow, setAllow] = useState(me.allowSuggestions);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // No reload of the page: the choice is this form's own state, and the status message must stay read.
    await submission.run((options) => setSuggestions(allow, options));
  }
  return (
    <section className="volunteering-section" aria-labelledby="my-invitations">
      <h2 id="my-invitations">{t("volunteering.invitations.heading")}</h2>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.status === "success" && submission.data
          ? t(
              submission.data.allowSuggestions
                ? "volunteering.invitations.nowOn"
                : "volunteering.invitations.nowOff",
            )
          : ""}
      </p>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <input
            id="allow-suggestions"
            type="checkbox"
            checked={allow}
            aria-describedby="allow-suggestions-hint"
            onChange={(event) => setAllow(event.target.checked)}
          />{" "}
          <label htmlFor="allow-suggestions">{t("volunteering.invitations.allow")}</label>
          <p id="allow-suggestions-hint" className="field__hint">
            {t("volunteering.invitations.allowHint")}
          </p>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("volunteering.invitations.save")}
          </button>
        </div>
      </form>
      {me.invitations.length === 0 ? (
        <p>{t("volunteering.invitations.none")}</p>
      ) : (
        <ul className="invitation-list">
          {me.invitations.map((i) => {
            const title = local(i.opportunityTitle);
            return (
              <li key={i.id}>
                {t("volunteering.invitations.from", { organisation: i.organisationName })}{" "}
                <Link to={VOLUNTEERING_PATHS.opportunity(i.opportunityId)} lang={title.lang}>
                  {title.text}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Stops suggestions from the link in an invitation e-mail. A button, not an automatic post: a mail scanner
 * that opens links must not change the person's choice.
 */
export function SuggestionsOffPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const submission = useSubmit<{ status: "ok" }>();
  useDocumentTitle(t("volunteering.suggestionsOff.title"));
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submission.run((options) => stopSuggestionsByLink(token, options));
  }
  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("volunteering.suggestionsOff.title")}</PageHeading>
      </header>
      {token === "" ? (
        <MissingTokenNotice />
      ) : submission.status === "success" ? (
        <div className="notice notice--success" role="status">
          <p>{t("volunteering.suggestionsOff.done")}</p>
          <p>
            <Link to={VOLUNTEERING_PATHS.me}>{t("volunteering.wish.toMyPage")}</Link>
          </p>
        </div>
      ) : (
        <>
          <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
          <p>{t("volunteering.suggestionsOff.intro")}</p>
          <form className="form" onSubmit={(event) => void onSubmit(event)}>
            <div className="form__actions">
              <button type="submit" className="button">
                {t("volunteering.suggestionsOff.submit")}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
