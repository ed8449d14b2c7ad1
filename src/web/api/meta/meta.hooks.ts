import type { SiteMeta } from "../../../contracts/meta.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import { fetchSiteMeta } from "./meta.api.ts";

/** The site meta (modules and whether each is in service). */
export function useSiteMeta(): ApiResource<SiteMeta> {
  return useApiResource("meta", useLocale(), fetchSiteMeta);
}
