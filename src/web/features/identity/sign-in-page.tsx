import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import type { SessionInfo } from "../../../contracts/identity.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { oidcStartHref, signIn } from "../../api/identity/identity.api.ts";
import { useSubmit } from "../../api/use-submit.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { ErrorSummary, PasswordField, type SummaryItem, TextField } from "../../components/form.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { identificationError, safeReturnPath } from "./identity-helpers.ts";
import { useSession } from "./session.tsx";

/** What the sign-in page may be told by the page that sent the person here. */
export type SignInNotice = { notice?: "signedOut" | "signedOutEverywhere" };

function IdentificationProblem({ reason }: { reason: NonNullable<ReturnType<typeof identificationError>> }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="problem-alert">
      <p className="problem-alert__title">{t(`signIn.identificationErrors.${reason}.title`)}</p>
      <p className="problem-alert__detail">{t(`signIn.identificationErrors.${reason}.detail`)}</p>
    </div>
  );
}

/** Strong identification: why it is asked for, and the way to the identity provider. */
export function StrongIdentification({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  return (
    <section className="auth-card auth-card--strong" aria-labelledby="strong-identification-heading">
      <h2 id="strong-identification-heading">{t("signIn.strongHeading")}</h2>
      <p>{t("signIn.strongWhy")}</p>
      <p>{t("signIn.strongPrivacy")}</p>
      <p>
        <a href={oidcStartHref(returnTo)} className="button button--block">
          {t("signIn.strongLink")}
        </a>
      </p>
    </section>
  );
}

function PasswordSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const submission = useSubmit<SessionInfo>();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({
    email: false,
    password: false,
  });
  const [attempt, setAttempt] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const nowMissing = { email: email.trim() === "", password: password === "" };
    setMissing(nowMissing);
    if (nowMissing.email || nowMissing.password) {
      submission.reset();
      return;
    }
    const result = await submission.run((options) => signIn({ email: email.trim(), password }, options));
    if (result.ok) {
      session.update(result.data);
      navigate(returnTo);
    }
  }

  const items: SummaryItem[] = [];
  if (missing.email) items.push({ fieldId: "sign-in-email", message: t("forms.errors.emailRequired") });
  if (missing.password) {
    items.push({ fieldId: "sign-in-password", message: t("forms.errors.passwordRequired") });
  }
  const error = submission.error;
  return (
    <section className="auth-card" aria-labelledby="password-sign-in-heading">
      <h2 id="password-sign-in-heading">{t("signIn.passwordHeading")}</h2>
      <ErrorSummary error={error} items={items} attempt={attempt} />
      {error?.status === 403 ? (
        <p className="field__hint">
          {t("signIn.unverifiedHelp")}{" "}
          <Link to={WEB_ROUTES.forgotPassword}>{t("signIn.unverifiedHelpLink")}</Link>
        </p>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id="sign-in-email"
          label={t("forms.email")}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          error={missing.email ? t("forms.errors.emailRequired") : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          id="sign-in-password"
          label={t("forms.password")}
          name="password"
          autoComplete="current-password"
          value={password}
          error={missing.password ? t("forms.errors.passwordRequired") : undefined}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button">
            {submission.status === "pending" ? t("signIn.submitting") : t("signIn.submit")}
          </button>
          <Link to={WEB_ROUTES.forgotPassword}>{t("signIn.forgotLink")}</Link>
        </div>
      </form>
      <p className="auth-card__footer">
        {t("signIn.noAccount")} <Link to={WEB_ROUTES.register}>{t("signIn.registerLink")}</Link>
      </p>
    </section>
  );
}

/** Sign-in: e-mail and password, and strong identification when the city has it configured. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { state } = useLocation();
  const session = useSession();
  useDocumentTitle(t("signIn.title"));
  const returnTo = safeReturnPath(params.get("returnTo"));
  const reason = identificationError(params.get("error"));
  const notice = (state as SignInNotice | null)?.notice;
  const person = session.info?.person;

  return (
    <div className="container page">
      <header className="page-header">
        <PageHeading>{t("signIn.title")}</PageHeading>
        <p className="lead">{t("signIn.intro")}</p>
      </header>
      {notice ? <p className="notice notice--success">{t(`signIn.notices.${notice}`)}</p> : null}
      {reason ? <IdentificationProblem reason={reason} /> : null}
      <LoadingStatus loading={!session.info && !session.error} />
      {!session.info && session.error ? (
        <ProblemAlert error={session.error} onRetry={() => void session.refresh()} />
      ) : null}
      {person ? (
        <div className="notice-card">
          <p className="lead">{t("signIn.alreadySignedIn", { name: person.displayName })}</p>
          <p>
            <Link to={WEB_ROUTES.profile} className="button">
              {t("signIn.profileLink")}
            </Link>
          </p>
        </div>
      ) : (
        <div className="auth-options">
          <PasswordSignIn returnTo={returnTo} />
          {session.info?.oidcAvailable ? <StrongIdentification returnTo={returnTo} /> : null}
        </div>
      )}
    </div>
  );
}
