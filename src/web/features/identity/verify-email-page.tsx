import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { verifyEmail } from "../../api/identity/identity.api.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { ResultPanel } from "./result-panel.tsx";

/** The link a mailed token arrives in, shown when the page was opened without one. */
export function MissingTokenNotice() {
  const { t } = useTranslation();
  return (
    <div className="notice-card">
      <p className="lead">{t("tokenLink.missing")}</p>
      <p>{t("tokenLink.missingHelp")}</p>
    </div>
  );
}

/**
 * Confirms an e-mail address with the mailed link's token. The person presses a button rather than the
 * page posting on load: mail scanners that open links must not use up the one-time token.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  useDocumentTitle(t("verifyEmail.title"));
  const submission = useSubmit<{ status: "accepted" }>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submission.run((options) => verifyEmail(token, options));
  }

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("verifyEmail.title")}</PageHeading>
      </header>
      {token === "" ? (
        <MissingTokenNotice />
      ) : submission.status === "success" ? (
        <ResultPanel title={t("verifyEmail.doneTitle")}>
          <p>{t("verifyEmail.doneBody")}</p>
          <p>
            <Link to={WEB_ROUTES.signIn} className="button">
              {t("verifyEmail.signInLink")}
            </Link>
          </p>
        </ResultPanel>
      ) : (
        <>
          <ErrorSummary error={submission.error} items={[]} attempt={submission.attempt} />
          {submission.error ? (
            <p>
              {t("verifyEmail.failedHelp")}{" "}
              <Link to={WEB_ROUTES.forgotPassword}>{t("verifyEmail.failedHelpLink")}</Link>
            </p>
          ) : null}
          <form className="form" onSubmit={(event) => void onSubmit(event)}>
            <p className="lead">{t("verifyEmail.intro")}</p>
            <div className="form__actions">
              <button type="submit" className="button">
                {submission.status === "pending" ? t("verifyEmail.submitting") : t("verifyEmail.submit")}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
