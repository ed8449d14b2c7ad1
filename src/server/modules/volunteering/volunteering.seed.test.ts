import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { volunteeringModule } from "./index.ts";

const NOW = new Date("2026-11-29T10:00:00Z");

describeEachDialect("volunteering demo seed", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
  });
  afterAll(() => t.close());

  it("adds nothing without --demo, and realistic Heinola tasks labelled as example data with it, once", async () => {
    expect(await volunteeringModule.seed?.(t.db.database, { demo: false, now: NOW })).toMatchObject({
      created: 0,
    });
    expect(await volunteeringModule.seed?.(t.db.database, { demo: true, now: NOW })).toMatchObject({
      created: 8,
    });
    expect(await volunteeringModule.seed?.(t.db.database, { demo: true, now: NOW })).toMatchObject({
      created: 0,
      unchanged: 8,
    });
    const list = (await t.app.inject("/api/v1/volunteering/opportunities")).json() as {
      title: { fi: string; sv: string; en: string };
      isExample: boolean;
      shifts: unknown[];
      place: string;
    }[];
    expect(list.map((o) => o.title.fi)).toEqual([
      expect.stringMatching(/^Lukumummot ja -vaarit kirjastoon/),
      expect.stringMatching(/^Kesätapahtuman/),
      expect.stringMatching(/^Lumityöapu ikäihmisille/),
      expect.stringMatching(/^Apuvalmentajaksi lasten salibandyyn/),
    ]);
    for (const o of list) {
      expect(o.isExample).toBe(true);
      expect(o.title.fi).toContain("Esimerkkiaineisto");
      expect(o.title.sv).toContain("Exempeldata");
      expect(o.title.en).toContain("Example data");
      expect(o.shifts.length).toBeGreaterThan(0);
    }
    expect(list[0]?.place).toContain("Kauppakatu 12");
  });
});
