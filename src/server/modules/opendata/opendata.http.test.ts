import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { OpenDataCatalogue, OpenDataset } from "../../../contracts/opendata.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { opendataModule } from "./index.ts";

const PUBLIC_URL = "https://keskio.example.fi";

// Test sources standing in for the modules' own (the modules' real datasets are tested in their modules).
// The titles are chosen so that a plain code-unit sort ("B" < "a") and the Finnish collation disagree.
const strategyDatasets: OpenDataset[] = [
  {
    id: "strategy.indicators",
    module: "strategy",
    title: { fi: "Mittarit (testiaineisto)", sv: "Indikatorer (testdata)", en: "Indicators (test data)" },
    description: {
      fi: "Strategian mittareiden arvot vuosittain.",
      en: "The strategy's indicator values by year.",
    },
    keywords: [{ fi: "strategia", sv: "strategi", en: "strategy" }],
    theme: "GOVE",
    frequency: "ANNUAL",
    temporal: { start: "2018-01-01", end: "2030-12-31" },
    modified: "2026-11-20T08:00:00.000Z",
    landingPage: "/strategy",
    distributions: [
      {
        format: "CSV",
        mediaType: "text/csv; charset=utf-8",
        path: "/api/v1/strategy/indicators.csv",
        fields: [
          { name: "indicator", type: "string", description: { fi: "Mittarin tunnus" } },
          { name: "year", type: "integer", description: { fi: "Vuosi" } },
          { name: "value", type: "number", unit: "%", description: { fi: "Arvo" } },
        ],
      },
      { format: "JSON", mediaType: "application/json", path: "/api/v1/strategy/indicators" },
    ],
  },
  {
    id: "strategy.actions",
    module: "strategy",
    title: { fi: "actions-taulukko (testiaineisto)" },
    description: { fi: "Strategian toimenpiteet." },
    keywords: [],
    theme: "GOVE",
    frequency: "IRREG",
    modified: null,
    distributions: [{ format: "JSON", mediaType: "application/json", path: "/api/v1/strategy/actions" }],
  },
  {
    id: "strategy.budgets",
    module: "strategy",
    title: { fi: "Budjetit (testiaineisto)" },
    description: { fi: "Toimenpiteiden budjetit." },
    keywords: [{ fi: "talous" }],
    theme: "ECON",
    frequency: "ANNUAL",
    modified: "2026-10-01T00:00:00.000Z",
    distributions: [
      {
        format: "PB",
        mediaType: "text/plain",
        path: "/api/v1/strategy/budgets.pb",
        conformsTo: "https://pabulib.org/format",
      },
    ],
  },
];

const volunteeringDatasets: OpenDataset[] = [
  {
    id: "volunteering.hours",
    module: "volunteering",
    title: { fi: "Vapaaehtoistunnit (testiaineisto)", sv: "Frivilliga timmar (testdata)" },
    description: { fi: "Vahvistetut tunnit kuukausittain." },
    keywords: [{ fi: "vapaaehtoistyö" }],
    theme: "SOCI",
    frequency: "MONTHLY",
    modified: "2026-11-28T10:00:00.000Z",
    suppression: { fi: "Alle viiden lukumäärät on piilotettu.", en: "Counts under five are suppressed." },
    distributions: [{ format: "XML", mediaType: "application/xml", path: "/api/v1/volunteering/hours.xml" }],
  },
];

// What the survey source does: answer, throw (with a message that must stay out of logs), hang, or lie.
let surveyBehaviour: "answer" | "throw" | "invalid" = "answer";
const surveyDataset: OpenDataset = {
  id: "survey.results",
  module: "survey",
  title: { fi: "Kyselyn tulokset (testiaineisto)" },
  description: { fi: "Painotetut tulokset." },
  keywords: [],
  theme: "SOCI",
  frequency: "ANNUAL",
  modified: null,
  distributions: [{ format: "CSV", mediaType: "text/csv", path: "/api/v1/survey/results.csv" }],
};

