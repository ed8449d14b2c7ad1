import { useTranslation } from "react-i18next";
import type { RequestStatus } from "../../../contracts/feedback.ts";

/** A request's status in words, with a colour that only repeats what the words say. */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`feedback-status feedback-status--${status}`}>{t(`feedback.status.${status}`)}</span>
  );
}

/** "Overdue" in words, for the handler's queue. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="feedback-status feedback-status--overdue">{t("feedback.queue.overdue")}</span>;
}

/** "Escalated" in words: the broken promise was raised to the unit's handlers (1) or also to its lead (2). */
export function EscalatedBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  return (
    <span className="feedback-status feedback-status--escalated">
      {t(level >= 2 ? "feedback.queue.escalatedLead" : "feedback.queue.escalated")}
    </span>
  );
}
