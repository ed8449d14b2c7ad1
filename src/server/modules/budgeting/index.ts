import { asModuleDb, readJson } from "../../db/db.ts";
import type { BaseModuleContext, ModuleManifest } from "../../platform/module.ts";
import { voterStanding } from "../identity/index.ts";
import { registerPbCommands } from "./budgeting.commands.ts";
import { budgetingOpenData } from "./budgeting.opendata.ts";
import { contributionsOf, unlinkAuthor } from "./budgeting.repository.ts";
import { budgetingRoutes } from "./budgeting.routes.ts";
import { seedBudgetingDemo } from "./budgeting.seed.ts";
import { BudgetingService } from "./budgeting.service.ts";
import { budgetingSignalTexts } from "./budgeting.signals.ts";
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
  // A person's proposals, comments, photos and ballots reach their data export. Erasing the account unlinks the
  // proposals and comments and deletes the photos the person attached; a ballot stays, counted, under the keyed hash that keeps one person to one ballot
  // across channels, which nothing on the platform can turn back into the person once identity has erased them.
  personalData: (context) => {
    const db = asModuleDb<BudgetingTables>(context.database.db);
    return {
      module: "budgeting",
      exportPerson: async (personId) => {
        const standing = await voterStanding(context.database, personId);
        const mine = await contributionsOf(db, personId, standing?.personKey ?? null);
        if (mine.proposals.length + mine.comments.length + mine.images.length + mine.ballots.length === 0)
          return null;
        return {
          proposals: mine.proposals.map((p) => ({
            id: p.id,
            roundId: p.roundId,
            title: p.title,
            createdAt: p.createdAt,
          })),
          comments: mine.comments.map((c) => ({
            proposalId: c.proposalId,
            body: c.body,
            createdAt: c.createdAt,
          })),
          // The photos themselves, as sent after metadata removal, so the export is complete on its own.
          images: mine.images.map((i) => ({
            id: i.id,
            proposalId: i.proposalId,
            contentType: i.contentType,
            altText: i.altText,
            createdAt: i.createdAt,
            data: Buffer.from(i.content).toString("base64"),
          })),
          ballots: mine.ballots.map((b) => ({
            roundId: b.roundId,
            channel: b.channel,
            receiptCode: b.receiptCode,
            choices: readJson<unknown>(b.choices),
            castAt: b.castAt,
          })),
        };
      },
      erasePerson: (personId) => unlinkAuthor(db, personId),
    };
  },
  // Each round's published results and its areas' anonymous ballots.
  openData: (context) => budgetingOpenData(serviceFor(context)),
  // Residents' proposals, for the signals module's emerging topics.
  signalTexts: (context) => budgetingSignalTexts(asModuleDb<BudgetingTables>(context.database.db)),
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
