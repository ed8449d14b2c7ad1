import type { ModuleManifest } from "../../platform/module.ts";
import { registerSurveyCommands } from "./survey.commands.ts";

/**
 * The resident survey (kuntalaiskysely). Its weighting and estimation library and `keskio survey` commands
 * are in service; questionnaires, answering channels and result pages are not built yet, so residents do
 * not see it as available.
 */
export const surveyModule: ModuleManifest = {
  name: "survey",
  available: false,
  webPath: null,
  commands: (program, context) => registerSurveyCommands(program, { out: context.out, err: context.err }),
};
