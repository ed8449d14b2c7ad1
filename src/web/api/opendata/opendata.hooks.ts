import type { OpenDataCatalogue, OpenDataset } from "../../../contracts/opendata.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import { fetchOpenDataCatalogue, fetchOpenDataset } from "./opendata.api.ts";

/** The open data catalogue. */
export function useOpenDataCatalogue(): ApiResource<OpenDataCatalogue> {
  return useApiResource("opendata-catalogue", useLocale(), fetchOpenDataCatalogue);
}

/** One open dataset. */
export function useOpenDataset(id: string): ApiResource<OpenDataset> {
  return useApiResource(`opendata-dataset:${id}`, useLocale(), (o) => fetchOpenDataset(id, o));
}
