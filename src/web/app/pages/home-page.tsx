import { useTranslation } from "react-i18next";
import { useSiteMeta } from "../../api/meta/meta.hooks.ts";
import { useStrategyOverview } from "../../api/strategy/strategy.hooks.ts";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { ProgrammeCards } from "../../features/strategy/programme-cards.tsx";
import { TextList } from "../../features/strategy/text-lists.tsx";
import { ModuleList } from "./module-list.tsx";

function ModulesSection() {
  const { t } = useTranslation();
  const meta = useSiteMeta();
  return (
    <section className="home-section" aria-labelledby="modules-heading">
      <div className="container">
        <h2 id="modules-heading">{t("home.modulesHeading")}</h2>
        <p className="section-intro">{t("home.modulesIntro")}</p>
        <LoadingStatus loading={meta.status === "loading" && !meta.data} />
        {meta.status === "error" ? <ProblemAlert error={meta.error} onRetry={meta.reload} /> : null}
        {meta.data ? <ModuleList modules={meta.data.modules} /> : null}
      </div>
    </section>
  );
}

/** The front page: the strategy's title, vision, mission, values and programmes, and Keskiö's modules. */
export function HomePage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const strategy = useStrategyOverview();
  useDocumentTitle(t("home.documentTitle"));

  const plan = strategy.data?.plan;
  const title = plan ? localize(plan.title) : undefined;
  const vision = plan ? localize(plan.vision) : undefined;
  const mission = plan ? localize(plan.mission) : undefined;

  return (
    <>
      <div className="hero">
        <div className="hero__decoration" aria-hidden="true" />
        <div className="container hero__inner">
          {plan ? (
            <p className="kicker">
              {t("home.strategyPeriod", { start: plan.periodStart, end: plan.periodEnd })}
            </p>
          ) : null}
          <PageHeading lang={title?.lang}>{title?.text ?? t("home.loadingHeading")}</PageHeading>
          <p className="lead hero__intro">{t("home.intro")}</p>
          <LoadingStatus loading={strategy.status === "loading" && !plan} />
          {strategy.status === "error" ? (
            <ProblemAlert error={strategy.error} onRetry={strategy.reload} />
          ) : null}
          {vision && mission ? (
            <div className="vision-mission">
              <section className="vision" aria-labelledby="vision-heading">
                <h2 id="vision-heading" className="eyebrow-heading">
                  {t("home.visionHeading")}
                </h2>
                <p className="vision__text" lang={vision.lang}>
                  {vision.text}
                </p>
              </section>
              <section className="mission" aria-labelledby="mission-heading">
                <h2 id="mission-heading" className="eyebrow-heading">
                  {t("home.missionHeading")}
                </h2>
                <p className="mission__text" lang={mission.lang}>
                  {mission.text}
                </p>
              </section>
            </div>
          ) : null}
        </div>
      </div>

      {plan && plan.values.length > 0 ? (
        <section className="home-section home-section--tight" aria-labelledby="values-heading">
          <div className="container">
            <h2 id="values-heading">{t("home.valuesHeading")}</h2>
            <TextList items={plan.values} className="tag-list tag-list--large" />
          </div>
        </section>
      ) : null}

      {plan && plan.themes.length > 0 ? (
        <section className="home-section home-section--tight" aria-labelledby="themes-heading">
          <div className="container">
            <h2 id="themes-heading">{t("home.themesHeading")}</h2>
            <TextList items={plan.themes} className="tag-list" />
          </div>
        </section>
      ) : null}

      {strategy.data && strategy.data.programmes.length > 0 ? (
        <section className="home-section home-section--tinted" aria-labelledby="programmes-heading">
          <div className="container">
            <h2 id="programmes-heading">{t("home.programmesHeading")}</h2>
            <p className="section-intro">{t("home.programmesIntro")}</p>
            <ProgrammeCards programmes={strategy.data.programmes} />
          </div>
        </section>
      ) : null}

      <ModulesSection />
    </>
  );
}
