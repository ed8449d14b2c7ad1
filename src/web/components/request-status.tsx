import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/problem.ts";

/**
 * A polite status region that exists before loading starts (so the change is announced) and says
 * "loading" while `loading` is true.
 */
export function LoadingStatus({ loading }: { loading: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className={loading ? "loading-status" : "visually-hidden"}>
      {loading ? t("status.loading") : ""}
    </p>
  );
}

/**
 * The title and detail to show for an error: the server's own localized problem title and detail as they
 * are; failures without a problem document get the interface's wording.
 */
export function describeProblem(
  error: ApiError,
  t: TFunction,
): { title: string; detail: string | undefined } {
  if (error.isProblem) return { title: error.title, detail: error.detail };
  return error.code === "network"
    ? { title: t("status.networkTitle"), detail: t("status.networkDetail") }
    : { title: t("status.unexpectedTitle"), detail: t("status.unexpectedDetail") };
}

/** An error shown as an alert, worded by describeProblem. */
export function ProblemAlert({ error, onRetry }: { error: ApiError; onRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { title, detail } = describeProblem(error, t);
  return (
    <div role="alert" className="problem-alert">
      <p className="problem-alert__title">{title}</p>
      {detail ? <p className="problem-alert__detail">{detail}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("status.retry")}
        </button>
      ) : null}
    </div>
  );
}
