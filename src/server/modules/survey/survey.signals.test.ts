import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { seedSurvey } from "./survey.seed.ts";
import { SurveyService } from "./survey.service.ts";
import { surveySignalTexts } from "./survey.signals.ts";
import type { SurveyTables } from "./survey.tables.ts";

const NOW = new Date("2026-11-27T10:00:00Z");

describeEachDialect("survey texts for signals", (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(dialect);
    await seedSurvey(asModuleDb<SurveyTables>(db.database.db), { demo: true, now: NOW });
  });
  afterAll(() => db.cleanup());

  it("gives the open answers of completed responses, linked to their round, and nothing else", async () => {
    const service = new SurveyService(asModuleDb<SurveyTables>(db.database.db), () => NOW);
    const source = surveySignalTexts(service);
    const texts = await source.textsSince(new Date(0));
    expect(texts.length).toBeGreaterThan(0);
    const rounds = new Set(texts.map((text) => text.link));
    for (const link of rounds) expect(link).toMatch(/^\/survey\/staff\/rounds\/[a-z0-9-]+$/);
    // The same answers the staff's coding endpoint gives, for each round.
    const slugs = [...rounds].map((link) => link.split("/").at(-1) as string);
    const coded = (await Promise.all(slugs.map((slug) => service.openAnswers(slug)))).flat();
    expect(texts.map((text) => text.text).sort()).toEqual(coded.map((answer) => answer.text).sort());
    expect(new Set(texts.map((text) => text.channel))).toEqual(new Set(["survey_answer"]));
    // Only answers completed since the date asked.
    const latest = texts
      .map((text) => text.at)
      .sort()
      .at(-1) as string;
    const later = await source.textsSince(new Date(new Date(latest).getTime() + 1));
    expect(later).toEqual([]);
  });
});
