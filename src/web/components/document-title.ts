import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The browser tab title of a page: the page's own title first, then the service. */
export function formatDocumentTitle(pageTitle: string, siteName: string): string {
  return pageTitle === "" || pageTitle === siteName || pageTitle.startsWith(`${siteName} `)
    ? pageTitle || siteName
    : `${pageTitle} – ${siteName}`;
}

/** Sets `document.title` for the page (WCAG 2.4.2). */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const siteName = t("site.name");
  useEffect(() => {
    document.title = formatDocumentTitle(pageTitle, siteName);
  }, [pageTitle, siteName]);
}
