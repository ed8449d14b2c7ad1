/**
 * The web app's page paths. Shared with the server so that it answers an unknown page with status 404
 * (while still serving the app, which shows the "not found" page).
 */
export const WEB_ROUTES = {
  home: "/",
  programme: "/programmes/:slug",
  accessibility: "/accessibility",
  signIn: "/sign-in",
  register: "/register",
  verifyEmail: "/verify-email",
  forgotPassword: "/forgot-password",
  resetPassword: "/reset-password",
  profile: "/profile",
  privacy: "/privacy",
  adminPeople: "/admin/people",
  adminAudit: "/admin/audit",
  strategy: "/strategy",
  strategyIndicator: "/strategy/indicators/:key",
  strategyGoal: "/strategy/goals/:id",
  strategyAction: "/strategy/actions/:id",
  strategyChanges: "/strategy/changes",
  strategyReport: "/strategy/report",
  strategyStaff: "/strategy/staff",
  feedback: "/feedback",
  feedbackReport: "/feedback/new",
  feedbackFigures: "/feedback/figures",
  feedbackRequest: "/feedback/requests/:reference",
  feedbackQueue: "/feedback/handling",
  feedbackServices: "/feedback/handling/services",
  feedbackService: "/feedback/handling/services/:code",
  feedbackHandling: "/feedback/handling/:id",
  volunteering: "/volunteering",
  volunteeringOpportunities: "/volunteering/opportunities",
  volunteeringOpportunity: "/volunteering/opportunities/:id",
  volunteeringMe: "/volunteering/me",
  volunteeringConfirm: "/volunteering/confirm",
  volunteeringSuggestionsOff: "/volunteering/suggestions-off",
  volunteeringOrganisations: "/volunteering/organisations",
  volunteeringOrganisation: "/volunteering/organisations/:id",
  volunteeringStaff: "/volunteering/staff",
  survey: "/survey",
  surveyResults: "/survey/results/:slug",
  surveyAnswer: "/survey/answer",
  surveyInterview: "/survey/interview",
  surveyStaff: "/survey/staff",
  surveyQuestionnaires: "/survey/staff/questionnaires",
  surveyQuestionnaire: "/survey/staff/questionnaires/:id",
  surveyRounds: "/survey/staff/rounds",
  surveyRound: "/survey/staff/rounds/:slug",
  budgeting: "/budgeting",
  budgetingRound: "/budgeting/rounds/:id",
  budgetingPropose: "/budgeting/rounds/:id/propose",
  budgetingBallot: "/budgeting/rounds/:id/ballot",
  budgetingResults: "/budgeting/rounds/:id/results",
  budgetingProposal: "/budgeting/proposals/:id",
  budgetingStaff: "/budgeting/staff",
  spaces: "/spaces",
  spacesEvents: "/spaces/events",
  spacesStaff: "/spaces/staff",
  spacesBookings: "/spaces/bookings",
  space: "/spaces/:id",
  signals: "/signals",
  openData: "/open-data",
  openDataset: "/open-data/:id",
} as const;

/** Whether a browser path is one of the app's pages. */
export function isWebRoute(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return Object.values(WEB_ROUTES).some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, "[a-z0-9._-]+")}$`);
    return re.test(path);
  });
}

/** The path of a programme page. */
export function programmePath(slug: string): string {
  return WEB_ROUTES.programme.replace(":slug", encodeURIComponent(slug));
}

/** The path of a survey round's results page. */
export function surveyResultsPath(slug: string): string {
  return WEB_ROUTES.surveyResults.replace(":slug", encodeURIComponent(slug));
}

/** The path of a questionnaire in the builder; `new` with `from` (template or an id to copy) starts one. */
export function surveyQuestionnairePath(id: string, from?: string): string {
  const path = WEB_ROUTES.surveyQuestionnaire.replace(":id", encodeURIComponent(id));
  return from ? `${path}?from=${encodeURIComponent(from)}` : path;
}

/** The path of a survey round's staff desk. */
export function surveyRoundPath(slug: string): string {
  return WEB_ROUTES.surveyRound.replace(":slug", encodeURIComponent(slug));
}

/** The path of a budgeting page of a round (`budgetingRound`, `budgetingBallot`, …) or a proposal. */
export function budgetingPath(
  page: "budgetingRound" | "budgetingPropose" | "budgetingBallot" | "budgetingResults" | "budgetingProposal",
  id: string,
): string {
  return WEB_ROUTES[page].replace(":id", encodeURIComponent(id));
}

/** The path of an open dataset's page. */
export function openDatasetPath(id: string): string {
  return WEB_ROUTES.openDataset.replace(":id", encodeURIComponent(id));
}
