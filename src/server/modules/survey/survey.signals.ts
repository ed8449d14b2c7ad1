import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { SignalSource } from "../../platform/module.ts";
import type { SurveyService } from "./survey.service.ts";

/** The open answers of completed responses, each linked to its round's staff page (where they are coded). */
export function surveySignalTexts(survey: SurveyService): SignalSource {
  return {
    module: "survey",
    textsSince: async (since) =>
      (await survey.openAnswersSince(since)).map((answer) => ({
        id: `${answer.responseId}:${answer.question}`,
        module: "survey",
        channel: "survey_answer",
        at: answer.at,
        text: answer.text,
        link: WEB_ROUTES.surveyRound.replace(":slug", encodeURIComponent(answer.slug)),
      })),
  };
}
