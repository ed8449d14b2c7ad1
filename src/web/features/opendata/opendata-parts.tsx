import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/localized-text.ts";
import type { OpenDataDistribution, OpenDataset } from "../../../contracts/opendata.ts";
import { useLocalize } from "../../components/localized.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";

/** A moment as a date in Helsinki time, e.g. "28.11.2026". */
export function formatChanged(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: "medium",
    timeZone: "Europe/Helsinki",
  }).format(new Date(iso));
}

/** A calendar date ("2026-01-01") as written in the interface language, without moving it across a zone. */
export function formatDay(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** How often it changes and when it last did: the facts both the list and the dataset page show. */
export function UpdateFacts({ dataset }: { dataset: OpenDataset }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div>
        <dt>{t("opendata.frequency")}</dt>
        <dd>{t(`opendata.frequencies.${dataset.frequency}`)}</dd>
      </div>
      <div>
        <dt>{t("opendata.modified")}</dt>
        <dd>
          {dataset.modified ? (
            <time dateTime={dataset.modified}>{formatChanged(dataset.modified, locale)}</time>
          ) : (
            t("opendata.notKnown")
          )}
        </dd>
      </div>
    </>
  );
}

/**
 * The dataset's files as links whose visible text is the format (CSV, JSON, XML, PB); the dataset's name
 * follows for screen readers, so that a list of many "CSV" links still tells them apart.
 */
export function FileLinks({
  dataset,
  datasetTitle,
  labelledBy,
}: {
  dataset: OpenDataset;
  datasetTitle: string;
  labelledBy: string;
}) {
  const localize = useLocalize();
  return (
    <ul className="odata-files" aria-labelledby={labelledBy}>
      {dataset.distributions.map((distribution) => {
        const title = distribution.title ? localize(distribution.title) : null;
        return (
          <li key={distribution.path}>
            <a href={distribution.path} className="odata-file">
              <span className="odata-file__format">{distribution.format}</span>
              {title ? (
                <span className="odata-file__title" lang={title.lang}>
                  {title.text}
                </span>
              ) : null}
              <span className="visually-hidden">
                {" – "}
                {datasetTitle}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The data dictionary of one file as a table: each column's name, type, unit and meaning. */
export function DictionaryTable({
  distribution,
  captionId,
}: {
  distribution: OpenDataDistribution & { fields: NonNullable<OpenDataDistribution["fields"]> };
  captionId: string;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const title = distribution.title ? localize(distribution.title).text : null;
  return (
    <table className="data-table odata-dictionary">
      <caption id={captionId}>
        {t("opendata.dataset.dictionaryCaption", { format: distribution.format })}
        {title ? ` (${title})` : ""}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("opendata.dataset.column")}</th>
          <th scope="col">{t("opendata.dataset.type")}</th>
          <th scope="col">{t("opendata.dataset.unit")}</th>
          <th scope="col">{t("opendata.dataset.description")}</th>
        </tr>
      </thead>
      <tbody>
        {distribution.fields.map((field) => {
          const description = localize(field.description);
          return (
            <tr key={field.name}>
              <th scope="row">
                <code>{field.name}</code>
              </th>
              <td>{t(`opendata.dataset.types.${field.type}`)}</td>
              <td>{field.unit ?? t("opendata.dataset.noUnit")}</td>
              <td lang={description.lang}>{description.text}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
