import { StrictMode } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";
import { SessionProvider } from "../features/identity/session.tsx";
import type { initI18n } from "../i18n/i18n.ts";
import { modulePages } from "./lazy-page.ts";
import { PageFrame } from "./page-frame.tsx";
import { AccessibilityPage } from "./pages/accessibility-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";

// The shell above (layout, front page, accessibility statement, not found) is in the entry chunk; every
// other page is fetched when it is first shown, with its module's strings. A new page is one line here and
// one route below.
const budgeting = modulePages("budgeting");
const feedback = modulePages("feedback");
const identity = modulePages("identity");
const opendata = modulePages("opendata");
const spaces = modulePages("spaces");
const signals = modulePages("signals");
const strategy = modulePages("strategy");
const survey = modulePages("survey");
const volunteering = modulePages("volunteering");
const BallotPage = budgeting(() => import("../features/budgeting/ballot-page.tsx"), "BallotPage");
const ProposalPage = budgeting(() => import("../features/budgeting/proposal-page.tsx"), "ProposalPage");
const ProposePage = budgeting(() => import("../features/budgeting/propose-page.tsx"), "ProposePage");
const ResultsPage = budgeting(() => import("../features/budgeting/results-page.tsx"), "ResultsPage");
const RoundPage = budgeting(() => import("../features/budgeting/round-page.tsx"), "RoundPage");
const RoundsPage = budgeting(() => import("../features/budgeting/rounds-page.tsx"), "RoundsPage");
const BudgetingStaffPage = budgeting(
  () => import("../features/budgeting/staff-page.tsx"),
  "BudgetingStaffPage",
);
const FeedbackFiguresPage = feedback(
  () => import("../features/feedback/figures-page.tsx"),
  "FeedbackFiguresPage",
);
const FeedbackHandlingPage = feedback(
  () => import("../features/feedback/handling-page.tsx"),
  "FeedbackHandlingPage",
);
const FeedbackQueuePage = feedback(() => import("../features/feedback/queue-page.tsx"), "FeedbackQueuePage");
const FeedbackReportPage = feedback(
  () => import("../features/feedback/report-page.tsx"),
  "FeedbackReportPage",
);
const FeedbackRequestPage = feedback(
  () => import("../features/feedback/request-page.tsx"),
  "FeedbackRequestPage",
);
const FeedbackRequestsPage = feedback(
  () => import("../features/feedback/requests-page.tsx"),
  "FeedbackRequestsPage",
);
const FeedbackServicePage = feedback(
  () => import("../features/feedback/services-page.tsx"),
  "FeedbackServicePage",
);
const FeedbackServicesPage = feedback(
  () => import("../features/feedback/services-page.tsx"),
  "FeedbackServicesPage",
);
const AdminAuditPage = identity(() => import("../features/identity/admin-audit-page.tsx"), "AdminAuditPage");
const AdminPeoplePage = identity(
  () => import("../features/identity/admin-people-page.tsx"),
  "AdminPeoplePage",
);
const ForgotPasswordPage = identity(
  () => import("../features/identity/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const PrivacyPage = identity(() => import("../features/identity/privacy-page.tsx"), "PrivacyPage");
const ProfilePage = identity(() => import("../features/identity/profile-page.tsx"), "ProfilePage");
const RegisterPage = identity(() => import("../features/identity/register-page.tsx"), "RegisterPage");
const ResetPasswordPage = identity(
  () => import("../features/identity/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const SignInPage = identity(() => import("../features/identity/sign-in-page.tsx"), "SignInPage");
const VerifyEmailPage = identity(
  () => import("../features/identity/verify-email-page.tsx"),
  "VerifyEmailPage",
);
const OpenDataPage = opendata(() => import("../features/opendata/catalogue-page.tsx"), "OpenDataPage");
const OpenDatasetPage = opendata(() => import("../features/opendata/dataset-page.tsx"), "OpenDatasetPage");
const MyBookingsPage = spaces(() => import("../features/spaces/bookings.tsx"), "MyBookingsPage");
const SpacesEventsPage = spaces(() => import("../features/spaces/events-page.tsx"), "SpacesEventsPage");
const SpacePage = spaces(() => import("../features/spaces/space-page.tsx"), "SpacePage");
const SpacesPage = spaces(() => import("../features/spaces/spaces-page.tsx"), "SpacesPage");
const SpacesStaffPage = spaces(() => import("../features/spaces/staff-page.tsx"), "SpacesStaffPage");
const SignalsPage = signals(() => import("../features/signals/signals-page.tsx"), "SignalsPage");
const ActionPage = strategy(() => import("../features/strategy/follow-up/action-page.tsx"), "ActionPage");
const ChangesPage = strategy(() => import("../features/strategy/follow-up/changes-page.tsx"), "ChangesPage");
const GoalPage = strategy(() => import("../features/strategy/follow-up/goal-page.tsx"), "GoalPage");
const IndicatorPage = strategy(
  () => import("../features/strategy/follow-up/indicator-page.tsx"),
  "IndicatorPage",
);
const ReportPage = strategy(() => import("../features/strategy/follow-up/report-page.tsx"), "ReportPage");
const StaffPage = strategy(() => import("../features/strategy/follow-up/staff-page.tsx"), "StaffPage");
const StrategyTreePage = strategy(
  () => import("../features/strategy/follow-up/strategy-tree-page.tsx"),
  "StrategyTreePage",
);
const ProgrammePage = strategy(() => import("../features/strategy/programme-page.tsx"), "ProgrammePage");
const SurveyAnswerPage = survey(() => import("../features/survey/answer-page.tsx"), "SurveyAnswerPage");
const SurveyBuilderPage = survey(() => import("../features/survey/builder-page.tsx"), "SurveyBuilderPage");
const SurveyHomePage = survey(() => import("../features/survey/home-page.tsx"), "SurveyHomePage");
const SurveyInterviewPage = survey(
  () => import("../features/survey/interview-page.tsx"),
  "SurveyInterviewPage",
);
const SurveyQuestionnairesPage = survey(
  () => import("../features/survey/questionnaires-page.tsx"),
  "SurveyQuestionnairesPage",
);
const SurveyResultsPage = survey(() => import("../features/survey/results-page.tsx"), "SurveyResultsPage");
const SurveyRoundDeskPage = survey(
  () => import("../features/survey/round-desk-page.tsx"),
  "SurveyRoundDeskPage",
);
const SurveyRoundsPage = survey(() => import("../features/survey/rounds-page.tsx"), "SurveyRoundsPage");
const SurveyStaffPage = survey(() => import("../features/survey/staff-page.tsx"), "SurveyStaffPage");
const ConfirmProfilePage = volunteering(
  () => import("../features/volunteering/confirm-page.tsx"),
  "ConfirmProfilePage",
);
const OrganisationDashboardPage = volunteering(
  () => import("../features/volunteering/dashboard-page.tsx"),
  "OrganisationDashboardPage",
);
const MyVolunteeringPage = volunteering(
  () => import("../features/volunteering/my-page.tsx"),
  "MyVolunteeringPage",
);
const OpportunitiesPage = volunteering(
  () => import("../features/volunteering/opportunities-page.tsx"),
  "OpportunitiesPage",
);
const OpportunityPage = volunteering(
  () => import("../features/volunteering/opportunity-page.tsx"),
  "OpportunityPage",
);
const OrganisationsPage = volunteering(
  () => import("../features/volunteering/organisations-page.tsx"),
  "OrganisationsPage",
);
const VolunteeringStaffPage = volunteering(
  () => import("../features/volunteering/staff-page.tsx"),
  "VolunteeringStaffPage",
);
const SuggestionsOffPage = volunteering(
  () => import("../features/volunteering/suggestions.tsx"),
  "SuggestionsOffPage",
);
const WishPage = volunteering(() => import("../features/volunteering/wish-page.tsx"), "WishPage");

/** The app: providers, layout and the routes of web-routes.ts (anything else is "not found"). */
export function App({ i18n }: { i18n: ReturnType<typeof initI18n> }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <BrowserRouter>
            <PageFrame>
              <Routes>
                <Route path={WEB_ROUTES.home} element={<HomePage />} />
                <Route path={WEB_ROUTES.programme} element={<ProgrammePage />} />
                <Route path={WEB_ROUTES.strategy} element={<StrategyTreePage />} />
                <Route path={WEB_ROUTES.strategyIndicator} element={<IndicatorPage />} />
                <Route path={WEB_ROUTES.strategyAction} element={<ActionPage />} />
                <Route path={WEB_ROUTES.strategyChanges} element={<ChangesPage />} />
                <Route path={WEB_ROUTES.strategyGoal} element={<GoalPage />} />
                <Route path={WEB_ROUTES.strategyReport} element={<ReportPage />} />
                <Route path={WEB_ROUTES.strategyStaff} element={<StaffPage />} />
                <Route path={WEB_ROUTES.accessibility} element={<AccessibilityPage />} />
                <Route path={WEB_ROUTES.signIn} element={<SignInPage />} />
                <Route path={WEB_ROUTES.register} element={<RegisterPage />} />
                <Route path={WEB_ROUTES.verifyEmail} element={<VerifyEmailPage />} />
                <Route path={WEB_ROUTES.forgotPassword} element={<ForgotPasswordPage />} />
                <Route path={WEB_ROUTES.resetPassword} element={<ResetPasswordPage />} />
                <Route path={WEB_ROUTES.profile} element={<ProfilePage />} />
                <Route path={WEB_ROUTES.privacy} element={<PrivacyPage />} />
                <Route path={WEB_ROUTES.adminPeople} element={<AdminPeoplePage />} />
                <Route path={WEB_ROUTES.adminAudit} element={<AdminAuditPage />} />
                <Route path={WEB_ROUTES.feedback} element={<FeedbackRequestsPage />} />
                <Route path={WEB_ROUTES.feedbackReport} element={<FeedbackReportPage />} />
                <Route path={WEB_ROUTES.feedbackFigures} element={<FeedbackFiguresPage />} />
                <Route path={WEB_ROUTES.feedbackRequest} element={<FeedbackRequestPage />} />
                <Route path={WEB_ROUTES.feedbackQueue} element={<FeedbackQueuePage />} />
                <Route path={WEB_ROUTES.feedbackHandling} element={<FeedbackHandlingPage />} />
                <Route path={WEB_ROUTES.feedbackServices} element={<FeedbackServicesPage />} />
                <Route path={WEB_ROUTES.feedbackService} element={<FeedbackServicePage />} />
                <Route path={WEB_ROUTES.volunteering} element={<WishPage />} />
                <Route path={WEB_ROUTES.volunteeringOpportunities} element={<OpportunitiesPage />} />
                <Route path={WEB_ROUTES.volunteeringOpportunity} element={<OpportunityPage />} />
                <Route path={WEB_ROUTES.volunteeringMe} element={<MyVolunteeringPage />} />
                <Route path={WEB_ROUTES.volunteeringConfirm} element={<ConfirmProfilePage />} />
                <Route path={WEB_ROUTES.volunteeringSuggestionsOff} element={<SuggestionsOffPage />} />
                <Route path={WEB_ROUTES.volunteeringOrganisations} element={<OrganisationsPage />} />
                <Route path={WEB_ROUTES.volunteeringOrganisation} element={<OrganisationDashboardPage />} />
                <Route path={WEB_ROUTES.volunteeringStaff} element={<VolunteeringStaffPage />} />
                <Route path={WEB_ROUTES.survey} element={<SurveyHomePage />} />
                <Route path={WEB_ROUTES.surveyResults} element={<SurveyResultsPage />} />
                <Route path={WEB_ROUTES.surveyAnswer} element={<SurveyAnswerPage />} />
                <Route path={WEB_ROUTES.surveyInterview} element={<SurveyInterviewPage />} />
                <Route path={WEB_ROUTES.surveyStaff} element={<SurveyStaffPage />} />
                <Route path={WEB_ROUTES.surveyQuestionnaires} element={<SurveyQuestionnairesPage />} />
                <Route path={WEB_ROUTES.surveyQuestionnaire} element={<SurveyBuilderPage />} />
                <Route path={WEB_ROUTES.surveyRounds} element={<SurveyRoundsPage />} />
                <Route path={WEB_ROUTES.surveyRound} element={<SurveyRoundDeskPage />} />
                <Route path={WEB_ROUTES.budgeting} element={<RoundsPage />} />
                <Route path={WEB_ROUTES.budgetingRound} element={<RoundPage />} />
                <Route path={WEB_ROUTES.budgetingPropose} element={<ProposePage />} />
                <Route path={WEB_ROUTES.budgetingBallot} element={<BallotPage />} />
                <Route path={WEB_ROUTES.budgetingResults} element={<ResultsPage />} />
                <Route path={WEB_ROUTES.budgetingProposal} element={<ProposalPage />} />
                <Route path={WEB_ROUTES.budgetingStaff} element={<BudgetingStaffPage />} />
                <Route path={WEB_ROUTES.spaces} element={<SpacesPage />} />
                <Route path={WEB_ROUTES.spacesEvents} element={<SpacesEventsPage />} />
                <Route path={WEB_ROUTES.spacesStaff} element={<SpacesStaffPage />} />
                <Route path={WEB_ROUTES.spacesBookings} element={<MyBookingsPage />} />
                <Route path={WEB_ROUTES.signals} element={<SignalsPage />} />
                <Route path={WEB_ROUTES.space} element={<SpacePage />} />
                <Route path={WEB_ROUTES.openData} element={<OpenDataPage />} />
                <Route path={WEB_ROUTES.openDataset} element={<OpenDatasetPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </PageFrame>
          </BrowserRouter>
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
