import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { ModuleManifest } from "../../platform/module.ts";
import { modules } from "../index.ts";

const PASSWORD = "strategy-staff-password";
const NOW = new Date("2026-11-28T10:00:00Z");

// The module indicators the seed defines, by the figure that feeds each (issue 4, item 2).
const MODULE_INDICATORS: Record<string, string> = {
  "budgeting.turnout": "kansalaisbudjetoinnin-aanestysaktiivisuus",
  "feedback.median_first_response_hours": "palvelupyyntojen-ensivastaus-mediaani",
  "feedback.share_within_promise": "palvelupyynnot-vastausaikalupauksessa",
  "survey.satisfied_share": "kuntalaiskyselyn-tyytyvaiset",
  "volunteering.confirmed_hours": "vapaaehtoistyon-vahvistetut-tunnit",
};

// A stand-in for the budgeting module as it will be: its manifest offers the turnout of each year's vote,
// computed from its own data (here, a fixed figure for 2026 and none for other years).
const turnoutAsked: number[] = [];
// The other installed modules' own figures, wrapped only to record that the strategy asked for them.
const realFiguresAsked: string[] = [];
const testModules: ModuleManifest[] = modules.map((m) =>
  m.name === "budgeting"
    ? {
        ...m,
        indicators: () => [
          {
            key: "budgeting.turnout",
            valueFor: async (year: number) => {
              turnoutAsked.push(year);
              return year === 2026 ? 412 : null;
            },
          },
        ],
      }
    : m.indicators && m.name !== "identity"
      ? {
          ...m,
          indicators: (context) =>
            (m.indicators?.(context) ?? []).map((source) => ({
              key: source.key,
              valueFor: (year: number) => {
                realFiguresAsked.push(`${source.key}@${year}`);
                return source.valueFor(year);
              },
            })),
        }
      : m,
);

