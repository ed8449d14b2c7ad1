import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { confirmPasswordReset } from "../../api/identity/identity.api.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, PasswordField } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { type FieldError, newPasswordError, PASSWORD_MIN_LENGTH } from "./identity-helpers.ts";
import { PasswordRules } from "./password-rules.tsx";
import { ResultPanel } from "./result-panel.tsx";
import { useSession } from "./session.tsx";
import { MissingTokenNotice } from "./verify-email-page.tsx";

/** Sets a new password with the mailed link's token; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  useDocumentTitle(t("resetPassword.title"));
  const session = useSession();
  const submission = useSubmit<{ status: "accepted" }>();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<FieldError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = newPasswordError(password, null);
    setError(found);
    if (found) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) => confirmPasswordReset({ token, password }, options));
    // The reset ended every session, this browser's too.
    if (result.ok) await session.refresh();
  }

  const shown: FieldError | undefined =
    error ??
    (problemFieldNames(submission.error, ["password"]).length > 0
      ? { key: "passwordTooShort", values: { min: PASSWORD_MIN_LENGTH } }
      : undefined);
  const message = shown ? t(`forms.errors.${shown.key}`, shown.values ?? {}) : undefined;
  const tokenRefused = submission.error !== undefined && submission.error.status === 400 && !shown;

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("resetPassword.title")}</PageHeading>
      </header>
      {token === "" ? (
        <MissingTokenNotice />
      ) : submission.status === "success" ? (
        <ResultPanel title={t("resetPassword.doneTitle")}>
          <p>{t("resetPassword.doneBody")}</p>
          <p>
            <Link to={WEB_ROUTES.signIn} className="button">
              {t("resetPassword.signInLink")}
            </Link>
          </p>
        </ResultPanel>
      ) : (
        <>
          <p className="lead">{t("resetPassword.intro")}</p>
          <ErrorSummary
            error={submission.error}
            items={message ? [{ fieldId: "reset-password", message }] : []}
            attempt={attempt}
          />
          {tokenRefused ? (
            <p>
              <Link to={WEB_ROUTES.forgotPassword}>{t("resetPassword.newLink")}</Link>
            </p>
          ) : null}
          <form className="form form--card" noValidate onSubmit={(event) => void onSubmit(event)}>
            <PasswordField
              id="reset-password"
              label={t("forms.newPassword")}
              hint={<PasswordRules />}
              name="new-password"
              autoComplete="new-password"
              maxLength={200}
              value={password}
              error={message}
              onChange={(event) => setPassword(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button">
                {submission.status === "pending" ? t("resetPassword.submitting") : t("resetPassword.submit")}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
