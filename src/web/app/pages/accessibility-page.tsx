import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/localized-text.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { PageHeading } from "../../components/route-focus.tsx";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";

/** When this statement was prepared and last reviewed (ISO dates; law 306/2019 asks for both). */
export const STATEMENT_PREPARED = "2026-11-28";
export const STATEMENT_UPDATED = "2026-11-28";

/** A calendar date (YYYY-MM-DD) in the locale's long form, without time-zone shifts. */
export function formatCalendarDate(isoDate: string, locale: Locale): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** The accessibility statement (saavutettavuusseloste) that law 306/2019 requires of a public service. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("accessibility.title"));
  return (
    <div className="container page page--narrow prose">
      <header className="page-header">
        <PageHeading>{t("accessibility.title")}</PageHeading>
        <p className="lead">{t("accessibility.intro")}</p>
      </header>

      <section aria-labelledby="a11y-status">
        <h2 id="a11y-status">{t("accessibility.statusHeading")}</h2>
        <p>{t("accessibility.statusBody")}</p>
      </section>

      <section aria-labelledby="a11y-non-accessible">
        <h2 id="a11y-non-accessible">{t("accessibility.nonAccessibleHeading")}</h2>
        <p>{t("accessibility.nonAccessibleIntro")}</p>
        <ul>
          <li>{t("accessibility.nonAccessibleAudit")}</li>
          <li>{t("accessibility.nonAccessibleModules")}</li>
          <li>{t("accessibility.nonAccessibleTranslations")}</li>
          <li>{t("accessibility.nonAccessibleEasyLanguage")}</li>
        </ul>
        <p>{t("accessibility.automatedResult")}</p>
      </section>

      <section aria-labelledby="a11y-assessment">
        <h2 id="a11y-assessment">{t("accessibility.assessmentHeading")}</h2>
        <p>{t("accessibility.assessmentSelf")}</p>
        <p>{t("accessibility.assessmentAutomated")}</p>
        <dl className="facts">
          <div>
            <dt>{t("accessibility.preparedLabel")}</dt>
            <dd>
              <time dateTime={STATEMENT_PREPARED}>{formatCalendarDate(STATEMENT_PREPARED, locale)}</time>
            </dd>
          </div>
          <div>
            <dt>{t("accessibility.updatedLabel")}</dt>
            <dd>
              <time dateTime={STATEMENT_UPDATED}>{formatCalendarDate(STATEMENT_UPDATED, locale)}</time>
            </dd>
          </div>
        </dl>
        <p>{t("accessibility.reviewNote")}</p>
      </section>

      <section aria-labelledby="a11y-feedback">
        <h2 id="a11y-feedback">{t("accessibility.feedbackHeading")}</h2>
        <p>{t("accessibility.feedbackBody")}</p>
        <dl className="facts">
          <div>
            <dt>{t("accessibility.feedbackContactLabel")}</dt>
            <dd>{t("accessibility.feedbackContactRole")}</dd>
          </div>
        </dl>
        <p className="placeholder-note">{t("accessibility.feedbackContactPending")}</p>
      </section>

      <section aria-labelledby="a11y-enforcement">
        <h2 id="a11y-enforcement">{t("accessibility.enforcementHeading")}</h2>
        <p>{t("accessibility.enforcementBody")}</p>
        <address className="contact-card">
          <strong>{t("accessibility.enforcementAuthority")}</strong>
          <span>
            {t("accessibility.enforcementSiteLabel")}:{" "}
            <a href={t("accessibility.enforcementSiteUrl")}>{t("accessibility.enforcementSiteName")}</a>
          </span>
        </address>
        <p>{t("accessibility.enforcementHistory")}</p>
      </section>
    </div>
  );
}
