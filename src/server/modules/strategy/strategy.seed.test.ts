import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { readStrategySeed, seedStrategy } from "./strategy.seed.ts";
import { getProgramme, getStrategyOverview } from "./strategy.service.ts";
import type { StrategyTables } from "./strategy.tables.ts";

const NOW = new Date("2026-11-28T10:00:00Z");

describe("the Heinola strategy seed file", () => {
  it("is valid and complete in Finnish, Swedish and English", () => {
    const seed = readStrategySeed();
    expect(seed.programmes.map((p) => p.slug)).toEqual([
      "demokratia",
      "elinvoima",
      "hyvinvointi",
      "resurssit",
    ]);
    const texts: { fi: string; sv?: string; en?: string }[] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        if ("fi" in value) texts.push(value as { fi: string });
        else Object.values(value).forEach(collect);
      }
    };
    collect(seed);
    expect(texts.length).toBeGreaterThan(80);
    for (const text of texts) {
      expect(text.sv, `Swedish missing for "${text.fi}"`).toBeTruthy();
      expect(text.en, `English missing for "${text.fi}"`).toBeTruthy();
    }
    const wellbeing = seed.programmes.find((p) => p.slug === "hyvinvointi");
    expect(wellbeing?.goals.map((g) => g.actions.length)).toEqual([3, 3, 3, 3]);
  });

  it("names the first invalid place in a broken file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "keskio-seed-")), "bad.json");
    writeFileSync(file, JSON.stringify({ plan: { slug: "Bad Slug" }, programmes: [] }));
    expect(() => readStrategySeed(file)).toThrow(/bad\.json: \/plan/);
  });
});

describeEachDialect("seeding the strategy", (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it("loads once, then changes nothing when run again, keeping ids", async () => {
    t = await openTestDatabase(dialect);
    const db = asModuleDb<StrategyTables>(t.database.db);
    const seed = readStrategySeed();
    const first = await seedStrategy(db, seed, NOW);
    expect(first).toEqual({ module: "strategy", created: 1 + 4 + 10 + 19, updated: 0, unchanged: 0 });
    const idsBefore = (await getProgramme(db, "hyvinvointi")).goals.map((g) => g.id);
    const second = await seedStrategy(db, seed, NOW);
    expect(second).toEqual({ module: "strategy", created: 0, updated: 0, unchanged: 34 });
    expect((await getProgramme(db, "hyvinvointi")).goals.map((g) => g.id)).toEqual(idsBefore);
  });

  it("updates only what changed in the file", async () => {
    t = await openTestDatabase(dialect);
    const db = asModuleDb<StrategyTables>(t.database.db);
    const seed = readStrategySeed();
    await seedStrategy(db, seed, NOW);
    const changed = structuredClone(seed);
    const vitality = changed.programmes[1];
    if (!vitality) throw new Error("seed has no second programme");
    vitality.summary = { fi: "Uusi tiivistelmä", sv: "Ny sammanfattning", en: "New summary" };
    const report = await seedStrategy(db, changed, NOW);
    expect(report).toEqual({ module: "strategy", created: 0, updated: 1, unchanged: 33 });
    const overview = await getStrategyOverview(db);
    expect(overview.programmes[1]?.summary.en).toBe("New summary");
  });

  it("writes nothing when a later part fails (one transaction)", async () => {
    t = await openTestDatabase(dialect);
    const db = asModuleDb<StrategyTables>(t.database.db);
    const broken = structuredClone(readStrategySeed());
    const last = broken.programmes[3];
    if (!last) throw new Error("seed lacks a fourth programme");
    Object.defineProperty(last, "goals", {
      get() {
        throw new Error("failure while seeding the last programme");
      },
    });
    await expect(seedStrategy(db, broken, NOW)).rejects.toThrow(/failure while seeding/);
    const plans = await db.selectFrom("strategyPlan").select("id").execute();
    const programmes = await db.selectFrom("strategyProgramme").select("id").execute();
    expect(plans).toEqual([]);
    expect(programmes).toEqual([]);
  });
});
