import type { ProgrammeDetail, StrategyOverview } from "../../../contracts/strategy.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import { fetchProgramme, fetchStrategyOverview } from "./strategy.api.ts";

/** The strategy overview for the front page and the navigation. */
export function useStrategyOverview(): ApiResource<StrategyOverview> {
  return useApiResource("strategy", useLocale(), fetchStrategyOverview);
}

/** One programme by its slug. */
export function useProgramme(slug: string): ApiResource<ProgrammeDetail> {
  return useApiResource(`programme:${slug}`, useLocale(), (options) => fetchProgramme(slug, options));
}
