import { asModuleDb } from "../../db/db.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { registerStrategyCommands } from "./strategy.commands.ts";
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
