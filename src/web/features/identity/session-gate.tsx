import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Me, Role, SessionInfo } from "../../../contracts/identity.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { signInHref } from "./identity-helpers.ts";
import { hasRole, useSession } from "./session.tsx";

/** What a page that needs a signed-in person shows to someone signed out: why, and the way in. */
export function SignInPrompt() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <div className="notice-card">
      <p className="lead">{t("gate.signInNeeded")}</p>
      <p>
        <Link to={signInHref(`${pathname}${search}`)} className="button">
          {t("gate.signInLink")}
        </Link>
      </p>
      <p>
        {t("gate.noAccount")} <Link to={WEB_ROUTES.register}>{t("gate.registerLink")}</Link>
      </p>
    </div>
  );
}

/**
 * A page for signed-in people (and, with `roles`, only some of them). Until the session is known it shows
 * the page's heading and a loading status; signed out, a sign-in prompt; without the role, a refusal —
 * never a blank page. Otherwise it renders the page for the person.
 */
export function SessionGate({
  title,
  roles,
  children,
}: {
  title: string;
  roles?: Role[];
  children: (person: Me, info: SessionInfo) => ReactNode;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { info, error } = session;
  const person = info?.person;
  if (info && person && (!roles || hasRole(person, ...roles))) return <>{children(person, info)}</>;
  return (
    <div className="container page page--narrow">
      <PageHeading>{title}</PageHeading>
      <LoadingStatus loading={!info && !error} />
      {!info && error ? <ProblemAlert error={error} onRetry={() => void session.refresh()} /> : null}
      {info && !person ? <SignInPrompt /> : null}
      {info && person ? (
        <div className="notice-card">
          <p className="lead">{t("gate.forbidden")}</p>
          <p>
            <Link to={WEB_ROUTES.profile}>{t("gate.profileLink")}</Link>
          </p>
        </div>
      ) : null}
    </div>
  );
}
