import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { ProgrammeDetail } from "../../../contracts/strategy.ts";
import { useProgramme } from "../../api/strategy/strategy.hooks.ts";
import { Breadcrumb } from "../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../components/document-title.ts";
import { useLocalize } from "../../components/localized.ts";
import { NotFoundContent } from "../../components/not-found.tsx";
import { LoadingStatus, ProblemAlert } from "../../components/request-status.tsx";
import { PageHeading } from "../../components/route-focus.tsx";
import { AgendaList, TextList } from "./text-lists.tsx";

type Section = { id: string; heading: string; content: ReactNode };

function ProgrammeSections({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const statement = programme.statement ? localize(programme.statement) : undefined;
  const goals = [...programme.goals].sort((a, b) => a.position - b.position);

  // Sections the strategy says nothing about are left out.
  const sections: Section[] = [];
  if (statement) {
    sections.push({
      id: "tavoitetila",
      heading: t("programme.statementHeading"),
      content: (
        <p className="statement" lang={statement.lang}>
          {statement.text}
        </p>
      ),
    });
  }
  if (programme.changeAgenda.length > 0) {
    sections.push({
      id: "muutosagenda",
      heading: t("programme.changeAgendaHeading"),
      content: <AgendaList items={programme.changeAgenda} />,
    });
  }
  if (programme.foundations.length > 0) {
    sections.push({
      id: "kivijalat",
      heading: t("programme.foundationsHeading"),
      content: <TextList items={programme.foundations} />,
    });
  }
  if (programme.choices.length > 0) {
    sections.push({
      id: "valinnat",
      heading: t("programme.choicesHeading"),
      content: <AgendaList items={programme.choices} />,
    });
  }
  if (programme.targetGroups.length > 0) {
    sections.push({
      id: "kohderyhmat",
      heading: t("programme.targetGroupsHeading"),
      content: <TextList items={programme.targetGroups} className="tag-list" />,
    });
  }
  if (programme.values.length > 0) {
    sections.push({
      id: "arvot",
      heading: t("programme.valuesHeading"),
      content: <TextList items={programme.values} className="tag-list" />,
    });
  }
  if (programme.focusAreas.length > 0) {
    sections.push({
      id: "painopisteet",
      heading: t("programme.focusAreasHeading"),
      content: <TextList items={programme.focusAreas} />,
    });
  }
  if (goals.length > 0) {
    sections.push({
      id: "tavoitellut-muutokset",
      heading: t("programme.goalsHeading"),
      content: (
        <ol className="goal-list">
          {goals.map((goal) => {
            const title = localize(goal.title);
            const actions = [...goal.actions].sort((a, b) => a.position - b.position);
            const actionsId = `toimenpiteet-${goal.slug}`;
            return (
              <li key={goal.id} className="goal">
                <h3 className="goal__title" lang={title.lang}>
                  {title.text}
                </h3>
                {actions.length > 0 ? (
                  <>
                    <p id={actionsId} className="goal__actions-label">
                      {t("programme.actionsHeading")}
                    </p>
                    <ol className="goal__actions" aria-labelledby={actionsId}>
                      {actions.map((action) => {
                        const actionTitle = localize(action.title);
                        return (
                          <li key={action.id} lang={actionTitle.lang}>
                            {actionTitle.text}
                          </li>
                        );
                      })}
                    </ol>
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      ),
    });
  }

  return (
    <>
      {sections.length > 1 ? (
        <nav className="page-contents" aria-labelledby="page-contents-heading">
          <h2 id="page-contents-heading" className="page-contents__heading">
            {t("programme.contentsHeading")}
          </h2>
          <ul>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.heading}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {sections.map((section) => (
        <section
          key={section.id}
          id={section.id}
          className="content-section"
          aria-labelledby={`${section.id}-h`}
        >
          <h2 id={`${section.id}-h`}>{section.heading}</h2>
          {section.content}
        </section>
      ))}
    </>
  );
}

/** A strategy programme: everything the strategy says of it, from GET /api/v1/strategy/programmes/:slug. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { slug = "" } = useParams();
  const programme = useProgramme(slug);
  const notFound = programme.status === "error" && programme.error.status === 404;
  const data = programme.data;
  const name = data ? localize(data.name) : undefined;
  const summary = data ? localize(data.summary) : undefined;

  useDocumentTitle(
    notFound ? t("notFound.title") : (name?.text ?? t("programme.loadingHeading")),
    programme.status !== "loading",
  );

  if (notFound) return <NotFoundContent />;

  return (
    <div className="container page">
      <Breadcrumb current={name?.text ?? t("programme.loadingHeading")} lang={name?.lang} />
      <header className="page-header">
        <p className="kicker">{t("programme.kicker")}</p>
        <PageHeading lang={name?.lang}>{name?.text ?? t("programme.loadingHeading")}</PageHeading>
        {summary ? (
          <p className="lead" lang={summary.lang}>
            {summary.text}
          </p>
        ) : null}
      </header>
      <LoadingStatus loading={programme.status === "loading" && !data} />
      {programme.status === "error" ? (
        <ProblemAlert error={programme.error} onRetry={programme.reload} />
      ) : null}
      {data ? <ProgrammeSections programme={data} /> : null}
    </div>
  );
}
