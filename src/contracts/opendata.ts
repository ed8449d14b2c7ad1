import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

// The open data catalogue: every non-personal figure a module publishes, described once, so that the
// catalogue page, its JSON and its DCAT-AP form (for avoindata.fi and data.europa.eu harvesters) agree.

/** Everything in the catalogue is published under Creative Commons Attribution 4.0. */
export const OPEN_DATA_LICENSE = {
  id: "CC-BY-4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** The EU data themes (Publications Office "data-theme" authority table) a dataset can belong to. */
export const DATA_THEMES = ["GOVE", "SOCI", "REGI", "EDUC", "HEAL", "ECON", "ENVI", "TRAN"] as const;
export type DataTheme = (typeof DATA_THEMES)[number];

/** How often a dataset changes (Publications Office "frequency" authority table codes). */
export const UPDATE_FREQUENCIES = ["CONT", "DAILY", "WEEKLY", "MONTHLY", "ANNUAL", "IRREG", "NEVER"] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];

/** The value types a column or property can have, as the data dictionary names them. */
export const FIELD_TYPES = ["string", "integer", "number", "boolean", "date", "datetime"] as const;

/** One column of a CSV file (or property of a JSON record): the data dictionary's entry for it. */
export const OpenDataField = Type.Object(
  {
    name: Type.String({ minLength: 1, description: "As written in the file's header" }),
    type: Type.Unsafe<(typeof FIELD_TYPES)[number]>(Type.String({ enum: [...FIELD_TYPES] })),
    description: LocalizedText,
    unit: Type.Optional(Type.String({ description: "e.g. h, EUR, %" })),
  },
  { additionalProperties: false },
);
export type OpenDataField = Static<typeof OpenDataField>;

/** One file of a dataset: where it is served and in what format. */
export const OpenDataDistribution = Type.Object(
  {
    format: Type.Unsafe<"CSV" | "JSON" | "XML" | "PB">(Type.String({ enum: ["CSV", "JSON", "XML", "PB"] })),
    mediaType: Type.String({ description: "IANA media type, e.g. text/csv" }),
    path: Type.String({ pattern: "^/", description: "Where the server answers it, from the site's root" }),
    title: Type.Optional(LocalizedText),
    /** For CSV: its columns, in order (the file's header is exactly these names). */
    fields: Type.Optional(Type.Array(OpenDataField)),
    conformsTo: Type.Optional(Type.String({ description: "URL of the standard the file follows" })),
  },
  { additionalProperties: false },
);
export type OpenDataDistribution = Static<typeof OpenDataDistribution>;

/** One dataset: what it is, how often it changes, and its files. */
export const OpenDataset = Type.Object(
  {
    id: Type.String({ pattern: "^[a-z]+\\.[a-z0-9._-]+$", description: "<module>.<name>, stable" }),
    module: Type.String(),
    title: LocalizedText,
    description: LocalizedText,
    keywords: Type.Array(LocalizedText),
    theme: Type.Unsafe<DataTheme>(Type.String({ enum: [...DATA_THEMES] })),
    frequency: Type.Unsafe<UpdateFrequency>(Type.String({ enum: [...UPDATE_FREQUENCIES] })),
    /** The period the data covers, as ISO dates, when it has one. */
    temporal: Type.Optional(
      Type.Object({
        start: Type.String({ format: "date" }),
        end: Type.Optional(Type.String({ format: "date" })),
      }),
    ),
    /** When its content last changed, when the module can tell. */
    modified: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
    /** How small counts are kept from identifying anyone, when the dataset has counts. */
    suppression: Type.Optional(LocalizedText),
    /** The web page that shows the same figures to people, from the site's root. */
    landingPage: Type.Optional(Type.String({ pattern: "^/" })),
    distributions: Type.Array(OpenDataDistribution, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type OpenDataset = Static<typeof OpenDataset>;

/** GET /api/v1/open-data/datasets: the whole catalogue. */
export const OpenDataCatalogue = Type.Object({
  title: LocalizedText,
  description: LocalizedText,
  publisher: LocalizedText,
  license: Type.Object({ id: Type.String(), url: Type.String() }),
  datasets: Type.Array(OpenDataset),
  /**
   * Modules whose datasets could not be read just now (their source failed or gave an invalid
   * description): their datasets are missing from this answer, which says so rather than hiding it.
   */
  unavailableModules: Type.Optional(Type.Array(Type.String())),
});
export type OpenDataCatalogue = Static<typeof OpenDataCatalogue>;
