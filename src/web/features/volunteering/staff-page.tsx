import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationView } from "../../../contracts/volunteering.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { decideOrganisation, fetchAllOrganisations } from "../../api/volunteering/volunteering.api.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { SessionGate } from "../identity/session-gate.tsx";
import { VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

function Approvals() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [version, setVersion] = useState(0);
  const list = useApiResource(`all-organisations:${version}`, locale, (options) =>
    fetchAllOrganisations(options),
  );
  const submission = useSubmit<OrganisationView>();
  async function decide(id: string, approve: boolean) {
    const result = await submission.run((options) => decideOrganisation(id, approve, options));
    if (result.ok) setVersion((v) => v + 1);
  }
  return (
    <>
      <LoadingStatus loading={list.status === "loading" && !list.data} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
      <p className="visually-hidden" role="status">
        {submission.data ? t(`volunteering.orgStatus.${submission.data.status}`) : ""}
      </p>
      {list.data ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
        <section className="table-scroll" aria-labelledby="approvals-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="approvals-caption">{t("volunteering.staff.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("volunteering.orgs.name")}</th>
                <th scope="col">{t("volunteering.orgs.kind")}</th>
                <th scope="col">{t("volunteering.orgs.yTunnus")}</th>
                <th scope="col">{t("volunteering.orgs.email")}</th>
                <th scope="col">{t("volunteering.staff.status")}</th>
                <th scope="col">{t("volunteering.opportunity.action")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{t(`volunteering.orgKinds.${o.kind}`)}</td>
                  <td>{o.yTunnus ?? "–"}</td>
                  <td>{o.contactEmail}</td>
                  <td>{t(`volunteering.orgStatus.${o.status}`)}</td>
                  <td>
                    {o.status === "pending" ? (
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t("volunteering.staff.approveFor", { name: o.name })}
                          onClick={() => void decide(o.id, true)}
                        >
                          {t("volunteering.staff.approve")}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t("volunteering.staff.rejectFor", { name: o.name })}
                          onClick={() => void decide(o.id, false)}
                        >
                          {t("volunteering.staff.reject")}
                        </button>
                      </div>
                    ) : (
                      "–"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

/** City staff approve the organisations that may publish tasks. */
export function VolunteeringStaffPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("volunteering.staff.title"));
  return (
    <SessionGate title={t("volunteering.staff.title")} roles={["staff", "admin"]}>
      {() => (
        <div className="container page">
          <Breadcrumb
            trail={[{ to: VOLUNTEERING_PATHS.home, label: t("volunteering.nav.home") }]}
            current={t("volunteering.staff.title")}
          />
          <header className="page-header">
            <PageHeading>{t("volunteering.staff.title")}</PageHeading>
            <p className="lead">{t("volunteering.staff.intro")}</p>
          </header>
          <Approvals />
        </div>
      )}
    </SessionGate>
  );
}
