import type {
  CallList,
  MarginsPreview,
  Questionnaire,
  RoundDesk,
  RoundInput,
  RoundSummary,
  RoundUpdate,
  SamplePreviewRow,
} from "../../../contracts/survey.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const roundPath = (slug: string) => `/api/v1/survey/rounds/${encodeURIComponent(slug)}`;

/** GET /api/v1/survey/questionnaires (staff): every version, to open a round of one. */
export function fetchQuestionnaires(options: RequestOptions): Promise<Questionnaire[]> {
  return getJson("/api/v1/survey/questionnaires", options);
}

/** POST /api/v1/survey/rounds */
export function createRound(input: RoundInput, options: RequestOptions): Promise<RoundSummary> {
  return sendJson("POST", "/api/v1/survey/rounds", input, options);
}

/** PATCH /api/v1/survey/rounds/:slug: open, close or change a round. */
export function updateRound(
  slug: string,
  change: RoundUpdate,
  options: RequestOptions,
): Promise<RoundSummary> {
  return sendJson("PATCH", roundPath(slug), change, options);
}

/** GET /api/v1/survey/rounds/:slug/desk */
export function fetchRoundDesk(slug: string, options: RequestOptions): Promise<RoundDesk> {
  return getJson(`${roundPath(slug)}/desk`, options);
}

/** POST …/sample/preview: the rows a sample CSV would add; nothing is saved. */
export function previewSample(
  slug: string,
  csv: string,
  options: RequestOptions,
): Promise<{ rows: SamplePreviewRow[] }> {
  return sendJson("POST", `${roundPath(slug)}/sample/preview`, { csv }, options);
}

/** POST …/sample: imports the sample; the invitation codes come back only this once. */
export function importSample(
  slug: string,
  csv: string,
  options: RequestOptions,
): Promise<{ codes: { label: string; code: string }[] }> {
  return sendJson("POST", `${roundPath(slug)}/sample`, { csv }, options);
}

/** POST /api/v1/survey/margins/:year/preview: the figures a population CSV would store; nothing is saved. */
export function previewMargins(year: number, csv: string, options: RequestOptions): Promise<MarginsPreview> {
  return sendJson("POST", `/api/v1/survey/margins/${year}/preview`, { csv }, options);
}

/** PUT /api/v1/survey/margins/:year: replaces the year's population figures. */
export function importMargins(
  year: number,
  csv: string,
  source: string,
  options: RequestOptions,
): Promise<{ year: number; figures: number }> {
  return sendJson("PUT", `/api/v1/survey/margins/${year}`, { csv, source }, options);
}

/** PUT …/quotas: the interview targets per age group × area. */
export function saveQuotas(
  slug: string,
  quotas: { ageGroup: string; area: string; target: number }[],
  options: RequestOptions,
): Promise<CallList> {
  return sendJson("PUT", `${roundPath(slug)}/quotas`, { quotas }, options);
}
