import { asModuleDb } from "../../db/db.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { strategyRoutes } from "./strategy.routes.ts";
import { readStrategySeed, seedStrategy } from "./strategy.seed.ts";
import { hasStrategy } from "./strategy.service.ts";
import type { StrategyTables } from "./strategy.tables.ts";

/** The strategy module (tiedolla johtaminen): the city strategy's programmes, goals and actions. */
export const strategyModule: ModuleManifest = {
  name: "strategy",
  available: true,
  webPath: "/",
  routes: strategyRoutes,
  seed: (database, { now }) => seedStrategy(asModuleDb<StrategyTables>(database.db), readStrategySeed(), now),
};

/** Whether the strategy content exists yet (the server seeds an empty database at start-up). */
export const isStrategyLoaded = (database: Parameters<NonNullable<ModuleManifest["seed"]>>[0]) =>
  hasStrategy(asModuleDb<StrategyTables>(database.db));
