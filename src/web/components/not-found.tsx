import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";
import { PageHeading } from "./route-focus.tsx";

/** What a missing page says: for unknown paths and for content the API does not know (404). */
export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <div className="container page page--narrow not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p className="lead">{t("notFound.body")}</p>
      <p>
        <Link to={WEB_ROUTES.home} className="button">
          {t("notFound.homeLink")}
        </Link>
      </p>
    </div>
  );
}
