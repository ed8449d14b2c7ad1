import type { LocalizedText } from "../../../contracts/localized-text.ts";
import { asModuleDb, type Database, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { registerStrategyCommands } from "./strategy.commands.ts";
import { StrategyFollowUp } from "./strategy.followup.service.ts";
import { strategyOpenData } from "./strategy.opendata.ts";
import { ensureActionUnderGoalSlug, valueSpan } from "./strategy.repository.ts";
import { strategyRoutes } from "./strategy.routes.ts";
import { readIndicatorSeed, readStrategySeed, seedIndicators, seedStrategy } from "./strategy.seed.ts";
import { hasStrategy } from "./strategy.service.ts";
import type { StrategyTables } from "./strategy.tables.ts";

/** The strategy module (tiedolla johtaminen): the city strategy's programmes, goals and actions. */
export const strategyModule: ModuleManifest = {
  name: "strategy",
  available: true,
  webPath: "/",
  routes: strategyRoutes,
  commands: registerStrategyCommands,
  // Its indicators, their values and the strategy tree, as the public follow-up pages show them.
  openData: (context) => {
    const db = asModuleDb<StrategyTables>(context.database.db);
    return strategyOpenData(new StrategyFollowUp(db, context.now), () => valueSpan(db));
  },
  seed: async (database, { now }) => {
    const db = asModuleDb<StrategyTables>(database.db);
    const plan = await seedStrategy(db, readStrategySeed(), now);
    const indicators = await seedIndicators(db, readIndicatorSeed(), now);
    return {
      module: "strategy",
      created: plan.created + indicators.created,
      updated: plan.updated + indicators.updated,
      unchanged: plan.unchanged + indicators.unchanged,
    };
  },
};

/** Whether the strategy content exists yet (the server seeds an empty database at start-up). */
export const isStrategyLoaded = (database: Parameters<NonNullable<ModuleManifest["seed"]>>[0]) =>
  hasStrategy(asModuleDb<StrategyTables>(database.db));

/** A winning participatory-budgeting project, as the strategy follows it up. */
export interface BudgetingActionInput {
  /** Stable key (the project's id): adding the same project again changes nothing. */
  key: string;
  title: LocalizedText;
  budgetEuros: number;
  now: Date;
}

// Winning projects are followed up as actions of the goal that holds the annual participatory budgeting.
const BUDGETING_GOAL = "kansalaisbudjetointi";

/** Records a winning project as a strategy action (idempotent); null when the strategy has no such goal. */
export function addBudgetingAction(database: Database, input: BudgetingActionInput): Promise<string | null> {
  const at = input.now.toISOString();
  return ensureActionUnderGoalSlug(asModuleDb<StrategyTables>(database.db), BUDGETING_GOAL, {
    id: newId(input.now.getTime()),
    slug: `pb-${input.key.toLowerCase().slice(0, 70)}`,
    title: writeJson(input.title),
    responsibleUnit: null,
    responsiblePerson: null,
    startDate: null,
    endDate: null,
    budgetEuros: input.budgetEuros,
    progressPercent: 0,
    createdAt: at,
    updatedAt: at,
  });
}
