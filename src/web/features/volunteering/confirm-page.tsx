import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { VolunteerMe } from "../../../contracts/volunteering.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { confirmLightProfile } from "../../api/volunteering/volunteering.api.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { MissingTokenNotice } from "../identity/verify-email-page.tsx";
import { VOLUNTEERING_PATHS } from "./volunteering-parts.tsx";

/**
 * Confirms a light profile with the mailed token. A button, not an automatic post: mail scanners that open
 * links must not use up the one-time token.
 */
export function ConfirmProfilePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const submission = useSubmit<VolunteerMe>();
  useDocumentTitle(t("volunteering.confirm.title"));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submission.run((options) => confirmLightProfile(token, options));
  }

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("volunteering.confirm.title")}</PageHeading>
      </header>
      {token === "" ? (
        <MissingTokenNotice />
      ) : submission.status === "success" ? (
        <div className="notice notice--success" role="status">
          <p>{t("volunteering.confirm.done")}</p>
          <p>
            <Link to={VOLUNTEERING_PATHS.me} className="button">
              {t("volunteering.wish.toMyPage")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
          <p>{t("volunteering.confirm.intro")}</p>
          <form className="form" onSubmit={(event) => void onSubmit(event)}>
            <div className="form__actions">
              <button type="submit" className="button">
                {t("volunteering.confirm.submit")}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
