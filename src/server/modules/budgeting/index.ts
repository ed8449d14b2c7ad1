import { asModuleDb } from "../../db/db.ts";
import type { BaseModuleContext, ModuleManifest } from "../../platform/module.ts";
import { registerPbCommands } from "./budgeting.commands.ts";
import { budgetingRoutes } from "./budgeting.routes.ts";
import { seedBudgetingDemo } from "./budgeting.seed.ts";
import { BudgetingService } from "./budgeting.service.ts";
import type { BudgetingTables } from "./budgeting.tables.ts";

function serviceFor(context: BaseModuleContext): BudgetingService {
  return new BudgetingService(
    context.database,
    asModuleDb<BudgetingTables>(context.database.db),
    context.config,
    context.now,
  );
}

/**
 * Participatory budgeting (kansalaisbudjetointi): rounds with phases, proposals and the city's review, web and
 * paper ballots (one person, one ballot), counting by greedy or the Method of Equal Shares, published Pabulib
 * ballot files and receipts; `keskio pb count|verify` recounts any file.
 */
export const budgetingModule: ModuleManifest = {
  name: "budgeting",
  available: true,
  webPath: "/budgeting",
  routes: (app, context) => budgetingRoutes(app, serviceFor(context)),
  seed: (database, { demo, now }) => seedBudgetingDemo(database, { demo, now }),
  // Ballots counted in the rounds whose voting ended in a year (example rounds excluded).
  indicators: (context) => [
    { key: "budgeting.turnout", valueFor: (year) => serviceFor(context).turnout(year) },
  ],
  commands: (program, context) =>
    registerPbCommands(program, {
      out: (text) => context.out.write(text),
      err: (text) => context.err.write(text),
      setExitCode: (code) => {
        process.exitCode = code;
      },
    }),
};
