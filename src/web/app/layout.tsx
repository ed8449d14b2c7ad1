import { type MouseEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { programmePath, WEB_ROUTES } from "../../contracts/web-routes.ts";
import { useStrategyOverview } from "../api/strategy/strategy.hooks.ts";
import { useLocalize } from "../components/localized.ts";
import { RouteFocusProvider } from "../components/route-focus.tsx";
import { AccountNav } from "../features/identity/account-nav.tsx";
import { LanguageSwitch } from "./language-switch.tsx";

const MAIN_ID = "main-content";

/** Moves focus into main without changing the URL (a hash would be taken for a route change). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14" className="brand__mark-outer" />
      <circle cx="16" cy="16" r="8" className="brand__mark-ring" />
      <circle cx="16" cy="16" r="3" className="brand__mark-dot" />
    </svg>
  );
}

function MainNavigation() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const strategy = useStrategyOverview();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();

  // A navigation closes the small-screen menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on each new path.
  useEffect(() => setOpen(false), [pathname]);

  const programmes = strategy.data?.programmes ?? [];
  return (
    <nav className="main-nav" aria-label={t("layout.mainNavigation")}>
      <div className="container">
        <button
          type="button"
          className="main-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((value) => !value)}
        >
          <span className="main-nav__toggle-icon" aria-hidden="true" />
          {t("layout.menu")}
        </button>
        <ul id={listId} className="main-nav__list" data-open={open}>
          <li>
            <NavLink to={WEB_ROUTES.home} end className="main-nav__link">
              {t("nav.home")}
            </NavLink>
          </li>
          {[...programmes]
            .sort((a, b) => a.position - b.position)
            .map((programme) => {
              const name = localize(programme.name);
              return (
                <li key={programme.id}>
                  <NavLink to={programmePath(programme.slug)} className="main-nav__link" lang={name.lang}>
                    {name.text}
                  </NavLink>
                </li>
              );
            })}
          <li>
            <NavLink to={WEB_ROUTES.strategy} className="main-nav__link">
              {t("followUp.nav")}
            </NavLink>
          </li>
        </ul>
      </div>
    </nav>
  );
}

/** The frame of every page: skip link, header with language switch, navigation, main and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <RouteFocusProvider>
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={skipToMain}>
        {t("layout.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to={WEB_ROUTES.home} className="brand">
            <BrandMark />
            <span className="brand__text">
              <span className="brand__name">{t("site.name")}</span>
              <span className="brand__owner">{t("site.owner")}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <AccountNav />
            <LanguageSwitch variant="header" />
          </div>
        </div>
      </header>
      <MainNavigation />
      <main id={MAIN_ID} tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <div className="site-footer__about">
            <p className="site-footer__name">
              <BrandMark />
              {t("site.name")}
            </p>
            <p>{t("footer.about")}</p>
            <p>{t("footer.licence")}</p>
          </div>
          <nav className="site-footer__links" aria-label={t("footer.linksLabel")}>
            <ul>
              <li>
                <Link to={WEB_ROUTES.accessibility}>{t("nav.accessibility")}</Link>
              </li>
              <li>
                <Link to={WEB_ROUTES.privacy}>{t("nav.privacy")}</Link>
              </li>
              <li>
                <Link to={WEB_ROUTES.openData}>{t("modules.names.opendata")}</Link>
              </li>
            </ul>
          </nav>
          <LanguageSwitch variant="footer" />
        </div>
      </footer>
    </RouteFocusProvider>
  );
}
