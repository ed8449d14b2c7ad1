import type { Kysely } from "kysely";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { SignalSource } from "../../platform/module.ts";
import { listProposalTexts } from "./budgeting.repository.ts";
import type { BudgetingTables } from "./budgeting.tables.ts";

/** The titles and descriptions of residents' proposals, each linked to the proposal's page. */
export function budgetingSignalTexts(db: Kysely<BudgetingTables>): SignalSource {
  return {
    module: "budgeting",
    textsSince: async (since) =>
      (await listProposalTexts(db, since.toISOString())).map((proposal) => ({
        id: proposal.id,
        module: "budgeting",
        channel: "budget_proposal",
        at: proposal.createdAt,
        text: `${proposal.title}. ${proposal.description}`,
        link: WEB_ROUTES.budgetingProposal.replace(":id", proposal.id),
      })),
  };
}
