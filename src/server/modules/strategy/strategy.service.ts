import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type {
  AgendaItem,
  ProgrammeDetail,
  ProgrammeSummary,
  StrategyOverview,
  StrategyPlan,
} from "../../../contracts/strategy.ts";
import { readJson } from "../../db/db.ts";
import { notFound } from "../../platform/errors.ts";
import * as repo from "./strategy.repository.ts";
import type { PlanRow, ProgrammeRow, StrategyTables } from "./strategy.tables.ts";

type Db = Kysely<StrategyTables>;

const NO_PLAN = {
  fi: "Strategiaa ei ole vielä ladattu. Ylläpitäjä voi ladata sen komennolla keskio seed.",
  sv: "Strategin har inte laddats ännu. Administratören kan ladda den med kommandot keskio seed.",
  en: "No strategy has been loaded yet. An operator can load it with the command keskio seed.",
};

const NO_PROGRAMME = {
  fi: "Tällaista strategian ohjelmaa ei ole.",
  sv: "Det finns inget sådant program i strategin.",
  en: "There is no such programme in the strategy.",
};

/** The strategy with its programmes, as the front page shows it. */
export async function getStrategyOverview(db: Db): Promise<StrategyOverview> {
  const plan = await requirePlan(db);
  const programmes = await repo.listProgrammes(db, plan.id);
  return { plan: toPlan(plan), programmes: programmes.map(toSummary) };
}

/** One programme with its agenda, choices and goals with their actions. */
export async function getProgramme(db: Db, slug: string): Promise<ProgrammeDetail> {
  const plan = await requirePlan(db);
  const programme = await repo.findProgrammeBySlug(db, plan.id, slug);
  if (!programme) throw notFound(NO_PROGRAMME);
  const goals = await repo.listGoals(db, programme.id);
  const actions = await repo.listActionsOfGoals(
    db,
    goals.map((g) => g.id),
  );
  return {
    ...toSummary(programme),
    statement: programme.statement === null ? null : readJson<LocalizedText | null>(programme.statement),
    changeAgenda: readJson<AgendaItem[]>(programme.changeAgenda),
    foundations: readJson<LocalizedText[]>(programme.foundations),
    choices: readJson<AgendaItem[]>(programme.choices),
    targetGroups: readJson<LocalizedText[]>(programme.targetGroups),
    values: readJson<LocalizedText[]>(programme.values),
    focusAreas: readJson<LocalizedText[]>(programme.focusAreas),
    goals: goals.map((goal) => ({
      id: goal.id,
      slug: goal.slug,
      position: goal.position,
      title: readJson<LocalizedText>(goal.title),
      actions: actions
        .filter((a) => a.goalId === goal.id)
        .map((a) => ({
          id: a.id,
          slug: a.slug,
          position: a.position,
          title: readJson<LocalizedText>(a.title),
        })),
    })),
  };
}

/** Whether any strategy has been loaded (start-up seeds an empty database). */
export async function hasStrategy(db: Db): Promise<boolean> {
  return (await repo.findCurrentPlan(db)) !== undefined;
}

async function requirePlan(db: Db): Promise<PlanRow> {
  const plan = await repo.findCurrentPlan(db);
  if (!plan) throw notFound(NO_PLAN);
  return plan;
}

function toPlan(row: PlanRow): StrategyPlan {
  return {
    id: row.id,
    slug: row.slug,
    title: readJson(row.title),
    vision: readJson(row.vision),
    mission: readJson(row.mission),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    values: readJson(row.values),
    themes: readJson(row.themes),
  };
}

function toSummary(row: ProgrammeRow): ProgrammeSummary {
  return {
    id: row.id,
    slug: row.slug,
    position: row.position,
    name: readJson(row.name),
    summary: readJson(row.summary),
  };
}
