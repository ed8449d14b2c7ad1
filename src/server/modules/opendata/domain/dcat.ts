import type { LocalizedText } from "../../../../contracts/localized-text.ts";
import type { OpenDataCatalogue, OpenDataDistribution, OpenDataset } from "../../../../contracts/opendata.ts";

// The catalogue as DCAT-AP 3.0 JSON-LD, for harvesters such as avoindata.fi and data.europa.eu.
// Followed: DCAT-AP 3.0.0 (SEMIC Recommendation, 2024-06-14, https://semiceu.github.io/DCAT-AP/releases/3.0.0/)
// - Catalogue: mandatory dct:title, dct:description, dct:publisher; recommended dcat:dataset, foaf:homepage,
//   dct:language, dct:license, dct:modified, dcat:themeTaxonomy.
// - Dataset: mandatory dct:title, dct:description; recommended dcat:distribution, dcat:keyword, dct:publisher,
//   dct:temporal, dcat:theme (and dcat:contactPoint, left out: the installation has no real contact address
//   to give); optional dct:identifier, dct:accrualPeriodicity, dct:modified, dcat:landingPage.
// - Distribution: mandatory dcat:accessURL; recommended dct:format, dct:license, dct:description; optional
//   dcat:downloadURL, dcat:mediaType, dct:conformsTo, dct:title.
// - Agent: mandatory foaf:name; recommended dct:type (ADMS publisher type).
// - Controlled vocabularies: data themes, frequencies, file types, languages and licences from the EU
//   Publications Office authority tables; media types as IANA URIs; temporal coverage as dct:PeriodOfTime
//   with dcat:startDate / dcat:endDate.

const EU = "http://publications.europa.eu/resource/authority";

/** The JSON-LD context: the prefixes of the vocabularies used. */
export const DCAT_CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
} as const;

/** The EU file-type table has CSV, JSON and XML; a Pabulib .pb file has no entry there, so it gets none. */
const FILE_TYPES: Partial<Record<OpenDataDistribution["format"], string>> = {
  CSV: `${EU}/file-type/CSV`,
  JSON: `${EU}/file-type/JSON`,
  XML: `${EU}/file-type/XML`,
};

const LANGUAGES = { fi: `${EU}/language/FIN`, sv: `${EU}/language/SWE`, en: `${EU}/language/ENG` };

/** The EU licence table's entry for CC BY 4.0 (what DCAT-AP recommends) and the licence's own page. */
const LICENCE = {
  "@id": `${EU}/licence/CC_BY_4_0`,
  "@type": "dct:LicenseDocument",
  "rdfs:seeAlso": { "@id": "https://creativecommons.org/licenses/by/4.0/" },
};

type Literal = { "@value": string; "@language"?: string; "@type"?: string };
type Node = { [key: string]: unknown };

/** The DCAT-AP document: the catalogue node, with its datasets and their distributions inside. */
export type DcatCatalogueDocument = Node & {
  "@context": typeof DCAT_CONTEXT;
  "@id": string;
  "@type": "dcat:Catalog";
};

/** Every language version of a text, each tagged with its language. */
export function languageTagged(text: LocalizedText): Literal[] {
  return (["fi", "sv", "en"] as const).flatMap((lang) => {
    const value = text[lang];
    return value ? [{ "@value": value, "@language": lang }] : [];
  });
}

/** An IANA media type URI for a media type, without its parameters ("text/csv; charset=utf-8" → text/csv). */
export function ianaMediaType(mediaType: string): string {
  const bare = mediaType.split(";")[0]?.trim().toLowerCase() ?? "";
  return `https://www.iana.org/assignments/media-types/${bare}`;
}

/**
 * A site path made absolute with the installation's public address, keeping any path the address has (a
 * proxy may serve Keskiö under /keskio), as the server's other absolute links do.
 */
