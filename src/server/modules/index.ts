import type { ModuleManifest } from "../platform/module.ts";
import { budgetingModule } from "./budgeting/index.ts";
import { identityModule } from "./identity/index.ts";
import { strategyModule } from "./strategy/index.ts";
import { surveyModule } from "./survey/index.ts";

/** The modules this installation runs, in dependency order (identity first once it exists). */
export const modules: readonly ModuleManifest[] = [
  identityModule,
  strategyModule,
  budgetingModule,
  surveyModule,
];
