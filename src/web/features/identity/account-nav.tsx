import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { signInHref } from "./identity-helpers.ts";
import { hasRole, useSession } from "./session.tsx";

// Pages of the sign-in journey: a "sign in" link from one of them does not come back to it.
const AUTH_PATHS: readonly string[] = [
  WEB_ROUTES.signIn,
  WEB_ROUTES.register,
  WEB_ROUTES.verifyEmail,
  WEB_ROUTES.forgotPassword,
  WEB_ROUTES.resetPassword,
];

/**
 * The header's account links: "sign in" for someone signed out; for a signed-in person their name, linking
 * to their account, and the administration pages their roles open. Nothing while the session is unknown,
 * rather than a "sign in" that would flash for a signed-in person.
 */
export function AccountNav() {
  const { t } = useTranslation();
  const { info } = useSession();
  const { pathname, search } = useLocation();
  if (!info) return null;
  const person = info.person;
  const isAdmin = hasRole(person, "admin");
  const seesPeople = isAdmin || hasRole(person, "staff");
  return (
    <nav className="account-nav" aria-label={t("account.navLabel")}>
      <ul className="account-nav__list">
        {person ? (
          <>
            {seesPeople ? (
              <li>
                <NavLink to={WEB_ROUTES.adminPeople} className="account-nav__link">
                  {t("account.adminPeople")}
                </NavLink>
              </li>
            ) : null}
            {isAdmin ? (
              <li>
                <NavLink to={WEB_ROUTES.adminAudit} className="account-nav__link">
                  {t("account.adminAudit")}
                </NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to={WEB_ROUTES.profile} className="account-nav__link account-nav__person">
                <span className="account-nav__icon" aria-hidden="true" />
                <span className="visually-hidden">{t("account.profilePrefix")} </span>
                {person.displayName || t("account.profile")}
              </NavLink>
            </li>
          </>
        ) : (
          <li>
            <NavLink
              to={AUTH_PATHS.includes(pathname) ? WEB_ROUTES.signIn : signInHref(`${pathname}${search}`)}
              className="account-nav__link account-nav__sign-in"
            >
              <span className="account-nav__icon" aria-hidden="true" />
              {t("account.signIn")}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
