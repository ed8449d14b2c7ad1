import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type {
  ActionDetail,
  ActionProgress,
  GoalDetail,
  ImportPreviewResult,
  IndicatorDetail,
  StrategyOverdue,
} from "../../../contracts/strategy.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const base = "/api/v1/strategy";
const enc = encodeURIComponent;

/** GET /api/v1/strategy/goals/:id: one goal with its indicators, actions and status. */
export function fetchGoal(id: string, options: RequestOptions): Promise<GoalDetail> {
  return getJson<GoalDetail>(`${base}/goals/${enc(id)}`, options);
}

/** GET /api/v1/strategy/overdue (staff): values due and milestones past their date. */
export function fetchOverdue(options: RequestOptions): Promise<StrategyOverdue> {
  return getJson<StrategyOverdue>(`${base}/overdue`, options);
}

/** A value staff record by hand; the total unless a breakdown is given. */
export type ValueInput = { year: number; value: number; area?: string };

/** PUT /api/v1/strategy/indicators/:key/values: records (or replaces) one value. */
export function recordValue(
  key: string,
  input: ValueInput,
  options: RequestOptions,
): Promise<IndicatorDetail> {
  return sendJson<IndicatorDetail>("PUT", `${base}/indicators/${enc(key)}/values`, input, options);
}

/** Which import: a CSV text, or Sotkanet JSON rows with the id mapping and Heinola's Sotkanet region. */
export type ImportRequest =
  | { kind: "csv"; csv: string }
  | { kind: "sotkanet"; rows: unknown[]; mapping: Record<string, string>; regionId: number };

/** POST …/imports/<kind>/preview (writes nothing) or …/imports/<kind> (all or nothing). */
export function sendImport(
  request: ImportRequest,
  apply: boolean,
  options: RequestOptions,
): Promise<ImportPreviewResult> {
  const { kind, ...body } = request;
  return sendJson<ImportPreviewResult>(
    "POST",
    `${base}/imports/${kind}${apply ? "" : "/preview"}`,
    body,
    options,
  );
}

/** POST /api/v1/strategy/actions/:id/updates: a progress update. */
export function recordProgress(
  actionId: string,
  input: { progress: ActionProgress; progressPercent?: number; note: LocalizedText },
  options: RequestOptions,
): Promise<ActionDetail> {
  return sendJson<ActionDetail>("POST", `${base}/actions/${enc(actionId)}/updates`, input, options);
}

/** POST /api/v1/strategy/actions/:id/milestones: a new milestone. */
export function addMilestone(
  actionId: string,
  input: { title: LocalizedText; dueDate: string },
  options: RequestOptions,
): Promise<ActionDetail> {
  return sendJson<ActionDetail>("POST", `${base}/actions/${enc(actionId)}/milestones`, input, options);
}

/** PATCH …/actions/:id/milestones/:milestoneId: marks a milestone done (today) or open. */
export function setMilestoneDone(
  actionId: string,
  milestoneId: string,
  done: boolean,
  options: RequestOptions,
): Promise<ActionDetail> {
  return sendJson<ActionDetail>(
    "PATCH",
    `${base}/actions/${enc(actionId)}/milestones/${enc(milestoneId)}`,
    { done },
    options,
  );
}

/** PATCH /api/v1/strategy/goals/:id: a goal's title and target groups. */
export function updateGoal(
  goalId: string,
  input: { title?: LocalizedText; targetGroups?: LocalizedText[] },
  options: RequestOptions,
): Promise<undefined> {
  return sendJson("PATCH", `${base}/goals/${enc(goalId)}`, input, options);
}

/** POST /api/v1/strategy/programmes/:slug/goals: a new goal. */
export function createGoal(
  programmeSlug: string,
  input: { slug: string; title: LocalizedText },
  options: RequestOptions,
): Promise<{ id: string }> {
  return sendJson<{ id: string }>("POST", `${base}/programmes/${enc(programmeSlug)}/goals`, input, options);
}

/** The editable facts of an action. */
export type ActionEdit = {
  title?: LocalizedText;
  responsibleUnit?: string | null;
  responsiblePerson?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  budgetEuros?: number | null;
};

/** PATCH /api/v1/strategy/actions/:id. */
export function updateAction(
  actionId: string,
  input: ActionEdit,
  options: RequestOptions,
): Promise<ActionDetail> {
  return sendJson<ActionDetail>("PATCH", `${base}/actions/${enc(actionId)}`, input, options);
}

/** The editable definition of an indicator. */
export type IndicatorEdit = {
  name?: LocalizedText;
  sotkanetId?: number | null;
  baseline?: { year: number; value: number };
  target?: { year: number; value: number };
  responsibleUnit?: string;
};

/** PATCH /api/v1/strategy/indicators/:key. */
export function updateIndicator(
  key: string,
  input: IndicatorEdit,
  options: RequestOptions,
): Promise<IndicatorDetail> {
  return sendJson<IndicatorDetail>("PATCH", `${base}/indicators/${enc(key)}`, input, options);
}

/** PUT or DELETE /api/v1/strategy/:kind/:id/indicators/:key: links an indicator or removes the link. */
export function setIndicatorLink(
  kind: "goals" | "actions",
  ownerId: string,
  key: string,
  linked: boolean,
  options: RequestOptions,
): Promise<undefined> {
  return sendJson(
    linked ? "PUT" : "DELETE",
    `${base}/${kind}/${enc(ownerId)}/indicators/${enc(key)}`,
    undefined,
    options,
  );
}
