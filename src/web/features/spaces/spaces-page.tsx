import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { fetchSpaces } from "../../api/spaces/spaces.api.ts";
import { useApiResource } from "../../api/use-api-resource.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { ExampleLabel, formatIntervals, SPACES_PATHS, StatusText } from "./spaces-parts.tsx";

/** The shared living rooms, each with whether it is open now and today's hours. */
export function SpacesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const local = useLocalize();
  const list = useApiResource("spaces", locale, (options) => fetchSpaces(options));
  useDocumentTitle(t("spaces.list.title"), list.status !== "loading");

  return (
    <div className="container page">
      <header className="page-header">
        <PageHeading>{t("spaces.list.title")}</PageHeading>
        <p className="lead">{t("spaces.list.intro")}</p>
        <p>
          <Link to={SPACES_PATHS.events}>{t("spaces.events.title")}</Link>
        </p>
      </header>
      <LoadingStatus loading={list.status === "loading"} />
      {list.status === "error" ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data && list.data.length === 0 ? <p>{t("spaces.list.empty")}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="card-grid">
          {list.data.map((space) => {
            const description = local(space.description);
            return (
              <li key={space.id} className="card">
                <h2 className="card__title">
                  <Link className="card__link" to={SPACES_PATHS.space(space.id)}>
                    {space.name}
                  </Link>
                </h2>
                <p>
                  <StatusText status={space.status} />
                </p>
                <p>{t("spaces.list.today", { hours: formatIntervals(space.today.intervals, locale, t) })}</p>
                <p>{space.address}</p>
                <p className="card__body" lang={description.lang}>
                  {description.text}
                </p>
                {space.isExample ? <ExampleLabel /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
