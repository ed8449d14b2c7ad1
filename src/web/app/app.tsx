import { StrictMode } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";
import { SessionProvider } from "../features/identity/session.tsx";
import type { initI18n } from "../i18n/i18n.ts";
import { lazyPage } from "./lazy-page.ts";
import { PageFrame } from "./page-frame.tsx";
import { AccessibilityPage } from "./pages/accessibility-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";

// The shell above (layout, front page, accessibility statement, not found) is in the entry chunk; every
// other page is fetched when it is first shown. A new page is one line here and one route below.
const BallotPage = lazyPage(() => import("../features/budgeting/ballot-page.tsx"), "BallotPage");
const ProposalPage = lazyPage(() => import("../features/budgeting/proposal-page.tsx"), "ProposalPage");
const ProposePage = lazyPage(() => import("../features/budgeting/propose-page.tsx"), "ProposePage");
const ResultsPage = lazyPage(() => import("../features/budgeting/results-page.tsx"), "ResultsPage");
const RoundPage = lazyPage(() => import("../features/budgeting/round-page.tsx"), "RoundPage");
const RoundsPage = lazyPage(() => import("../features/budgeting/rounds-page.tsx"), "RoundsPage");
const BudgetingStaffPage = lazyPage(
  () => import("../features/budgeting/staff-page.tsx"),
  "BudgetingStaffPage",
);
const FeedbackFiguresPage = lazyPage(
  () => import("../features/feedback/figures-page.tsx"),
  "FeedbackFiguresPage",
);
const FeedbackHandlingPage = lazyPage(
  () => import("../features/feedback/handling-page.tsx"),
  "FeedbackHandlingPage",
);
const FeedbackQueuePage = lazyPage(() => import("../features/feedback/queue-page.tsx"), "FeedbackQueuePage");
const FeedbackReportPage = lazyPage(
  () => import("../features/feedback/report-page.tsx"),
  "FeedbackReportPage",
);
const FeedbackRequestPage = lazyPage(
  () => import("../features/feedback/request-page.tsx"),
  "FeedbackRequestPage",
);
const FeedbackRequestsPage = lazyPage(
  () => import("../features/feedback/requests-page.tsx"),
  "FeedbackRequestsPage",
);
const FeedbackServicePage = lazyPage(
  () => import("../features/feedback/services-page.tsx"),
  "FeedbackServicePage",
);
const FeedbackServicesPage = lazyPage(
  () => import("../features/feedback/services-page.tsx"),
  "FeedbackServicesPage",
);
const AdminAuditPage = lazyPage(() => import("../features/identity/admin-audit-page.tsx"), "AdminAuditPage");
const AdminPeoplePage = lazyPage(
  () => import("../features/identity/admin-people-page.tsx"),
  "AdminPeoplePage",
);
const ForgotPasswordPage = lazyPage(
  () => import("../features/identity/forgot-password-page.tsx"),
  "ForgotPasswordPage",
);
const PrivacyPage = lazyPage(() => import("../features/identity/privacy-page.tsx"), "PrivacyPage");
const ProfilePage = lazyPage(() => import("../features/identity/profile-page.tsx"), "ProfilePage");
const RegisterPage = lazyPage(() => import("../features/identity/register-page.tsx"), "RegisterPage");
const ResetPasswordPage = lazyPage(
  () => import("../features/identity/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const SignInPage = lazyPage(() => import("../features/identity/sign-in-page.tsx"), "SignInPage");
const VerifyEmailPage = lazyPage(
  () => import("../features/identity/verify-email-page.tsx"),
  "VerifyEmailPage",
);
const ActionPage = lazyPage(() => import("../features/strategy/follow-up/action-page.tsx"), "ActionPage");
const ChangesPage = lazyPage(() => import("../features/strategy/follow-up/changes-page.tsx"), "ChangesPage");
const GoalPage = lazyPage(() => import("../features/strategy/follow-up/goal-page.tsx"), "GoalPage");
const IndicatorPage = lazyPage(
  () => import("../features/strategy/follow-up/indicator-page.tsx"),
  "IndicatorPage",
);
const ReportPage = lazyPage(() => import("../features/strategy/follow-up/report-page.tsx"), "ReportPage");
const StaffPage = lazyPage(() => import("../features/strategy/follow-up/staff-page.tsx"), "StaffPage");
const StrategyTreePage = lazyPage(
  () => import("../features/strategy/follow-up/strategy-tree-page.tsx"),
  "StrategyTreePage",
);
const ProgrammePage = lazyPage(() => import("../features/strategy/programme-page.tsx"), "ProgrammePage");
const SurveyAnswerPage = lazyPage(() => import("../features/survey/answer-page.tsx"), "SurveyAnswerPage");
const SurveyBuilderPage = lazyPage(() => import("../features/survey/builder-page.tsx"), "SurveyBuilderPage");
const SurveyHomePage = lazyPage(() => import("../features/survey/home-page.tsx"), "SurveyHomePage");
const SurveyInterviewPage = lazyPage(
  () => import("../features/survey/interview-page.tsx"),
  "SurveyInterviewPage",
);
const SurveyQuestionnairesPage = lazyPage(
  () => import("../features/survey/questionnaires-page.tsx"),
  "SurveyQuestionnairesPage",
);
const SurveyResultsPage = lazyPage(() => import("../features/survey/results-page.tsx"), "SurveyResultsPage");
const SurveyRoundDeskPage = lazyPage(
  () => import("../features/survey/round-desk-page.tsx"),
  "SurveyRoundDeskPage",
);
const SurveyRoundsPage = lazyPage(() => import("../features/survey/rounds-page.tsx"), "SurveyRoundsPage");
const SurveyStaffPage = lazyPage(() => import("../features/survey/staff-page.tsx"), "SurveyStaffPage");
const ConfirmProfilePage = lazyPage(
  () => import("../features/volunteering/confirm-page.tsx"),
  "ConfirmProfilePage",
);
const OrganisationDashboardPage = lazyPage(
  () => import("../features/volunteering/dashboard-page.tsx"),
  "OrganisationDashboardPage",
);
const MyVolunteeringPage = lazyPage(
  () => import("../features/volunteering/my-page.tsx"),
  "MyVolunteeringPage",
);
const OpportunitiesPage = lazyPage(
  () => import("../features/volunteering/opportunities-page.tsx"),
  "OpportunitiesPage",
);
const OpportunityPage = lazyPage(
  () => import("../features/volunteering/opportunity-page.tsx"),
  "OpportunityPage",
);
const OrganisationsPage = lazyPage(
  () => import("../features/volunteering/organisations-page.tsx"),
  "OrganisationsPage",
);
const VolunteeringStaffPage = lazyPage(
  () => import("../features/volunteering/staff-page.tsx"),
  "VolunteeringStaffPage",
);
const SuggestionsOffPage = lazyPage(
  () => import("../features/volunteering/suggestions.tsx"),
  "SuggestionsOffPage",
);
const WishPage = lazyPage(() => import("../features/volunteering/wish-page.tsx"), "WishPage");

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
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </PageFrame>
          </BrowserRouter>
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
