import type {
  Answers,
  CallList,
  OpenAnswer,
  ResponseSession,
  RoundSummary,
  SurveyResults,
} from "../../../contracts/survey.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

/** GET /api/v1/survey/rounds */
export function fetchRounds(options: RequestOptions): Promise<RoundSummary[]> {
  return getJson("/api/v1/survey/rounds", options);
}

/** GET /api/v1/survey/rounds/:slug/results */
export function fetchResults(slug: string, options: RequestOptions): Promise<SurveyResults> {
  return getJson(`/api/v1/survey/rounds/${encodeURIComponent(slug)}/results`, options);
}

/** Where a round's results are as open data. */
export function resultsDownloads(slug: string): { json: string; csv: string } {
  const base = `/api/v1/survey/rounds/${encodeURIComponent(slug)}/results`;
  return { json: base, csv: `${base}.csv` };
}

/** POST /api/v1/survey/answer/start: start or resume with an invitation code. */
export function startWithCode(code: string, options: RequestOptions): Promise<ResponseSession> {
  return sendJson("POST", "/api/v1/survey/answer/start", { code }, options);
}

/** POST /api/v1/survey/rounds/:slug/my-response: start or resume signed in. */
export function startSignedIn(slug: string, options: RequestOptions): Promise<ResponseSession> {
  return sendJson(
    "POST",
    `/api/v1/survey/rounds/${encodeURIComponent(slug)}/my-response`,
    undefined,
    options,
  );
}

/** Who is answering: an invitation code, the signed-in resident, or an interviewer's phone interview. */
export type Answerer =
  | { kind: "code"; code: string }
  | { kind: "signedIn"; slug: string }
  | { kind: "interview"; responseId: string };

/** Saves answers as they are given; `complete` sends the response. */
export function saveAnswers(
  who: Answerer,
  answers: Answers,
  complete: boolean,
  options: RequestOptions,
): Promise<ResponseSession> {
  if (who.kind === "code") {
    return sendJson("POST", "/api/v1/survey/answer/save", { code: who.code, answers, complete }, options);
  }
  if (who.kind === "signedIn") {
    return sendJson(
      "PUT",
      `/api/v1/survey/rounds/${encodeURIComponent(who.slug)}/my-response`,
      { answers, complete },
      options,
    );
  }
  return sendJson(
    "PUT",
    `/api/v1/survey/interviews/${encodeURIComponent(who.responseId)}`,
    { answers, complete },
    options,
  );
}

/** GET /api/v1/survey/rounds/:slug/calls */
export function fetchCallList(slug: string, options: RequestOptions): Promise<CallList> {
  return getJson(`/api/v1/survey/rounds/${encodeURIComponent(slug)}/calls`, options);
}

/** POST /api/v1/survey/calls/:id/outcome */
export function recordCallOutcome(
  memberId: string,
  outcome: "no_answer" | "refused" | "call_back",
  callBackAt: string | undefined,
  options: RequestOptions,
): Promise<undefined> {
  return sendJson(
    "POST",
    `/api/v1/survey/calls/${encodeURIComponent(memberId)}/outcome`,
    callBackAt ? { outcome, callBackAt } : { outcome },
    options,
  );
}

/** POST /api/v1/survey/calls/:id/interview */
export function startInterview(memberId: string, options: RequestOptions): Promise<ResponseSession> {
  return sendJson(
    "POST",
    `/api/v1/survey/calls/${encodeURIComponent(memberId)}/interview`,
    undefined,
    options,
  );
}

/** POST /api/v1/survey/rounds/:slug/paper */
export function enterPaperForm(
  slug: string,
  form: { formId?: string; ageGroup: string; sex: string; area: string; answers: Answers },
  options: RequestOptions,
): Promise<{ responseId: string }> {
  return sendJson("POST", `/api/v1/survey/rounds/${encodeURIComponent(slug)}/paper`, form, options);
}

/** POST /api/v1/survey/rounds/:slug/responses/import */
export function importPaperCsv(
  slug: string,
  csv: string,
  options: RequestOptions,
): Promise<{ imported: number }> {
  return sendJson(
    "POST",
    `/api/v1/survey/rounds/${encodeURIComponent(slug)}/responses/import`,
    { csv },
    options,
  );
}

/** GET /api/v1/survey/rounds/:slug/open-answers */
export function fetchOpenAnswers(slug: string, options: RequestOptions): Promise<OpenAnswer[]> {
  return getJson(`/api/v1/survey/rounds/${encodeURIComponent(slug)}/open-answers`, options);
}

/** PUT /api/v1/survey/responses/:id/themes */
export function saveThemes(
  responseId: string,
  question: string,
  themes: string[],
  options: RequestOptions,
): Promise<undefined> {
  return sendJson(
    "PUT",
    `/api/v1/survey/responses/${encodeURIComponent(responseId)}/themes`,
    { question, themes },
    options,
  );
}
