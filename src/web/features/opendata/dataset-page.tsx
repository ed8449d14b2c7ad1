import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { OPEN_DATA_LICENSE, type OpenDataset } from "../../../contracts/opendata.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { useOpenDataset } from "../../api/opendata/opendata.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { NotFoundContent } from "../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { DictionaryTable, formatDay, UpdateFacts } from "./opendata-parts.tsx";
import "./opendata.css";

function Facts({ dataset }: { dataset: OpenDataset }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const { temporal } = dataset;
  return (
    <dl className="facts odata-facts">
      <div>
        <dt>{t("opendata.dataset.identifier")}</dt>
        <dd>
          <code>{dataset.id}</code>
        </dd>
      </div>
      <div>
        <dt>{t("opendata.dataset.theme")}</dt>
        <dd>{t(`opendata.themes.${dataset.theme}`)}</dd>
      </div>
      <UpdateFacts dataset={dataset} />
      {temporal ? (
        <div>
          <dt>{t("opendata.dataset.period")}</dt>
          <dd>
            {temporal.end
              ? t("opendata.dataset.periodRange", {
                  start: formatDay(temporal.start, locale),
                  end: formatDay(temporal.end, locale),
                })
              : t("opendata.dataset.periodFrom", { start: formatDay(temporal.start, locale) })}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t("opendata.dataset.licence")}</dt>
        <dd>
          <a href={OPEN_DATA_LICENSE.url} rel="license">
            CC BY 4.0
          </a>
        </dd>
      </div>
      {dataset.keywords.length > 0 ? (
        <div>
          <dt>{t("opendata.dataset.keywords")}</dt>
          <dd>
            {dataset.keywords.map((keyword, i) => {
              const word = localize(keyword);
              return (
                <span key={keyword.fi}>
                  {i > 0 ? ", " : ""}
                  <span lang={word.lang}>{word.text}</span>
                </span>
              );
            })}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function Files({ dataset }: { dataset: OpenDataset }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  return (
    <section className="content-section" aria-labelledby="odata-files">
      <h2 id="odata-files">{t("opendata.dataset.filesHeading")}</h2>
      {dataset.distributions.map((distribution, index) => {
        const title = distribution.title ? localize(distribution.title) : null;
        const headingId = `odata-file-${index}`;
        const { fields } = distribution;
        return (
          <section key={distribution.path} aria-labelledby={headingId} className="odata-file-section">
            <h3 id={headingId}>
              {distribution.format}
              {title ? (
                <>
                  {": "}
                  <span lang={title.lang}>{title.text}</span>
                </>
              ) : null}
            </h3>
            <p>
              <a href={distribution.path} className="odata-file">
                {t("opendata.dataset.download", { format: distribution.format })}
              </a>
            </p>
            {distribution.conformsTo ? (
              <p>
                {t("opendata.dataset.conformsTo")}{" "}
                <a href={distribution.conformsTo}>{distribution.conformsTo}</a>
              </p>
            ) : null}
            {fields && fields.length > 0 ? (
              // The dictionary is narrow enough for 320 px; the region scrolls only if a column name cannot wrap.
              <section
                className="table-scroll odata-dictionary__scroll"
                aria-labelledby={`${headingId}-caption`}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
                tabIndex={0}
              >
                <DictionaryTable
                  distribution={{ ...distribution, fields }}
                  captionId={`${headingId}-caption`}
                />
              </section>
            ) : distribution.format === "CSV" ? (
              <p>{t("opendata.dataset.noDictionary")}</p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

/** One open dataset: what it holds, its files with their data dictionaries, and how small counts are kept. */
export function OpenDatasetPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { id = "" } = useParams();
  const dataset = useOpenDataset(id);
  const title = dataset.data ? localize(dataset.data.title) : null;
  useDocumentTitle(title?.text ?? t("opendata.title"), dataset.status !== "loading");
  if (dataset.status === "error" && dataset.error.status === 404) return <NotFoundContent />;
  const data = dataset.data;
  const description = data ? localize(data.description) : null;
  const suppression = data?.suppression ? localize(data.suppression) : null;
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.openData, label: t("opendata.title") }]}
        current={title?.text ?? t("opendata.title")}
        lang={title?.lang}
      />
      <header className="page-header">
        <p className="kicker">{t("opendata.kicker")}</p>
        <PageHeading lang={title?.lang}>{title?.text ?? t("opendata.title")}</PageHeading>
        {description ? (
          <p className="lead" lang={description.lang}>
            {description.text}
          </p>
        ) : null}
      </header>
      <LoadingStatus loading={dataset.status === "loading" && !data} />
      {dataset.status === "error" ? <ProblemAlert error={dataset.error} onRetry={dataset.reload} /> : null}
      {data ? (
        <>
          <Facts dataset={data} />
          <Files dataset={data} />
          {suppression ? (
            <section className="content-section" aria-labelledby="odata-suppression">
              <h2 id="odata-suppression">{t("opendata.dataset.suppressionHeading")}</h2>
              <p lang={suppression.lang}>{suppression.text}</p>
            </section>
          ) : null}
          {data.landingPage ? (
            <section className="content-section" aria-labelledby="odata-landing">
              <h2 id="odata-landing">{t("opendata.dataset.landingHeading")}</h2>
              <p>
                {data.landingPage.startsWith("/api/") ? (
                  <a href={data.landingPage}>{t("opendata.dataset.landingLink")}</a>
                ) : (
                  <Link to={data.landingPage}>{t("opendata.dataset.landingLink")}</Link>
                )}
              </p>
            </section>
          ) : null}
        </>
      ) : null}
      <p>
        <Link to={WEB_ROUTES.openData}>{t("opendata.dataset.back")}</Link>
      </p>
    </div>
  );
}
