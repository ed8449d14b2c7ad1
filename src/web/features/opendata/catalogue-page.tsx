import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { OPEN_DATA_LICENSE, type OpenDataCatalogue, type OpenDataset } from "../../../contracts/opendata.ts";
import { openDatasetPath } from "../../../contracts/web-routes.ts";
import { OPEN_DATA_API } from "../../api/opendata/opendata.api.ts";
import { useOpenDataCatalogue } from "../../api/opendata/opendata.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { FileLinks, UpdateFacts } from "./opendata-parts.tsx";
import "./opendata.css";

/** The datasets grouped by module, keeping the catalogue's order (modules in order, titles within). */
export function groupByModule(
  datasets: readonly OpenDataset[],
): { module: string; datasets: OpenDataset[] }[] {
  const groups: { module: string; datasets: OpenDataset[] }[] = [];
  for (const dataset of datasets) {
    const last = groups[groups.length - 1];
    if (last?.module === dataset.module) last.datasets.push(dataset);
    else groups.push({ module: dataset.module, datasets: [dataset] });
  }
  return groups;
}

function DatasetItem({ dataset }: { dataset: OpenDataset }) {
  const localize = useLocalize();
  const { t } = useTranslation();
  const title = localize(dataset.title);
  const description = localize(dataset.description);
  return (
    <li className="odata-dataset">
      <h4 className="odata-dataset__title">
        <Link to={openDatasetPath(dataset.id)} lang={title.lang}>
          {title.text}
        </Link>
      </h4>
      <p lang={description.lang}>{description.text}</p>
      <dl className="facts odata-facts">
        <UpdateFacts dataset={dataset} />
      </dl>
      <p className="odata-files__label" id={`odata-files-${dataset.id}`}>
        {t("opendata.files")}
      </p>
      <FileLinks dataset={dataset} datasetTitle={title.text} labelledBy={`odata-files-${dataset.id}`} />
    </li>
  );
}

function Datasets({ catalogue }: { catalogue: OpenDataCatalogue }) {
  const { t } = useTranslation();
  const moduleName = (module: string) => t(`modules.names.${module}`, { defaultValue: module });
  const missing = catalogue.unavailableModules ?? [];
  return (
    <>
      {missing.length > 0 ? (
        <p className="notice">{t("opendata.unavailable", { modules: missing.map(moduleName).join(", ") })}</p>
      ) : null}
      {catalogue.datasets.length === 0 && missing.length === 0 ? (
        <p className="notice">{t("opendata.empty")}</p>
      ) : null}
      {groupByModule(catalogue.datasets).map((group) => (
        <section key={group.module} aria-labelledby={`odata-module-${group.module}`} className="odata-module">
          <h3 id={`odata-module-${group.module}`}>{moduleName(group.module)}</h3>
          <ul className="odata-datasets">
            {group.datasets.map((dataset) => (
              <DatasetItem key={dataset.id} dataset={dataset} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The open data page: every dataset by module, how to use and credit them, and the files for harvesters. */
export function OpenDataPage() {
  const { t } = useTranslation();
  const catalogue = useOpenDataCatalogue();
  useDocumentTitle(t("opendata.title"));
  return (
    <div className="container page">
      <header className="page-header">
        <p className="kicker">{t("opendata.kicker")}</p>
        <PageHeading>{t("opendata.title")}</PageHeading>
        <p className="lead">{t("opendata.intro")}</p>
      </header>
      <section className="content-section" aria-labelledby="odata-use">
        <h2 id="odata-use">{t("opendata.useHeading")}</h2>
        <p>{t("opendata.useText")}</p>
        <p className="odata-attribution__label">{t("opendata.attributionLabel")}</p>
        <p className="odata-attribution">{t("opendata.attribution")}</p>
        <p>
          <a href={OPEN_DATA_LICENSE.url} rel="license">
            {t("opendata.licenceLink")}
          </a>
        </p>
      </section>
      <section className="content-section" aria-labelledby="odata-datasets">
        <h2 id="odata-datasets">{t("opendata.datasetsHeading")}</h2>
        <LoadingStatus loading={catalogue.status === "loading" && !catalogue.data} />
        {catalogue.status === "error" ? (
          <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} />
        ) : null}
        {catalogue.data ? <Datasets catalogue={catalogue.data} /> : null}
      </section>
      <section className="content-section" aria-labelledby="odata-machine">
        <h2 id="odata-machine">{t("opendata.machineHeading")}</h2>
        <p>{t("opendata.machineText")}</p>
        <ul className="odata-machine-links">
          <li>
            <a href={OPEN_DATA_API.catalogue} type="application/json">
              {t("opendata.catalogueJson")}
            </a>
          </li>
          <li>
            <a href={OPEN_DATA_API.dcat} type="application/ld+json">
              {t("opendata.catalogueDcat")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