function sourceModule(
  name: "strategy" | "survey" | "volunteering",
  datasets: () => Promise<OpenDataset[]>,
): ModuleManifest {
  return {
    name,
    available: false,
    webPath: null,
    openData: () => ({ module: name, datasets }),
  };
}

const testModules: ModuleManifest[] = [
  sourceModule("strategy", async () => strategyDatasets),
  sourceModule("survey", async () => {
    if (surveyBehaviour === "throw") throw new Error("connection to vastaaja@example.fi refused");
    if (surveyBehaviour === "invalid") return [{ ...surveyDataset, theme: "NOPE" } as unknown as OpenDataset];
    return [surveyDataset];
  }),
  sourceModule("volunteering", async () => volunteeringDatasets),
  opendataModule,
];

describeEachDialect("open data catalogue over HTTP", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { modules: testModules, env: { KESKIO_PUBLIC_URL: PUBLIC_URL } });
  });
  afterAll(() => t.close());

  it("lists every source's datasets, in module order and then by Finnish title, under CC BY 4.0", async () => {
    surveyBehaviour = "answer";
    const response = await t.app.inject("/api/v1/open-data/datasets");
    expect(response.statusCode).toBe(200);
    const catalogue = response.json() as OpenDataCatalogue;
    expect(catalogue.datasets.map((d) => d.id)).toEqual([
      "strategy.actions",
      "strategy.budgets",
      "strategy.indicators",
      "survey.results",
      "volunteering.hours",
    ]);
    expect(catalogue.license).toEqual({
      id: "CC-BY-4.0",
      url: "https://creativecommons.org/licenses/by/4.0/",
    });
    expect(catalogue.publisher).toEqual({
      fi: "Heinolan kaupunki",
      sv: "Heinola stad",
      en: "City of Heinola",
    });
    expect(catalogue.title.sv).toBeTruthy();
    expect(catalogue.description.en).toBeTruthy();
    expect(catalogue.unavailableModules).toBeUndefined();
    // The data dictionary and the distributions come through whole.
    expect(catalogue.datasets.find((d) => d.id === "strategy.indicators")).toEqual(strategyDatasets[0]);
  });

  it("answers one dataset, and a localized 404 for an unknown one or a 400 for a malformed id", async () => {
    surveyBehaviour = "answer";
    const one = await t.app.inject("/api/v1/open-data/datasets/volunteering.hours");
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(volunteeringDatasets[0]);

    for (const [locale, detail] of [
      ["fi", "Tunnuksella ei löydy avointa aineistoa."],
      ["sv", "Det finns ingen öppen datamängd med den beteckningen."],
      ["en", "There is no open dataset with that identifier."],
    ] as const) {
      const missing = await t.app.inject({
        url: "/api/v1/open-data/datasets/volunteering.nothing",
        headers: { "accept-language": locale },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers["content-type"]).toContain("application/problem+json");
      expect(missing.headers["retry-after"]).toBeUndefined();
      expect(missing.json()).toMatchObject({ status: 404, code: "not_found", detail });
    }
    // A module that does not exist at all is as unknown as a dataset that does not.
    expect((await t.app.inject("/api/v1/open-data/datasets/spaces.rooms")).statusCode).toBe(404);

    const malformed = await t.app.inject({
      url: "/api/v1/open-data/datasets/NOT%20AN%20ID",
      headers: { "accept-language": "en" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["content-type"]).toContain("application/problem+json");
  });

  it("leaves a failing source out and names it, with a log line that holds no error text, never a 5xx", async () => {
    surveyBehaviour = "throw";
    const logsBefore = t.logs.length;
    const response = await t.app.inject("/api/v1/open-data/datasets");
    expect(response.statusCode).toBe(200);
    const catalogue = response.json() as OpenDataCatalogue;
    expect(catalogue.unavailableModules).toEqual(["survey"]);
    expect(catalogue.datasets.map((d) => d.module)).toEqual([
      "strategy",
      "strategy",
      "strategy",
      "volunteering",
    ]);
    const lines = t.logs.slice(logsBefore).join("\n");
    expect(lines).toContain("the survey module's datasets were left out (threw an error)");
    expect(lines).not.toContain("vastaaja@example.fi");

    // The failing module's own dataset: 503, not "not found" (it may well exist).
    const one = await t.app.inject({
      url: "/api/v1/open-data/datasets/survey.results",
      headers: { "accept-language": "sv" },
    });
    expect(one.statusCode).toBe(503);
    expect(one.headers["retry-after"]).toBe("60");
    expect(one.json()).toMatchObject({ code: "unavailable", detail: expect.stringContaining("Försök igen") });
    // The other modules' datasets still answer.
    expect((await t.app.inject("/api/v1/open-data/datasets/strategy.actions")).statusCode).toBe(200);

    // A harvester reads a missing dataset as withdrawn: the DCAT-AP file is refused rather than incomplete.
    const dcat = await t.app.inject({
      url: "/api/v1/open-data/catalog.jsonld",
      headers: { "accept-language": "en" },
    });
    expect(dcat.statusCode).toBe(503);
    expect(dcat.headers["retry-after"]).toBe("60");
    expect(dcat.headers["content-type"]).toContain("application/problem+json");
    expect(dcat.json().detail).toContain("not given incomplete");
  });

  it("treats a source whose datasets break the contract as failing", async () => {
    surveyBehaviour = "invalid";
    const logsBefore = t.logs.length;
    const catalogue = (await t.app.inject("/api/v1/open-data/datasets")).json() as OpenDataCatalogue;
    expect(catalogue.unavailableModules).toEqual(["survey"]);
    expect(catalogue.datasets.some((d) => d.module === "survey")).toBe(false);
    expect(t.logs.slice(logsBefore).join("\n")).toContain("a dataset does not match the contract");
  });

  it("publishes the catalogue as DCAT-AP 3.0 JSON-LD with absolute URLs and every dataset and file", async () => {
    surveyBehaviour = "answer";
    const response = await t.app.inject("/api/v1/open-data/catalog.jsonld");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/ld\+json/);
    const doc = response.json();
    expect(doc["@context"]).toMatchObject({
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
    });
    expect(doc["@type"]).toBe("dcat:Catalog");
    expect(doc["@id"]).toBe(`${PUBLIC_URL}/api/v1/open-data/catalog.jsonld`);
    expect(doc["dct:title"]).toContainEqual({ "@value": "Keskiön avoin data", "@language": "fi" });
    expect(doc["dct:title"].map((l: { "@language": string }) => l["@language"])).toEqual(["fi", "sv", "en"]);
    expect(doc["dct:description"]).toHaveLength(3);
    expect(doc["dct:publisher"]).toMatchObject({
      "@type": "foaf:Agent",
      "foaf:name": expect.arrayContaining([{ "@value": "Heinolan kaupunki", "@language": "fi" }]),
    });
    expect(doc["foaf:homepage"]["@id"]).toBe(`${PUBLIC_URL}/open-data`);
    expect(doc["dct:license"]["@id"]).toBe(
      "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
    );
    expect(doc["dct:modified"]).toEqual({ "@value": "2026-11-28T10:00:00.000Z", "@type": "xsd:dateTime" });

    const catalogue = (await t.app.inject("/api/v1/open-data/datasets")).json() as OpenDataCatalogue;
    // The parsed document is untyped JSON; the expectations below are its type check.
    const nodes: (typeof doc)[] = doc["dcat:dataset"];
    expect(nodes.map((n) => n["dct:identifier"])).toEqual(catalogue.datasets.map((d) => d.id));
    for (const node of nodes) {
      expect(node["@type"]).toBe("dcat:Dataset");
      expect(node["dct:title"]).toEqual(
        expect.arrayContaining([expect.objectContaining({ "@language": "fi" })]),
      );
      expect(node["dct:description"]).toBeTruthy();
      expect(node["dct:publisher"]).toEqual({ "@id": doc["dct:publisher"]["@id"] });
      const dataset = catalogue.datasets.find((d) => d.id === node["dct:identifier"]) as OpenDataset;
      expect(node["dcat:theme"]).toEqual({
        "@id": `http://publications.europa.eu/resource/authority/data-theme/${dataset.theme}`,
      });
      expect(node["dct:accrualPeriodicity"]).toEqual({
        "@id": `http://publications.europa.eu/resource/authority/frequency/${dataset.frequency}`,
      });
      const distributions = node["dcat:distribution"] as Record<string, { "@id": string }>[];
      expect(distributions).toHaveLength(dataset.distributions.length);
      distributions.forEach((d, i) => {
        const expected = dataset.distributions[i];
        expect(d["@type"]).toBe("dcat:Distribution");
        expect(d["dcat:accessURL"]).toEqual({ "@id": `${PUBLIC_URL}${expected?.path}` });
        expect(d["dcat:downloadURL"]).toEqual({ "@id": `${PUBLIC_URL}${expected?.path}` });
        expect(d["dcat:mediaType"]?.["@id"]).toMatch(
          /^https:\/\/www\.iana\.org\/assignments\/media-types\/[a-z]+\/[a-z+.-]+$/,
        );
        expect(d["dct:license"]?.["@id"]).toBe(doc["dct:license"]["@id"]);
      });
    }

    const indicators = nodes.find((n) => n["dct:identifier"] === "strategy.indicators");
    expect(indicators["dcat:keyword"]).toEqual([
      { "@value": "strategia", "@language": "fi" },
      { "@value": "strategi", "@language": "sv" },
      { "@value": "strategy", "@language": "en" },
    ]);
    expect(indicators["dct:temporal"]).toEqual({
      "@type": "dct:PeriodOfTime",
      "dcat:startDate": { "@value": "2018-01-01", "@type": "xsd:date" },
      "dcat:endDate": { "@value": "2030-12-31", "@type": "xsd:date" },
    });
    expect(indicators["dcat:landingPage"].map((p: { "@id": string }) => p["@id"])).toEqual([
      `${PUBLIC_URL}/open-data/strategy.indicators`,
      `${PUBLIC_URL}/strategy`,
    ]);
    expect(indicators["dcat:distribution"][0]["dcat:mediaType"]["@id"]).toBe(
      "https://www.iana.org/assignments/media-types/text/csv",
    );
    expect(indicators["dcat:distribution"][0]["dct:format"]["@id"]).toBe(
      "http://publications.europa.eu/resource/authority/file-type/CSV",
    );
    // A dataset that cannot tell when it changed has no dct:modified rather than a made-up one.
    const actions = nodes.find((n) => n["dct:identifier"] === "strategy.actions");
    expect(actions["dct:modified"]).toBeUndefined();
    expect(actions["dct:temporal"]).toBeUndefined();
    // Pabulib has no entry in the EU file-type table: no dct:format, but the standard it conforms to.
    const pb = nodes.find((n) => n["dct:identifier"] === "strategy.budgets")["dcat:distribution"][0];
    expect(pb["dct:format"]).toBeUndefined();
    expect(pb["dct:conformsTo"]).toEqual({ "@id": "https://pabulib.org/format" });
    // No contact point: the installation has no real address to give.
    expect(JSON.stringify(doc)).not.toContain("contactPoint");
  });

  it("answers anyone: no session is needed for any of the routes", async () => {
    for (const url of [
      "/api/v1/open-data/datasets",
      "/api/v1/open-data/datasets/strategy.actions",
      "/api/v1/open-data/catalog.jsonld",
    ]) {
      expect((await t.app.inject(url)).statusCode, url).toBe(200);
    }
  });
});
