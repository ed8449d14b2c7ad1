import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { requestPasswordReset } from "../../api/identity/identity.api.ts";
import { problemFieldNames } from "../../api/problem.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, TextField } from "../../components/form.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { emailError, type FieldError } from "./identity-helpers.ts";
import { ResultPanel } from "./result-panel.tsx";

/** Asks for a password reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("forgotPassword.title"));
  const submission = useSubmit<{ status: "accepted" }>();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<FieldError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [sentTo, setSentTo] = useState<string | undefined>(undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = emailError(email);
    setError(found);
    if (found) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) => requestPasswordReset(email.trim(), options));
    if (result.ok) setSentTo(email.trim());
  }

  const shown: FieldError | undefined =
    error ??
    (problemFieldNames(submission.error, ["email"]).length > 0 ? { key: "emailInvalid" } : undefined);
  const message = shown ? t(`forms.errors.${shown.key}`) : undefined;

  return (
    <div className="container page page--narrow">
      <header className="page-header">
        <PageHeading>{t("forgotPassword.title")}</PageHeading>
        <p className="lead">{t("forgotPassword.intro")}</p>
      </header>
      {sentTo ? (
        <ResultPanel title={t("forgotPassword.sentTitle")}>
          <p>{t("forgotPassword.sentBody", { email: sentTo })}</p>
          <p>{t("forgotPassword.sentNothing")}</p>
        </ResultPanel>
      ) : (
        <>
          <ErrorSummary
            error={submission.error}
            items={message ? [{ fieldId: "forgot-email", message }] : []}
            attempt={attempt}
          />
          <form className="form form--card" noValidate onSubmit={(event) => void onSubmit(event)}>
            <TextField
              id="forgot-email"
              label={t("forms.email")}
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={254}
              value={email}
              error={message}
              onChange={(event) => setEmail(event.target.value)}
            />
            <div className="form__actions">
              <button type="submit" className="button">
                {submission.status === "pending"
                  ? t("forgotPassword.submitting")
                  : t("forgotPassword.submit")}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to={WEB_ROUTES.signIn}>{t("forgotPassword.backToSignIn")}</Link>
      </p>
    </div>
  );
}
