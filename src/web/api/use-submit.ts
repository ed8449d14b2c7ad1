import { useCallback, useRef, useState } from "react";
import type { Locale } from "../../contracts/localized-text.ts";
import { useLocale } from "../i18n/i18n.ts";
import type { RequestOptions } from "./client.ts";
import { ApiError } from "./problem.ts";

/** The state of one write a form makes. */
export type Submission<T> = {
  status: "idle" | "pending" | "success" | "error";
  data: T | undefined;
  error: ApiError | undefined;
  /** Increases on every attempt, so that an error summary can take focus again. */
  attempt: number;
  /** Runs the write; resolves with its answer, or with the error (also kept in `error`); undefined error when a write was already on its way. */
  run: (
    action: (options: RequestOptions) => Promise<T>,
  ) => Promise<{ ok: true; data: T } | { ok: false; error: ApiError | undefined }>;
  reset: () => void;
};

/**
 * Runs a form's writes one at a time in the interface language (a second submit while one is on its way is
 * ignored) and keeps their outcome for the form to show.
 */
export function useSubmit<T = undefined>(): Submission<T> {
  const locale: Locale = useLocale();
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const busy = useRef(false);
  const [state, setState] = useState<Omit<Submission<T>, "run" | "reset">>({
    status: "idle",
    data: undefined,
    error: undefined,
    attempt: 0,
  });

  const run = useCallback(async (action: (options: RequestOptions) => Promise<T>) => {
    if (busy.current) return { ok: false as const, error: undefined };
    busy.current = true;
    setState((s) => ({ status: "pending", data: undefined, error: undefined, attempt: s.attempt + 1 }));
    try {
      const data = await action({ locale: localeRef.current });
      setState((s) => ({ ...s, status: "success", data }));
      return { ok: true as const, data };
    } catch (failure) {
      const error =
        failure instanceof ApiError
          ? failure
          : new ApiError({ status: 0, code: "unexpected", title: String(failure) });
      setState((s) => ({ ...s, status: "error", error }));
      return { ok: false as const, error };
    } finally {
      busy.current = false;
    }
  }, []);

  const reset = useCallback(
    () => setState((s) => ({ status: "idle", data: undefined, error: undefined, attempt: s.attempt })),
    [],
  );

  return { ...state, run, reset };
}
