import type { ProgrammeDetail, StrategyOverview } from "../../../contracts/strategy.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** GET /api/v1/strategy: the plan and its programmes. */
export function fetchStrategyOverview(options: RequestOptions): Promise<StrategyOverview> {
  return getJson<StrategyOverview>("/api/v1/strategy", options);
}

/** GET /api/v1/strategy/programmes/:slug: one programme with everything the strategy says of it. */
export function fetchProgramme(slug: string, options: RequestOptions): Promise<ProgrammeDetail> {
  return getJson<ProgrammeDetail>(`/api/v1/strategy/programmes/${encodeURIComponent(slug)}`, options);
}
