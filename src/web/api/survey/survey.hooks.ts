import type { CallList, OpenAnswer, RoundSummary, SurveyResults } from "../../../contracts/survey.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import { fetchCallList, fetchOpenAnswers, fetchResults, fetchRounds } from "./survey.api.ts";

/** Every survey round, newest first. */
export function useRounds(): ApiResource<RoundSummary[]> {
  return useApiResource("survey-rounds", useLocale(), (options) => fetchRounds(options));
}

/** A round's published results. */
export function useResults(slug: string): ApiResource<SurveyResults> {
  return useApiResource(`survey-results:${slug}`, useLocale(), (options) => fetchResults(slug, options));
}

/** A round's call list and quotas (interviewers); `version` reloads it after a change. */
export function useCallList(slug: string, version: number): ApiResource<CallList> {
  return useApiResource(`survey-calls:${slug}:${version}`, useLocale(), (options) =>
    fetchCallList(slug, options),
  );
}

/** A round's open answers for theme coding (staff). */
export function useOpenAnswers(slug: string, version: number): ApiResource<OpenAnswer[]> {
  return useApiResource(`survey-open:${slug}:${version}`, useLocale(), (options) =>
    fetchOpenAnswers(slug, options),
  );
}
