import { describe, expect, it } from "vitest";
import type { OpenDataset } from "../../../contracts/opendata.ts";
import { OpenDataService } from "./opendata.service.ts";

const dataset: OpenDataset = {
  id: "budgeting.results",
  module: "budgeting",
  title: { fi: "Äänestystulokset (testiaineisto)" },
  description: { fi: "Testiaineisto." },
  keywords: [],
  theme: "GOVE",
  frequency: "ANNUAL",
  modified: null,
  distributions: [{ format: "PB", mediaType: "text/plain", path: "/api/v1/budgeting/results.pb" }],
};

describe("the open data service's sources", () => {
  it("answers without a source that does not answer in time, and says which one it was", async () => {
    const warnings: string[] = [];
    const service = new OpenDataService({
      sources: [
        { module: "budgeting", datasets: async () => [dataset] },
        { module: "survey", datasets: () => new Promise<OpenDataset[]>(() => undefined) },
      ],
      warn: (what) => warnings.push(what),
      timeoutMs: 20,
    });
    const catalogue = await service.catalogue();
    expect(catalogue.datasets.map((d) => d.id)).toEqual(["budgeting.results"]);
    expect(catalogue.unavailableModules).toEqual(["survey"]);
    expect(warnings).toEqual(["open data: the survey module's datasets were left out (timed out)"]);
    await expect(service.completeCatalogue()).rejects.toMatchObject({ code: "unavailable" });
  });

  it("refuses a dataset claimed by another module, and an id listed twice", async () => {
    const warnings: string[] = [];
    const service = new OpenDataService({
      sources: [
        { module: "survey", datasets: async () => [dataset] },
        { module: "budgeting", datasets: async () => [dataset, dataset] },
      ],
      warn: (what) => warnings.push(what),
    });
    const catalogue = await service.catalogue();
    expect(catalogue.datasets).toEqual([]);
    expect(catalogue.unavailableModules).toEqual(["survey", "budgeting"]);
    expect(warnings).toEqual([
      "open data: the survey module's datasets were left out (dataset budgeting.results is not the module's own)",
      "open data: the budgeting module's datasets were left out (dataset budgeting.results is listed twice)",
    ]);
  });

  it("gives an empty catalogue when no module publishes anything", async () => {
    const service = new OpenDataService({ sources: [], warn: () => undefined });
    const catalogue = await service.catalogue();
    expect(catalogue.datasets).toEqual([]);
    expect(catalogue.unavailableModules).toBeUndefined();
    await expect(service.dataset("budgeting.results")).rejects.toMatchObject({ code: "not_found" });
  });
});
