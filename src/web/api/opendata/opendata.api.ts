import type { OpenDataCatalogue, OpenDataset } from "../../../contracts/opendata.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** Where the catalogue answers, as JSON and as DCAT-AP JSON-LD (linked from the page for harvesters). */
export const OPEN_DATA_API = {
  catalogue: "/api/v1/open-data/datasets",
  dcat: "/api/v1/open-data/catalog.jsonld",
} as const;

/** GET /api/v1/open-data/datasets: every module's open datasets. */
export function fetchOpenDataCatalogue(options: RequestOptions): Promise<OpenDataCatalogue> {
  return getJson<OpenDataCatalogue>(OPEN_DATA_API.catalogue, options);
}

/** GET /api/v1/open-data/datasets/:id: one dataset with its data dictionary. */
export function fetchOpenDataset(id: string, options: RequestOptions): Promise<OpenDataset> {
  return getJson<OpenDataset>(`${OPEN_DATA_API.catalogue}/${encodeURIComponent(id)}`, options);
}
