import type { SiteMeta } from "../../../contracts/meta.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** GET /api/v1/meta: the installation and which modules are in service. */
export function fetchSiteMeta(options: RequestOptions): Promise<SiteMeta> {
  return getJson<SiteMeta>("/api/v1/meta", options);
}
