import { useTranslation } from "react-i18next";
import { usePrivacyNotices } from "../../api/identity/identity.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";

/** The id of a register's section on the page (its heading is the target of the contents link). */
export function registerAnchor(register: string): string {
  return `register-${register.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/** The privacy notices (tietosuojaselosteet, GDPR arts. 13–14): every register, every section. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const notices = usePrivacyNotices();
  useDocumentTitle(t("privacy.title"));
  const list = notices.data ?? [];

  return (
    <div className="container page page--narrow prose">
      <header className="page-header">
        <PageHeading>{t("privacy.title")}</PageHeading>
        <p className="lead">{t("privacy.intro")}</p>
      </header>
      <LoadingStatus loading={notices.status === "loading" && !notices.data} />
      {notices.status === "error" ? <ProblemAlert error={notices.error} onRetry={notices.reload} /> : null}
      {list.length > 1 ? (
        <nav className="page-contents" aria-labelledby="privacy-contents-heading">
          <h2 id="privacy-contents-heading" className="page-contents__heading">
            {t("privacy.contentsHeading")}
          </h2>
          <ul>
            {list.map((notice) => {
              const name = localize(notice.name);
              return (
                <li key={notice.register}>
                  <a href={`#${registerAnchor(notice.register)}`} lang={name.lang}>
                    {name.text}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
      {list.map((notice) => {
        const name = localize(notice.name);
        const id = registerAnchor(notice.register);
        return (
          <section key={notice.register} id={id} className="content-section" aria-labelledby={`${id}-h`}>
            <h2 id={`${id}-h`} lang={name.lang}>
              {name.text}
            </h2>
            {notice.sections.map((section) => {
              const heading = localize(section.heading);
              const body = localize(section.body);
              return (
                <div key={section.heading.fi}>
                  <h3 lang={heading.lang}>{heading.text}</h3>
                  <p lang={body.lang}>{body.text}</p>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
