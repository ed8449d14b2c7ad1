import { useTranslation } from "react-i18next";
import type { FollowUpStatus, StatusExplained } from "../../../../contracts/strategy.ts";
import { useLocale } from "../../../i18n/i18n.ts";

/**
 * The shape of each status, so that it never rests on colour alone: on track a circle with a tick, at risk a
 * triangle with an exclamation mark, off track a square with a cross, no data a dashed circle.
 */
function StatusIcon({ status }: { status: FollowUpStatus }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {status === "on_track" ? (
        <>
          <circle cx="8" cy="8" r="7" className="status-icon__shape" />
          <path d="M4.5 8.2 7 10.7 11.6 5.6" className="status-icon__mark" />
        </>
      ) : null}
      {status === "at_risk" ? (
        <>
          <path d="M8 1.2 15 14.5H1Z" className="status-icon__shape" />
          <path d="M8 5.5v4.3M8 11.6v.9" className="status-icon__mark" />
        </>
      ) : null}
      {status === "off_track" ? (
        <>
          <rect x="1.5" y="1.5" width="13" height="13" rx="1.5" className="status-icon__shape" />
          <path d="M5.2 5.2 10.8 10.8M10.8 5.2 5.2 10.8" className="status-icon__mark" />
        </>
      ) : null}
      {status === "no_data" ? (
        <circle cx="8" cy="8" r="6.2" className="status-icon__shape status-icon__shape--open" />
      ) : null}
    </svg>
  );
}

/** A status as a labelled badge: icon (shape) and the status in words. */
export function StatusBadge({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status.replace("_", "-")}`}>
      <StatusIcon status={status} />
      <span className="visually-hidden">{t("followUp.statusLabel")}: </span>
      {t(`followUp.status.${status}`)}
    </span>
  );
}

/** A status badge with the server's one-sentence reason in the interface language. */
export function StatusWithReason({ status, id }: { status: StatusExplained; id?: string }) {
  const locale = useLocale();
  return (
    <p className="status-reason" id={id}>
      <StatusBadge status={status.status} /> <span>{status.explanation[locale]}</span>
    </p>
  );
}

/** The visible label of example values, which are not real statistics. */
export function ExampleDataNote({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={short ? "example-badge" : "example-note"}>
      {short ? t("followUp.exampleDataShort") : t("followUp.exampleData")}
    </span>
  );
}
