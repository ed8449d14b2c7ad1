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
 * An error shown as an alert. The server's own localized problem title and detail are shown as they are;
 * failures without a problem document get the interface's wording.
 */
export function ProblemAlert({ error, onRetry }: { error: ApiError; onRetry?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const title = error.isProblem
    ? error.title
    : error.code === "network"
      ? t("status.networkTitle")
      : t("status.unexpectedTitle");
  const detail = error.isProblem
    ? error.detail
    : error.code === "network"
      ? t("status.networkDetail")
      : t("status.unexpectedDetail");
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
