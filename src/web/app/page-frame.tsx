import { Component, type ReactNode, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useDocumentTitle } from "../components/document-title.ts";
import { PageHeading } from "../components/route-focus.tsx";
import { Layout } from "./layout.tsx";
import { PageLoadError, subscribePageLoads } from "./lazy-page.ts";
import "./page-frame.css";

// A page whose code arrives sooner than this shows no loading state at all, so fast loads do not flicker;
// about the time after which people start to notice waiting.
const SHOW_LOADING_AFTER_MS = 400;

/**
 * A polite status that says the page is loading while page code has been on its way for a while. The region
 * is always there, so that screen readers announce the text when it appears; focus is left where it is.
 */
function PageLoadStatus() {
  const { t } = useTranslation();
  const [isLoading, setLoading] = useState(false);
  const [isShown, setShown] = useState(false);

  useEffect(() => subscribePageLoads(setLoading), []);
  useEffect(() => {
    if (!isLoading) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), SHOW_LOADING_AFTER_MS);
    return () => clearTimeout(timer);
  }, [isLoading]);

  return (
    <div role="status" className={isShown ? "page-load-status" : "visually-hidden"}>
      {isShown ? <p className="loading-status">{t("pageLoad.loading")}</p> : null}
    </div>
  );
}

/** What a page that failed says, with a reload (a fresh index.html names the files of the current build). */
function PageFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const isLoadFailure = error instanceof PageLoadError;
  const title = t(isLoadFailure ? "pageLoad.failedTitle" : "pageLoad.errorTitle");
  useDocumentTitle(title);
  return (
    <div className="container page page--narrow">
      <PageHeading>{title}</PageHeading>
      <div role="alert" className="problem-alert">
        <p className="problem-alert__detail">
          {t(isLoadFailure ? "pageLoad.failedBody" : "pageLoad.errorBody")}
        </p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t("pageLoad.reload")}
        </button>
      </div>
    </div>
  );
}

type BoundaryProps = { pathname: string; children: ReactNode };
type BoundaryState = { pathname: string; error: unknown; hasError: boolean };

/**
 * Catches a page that failed to load or to render, so the resident gets words and a way on instead of a
 * blank page. Going to another path clears it; a module that failed stays failed until a reload, because
 * React.lazy remembers the failure.
 */
class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { pathname: this.props.pathname, error: null, hasError: false };

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.pathname === state.pathname
      ? null
      : { pathname: props.pathname, error: null, hasError: false };
  }

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error, hasError: true };
  }

  override render() {
    return this.state.hasError ? <PageFailure error={this.state.error} /> : this.props.children;
  }
}

/**
 * The layout with the pages in its main (each loaded on demand), the loading status and the failure message.
 * While a navigation waits for page code, React keeps the previous page on screen (the router's navigations
 * are transitions), so the fallback is empty: only the first page of a visit can have nothing to show yet.
 */
export function PageFrame({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Layout>
      <PageLoadStatus />
      <PageErrorBoundary pathname={pathname}>
        <Suspense fallback={null}>{children}</Suspense>
      </PageErrorBoundary>
    </Layout>
  );
}
