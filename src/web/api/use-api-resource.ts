import { useCallback, useEffect, useState } from "react";
import type { Locale } from "../../contracts/localized-text.ts";
import { ApiError } from "./problem.ts";

/** The state of one API resource as a page shows it. */
export type ApiResource<T> =
  | { status: "loading"; data: T | undefined; error: undefined; reload: () => void }
  | { status: "success"; data: T; error: undefined; reload: () => void }
  | { status: "error"; data: T | undefined; error: ApiError; reload: () => void };

type Settled<T> =
  | { key: string; locale: Locale; attempt: number; ok: true; data: T }
  | { key: string; locale: Locale; attempt: number; ok: false; error: ApiError; data: T | undefined };

/**
 * Loads a resource and reloads it when its key or the interface language changes (errors are localized by
 * the server). Data of the same key stays on screen while another language loads; a new key starts empty.
 */
export function useApiResource<T>(
  key: string,
  locale: Locale,
  load: (options: { locale: Locale; signal: AbortSignal }) => Promise<T>,
): ApiResource<T> {
  const [settled, setSettled] = useState<Settled<T> | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is recreated every render; `key` names what it loads.
  useEffect(() => {
    const controller = new AbortController();
    load({ locale, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, locale, attempt, ok: true, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError({ status: 0, code: "unexpected", title: String(error) });
        setSettled((previous) => ({
          key,
          locale,
          attempt,
          ok: false,
          error: apiError,
          data: previous?.key === key ? previous.data : undefined,
        }));
      },
    );
    return () => controller.abort();
  }, [key, locale, attempt]);

  const sameKey = settled?.key === key;
  const current = sameKey && settled.locale === locale && settled.attempt === attempt;
  const data = sameKey ? settled.data : undefined;
  if (current && settled.ok) return { status: "success", data: settled.data, error: undefined, reload };
  if (current && !settled.ok) return { status: "error", data, error: settled.error, reload };
  return { status: "loading", data, error: undefined, reload };
}
