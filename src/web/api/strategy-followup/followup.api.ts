import type { Locale } from "../../../contracts/localized-text.ts";
import type {
  ActionDetail,
  FollowUpStatus,
  IndicatorDetail,
  IndicatorSummary,
  StrategyChanges,
  StrategyTree,
} from "../../../contracts/strategy.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** The public tree's filters, as the API and the page's URL name them; an empty value means "any". */
export type TreeFilter = {
  programme: string;
  targetGroup: string;
  status: FollowUpStatus | "";
  unit: string;
};

export const EMPTY_TREE_FILTER: TreeFilter = { programme: "", targetGroup: "", status: "", unit: "" };

/** The query string of a filter (only the fields that narrow anything), without "?". */
export function treeFilterQuery(filter: TreeFilter): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return params.toString();
}

/** GET /api/v1/strategy/tree: programmes → goals → indicators and actions, each with its status. */
export function fetchStrategyTree(filter: TreeFilter, options: RequestOptions): Promise<StrategyTree> {
  const query = treeFilterQuery(filter);
  return getJson<StrategyTree>(`/api/v1/strategy/tree${query ? `?${query}` : ""}`, options);
}

/** GET /api/v1/strategy/indicators: every indicator with its status. */
export function fetchIndicators(options: RequestOptions): Promise<IndicatorSummary[]> {
  return getJson<IndicatorSummary[]>("/api/v1/strategy/indicators", options);
}

/** GET /api/v1/strategy/indicators/:key: one indicator with its whole series. */
export function fetchIndicator(key: string, options: RequestOptions): Promise<IndicatorDetail> {
  return getJson<IndicatorDetail>(`/api/v1/strategy/indicators/${encodeURIComponent(key)}`, options);
}

/** GET /api/v1/strategy/actions/:id: one action with schedule, milestones, progress and indicators. */
export function fetchAction(id: string, options: RequestOptions): Promise<ActionDetail> {
  return getJson<ActionDetail>(`/api/v1/strategy/actions/${encodeURIComponent(id)}`, options);
}

/** GET /api/v1/strategy/changes: each indicator's value in two years. */
export function fetchChanges(from: number, to: number, options: RequestOptions): Promise<StrategyChanges> {
  return getJson<StrategyChanges>(`/api/v1/strategy/changes?from=${from}&to=${to}`, options);
}

/** Downloads of the annual report and the open data (CC BY 4.0); plain links, not fetched by the app. */
export const FOLLOW_UP_DOWNLOADS = {
  reportHtml: (lang: Locale) => `/api/v1/strategy/report.html?lang=${lang}`,
  reportPdf: (lang: Locale) => `/api/v1/strategy/report.pdf?lang=${lang}`,
  indicatorsCsv: "/api/v1/strategy/indicators.csv",
  valuesCsv: "/api/v1/strategy/values.csv",
  valuesJson: "/api/v1/strategy/values.json",
  indicatorsJson: "/api/v1/strategy/indicators",
  treeJson: "/api/v1/strategy/tree",
  dataDictionary: "/api/v1/strategy/data-dictionary",
} as const;
