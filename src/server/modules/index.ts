import type { ModuleManifest } from "../platform/module.ts";
import { addressesModule } from "./addresses/index.ts";
import { budgetingModule } from "./budgeting/index.ts";
import { feedbackModule } from "./feedback/index.ts";
import { identityModule } from "./identity/index.ts";
import { opendataModule } from "./opendata/index.ts";
import { signalsModule } from "./signals/index.ts";
import { spacesModule } from "./spaces/index.ts";
import { strategyModule } from "./strategy/index.ts";
import { surveyModule } from "./survey/index.ts";
import { volunteeringModule } from "./volunteering/index.ts";

/** The modules this installation runs, in dependency order (identity first, strategy before its feeders). */
export const modules: readonly ModuleManifest[] = [
  identityModule,
  addressesModule,
  strategyModule,
  budgetingModule,
  surveyModule,
  feedbackModule,
  volunteeringModule,
  spacesModule,
  signalsModule,
  opendataModule,
];
