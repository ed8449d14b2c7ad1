import type {
  ActionDetail,
  GoalDetail,
  IndicatorDetail,
  IndicatorSummary,
  StrategyChanges,
  StrategyOverdue,
  StrategyTree,
} from "../../../contracts/strategy.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import {
  fetchAction,
  fetchChanges,
  fetchIndicator,
  fetchIndicators,
  fetchStrategyTree,
  type TreeFilter,
  treeFilterQuery,
} from "./followup.api.ts";
import { fetchGoal, fetchOverdue } from "./staff.api.ts";

/** The strategy tree, narrowed by a filter (an empty filter gives the whole tree). */
export function useStrategyTree(filter: TreeFilter): ApiResource<StrategyTree> {
  return useApiResource(`strategy-tree:${treeFilterQuery(filter)}`, useLocale(), (options) =>
    fetchStrategyTree(filter, options),
  );
}

/** Every indicator with its status. */
export function useIndicators(): ApiResource<IndicatorSummary[]> {
  return useApiResource("strategy-indicators", useLocale(), fetchIndicators);
}

/** One indicator by its key. */
export function useIndicator(key: string): ApiResource<IndicatorDetail> {
  return useApiResource(`strategy-indicator:${key}`, useLocale(), (options) => fetchIndicator(key, options));
}

/** One action by its id. */
export function useAction(id: string): ApiResource<ActionDetail> {
  return useApiResource(`strategy-action:${id}`, useLocale(), (options) => fetchAction(id, options));
}

/** The changes between two years; nothing is loaded while either year is unknown. */
export function useChanges(from: number | undefined, to: number | undefined): ApiResource<StrategyChanges> {
  return useApiResource(`strategy-changes:${from ?? ""}-${to ?? ""}`, useLocale(), (options) =>
    from === undefined || to === undefined
      ? new Promise<StrategyChanges>(() => {})
      : fetchChanges(from, to, options),
  );
}

/** One goal by its id. */
export function useGoal(id: string): ApiResource<GoalDetail> {
  return useApiResource(`strategy-goal:${id}`, useLocale(), (options) => fetchGoal(id, options));
}

/** What staff must attend to; `version` reloads it after a write. */
export function useOverdue(version: number): ApiResource<StrategyOverdue> {
  return useApiResource(`strategy-overdue:${version}`, useLocale(), fetchOverdue);
}
