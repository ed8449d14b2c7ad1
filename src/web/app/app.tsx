import { StrictMode } from "react";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router";
import { WEB_ROUTES } from "../../contracts/web-routes.ts";
import { ProgrammePage } from "../features/strategy/programme-page.tsx";
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
        <BrowserRouter>
          <Layout>
            <Routes>
              <Route path={WEB_ROUTES.home} element={<HomePage />} />
              <Route path={WEB_ROUTES.programme} element={<ProgrammePage />} />
              <Route path={WEB_ROUTES.accessibility} element={<AccessibilityPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Layout>
        </BrowserRouter>
      </I18nextProvider>
    </StrictMode>
  );
}