export function absoluteUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${path}`;
}

/** Where the open data pages and API answer, as absolute URLs. */
export function openDataUrls(publicUrl: string) {
  return {
    catalogue: absoluteUrl(publicUrl, "/api/v1/open-data/catalog.jsonld"),
    homepage: absoluteUrl(publicUrl, "/open-data"),
    publisher: absoluteUrl(publicUrl, "/open-data#publisher"),
    dataset: (id: string) => absoluteUrl(publicUrl, `/api/v1/open-data/datasets/${encodeURIComponent(id)}`),
    datasetPage: (id: string) => absoluteUrl(publicUrl, `/open-data/${encodeURIComponent(id)}`),
  };
}

function distributionNode(
  publicUrl: string,
  datasetUri: string,
  distribution: OpenDataDistribution,
  index: number,
): Node {
  const url = absoluteUrl(publicUrl, distribution.path);
  const fileType = FILE_TYPES[distribution.format];
  return {
    "@id": `${datasetUri}#distribution-${index + 1}`,
    "@type": "dcat:Distribution",
    "dcat:accessURL": { "@id": url },
    "dcat:downloadURL": { "@id": url },
    "dcat:mediaType": { "@id": ianaMediaType(distribution.mediaType) },
    ...(fileType ? { "dct:format": { "@id": fileType } } : {}),
    "dct:license": LICENCE,
    ...(distribution.title ? { "dct:title": languageTagged(distribution.title) } : {}),
    ...(distribution.conformsTo ? { "dct:conformsTo": { "@id": distribution.conformsTo } } : {}),
  };
}

function datasetNode(publicUrl: string, dataset: OpenDataset): Node {
  const urls = openDataUrls(publicUrl);
  const uri = urls.dataset(dataset.id);
  const landingPages = [urls.datasetPage(dataset.id)];
  if (dataset.landingPage) landingPages.push(absoluteUrl(publicUrl, dataset.landingPage));
  return {
    "@id": uri,
    "@type": "dcat:Dataset",
    "dct:identifier": dataset.id,
    "dct:title": languageTagged(dataset.title),
    "dct:description": languageTagged(dataset.description),
    "dcat:keyword": dataset.keywords.flatMap(languageTagged),
    "dcat:theme": { "@id": `${EU}/data-theme/${dataset.theme}` },
    "dct:accrualPeriodicity": { "@id": `${EU}/frequency/${dataset.frequency}` },
    ...(dataset.temporal
      ? {
          "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": { "@value": dataset.temporal.start, "@type": "xsd:date" },
            ...(dataset.temporal.end
              ? { "dcat:endDate": { "@value": dataset.temporal.end, "@type": "xsd:date" } }
              : {}),
          },
        }
      : {}),
    ...(dataset.modified ? { "dct:modified": { "@value": dataset.modified, "@type": "xsd:dateTime" } } : {}),
    "dcat:landingPage": landingPages.map((page) => ({ "@id": page, "@type": "foaf:Document" })),
    "dct:publisher": { "@id": urls.publisher },
    "dct:license": LICENCE,
    "dcat:distribution": dataset.distributions.map((d, i) => distributionNode(publicUrl, uri, d, i)),
  };
}

/** The latest change of any dataset, when any can tell. */
function latestChange(datasets: readonly OpenDataset[]): string | null {
  const times = datasets.flatMap((d) => (d.modified ? [d.modified] : []));
  if (times.length === 0) return null;
  return times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** The whole catalogue as one DCAT-AP 3.0 JSON-LD document: the catalogue node with its datasets inside. */
export function toDcatAp(catalogue: OpenDataCatalogue, publicUrl: string): DcatCatalogueDocument {
  const urls = openDataUrls(publicUrl);
  const modified = latestChange(catalogue.datasets);
  return {
    "@context": DCAT_CONTEXT,
    "@id": urls.catalogue,
    "@type": "dcat:Catalog",
    "dct:title": languageTagged(catalogue.title),
    "dct:description": languageTagged(catalogue.description),
    "dct:publisher": {
      "@id": urls.publisher,
      "@type": "foaf:Agent",
      "foaf:name": languageTagged(catalogue.publisher),
      "dct:type": { "@id": "http://purl.org/adms/publishertype/LocalAuthority" },
    },
    "foaf:homepage": { "@id": urls.homepage, "@type": "foaf:Document" },
    "dct:language": Object.values(LANGUAGES).map((id) => ({ "@id": id })),
    "dct:license": LICENCE,
    "dcat:themeTaxonomy": { "@id": `${EU}/data-theme` },
    ...(modified ? { "dct:modified": { "@value": modified, "@type": "xsd:dateTime" } } : {}),
    "dcat:dataset": catalogue.datasets.map((d) => datasetNode(publicUrl, d)),
  };
}
