import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { LocalizedText } from "../../../../contracts/localized-text.ts";
import {
  type FollowUpStatus,
  type GoalNode,
  STATUSES,
  type StrategyTree,
} from "../../../../contracts/strategy.ts";
import { programmePath, WEB_ROUTES } from "../../../../contracts/web-routes.ts";
import { FOLLOW_UP_DOWNLOADS, type TreeFilter } from "../../../api/strategy-followup/followup.api.ts";
import { useStrategyTree } from "../../../api/strategy-followup/followup.hooks.ts";
import { Breadcrumb } from "../../../components/breadcrumb.tsx";
import { useDocumentTitle } from "../../../components/document-title.ts";
import { SelectField } from "../../../components/form.tsx";
import { useLocalize } from "../../../components/localized.ts";
import { LoadingStatus, ProblemAlert } from "../../../components/request-status.tsx";
import { PageHeading } from "../../../components/route-focus.tsx";
import { useLocale } from "../../../i18n/i18n.ts";
import { hasRole, useSession } from "../../identity/session.tsx";
import { actionPath, formatDate, goalPath, indicatorPath } from "./format.ts";
import { ExampleDataNote, StatusWithReason } from "./status.tsx";
import "./follow-up.css";

const FILTER_NAMES = ["programme", "targetGroup", "status", "unit"] as const;

/** The filter in the page's URL; an unknown status is ignored. */
export function readTreeFilter(params: URLSearchParams): TreeFilter {
  const status = params.get("status") ?? "";
  return {
    programme: params.get("programme") ?? "",
    targetGroup: params.get("targetGroup") ?? "",
    status: (STATUSES as readonly string[]).includes(status) ? (status as FollowUpStatus) : "",
    unit: params.get("unit") ?? "",
  };
}

/** The choices of each filter, from the whole (unfiltered) tree. */
export function filterChoices(tree: StrategyTree) {
  const targetGroups = new Map<string, LocalizedText>();
  const units = new Set<string>();
  for (const programme of tree.programmes) {
    for (const goal of programme.goals) {
      for (const group of goal.targetGroups) targetGroups.set(group.fi.toLowerCase(), group);
      for (const action of goal.actions) if (action.responsibleUnit) units.add(action.responsibleUnit);
    }
  }
  return {
    programmes: [...tree.programmes].sort((a, b) => a.position - b.position),
    targetGroups: [...targetGroups.values()].sort((a, b) => a.fi.localeCompare(b.fi, "fi")),
    units: [...units].sort((a, b) => a.localeCompare(b, "fi")),
  };
}

