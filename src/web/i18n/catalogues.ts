import coreEn from "./en.json";
import coreFi from "./fi.json";
import budgetingEn from "./modules/budgeting.en.json";
import budgetingFi from "./modules/budgeting.fi.json";
import budgetingSv from "./modules/budgeting.sv.json";
import feedbackEn from "./modules/feedback.en.json";
import feedbackFi from "./modules/feedback.fi.json";
import feedbackSv from "./modules/feedback.sv.json";
import opendataEn from "./modules/opendata.en.json";
import opendataFi from "./modules/opendata.fi.json";
import opendataSv from "./modules/opendata.sv.json";
import signalsEn from "./modules/signals.en.json";
import signalsFi from "./modules/signals.fi.json";
import signalsSv from "./modules/signals.sv.json";
import spacesEn from "./modules/spaces.en.json";
import spacesFi from "./modules/spaces.fi.json";
import spacesSv from "./modules/spaces.sv.json";
import strategyEn from "./modules/strategy.en.json";
import strategyFi from "./modules/strategy.fi.json";
import strategySv from "./modules/strategy.sv.json";
import surveyEn from "./modules/survey.en.json";
import surveyFi from "./modules/survey.fi.json";
import surveySv from "./modules/survey.sv.json";
import volunteeringEn from "./modules/volunteering.en.json";
import volunteeringFi from "./modules/volunteering.fi.json";
import volunteeringSv from "./modules/volunteering.sv.json";
import coreSv from "./sv.json";

/**
 * The interface strings per locale: the shared catalogue plus one file per module, each under the module's
 * name as its top-level key, so that modules are written and reviewed without touching each other's strings.
 */
export const fi = {
  ...coreFi,
  budgeting: budgetingFi,
  feedback: feedbackFi,
  survey: surveyFi,
  volunteering: volunteeringFi,
  strategy: strategyFi,
  spaces: spacesFi,
  opendata: opendataFi,
  signals: signalsFi,
};
export const sv = {
  ...coreSv,
  budgeting: budgetingSv,
  feedback: feedbackSv,
  survey: surveySv,
  volunteering: volunteeringSv,
  strategy: strategySv,
  spaces: spacesSv,
  opendata: opendataSv,
  signals: signalsSv,
};
export const en = {
  ...coreEn,
  budgeting: budgetingEn,
  feedback: feedbackEn,
  survey: surveyEn,
  volunteering: volunteeringEn,
  strategy: strategyEn,
  spaces: spacesEn,
  opendata: opendataEn,
  signals: signalsEn,
};
