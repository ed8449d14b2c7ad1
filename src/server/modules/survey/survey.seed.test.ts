import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { HEINOLA_TEMPLATE, seedSurvey } from "./survey.seed.ts";
import { SurveyService } from "./survey.service.ts";
import type { SurveyTables } from "./survey.tables.ts";

const NOW = new Date("2026-11-28T10:00:00Z");

describeEachDialect("survey seed", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(() => t.cleanup());

  it("loads the template, and with --demo two labelled example rounds, idempotently", async () => {
    const db = asModuleDb<SurveyTables>(t.database.db);
    expect(await seedSurvey(db, { demo: false, now: NOW })).toMatchObject({ created: 1 });
    expect(await seedSurvey(db, { demo: true, now: NOW })).toMatchObject({ created: 2, unchanged: 1 });
    expect(await seedSurvey(db, { demo: true, now: NOW })).toMatchObject({ created: 0, unchanged: 3 });
    const service = new SurveyService(db, () => NOW);
    const rounds = await service.listRounds();
    expect(rounds.map((r) => [r.slug, r.isExampleData, r.title.fi])).toEqual([
      ["esimerkki-2026", true, "Asukaskysely 2026 (esimerkkiaineisto)"],
      ["esimerkki-2025", true, "Asukaskysely 2025 (esimerkkiaineisto)"],
    ]);
    const template = (await service.listQuestionnaires())[0];
    expect(template?.questions.map((q) => q.key)).toEqual(HEINOLA_TEMPLATE.questions.map((q) => q.key));
    expect(template?.questions.some((q) => q.text.fi === "Mitä minä voisin tehdä Heinolan hyväksi?")).toBe(
      true,
    );
    const results = await service.results("esimerkki-2026");
    // Every published figure is a number or null (a NaN would fail the response schema and become a 500).
    const numbers = results.rows.flatMap((r) => [
      r.estimate,
      r.se,
      r.ciLow,
      r.ciHigh,
      ...Object.values(r.previous ?? {}),
    ]);
    for (const value of numbers) if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
    expect(results.rows.some((r) => r.previous === null && !r.suppressed)).toBe(true);
    expect(results.previousYear).toBe(2025);
    const grade = results.rows.find((r) => r.key === "share:overall_grade=8|9|10");
    expect(grade?.estimate).toBeGreaterThan(0);
    expect(grade?.previous?.year).toBe(2025);
    expect(results.themes.some((theme) => !theme.suppressed)).toBe(true);
    const share = await service.satisfiedShare(2026);
    expect(share).toBeCloseTo((grade?.estimate as number) * 100, 10);
    const calls = await service.callList("esimerkki-2026");
    expect(calls.entries).toHaveLength(24);
    expect(calls.quotas).toHaveLength(25);
  });

  it("survives two seed runs at once (two processes): one template, one whole round per year", async () => {
    const fresh = await openTestDatabase(dialect);
    try {
      const db = asModuleDb<SurveyTables>(fresh.database.db);
      const reports = await Promise.all([
        seedSurvey(db, { demo: true, now: NOW }),
        seedSurvey(db, { demo: true, now: NOW }),
      ]);
      expect(
        reports.reduce((sum, r) => sum + r.created, 0),
        JSON.stringify(reports),
      ).toBe(3);
      const service = new SurveyService(db, () => NOW);
      expect(await service.listQuestionnaires()).toHaveLength(1);
      const rounds = await service.listRounds();
      expect(rounds.map((r) => r.completedResponses)).toEqual([240, 320]);
    } finally {
      await fresh.cleanup();
    }
  });
});
