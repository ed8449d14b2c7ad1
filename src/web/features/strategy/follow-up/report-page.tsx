import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { FOLLOW_UP_DOWNLOADS } from "../../../api/strategy-followup/followup.api.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { PageHeading } from "../../../components/route-focus.tsx";
import { MESSAGES, useLocale } from "../../../i18n/i18n.ts";
import "./follow-up.css";

/** The annual report for the council (printable HTML and PDF in each language) and every figure as open data. */
export function ReportPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("strategy.report.title"), true);
  // The current language first, then the others, each named in itself.
  const languages = [locale, ...LOCALES.filter((l) => l !== locale)];
  return (
    <div className="container page">
      <Breadcrumb
        trail={[{ to: WEB_ROUTES.strategy, label: t("followUp.tree.title") }]}
        current={t("strategy.report.title")}
      />
      <header className="page-header">
        <p className="kicker">{t("followUp.tree.kicker")}</p>
        <PageHeading>{t("strategy.report.title")}</PageHeading>
        <p className="lead">{t("strategy.report.lead")}</p>
      </header>
      <section className="content-section" aria-labelledby="raportti-h">
        <h2 id="raportti-h">{t("strategy.report.reportHeading")}</h2>
        <p>{t("strategy.report.reportLead")}</p>
        <ul className="follow-up-downloads">
          {languages.map((l) => {
            const language = MESSAGES[l].language.selfName;
            return (
              <li key={`html-${l}`}>
                <a href={FOLLOW_UP_DOWNLOADS.reportHtml(l)} hrefLang={l}>
                  {t("strategy.report.html")}: <span lang={l}>{language}</span>
                </a>
              </li>
            );
          })}
          {languages.map((l) => {
            const language = MESSAGES[l].language.selfName;
            return (
              <li key={`pdf-${l}`}>
                <a href={FOLLOW_UP_DOWNLOADS.reportPdf(l)} hrefLang={l} download>
                  {t("strategy.report.pdf")}: <span lang={l}>{language}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="content-section" aria-labelledby="avoin-data-h">
        <h2 id="avoin-data-h">{t("strategy.report.dataHeading")}</h2>
        <ul className="follow-up-downloads">
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.indicatorsCsv} download>
              {t("strategy.report.indicatorsCsv")}
            </a>
          </li>
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.valuesCsv} download>
              {t("strategy.report.valuesCsv")}
            </a>
          </li>
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.indicatorsJson}>{t("strategy.report.indicatorsJson")}</a>
          </li>
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.valuesJson}>{t("strategy.report.valuesJson")}</a>
          </li>
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.treeJson}>{t("strategy.report.treeJson")}</a>
          </li>
          <li>
            <a href={FOLLOW_UP_DOWNLOADS.dataDictionary}>{t("strategy.report.dataDictionary")}</a>
          </li>
        </ul>
        <p>{t("strategy.report.licence")}</p>
      </section>
    </div>
  );
}
