import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

type RouteFocus = {
  registerHeading: (element: HTMLElement | null) => void;
  reportTitle: (pathname: string, title: string) => void;
};

const RouteFocusContext = createContext<RouteFocus>({ registerHeading: () => {}, reportTitle: () => {} });

function focusWithoutJump(element: HTMLElement): void {
  window.scrollTo(0, 0);
  element.focus({ preventScroll: true });
}

/**
 * After a client-side navigation, moves focus to the new page's h1 and announces the new page's title in a
 * polite live region once the page knows it (after its content has loaded), so keyboard and screen-reader
 * users learn that the page changed (WCAG 2.4.3, 4.1.3). The first load is left to the browser. When a
 * focused heading is replaced (loading → not found), the replacement takes the focus.
 */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const heading = useRef<HTMLElement | null>(null);
  const focusPending = useRef(false);
  const announcePending = useRef(false);
  const readyTitle = useRef<{ pathname: string; title: string } | null>(null);
  const shownPath = useRef<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const announce = useCallback(
    (title: string) => {
      announcePending.current = false;
      setAnnouncement(t("layout.routeAnnouncement", { title }));
    },
    [t],
  );

  const registerHeading = useCallback((element: HTMLElement | null) => {
    const previous = heading.current;
    if (element === null) {
      if (previous && document.activeElement === previous) focusPending.current = true;
      heading.current = null;
      return;
    }
    heading.current = element;
    if (focusPending.current) {
      focusPending.current = false;
      focusWithoutJump(element);
    }
  }, []);

  const reportTitle = useCallback(
    (path: string, title: string) => {
      readyTitle.current = { pathname: path, title };
      if (announcePending.current && path === window.location.pathname) announce(title);
    },
    [announce],
  );

  // Runs after the new page's own effects, so its heading is registered and, for a page without data to
  // load, its title already reported.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, which is the point.
  useEffect(() => {
    // The first path is the page load; an unchanged path is StrictMode running the effect twice.
    const previous = shownPath.current;
    shownPath.current = pathname;
    if (previous === null || previous === pathname) return;
    if (heading.current) focusWithoutJump(heading.current);
    else focusPending.current = true;
    if (readyTitle.current?.pathname === pathname) announce(readyTitle.current.title);
    else announcePending.current = true;
  }, [pathname]);

  const value = useMemo(() => ({ registerHeading, reportTitle }), [registerHeading, reportTitle]);
  return (
    <RouteFocusContext.Provider value={value}>
      {children}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </RouteFocusContext.Provider>
  );
}

/** The page's single h1; it receives focus after navigation. */
export function PageHeading({ children, lang }: { children: ReactNode; lang?: string | undefined }) {
  const { registerHeading } = useContext(RouteFocusContext);
  return (
    <h1 ref={registerHeading} tabIndex={-1} lang={lang} className="page-heading">
      {children}
    </h1>
  );
}

/** Tells the route announcer the page's final title (call once the page's content has loaded). */
export function useReportTitle(): (pathname: string, title: string) => void {
  return useContext(RouteFocusContext).reportTitle;
}
