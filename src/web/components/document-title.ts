import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useReportTitle } from "./route-focus.tsx";

/**
 * The browser tab title of a page: the page's own title first, then the service. Soft hyphens, which let
 * long Finnish and Swedish compounds break in a narrow h1, are left out of the title.
 */
export function formatDocumentTitle(heading: string, siteName: string): string {
  const pageTitle = heading.replaceAll("\u00ad", "");
  if (pageTitle === "" || pageTitle === siteName) return siteName;
  return pageTitle.startsWith(`${siteName} `) ? pageTitle : `${pageTitle} – ${siteName}`;
}

/**
 * Sets `document.title` for the page (WCAG 2.4.2). `isFinal` is false while the page is still loading
 * what its title depends on; the route change is announced with the final title.
 */
export function useDocumentTitle(pageTitle: string, isFinal = true): void {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const reportTitle = useReportTitle();
  const siteName = t("site.name");
  useEffect(() => {
    const title = formatDocumentTitle(pageTitle, siteName);
    document.title = title;
    if (isFinal) reportTitle(pathname, title);
  }, [pageTitle, siteName, isFinal, pathname, reportTitle]);
}
