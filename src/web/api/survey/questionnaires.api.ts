import type { Questionnaire, QuestionnaireInput, QuestionnaireListItem } from "../../../contracts/survey.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

// The questionnaire builder's calls (staff): the list of versions, the Heinola template, saving.

/** GET /api/v1/survey/questionnaires: every version, with its rounds and whether answers lock it. */
export function fetchQuestionnaireList(options: RequestOptions): Promise<QuestionnaireListItem[]> {
  return getJson("/api/v1/survey/questionnaires", options);
}

/** GET /api/v1/survey/questionnaire-template: the annual Heinola survey to start from. */
export function fetchQuestionnaireTemplate(options: RequestOptions): Promise<QuestionnaireInput> {
  return getJson("/api/v1/survey/questionnaire-template", options);
}

/** POST /api/v1/survey/questionnaires: saves a new questionnaire, or the next version of an existing key. */
export function createQuestionnaire(
  input: QuestionnaireInput,
  options: RequestOptions,
): Promise<Questionnaire> {
  return sendJson("POST", "/api/v1/survey/questionnaires", input, options);
}

/** PUT /api/v1/survey/questionnaires/:id: changes a version nobody has answered yet. */
export function updateQuestionnaire(
  id: string,
  input: QuestionnaireInput,
  options: RequestOptions,
): Promise<Questionnaire> {
  return sendJson("PUT", `/api/v1/survey/questionnaires/${encodeURIComponent(id)}`, input, options);
}
