import { asModuleDb } from "../../db/db.ts";
import type { ModuleContext, ModuleManifest } from "../../platform/module.ts";
import { registerSurveyCommands } from "./survey.commands.ts";
import { surveyOpenData } from "./survey.opendata.ts";
import { surveyRoutes } from "./survey.routes.ts";
import { seedSurvey } from "./survey.seed.ts";
import { SurveyService } from "./survey.service.ts";
import { surveySignalTexts } from "./survey.signals.ts";
import type { SurveyTables } from "./survey.tables.ts";

const serviceOf = (context: Pick<ModuleContext, "database" | "now">) =>
  new SurveyService(asModuleDb<SurveyTables>(context.database.db), context.now);

/**
 * The resident survey (kuntalaiskysely): versioned questionnaires, web, phone and paper answers in one
 * dataset, weighting to population margins and published results with margins of error.
 */
export const surveyModule: ModuleManifest = {
  name: "survey",
  available: true,
  webPath: "/survey",
  routes: (app, context) => surveyRoutes(app, context, serviceOf(context)),
  commands: (program, context) => registerSurveyCommands(program, { out: context.out, err: context.err }),
  seed: (database, options) => seedSurvey(asModuleDb<SurveyTables>(database.db), options),
  // The open answers, for the signals module's emerging topics.
  signalTexts: (context) => surveySignalTexts(serviceOf(context)),
  // Each closed round's weighted results.
  openData: (context) => surveyOpenData(serviceOf(context)),
  // The weighted share (per cent) answering 8–10 to the overall grade (or the satisfied answers of whatever
  // overall question the year's questionnaire names), from the year's round; null below five respondents.
  indicators: (context) => [
    { key: "survey.satisfied_share", valueFor: (year) => serviceOf(context).satisfiedShare(year) },
  ],
};
