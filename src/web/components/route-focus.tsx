import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

type RouteFocus = { registerHeading: (element: HTMLElement | null) => void };

const RouteFocusContext = createContext<RouteFocus>({ registerHeading: () => {} });

function focusWithoutJump(element: HTMLElement): void {
  window.scrollTo(0, 0);
  element.focus({ preventScroll: true });
}

/**
 * After a client-side navigation, moves focus to the new page's h1 and announces the new page title in a
 * polite live region, so keyboard and screen-reader users know the page changed (WCAG 2.4.3, 4.1.3).
 * The first load is left to the browser. When a focused heading is replaced (loading → not found), the
 * replacement takes the focus.
 */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const heading = useRef<HTMLElement | null>(null);
  const focusPending = useRef(false);
  const firstRender = useRef(true);
  const [announcement, setAnnouncement] = useState("");

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

  // Runs after the new page's effects, so its heading is registered and its title set.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, which is the point.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (heading.current) focusWithoutJump(heading.current);
    else focusPending.current = true;
    setAnnouncement(t("layout.routeAnnouncement", { title: document.title }));
  }, [pathname]);

  const value = useMemo(() => ({ registerHeading }), [registerHeading]);
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
