import type { Migration } from "kysely";
import * as strategyPlan from "./202611281300_strategy_plan.ts";
import * as platformAudit from "./202611281310_platform_audit.ts";
import * as identityCore from "./202611281320_identity_core.ts";
import * as strategyFollowup from "./202611281330_strategy_followup.ts";
import * as volunteeringCore from "./202611290200_volunteering_core.ts";
import * as feedbackCore from "./202611290210_feedback_core.ts";
import * as feedbackOpen311 from "./202611290230_feedback_open311.ts";
import * as surveyService from "./202611290230_survey_service.ts";
import * as budgetingProcess from "./202611290240_budgeting_process.ts";
import * as surveyWeightTrim from "./202611290400_survey_weight_trim.ts";
import * as surveyRoundDesk from "./202611290500_survey_round_desk.ts";
import * as volunteeringInvitations from "./202611290500_volunteering_invitations.ts";
import * as budgetingImages from "./202611290510_budgeting_images.ts";
import * as feedbackPublicListIndex from "./202611290510_feedback_public_list_index.ts";
import * as feedbackEscalation from "./202611290520_feedback_escalation.ts";
import * as addressesRegister from "./202611290900_addresses_register.ts";
import * as volunteeringGroupHours from "./202611290920_volunteering_group_hours.ts";
import * as feedbackPartialIndexes from "./202611290950_feedback_partial_indexes.ts";
import * as spacesCore from "./202611291200_spaces_core.ts";
import * as spacesBookings from "./202611291210_spaces_bookings.ts";

/**
 * Every migration, by name, in the order they run. Listed statically (not read from the folder at run time)
 * so the bundle-free start and the tests see exactly the same set; a test checks this list against the folder.
 */
export const migrations: Record<string, Migration> = {
  "202611281300_strategy_plan": strategyPlan,
  "202611281310_platform_audit": platformAudit,
  "202611281320_identity_core": identityCore,
  "202611281330_strategy_followup": strategyFollowup,
  "202611290200_volunteering_core": volunteeringCore,
  "202611290210_feedback_core": feedbackCore,
  "202611290230_feedback_open311": feedbackOpen311,
  "202611290230_survey_service": surveyService,
  "202611290240_budgeting_process": budgetingProcess,
  "202611290400_survey_weight_trim": surveyWeightTrim,
  "202611290500_survey_round_desk": surveyRoundDesk,
  "202611290500_volunteering_invitations": volunteeringInvitations,
  "202611290510_budgeting_images": budgetingImages,
  "202611290510_feedback_public_list_index": feedbackPublicListIndex,
  "202611290520_feedback_escalation": feedbackEscalation,
  "202611290900_addresses_register": addressesRegister,
  "202611290920_volunteering_group_hours": volunteeringGroupHours,
  "202611290950_feedback_partial_indexes": feedbackPartialIndexes,
  "202611291200_spaces_core": spacesCore,
  "202611291210_spaces_bookings": spacesBookings,
};
