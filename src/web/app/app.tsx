import { StrictMode } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";
import { BallotPage } from "../features/budgeting/ballot-page.tsx";
import { ProposalPage } from "../features/budgeting/proposal-page.tsx";
import { ProposePage } from "../features/budgeting/propose-page.tsx";
import { ResultsPage } from "../features/budgeting/results-page.tsx";
import { RoundPage } from "../features/budgeting/round-page.tsx";
import { RoundsPage } from "../features/budgeting/rounds-page.tsx";
import { BudgetingStaffPage } from "../features/budgeting/staff-page.tsx";
import { FeedbackFiguresPage } from "../features/feedback/figures-page.tsx";
import { FeedbackHandlingPage } from "../features/feedback/handling-page.tsx";
import { FeedbackQueuePage } from "../features/feedback/queue-page.tsx";
import { FeedbackReportPage } from "../features/feedback/report-page.tsx";
import { FeedbackRequestPage } from "../features/feedback/request-page.tsx";
import { FeedbackRequestsPage } from "../features/feedback/requests-page.tsx";
import { FeedbackServicePage, FeedbackServicesPage } from "../features/feedback/services-page.tsx";
import { AdminAuditPage } from "../features/identity/admin-audit-page.tsx";
import { AdminPeoplePage } from "../features/identity/admin-people-page.tsx";
import { ForgotPasswordPage } from "../features/identity/forgot-password-page.tsx";
import { PrivacyPage } from "../features/identity/privacy-page.tsx";
import { ProfilePage } from "../features/identity/profile-page.tsx";
import { RegisterPage } from "../features/identity/register-page.tsx";
import { ResetPasswordPage } from "../features/identity/reset-password-page.tsx";
import { SessionProvider } from "../features/identity/session.tsx";
import { SignInPage } from "../features/identity/sign-in-page.tsx";
import { VerifyEmailPage } from "../features/identity/verify-email-page.tsx";
import { OpenDataPage } from "../features/opendata/catalogue-page.tsx";
import { OpenDatasetPage } from "../features/opendata/dataset-page.tsx";
import { ActionPage } from "../features/strategy/follow-up/action-page.tsx";
import { ChangesPage } from "../features/strategy/follow-up/changes-page.tsx";
import { GoalPage } from "../features/strategy/follow-up/goal-page.tsx";
import { IndicatorPage } from "../features/strategy/follow-up/indicator-page.tsx";
import { ReportPage } from "../features/strategy/follow-up/report-page.tsx";
import { StaffPage } from "../features/strategy/follow-up/staff-page.tsx";
import { StrategyTreePage } from "../features/strategy/follow-up/strategy-tree-page.tsx";
import { ProgrammePage } from "../features/strategy/programme-page.tsx";
import { SurveyAnswerPage } from "../features/survey/answer-page.tsx";
import { SurveyBuilderPage } from "../features/survey/builder-page.tsx";
import { SurveyHomePage } from "../features/survey/home-page.tsx";
import { SurveyInterviewPage } from "../features/survey/interview-page.tsx";
import { SurveyQuestionnairesPage } from "../features/survey/questionnaires-page.tsx";
import { SurveyResultsPage } from "../features/survey/results-page.tsx";
import { SurveyRoundDeskPage } from "../features/survey/round-desk-page.tsx";
import { SurveyRoundsPage } from "../features/survey/rounds-page.tsx";
import { SurveyStaffPage } from "../features/survey/staff-page.tsx";
import { ConfirmProfilePage } from "../features/volunteering/confirm-page.tsx";
import { OrganisationDashboardPage } from "../features/volunteering/dashboard-page.tsx";
import { MyVolunteeringPage } from "../features/volunteering/my-page.tsx";
import { OpportunitiesPage } from "../features/volunteering/opportunities-page.tsx";
import { OpportunityPage } from "../features/volunteering/opportunity-page.tsx";
import { OrganisationsPage } from "../features/volunteering/organisations-page.tsx";
import { VolunteeringStaffPage } from "../features/volunteering/staff-page.tsx";
import { SuggestionsOffPage } from "../features/volunteering/suggestions.tsx";
import { WishPage } from "../features/volunteering/wish-page.tsx";
import type { initI18n } from "../i18n/i18n.ts";
import { Layout } from "./layout.tsx";
import { AccessibilityPage } from "./pages/accessibility-page.tsx";
import { HomePage } from "./pages/home-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";

/** The app: providers, layout and the routes of web-routes.ts (anything else is "not found"). */
export function App({ i18n }: { i18n: ReturnType<typeof initI18n> }) {
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <SessionProvider>
          <BrowserRouter>
            <Layout>
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
                <Route path={WEB_ROUTES.openData} element={<OpenDataPage />} />
                <Route path={WEB_ROUTES.openDataset} element={<OpenDatasetPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Layout>
          </BrowserRouter>
        </SessionProvider>
      </I18nextProvider>
    </StrictMode>
  );
}
