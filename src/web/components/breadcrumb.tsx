import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";

/** A step of the trail that leads to the current page. */
export interface Crumb {
  to: string;
  label: string;
}

/** The breadcrumb trail: home, the given steps, then the current page (marked aria-current). */
export function Breadcrumb({
  trail = [],
  current,
  lang,
}: {
  trail?: Crumb[];
  current: string;
  lang?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumb" aria-label={t("layout.breadcrumb")}>
      <ol>
        <li>
          <Link to={WEB_ROUTES.home}>{t("nav.home")}</Link>
        </li>
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
        <li aria-current="page" lang={lang}>
          {current}
        </li>
      </ol>
    </nav>
  );
}
