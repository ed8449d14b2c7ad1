import type { Migration } from "kysely";
import * as strategyPlan from "./202611281300_strategy_plan.ts";

/**
 * Every migration, by name, in the order they run. Listed statically (not read from the folder at run time)
 * so the bundle-free start and the tests see exactly the same set; a test checks this list against the folder.
 */
export const migrations: Record<string, Migration> = {
  "202611281300_strategy_plan": strategyPlan,
};