describeEachDialect("strategy staff work", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let resident: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true, now: () => NOW, modules: testModules });
    const db = t.db.database.db;
    await buildPerson(db, {
      email: "staff@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff", scope: "yhteiset-palvelut" }],
      now: NOW,
    });
    await buildPerson(db, { email: "resident@example.fi", password: PASSWORD, now: NOW });
    staff = new TestClient(t.app, "192.0.2.160");
    resident = new TestClient(t.app, "192.0.2.161");
    for (const [client, email] of [
      [staff, "staff@example.fi"],
      [resident, "resident@example.fi"],
    ] as const) {
      expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it("seeds the other modules' indicators: 'no data' until their module provides values, then only computed ones", async () => {
    const indicators = (await t.app.inject("/api/v1/strategy/indicators")).json() as {
      key: string;
      moduleSource: string | null;
      latest: unknown;
      status: { status: string; explanation: { fi: string } };
      isExampleData: boolean;
    }[];
    for (const [source, key] of Object.entries(MODULE_INDICATORS)) {
      const indicator = indicators.find((i) => i.key === key);
      expect(indicator, key).toMatchObject({ moduleSource: source, isExampleData: false });
      const detail = (await t.app.inject(`/api/v1/strategy/indicators/${key}`)).json();
      if (detail.values.length === 0) {
        // The module is not installed yet (or offers no figure for this year): nothing to show, said in words.
        expect(indicator?.latest, key).toBeNull();
        expect(indicator?.status.status, key).toBe("no_data");
        expect(indicator?.status.explanation.fi.length, key).toBeGreaterThan(10);
      } else {
        for (const v of detail.values) expect(v.source, key).toBe(`module:${source}`);
      }
    }
  });

  it("reads volunteering's confirmed hours from the volunteering module itself, no data while it has none", async () => {
    // The real volunteering manifest was asked for the current year's figure when the server became ready.
    expect(realFiguresAsked).toContain("volunteering.confirmed_hours@2026");
    const hours = (
      await t.app.inject("/api/v1/strategy/indicators/vapaaehtoistyon-vahvistetut-tunnit")
    ).json();
    // No hours have been confirmed in this fresh database, and the module says it has no figure.
    expect(hours.values).toEqual([]);
    expect(hours.status.status).toBe("no_data");
  });

  it("lets a module indicator flow in from the module's manifest at start, computed and never typed in", async () => {
    // The server refreshed module indicators when it became ready.
    expect(turnoutAsked).toContain(2026);

    const turnout = (
      await t.app.inject("/api/v1/strategy/indicators/kansalaisbudjetoinnin-aanestysaktiivisuus")
    ).json();
    expect(turnout.latest).toEqual({ year: 2026, value: 412 });
    expect(turnout.values).toEqual([
      expect.objectContaining({ year: 2026, value: 412, source: "module:budgeting.turnout" }),
    ]);
    expect(turnout.status.status).not.toBe("no_data");
    // Its goal shows it too.
    const goal = (await t.app.inject(`/api/v1/strategy/goals/${turnout.goals[0].id}`)).json();
    expect(goal.indicators.map((i: { key: string }) => i.key)).toContain(turnout.key);

    // Nobody types a value into a computed indicator; the refusal is localized, and nothing is stored.
    const refused = await staff.request({
      method: "PUT",
      url: "/api/v1/strategy/indicators/kansalaisbudjetoinnin-aanestysaktiivisuus/values",
      payload: { year: 2026, value: 99 },
      headers: { "accept-language": "sv" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(refused.json().detail).toMatch(/för hand/);
    const csv = await staff.post("/api/v1/strategy/imports/csv/preview", {
      csv: "indicator,year,value\nkansalaisbudjetoinnin-aanestysaktiivisuus,2026,99\n",
    });
    expect(csv.statusCode).toBe(400);
    const after = (
      await t.app.inject("/api/v1/strategy/indicators/kansalaisbudjetoinnin-aanestysaktiivisuus")
    ).json();
    expect(after.latest).toEqual({ year: 2026, value: 412 });
  });

  it("publishes a goal with its programme, indicators, actions and a reasoned status; 404 otherwise", async () => {
    const tree = (await t.app.inject("/api/v1/strategy/tree?programme=hyvinvointi")).json();
    const node = tree.programmes[0].goals[0];
    const res = await t.app.inject(`/api/v1/strategy/goals/${node.id}`);
    expect(res.statusCode).toBe(200);
    const goal = res.json();
    expect(goal.programme).toMatchObject({ slug: "hyvinvointi" });
    expect(goal.status).toEqual(node.status);
    expect(goal.indicators.length).toBeGreaterThan(0);
    expect(goal.actions.length).toBe(3);
    const missing = await t.app.inject({
      url: "/api/v1/strategy/goals/00000000-0000-7000-8000-000000000000",
      headers: { "accept-language": "en" },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe("There is no such goal.");
  });

  it("publishes every figure as JSON too, under CC BY 4.0", async () => {
    const res = await t.app.inject("/api/v1/strategy/values.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toContain("creativecommons.org/licenses/by/4.0");
    const all = res.json() as { key: string; values: unknown[] }[];
    expect(all.length).toBeGreaterThanOrEqual(12);
    expect(all.find((i) => i.key === "kotona-asuvat-75")?.values.length).toBeGreaterThan(0);
  });

  it("words each bad import row in the caller's language", async () => {
    const bad = "indicator,year,value\nkotona-asuvat-75,20x5,92\nei-ole,2025,1\n";
    for (const [lang, pattern] of [
      ["fi", /ei ole kokonaisluku/],
      ["sv", /är inte ett heltal/],
      ["en", /is not a whole number/],
    ] as const) {
      const res = await staff.post(
        "/api/v1/strategy/imports/csv/preview",
        { csv: bad },
        { "accept-language": lang },
      );
      expect(res.statusCode).toBe(400);
      const errors = res.json().errors as { path: string; message: string }[];
      expect(errors.find((e) => e.path.startsWith("/rows/2"))?.message).toMatch(pattern);
      expect(errors.some((e) => e.path.startsWith("/rows/3"))).toBe(true);
    }
  });

  it("answers a race for the same goal slug or indicator key with one success and one conflict", async () => {
    const goal = { slug: "kilpajuoksu", title: { fi: "Kilpajuoksu" } };
    const goals = await Promise.all([
      staff.post("/api/v1/strategy/programmes/elinvoima/goals", goal),
      staff.post("/api/v1/strategy/programmes/elinvoima/goals", goal),
      staff.post("/api/v1/strategy/programmes/elinvoima/goals", goal),
    ]);
    expect(goals.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const indicator = {
      key: "kilpa-mittari",
      name: { fi: "Kilpamittari" },
      unit: { fi: "kpl" },
      source: { fi: "Testi" },
      direction: "increase",
      baseline: { year: 2024, value: 1 },
      target: { year: 2030, value: 2 },
    };
    const indicators = await Promise.all([
      staff.post("/api/v1/strategy/indicators", indicator),
      staff.post("/api/v1/strategy/indicators", indicator),
    ]);
    expect(indicators.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it("lets staff change an indicator's definition and Sotkanet id; residents may not", async () => {
    expect(
      (await resident.patch("/api/v1/strategy/indicators/kotona-asuvat-75", { sotkanetId: 1570 })).statusCode,
    ).toBe(403);
    const changed = await staff.patch("/api/v1/strategy/indicators/kotona-asuvat-75", {
      sotkanetId: 1570,
      target: { year: 2030, value: 94 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ sotkanetId: 1570, target: { year: 2030, value: 94 } });
    const backwards = await staff.patch("/api/v1/strategy/indicators/kotona-asuvat-75", {
      target: { year: 2010, value: 94 },
    });
    expect(backwards.statusCode).toBe(400);
    const cleared = await staff.patch("/api/v1/strategy/indicators/kotona-asuvat-75", { sotkanetId: null });
    expect(cleared.json().sotkanetId).toBeNull();
  });

  it("lists overdue milestones with their ids, so staff can mark them done", async () => {
    const tree = (await t.app.inject("/api/v1/strategy/tree?programme=hyvinvointi")).json();
    const actionId = tree.programmes[0].goals[1].actions[2].id;
    const added = await staff.post(`/api/v1/strategy/actions/${actionId}/milestones`, {
      title: { fi: "Myöhässä oleva välitavoite" },
      dueDate: "2026-10-01",
    });
    expect(added.statusCode).toBe(200);
    const overdue = (await staff.get("/api/v1/strategy/overdue")).json();
    const late = overdue.milestones.find((m: { actionId: string }) => m.actionId === actionId);
    expect(late).toMatchObject({ daysOverdue: 58, dueDate: "2026-10-01" });
    const done = await staff.patch(`/api/v1/strategy/actions/${actionId}/milestones/${late.milestoneId}`, {
      done: true,
    });
    expect(done.statusCode).toBe(200);
    const again = (await staff.get("/api/v1/strategy/overdue")).json();
    expect(again.milestones.some((m: { actionId: string }) => m.actionId === actionId)).toBe(false);
    // Module indicators are never "due" from staff: their module computes them.
    const keys = again.values.map((v: { key: string }) => v.key);
    for (const key of Object.values(MODULE_INDICATORS)) expect(keys).not.toContain(key);
  });
});
