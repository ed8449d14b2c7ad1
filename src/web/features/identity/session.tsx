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
import type { Me, Role, SessionInfo } from "../../../contracts/identity.ts";
import { rememberCsrfToken } from "../../api/client.ts";
import { fetchSession } from "../../api/identity/identity.api.ts";
import { ApiError } from "../../api/problem.ts";
import { useLocale } from "../../i18n/i18n.ts";

/** The session as the app knows it: undefined until the first answer, then who is signed in (or null). */
export type SessionState = {
  info: SessionInfo | undefined;
  error: ApiError | undefined;
  /** Asks the server again (after identification, profile changes, or a failed load). */
  refresh: () => Promise<SessionInfo | undefined>;
  /** Takes a session answer the app already has (sign-in returns one, with a new CSRF token). */
  update: (info: SessionInfo) => void;
};

const SessionContext = createContext<SessionState>({
  info: undefined,
  error: undefined,
  refresh: async () => undefined,
  update: () => {},
});

/** Loads GET /api/v1/auth/session once (which also sets the CSRF cookie) and shares it with every page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const [info, setInfo] = useState<SessionInfo | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  // Answers can arrive out of order (a refresh racing the first load): only the latest request counts.
  const latest = useRef(0);

  const update = useCallback((next: SessionInfo) => {
    latest.current += 1;
    rememberCsrfToken(next.csrfToken);
    setInfo(next);
    setError(undefined);
  }, []);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await fetchSession({ locale: localeRef.current });
      if (ticket === latest.current) {
        rememberCsrfToken(next.csrfToken);
        setInfo(next);
        setError(undefined);
      }
      return next;
    } catch (failure) {
      const apiError =
        failure instanceof ApiError
          ? failure
          : new ApiError({ status: 0, code: "unexpected", title: String(failure) });
      if (ticket === latest.current) setError(apiError);
      return undefined;
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ info, error, refresh, update }), [info, error, refresh, update]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The shared session. */
export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Whether the person holds a role (in any scope). */
export function hasRole(person: Me | null | undefined, ...roles: Role[]): boolean {
  return person?.roles.some((grant) => roles.includes(grant.role)) ?? false;
}
