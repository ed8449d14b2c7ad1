import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ShiftView, SignupView } from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import {
  fetchMe,
  fetchOpportunity,
  signUp,
  signupCalendarHref,
} from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { signInHref } from "../identity/identity-helpers.ts";
import { ExampleLabel, formatShift, OpportunityFacts, VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

function SignupOutcome({ signup }: { signup: SignupView }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--success" role="status">
      <p>
        {signup.status === "confirmed"
          ? t("volunteering.opportunity.confirmed")
          : t("volunteering.opportunity.waitlisted", { position: signup.position ?? 0 })}
      </p>
      <p>
        <a href={signupCalendarHref(signup.id)} download="keskio-vuoro.ics">
          {t("volunteering.opportunity.downloadIcs")}
        </a>{" "}
        · <Link to={VOLUNTEERING_PATHS.me}>{t("volunteering.wish.toMyPage")}</Link>
      </p>
    </div>
  );
}

function ShiftsTable({ shifts, canSignUp }: { shifts: ShiftView[]; canSignUp: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submission = useSubmit<SignupView>();
  const [done, setDone] = useState<Record<string, SignupView>>({});

  async function join(shiftId: string) {
    const result = await submission.run((options) => signUp(shiftId, options));
    if (result.ok) setDone((d) => ({ ...d, [shiftId]: result.data }));
  }

  if (shifts.length === 0) return <p>{t("volunteering.wish.noShifts")}</p>;
  const latest = submission.data;
  return (
    <>
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      {latest ? <SignupOutcome signup={latest} /> : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" aria-labelledby="shifts-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="shifts-caption">{t("volunteering.opportunity.shiftsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("volunteering.opportunity.when")}</th>
              <th scope="col">{t("volunteering.opportunity.free")}</th>
              <th scope="col">{t("volunteering.opportunity.waitlist")}</th>
              <th scope="col">{t("volunteering.opportunity.action")}</th>
            </tr>
          </thead>
          <tbody>
            {shifts.map((shift) => {
              const when = formatShift(shift, locale);
              const free = Math.max(0, shift.places - shift.confirmed);
              const mine = done[shift.id];
              return (
                <tr key={shift.id}>
                  <th scope="row">{when}</th>
                  <td>{t("volunteering.opportunity.freeOf", { free, places: shift.places })}</td>
                  <td>{shift.waitlisted}</td>
                  <td>
                    {mine ? (
                      mine.status === "confirmed" ? (
                        t("volunteering.status.confirmed")
                      ) : (
                        t("volunteering.status.waitlisted")
                      )
                    ) : canSignUp ? (
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t(
                          free > 0
                            ? "volunteering.opportunity.signUpFor"
                            : "volunteering.opportunity.queueFor",
                          { when },
                        )}
                        onClick={() => void join(shift.id)}
                      >
                        {free > 0
                          ? t("volunteering.opportunity.signUp")
                          : t("volunteering.opportunity.queue")}
                      </button>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** One task: what it is, who asks, and its shifts to sign up for. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const { id = "" } = useParams();
  const opportunity = useApiResource(`opportunity:${id}`, locale, (options) => fetchOpportunity(id, options));
  const me = useApiResource("volunteer-me", locale, (options) => fetchMe(options));
  const title = opportunity.data ? local(opportunity.data.title) : undefined;
  useDocumentTitle(title?.text ?? t("volunteering.opportunity.loading"), opportunity.status !== "loading");

  return (
    <div className="container page">
      <Breadcrumb
        trail={[
          { to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") },
          { to: VOLUNTEERING_PATHS.opportunities, label: t("volunteering.list.title") },
        ]}
        current={title?.text ?? t("volunteering.opportunity.loading")}
        lang={title?.lang}
      />
      <header className="page-header">
        <PageHeading lang={title?.lang}>{title?.text ?? t("volunteering.opportunity.loading")}</PageHeading>
      </header>
      <LoadingStatus loading={opportunity.status === "loading"} />
      {opportunity.status === "error" ? (
        <ProblemAlert error={opportunity.error} onRetry={opportunity.reload} />
      ) : null}
      {opportunity.data ? (
        <>
          {opportunity.data.isExample ? (
            <p>
              <ExampleLabel />
            </p>
          ) : null}
          <p className="lead" lang={local(opportunity.data.description).lang}>
            {local(opportunity.data.description).text}
          </p>
          <OpportunityFacts opportunity={opportunity.data} />
          <section className="volunteering-section" aria-labelledby="shifts-heading">
            <h2 id="shifts-heading">{t("volunteering.opportunity.shiftsHeading")}</h2>
            {me.status === "error" ? (
              <div className="notice-card">
                <p>{t("volunteering.opportunity.profileNeeded")}</p>
                <p>
                  <Link to={VOLUNTEERING_PATHS.home}>{t("volunteering.opportunity.makeProfile")}</Link> ·{" "}
                  <Link to={signInHref(VOLUNTEERING_PATHS.opportunity(id))}>
                    {t("volunteering.opportunity.signIn")}
                  </Link>
                </p>
              </div>
            ) : null}
            <ShiftsTable shifts={opportunity.data.shifts} canSignUp={me.status === "success"} />
          </section>
        </>
      ) : null}
    </div>
  );
}