function FilterForm({ whole, filter }: { whole: StrategyTree | undefined; filter: TreeFilter }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [, setSearchParams] = useSearchParams();
  const id = useId();
  const choices = whole ? filterChoices(whole) : { programmes: [], targetGroups: [], units: [] };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = String(data.get(name) ?? "");
      if (value) next.set(name, value);
    }
    setSearchParams(next);
  }

  return (
    <form className="follow-up-filters" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h2 id={`${id}-h`} className="follow-up-filters__heading">
        {t("followUp.tree.filtersHeading")}
      </h2>
      <div className="follow-up-filters__fields">
        <SelectField
          id={`${id}-programme`}
          name="programme"
          label={t("followUp.tree.programme")}
          defaultValue={filter.programme}
          key={`p${filter.programme}${choices.programmes.length}`}
        >
          <option value="">{t("followUp.tree.any")}</option>
          {choices.programmes.map((programme) => (
            <option key={programme.id} value={programme.slug}>
              {localize(programme.name).text}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-target-group`}
          name="targetGroup"
          label={t("followUp.tree.targetGroup")}
          defaultValue={filter.targetGroup}
          key={`g${filter.targetGroup}${choices.targetGroups.length}`}
        >
          <option value="">{t("followUp.tree.any")}</option>
          {choices.targetGroups.map((group) => (
            <option key={group.fi} value={group.fi}>
              {localize(group).text}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-status`}
          name="status"
          label={t("followUp.tree.status")}
          defaultValue={filter.status}
          key={`s${filter.status}`}
        >
          <option value="">{t("followUp.tree.any")}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`followUp.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${id}-unit`}
          name="unit"
          label={t("followUp.tree.unit")}
          defaultValue={filter.unit}
          key={`u${filter.unit}${choices.units.length}`}
        >
          <option value="">{t("followUp.tree.any")}</option>
          {choices.units.map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="button-row">
        <button type="submit" className="button">
          {t("followUp.tree.apply")}
        </button>
        <Link to={WEB_ROUTES.strategy} className="button button--secondary">
          {t("followUp.tree.clear")}
        </Link>
      </div>
    </form>
  );
}

function Goal({ goal }: { goal: GoalNode }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const title = localize(goal.title);
  return (
    <li className="follow-up-goal">
      <h3 className="follow-up-goal__title" lang={title.lang}>
        <Link to={goalPath(goal.id)}>{title.text}</Link>
      </h3>
      <StatusWithReason status={goal.status} />
      {goal.targetGroups.length > 0 ? (
        <p className="follow-up-goal__groups">
          {t("followUp.tree.targetGroups")}:{" "}
          {goal.targetGroups.map((group) => localize(group).text).join(", ")}
        </p>
      ) : null}
      {goal.indicators.length > 0 ? (
        <>
          <h4 className="follow-up-goal__subheading">{t("followUp.tree.indicators")}</h4>
          <ul className="follow-up-list">
            {goal.indicators.map((indicator) => {
              const name = localize(indicator.name);
              return (
                <li key={indicator.id}>
                  <Link to={indicatorPath(indicator.key)} lang={name.lang} className="follow-up-list__link">
                    {name.text}
                  </Link>
                  {indicator.isExampleData ? <ExampleDataNote short /> : null}
                  <StatusWithReason status={indicator.status} />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {goal.actions.length > 0 ? (
        <>
          <h4 className="follow-up-goal__subheading">{t("followUp.tree.actions")}</h4>
          <ul className="follow-up-list">
            {goal.actions.map((action) => {
              const name = localize(action.title);
              return (
                <li key={action.id}>
                  <Link to={actionPath(action.id)} lang={name.lang} className="follow-up-list__link">
                    {name.text}
                  </Link>
                  <span className="follow-up-list__meta">
                    {t(`followUp.progress.${action.progress}`)}
                    {action.responsibleUnit
                      ? ` · ${t("followUp.tree.unitOf", { unit: action.responsibleUnit })}`
                      : ""}
                  </span>
                  <StatusWithReason status={action.status} />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </li>
  );
}

function Tree({ tree }: { tree: StrategyTree }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const goalCount = tree.programmes.reduce((sum, p) => sum + p.goals.length, 0);
  const programmes = [...tree.programmes].sort((a, b) => a.position - b.position);
  return (
    <>
      <p className="follow-up-count" aria-live="polite">
        {t("followUp.tree.resultCount", { count: goalCount })}
      </p>
      {programmes
        .filter((programme) => programme.goals.length > 0)
        .map((programme) => {
          const name = localize(programme.name);
          return (
            <section
              key={programme.id}
              className="content-section"
              aria-labelledby={`ohjelma-${programme.slug}`}
            >
              <h2 id={`ohjelma-${programme.slug}`} lang={name.lang}>
                {name.text}
              </h2>
              <p>
                <Link to={programmePath(programme.slug)}>
                  {t("followUp.tree.programmePage", { name: name.text })}
                </Link>
              </p>
              <ol className="follow-up-goals">
                {programme.goals.map((goal) => (
                  <Goal key={goal.id} goal={goal} />
                ))}
              </ol>
            </section>
          );
        })}
      {goalCount === 0 ? <p className="notice">{t("followUp.tree.noGoals")}</p> : null}
    </>
  );
}

function Downloads() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="content-section" aria-labelledby="raportti-ja-avoin-data">
      <h2 id="raportti-ja-avoin-data">{t("followUp.tree.downloadsHeading")}</h2>
      <ul className="follow-up-downloads">
        <li>
          <Link to={WEB_ROUTES.strategyReport}>{t("strategy.report.reportLink")}</Link>
        </li>
        <li>
          <Link to={WEB_ROUTES.strategyChanges}>{t("followUp.tree.changesLink")}</Link>
        </li>
        <li>
          <a href={FOLLOW_UP_DOWNLOADS.reportHtml(locale)}>{t("followUp.tree.reportHtml")}</a>
        </li>
        <li>
          <a href={FOLLOW_UP_DOWNLOADS.reportPdf(locale)} download>
            {t("followUp.tree.reportPdf")}
          </a>
        </li>
        <li>
          <a href={FOLLOW_UP_DOWNLOADS.indicatorsCsv} download>
            {t("followUp.tree.indicatorsCsv")}
          </a>
        </li>
        <li>
          <a href={FOLLOW_UP_DOWNLOADS.valuesCsv} download>
            {t("followUp.tree.valuesCsv")}
          </a>
        </li>
        <li>
          <a href={FOLLOW_UP_DOWNLOADS.dataDictionary}>{t("followUp.tree.dataDictionary")}</a>
        </li>
      </ul>
      <p>{t("followUp.tree.licence")}</p>
    </section>
  );
}

/** Staff and admins see the way to their follow-up desk. */
function StaffLink() {
  const { t } = useTranslation();
  const { info } = useSession();
  const person = info?.person;
  if (!person || !hasRole(person, "staff", "admin")) return null;
  return (
    <p>
      <Link to={WEB_ROUTES.strategyStaff} className="button button--secondary">
        {t("strategy.staff.link")}
      </Link>
    </p>
  );
}

/** The strategy as a browsable tree with statuses, filters in the URL, and the report and open data. */
export function StrategyTreePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const [searchParams] = useSearchParams();
  const filter = readTreeFilter(searchParams);
  const whole = useStrategyTree({ programme: "", targetGroup: "", status: "", unit: "" });
  const tree = useStrategyTree(filter);
  const plan = tree.data?.plan ?? whole.data?.plan;
  const planTitle = plan ? localize(plan.title) : undefined;

  useDocumentTitle(t("followUp.tree.title"), tree.status !== "loading");

  return (
    <div className="container page">
      <Breadcrumb current={t("followUp.tree.title")} />
      <header className="page-header">
        <p className="kicker">{t("followUp.tree.kicker")}</p>
        <PageHeading>{t("followUp.tree.title")}</PageHeading>
        <p className="lead">
          {t("followUp.tree.lead")}
          {planTitle && tree.data ? (
            <>
              {" "}
              <span lang={planTitle.lang}>{planTitle.text}</span>
              {`, ${t("followUp.tree.asOf", { date: formatDate(tree.data.asOf, locale) })}`}
            </>
          ) : null}
        </p>
      </header>
      <StaffLink />
      <FilterForm whole={whole.data} filter={filter} />
      <LoadingStatus loading={tree.status === "loading" && !tree.data} />
      {tree.status === "error" ? <ProblemAlert error={tree.error} onRetry={tree.reload} /> : null}
      {tree.data ? <Tree tree={tree.data} /> : null}
      <Downloads />
    </div>
  );
}
