import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { seedBudgetingDemo } from "./budgeting.seed.ts";
import { budgetingSignalTexts } from "./budgeting.signals.ts";
import type { BudgetingTables } from "./budgeting.tables.ts";

const NOW = new Date("2026-11-27T10:00:00Z");

describeEachDialect("budgeting texts for signals", (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedBudgetingDemo(db.database, { demo: true, now: NOW });
  });
  afterAll(() => db.cleanup());

  it("gives each proposal's title and description, linked to the proposal, since the date asked", async () => {
    const budgeting = asModuleDb<BudgetingTables>(db.database.db);
    const source = budgetingSignalTexts(budgeting);
    const proposals = await budgeting.selectFrom("budgetingProposal").select(["id", "title"]).execute();
    const texts = await source.textsSince(new Date(0));
    expect(texts).toHaveLength(proposals.length);
    for (const proposal of proposals) {
      const text = texts.find((candidate) => candidate.id === proposal.id);
      expect(text?.link).toBe(`/budgeting/proposals/${proposal.id}`);
      expect(text?.text.startsWith(proposal.title)).toBe(true);
      expect(text?.channel).toBe("budget_proposal");
    }
    expect(await source.textsSince(new Date(NOW.getTime() + 1))).toEqual([]);
  });
});
