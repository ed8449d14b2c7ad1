import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { chromiumPath } from "./strategy.report.ts";

const PASSWORD = "strategy-staff-password";
const NOW = new Date("2026-11-28T10:00:00Z");

describeEachDialect("strategy follow-up", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let resident: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true, now: () => NOW });
    const db = t.db.database.db;
    await buildPerson(db, {
      email: "staff@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff", scope: "yhteiset-palvelut" }],
      now: NOW,
    });
    await buildPerson(db, {
      email: "resident@example.fi",
      password: PASSWORD,
      verifiedResident: true,
      now: NOW,
    });
    staff = new TestClient(t.app, "192.0.2.150");
    resident = new TestClient(t.app, "192.0.2.151");
    expect(
      (await staff.post("/api/v1/auth/sign-in", { email: "staff@example.fi", password: PASSWORD }))
        .statusCode,
    ).toBe(200);
    expect(
      (await resident.post("/api/v1/auth/sign-in", { email: "resident@example.fi", password: PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it("publishes the tree with a status and a reason in words for every goal, action and indicator", async () => {
    const res = await t.app.inject("/api/v1/strategy/tree");
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree.asOf).toBe("2026-11-28");
    const wellbeing = tree.programmes.find((p: { slug: string }) => p.slug === "hyvinvointi");
    const elderly = wellbeing.goals[0];
    expect(elderly.targetGroups[0].fi).toBe("Ikääntyneet");
    expect(elderly.indicators.map((i: { key: string }) => i.key).sort()).toEqual([
      "kotona-asuvat-75",
      "yksinaisyys-75",
    ]);
    const loneliness = elderly.indicators.find((i: { key: string }) => i.key === "yksinaisyys-75");
    expect(loneliness.status.status).toBe("off_track");
    expect(loneliness.isExampleData).toBe(true);
    expect(loneliness.status.explanation.fi).toMatch(/32\u00a0%.*35\u00a0%/);
    expect(loneliness.status.explanation.en).toContain("2020");
    expect(elderly.status.explanation.fi).toMatch(/1\/2|1 \/ 2|2:sta|kahdesta|1 of 2|mittari/);
    const democracy = tree.programmes.find((p: { slug: string }) => p.slug === "demokratia");
    expect(democracy.goals.map((g: { slug: string }) => g.slug)).toContain("kansalaisbudjetointi");
    for (const programme of tree.programmes) {
      for (const goal of programme.goals) {
        expect(["on_track", "at_risk", "off_track", "no_data"]).toContain(goal.status.status);
        for (const action of goal.actions) expect(action.status.explanation.sv.length).toBeGreaterThan(0);
      }
    }
  });

  it("filters the tree by programme, target group and status", async () => {
    const byProgramme = (await t.app.inject("/api/v1/strategy/tree?programme=hyvinvointi")).json();
    expect(byProgramme.programmes).toHaveLength(1);
    const byGroup = (await t.app.inject("/api/v1/strategy/tree?targetGroup=Perheet")).json();
    const goals = byGroup.programmes.flatMap((p: { goals: { slug: string }[] }) =>
      p.goals.map((g) => g.slug),
    );
    expect(goals).toEqual(["lasten-ja-perheiden-hyvinvointi-varhain"]);
    const offTrack = (await t.app.inject("/api/v1/strategy/tree?status=off_track")).json();
    for (const p of offTrack.programmes) {
      for (const g of p.goals) {
        expect(
          g.status.status === "off_track" ||
            g.actions.some((a: { status: { status: string } }) => a.status.status === "off_track"),
        ).toBe(true);
      }
    }
    expect((await t.app.inject("/api/v1/strategy/tree?status=sideways")).statusCode).toBe(400);
  });

  it("shows an indicator's series, its use, and a 404 for an unknown key", async () => {
    const res = await t.app.inject("/api/v1/strategy/indicators/kotona-asuvat-75");
    const indicator = res.json();
    expect(indicator.values.map((v: { year: number }) => v.year)).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024,
    ]);
    expect(indicator.values[0].source).toBe("example");
    expect(indicator.goals[0].programmeSlug).toBe("hyvinvointi");
    expect(indicator.actions).toHaveLength(1);
    expect((await t.app.inject("/api/v1/strategy/indicators/ei-ole")).statusCode).toBe(404);
  });

  it("computes a module indicator from the identity module's data, never typed in", async () => {
    expect((await resident.post("/api/v1/strategy/indicators/refresh")).statusCode).toBe(403);
    const refreshed = await staff.post("/api/v1/strategy/indicators/refresh");
    // Identity's figure, and those of any other installed module that offers one for this year.
    expect(refreshed.json().refreshed).toBeGreaterThanOrEqual(1);
    const indicator = (
      await t.app.inject("/api/v1/strategy/indicators/vahvasti-tunnistautuneet-asukkaat")
    ).json();
    expect(indicator.moduleSource).toBe("identity.verified_residents");
    expect(indicator.isExampleData).toBe(false);
    expect(indicator.values).toEqual([
      {
        year: 2026,
        period: "2026",
        area: "",
        ageGroup: "",
        sex: "",
        value: 1,
        source: "module:identity.verified_residents",
      },
    ]);
  });

  it("lets staff record a value, which changes the status; residents may not", async () => {
    expect(
      (
        await resident.request({
          method: "PUT",
          url: "/api/v1/strategy/indicators/yksinaisyys-75/values",
          payload: { year: 2026, value: 27 },
        })
      ).statusCode,
    ).toBe(403);
    const res = await staff.request({
      method: "PUT",
      url: "/api/v1/strategy/indicators/yksinaisyys-75/values",
      payload: { year: 2026, value: 27 },
    });
    expect(res.statusCode).toBe(200);
    const indicator = res.json();
    expect(indicator.latest).toEqual({ year: 2026, value: 27 });
    expect(indicator.status.status).toBe("on_track");
    const audit = await t.db.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "strategy.value_recorded")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("reports every bad row of a CSV import and imports nothing, then imports a good file", async () => {
    const bad =
      "indicator,year,value\nkotona-asuvat-75,2025,92.4\nkotona-asuvat-75,20x5,92\nmasentuneisuus-8-9-lk,2025,kolme\nei-ole,2025,1\n";
    const preview = await staff.post("/api/v1/strategy/imports/csv/preview", { csv: bad });
    expect(preview.statusCode).toBe(400);
    const rows = preview.json().errors.map((e: { path: string }) => e.path);
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/rows\/3/),
        expect.stringMatching(/^\/rows\/4/),
        expect.stringMatching(/^\/rows\/5/),
      ]),
    );
    expect((await staff.post("/api/v1/strategy/imports/csv", { csv: bad })).statusCode).toBe(400);
    const after = (await t.app.inject("/api/v1/strategy/indicators/kotona-asuvat-75")).json();
    expect(after.values.some((v: { year: number }) => v.year === 2025)).toBe(false);
    const good = "indicator;year;value\nkotona-asuvat-75;2025;92,4\nkotona-asuvat-75;2024;92,0\n";
    const ok = await staff.post("/api/v1/strategy/imports/csv", { csv: good });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().preview.counts).toEqual({ new: 1, changed: 0, unchanged: 1 });
    const imported = (await t.app.inject("/api/v1/strategy/indicators/kotona-asuvat-75")).json();
    expect(imported.values.find((v: { year: number }) => v.year === 2025)).toMatchObject({
      value: 92.4,
      source: "csv",
    });
  });

  it("imports THL Sotkanet rows for Heinola's region through an id mapping", async () => {
    const rows = [
      { indicator: 164, region: 46, year: 2024, gender: "total", value: 2.6 },
      { indicator: 164, region: 99, year: 2024, gender: "total", value: 9.9 },
      { indicator: 164, region: 46, year: 2024, gender: "male", value: 3.5 },
    ];
    const preview = await staff.post("/api/v1/strategy/imports/sotkanet/preview", {
      rows,
      mapping: { "164": "alkoholisairaudet-hoitojaksot" },
      regionId: 46,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().preview.skipped.otherRegion).toBe(1);
    const unmapped = await staff.post("/api/v1/strategy/imports/sotkanet", {
      rows: [{ indicator: 1, region: 46, year: 2024, gender: "total", value: 1 }],
      mapping: {},
      regionId: 46,
    });
    expect(unmapped.statusCode).toBe(400);
    expect(
      (
        await staff.post("/api/v1/strategy/imports/sotkanet", {
          rows,
          mapping: { "164": "alkoholisairaudet-hoitojaksot" },
          regionId: 46,
        })
      ).statusCode,
    ).toBe(200);
    const indicator = (
      await t.app.inject("/api/v1/strategy/indicators/alkoholisairaudet-hoitojaksot")
    ).json();
    expect(indicator.latest).toEqual({ year: 2024, value: 2.6 });
    expect(indicator.values.filter((v: { year: number }) => v.year === 2024)).toHaveLength(2);
  });

  it("records progress and milestones of an action, and lists what is overdue", async () => {
    const tree = (await t.app.inject("/api/v1/strategy/tree?programme=hyvinvointi")).json();
    const actionId = tree.programmes[0].goals[2].actions[0].id;
    const updated = await staff.post(`/api/v1/strategy/actions/${actionId}/updates`, {
      progress: "in_progress",
      progressPercent: 40,
      note: { fi: "Kaksi koulua mukana.", en: "Two schools taking part." },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ progress: "in_progress", progressPercent: 40 });
    const withMilestone = await staff.post(`/api/v1/strategy/actions/${actionId}/milestones`, {
      title: { fi: "Kaikki koulut mukana" },
      dueDate: "2026-06-30",
    });
    const milestone = withMilestone.json().milestones[0];
    expect(milestone.doneOn).toBeNull();
    const overdue = (await staff.get("/api/v1/strategy/overdue")).json();
    expect(overdue.milestones.map((m: { dueDate: string }) => m.dueDate)).toContain("2026-06-30");
    expect(overdue.values.length).toBeGreaterThan(0);
    const detail = (await t.app.inject(`/api/v1/strategy/actions/${actionId}`)).json();
    expect(detail.status.status).not.toBe("on_track");
    const done = await staff.request({
      method: "PATCH",
      url: `/api/v1/strategy/actions/${actionId}/milestones/${milestone.id}`,
      payload: { done: true },
    });
    expect(done.json().milestones[0].doneOn).toBe("2026-11-28");
    expect((await resident.get("/api/v1/strategy/overdue")).statusCode).toBe(403);
  });

  it("lets staff edit the tree: goals, actions, indicators and their links", async () => {
    const created = await staff.post("/api/v1/strategy/programmes/elinvoima/goals", {
      slug: "matkailu-kasvaa",
      title: { fi: "Matkailu kasvaa", en: "Tourism grows" },
      targetGroups: [{ fi: "Matkailijat" }],
    });
    expect(created.statusCode).toBe(201);
    const goalId = created.json().id;
    expect(
      (
        await staff.post("/api/v1/strategy/programmes/elinvoima/goals", {
          slug: "matkailu-kasvaa",
          title: { fi: "X" },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await resident.post("/api/v1/strategy/programmes/elinvoima/goals", { slug: "x", title: { fi: "X" } }))
        .statusCode,
    ).toBe(403);
    const action = await staff.post(`/api/v1/strategy/goals/${goalId}/actions`, {
      slug: "satamaopasteet",
      title: { fi: "Sataman opasteet" },
      responsibleUnit: "elinvoima",
      startDate: "2027-01-01",
      endDate: "2027-12-31",
      budgetEuros: 40000,
    });
    expect(action.statusCode).toBe(201);
    const actionId = action.json().id;
    const badDates = await staff.request({
      method: "PATCH",
      url: `/api/v1/strategy/actions/${actionId}`,
      payload: { endDate: "2026-01-01" },
    });
    expect(badDates.statusCode).toBe(400);
    const indicator = await staff.post("/api/v1/strategy/indicators", {
      key: "yopymiset",
      name: { fi: "Rekisteröidyt yöpymiset" },
      unit: { fi: "yöpymistä" },
      source: { fi: "Tilastokeskus" },
      direction: "increase",
      baseline: { year: 2024, value: 100000 },
      target: { year: 2030, value: 130000 },
    });
    expect(indicator.statusCode).toBe(201);
    expect(indicator.json().isExampleData).toBe(false);
    expect(
      (await staff.request({ method: "PUT", url: `/api/v1/strategy/goals/${goalId}/indicators/yopymiset` }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await staff.request({
          method: "PUT",
          url: `/api/v1/strategy/actions/${actionId}/indicators/yopymiset`,
        })
      ).statusCode,
    ).toBe(204);
    const tree = (await t.app.inject("/api/v1/strategy/tree?programme=elinvoima")).json();
    const goal = tree.programmes[0].goals.find((g: { id: string }) => g.id === goalId);
    expect(goal.indicators.map((i: { key: string }) => i.key)).toEqual(["yopymiset"]);
    expect(goal.actions[0]).toMatchObject({ slug: "satamaopasteet", responsibleUnit: "elinvoima" });
    expect(
      (
        await staff.request({
          method: "DELETE",
          url: `/api/v1/strategy/goals/${goalId}/indicators/yopymiset`,
        })
      ).statusCode,
    ).toBe(204);
    const detail = (await t.app.inject("/api/v1/strategy/indicators/yopymiset")).json();
    expect(detail.goals).toEqual([]);
    expect(detail.actions).toHaveLength(1);
  });

  it("says what changed between two years", async () => {
    const changes = (await t.app.inject("/api/v1/strategy/changes?from=2020&to=2023")).json();
    const loneliness = changes.indicators.find((i: { key: string }) => i.key === "yksinaisyys-75");
    expect(loneliness).toMatchObject({ fromValue: null, toValue: null, movement: null });
    const home = changes.indicators.find((i: { key: string }) => i.key === "kotona-asuvat-75");
    expect(home.movement).toBe("right");
    const placements = changes.indicators.find(
      (i: { key: string }) => i.key === "kodin-ulkopuolelle-sijoitetut",
    );
    expect(placements.movement).toBe("wrong");
  });

  it("publishes open data as CSV with a data dictionary under CC BY 4.0", async () => {
    const indicators = await t.app.inject("/api/v1/strategy/indicators.csv");
    expect(indicators.headers["content-type"]).toContain("text/csv");
    expect(indicators.headers.link).toContain("creativecommons.org/licenses/by/4.0");
    const lines = indicators.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "key,name_fi,name_sv,name_en,unit,direction,baseline_year,baseline_value,target_year,target_value,latest_year,latest_value,status,example_data",
    );
    // The header, the 12 seeded indicators and the one an earlier test defined.
    expect(lines).toHaveLength(1 + 12 + 1);
    const values = await t.app.inject("/api/v1/strategy/values.csv");
    expect(values.body.split("\r\n")[0]).toBe(
      "indicator,year,period,area,age_group,sex,value,source,example_data",
    );
    expect(values.body).not.toMatch(/@|01900000-/);
    const dictionary = (await t.app.inject("/api/v1/strategy/data-dictionary")).json();
    expect(dictionary.licence.name).toBe("CC BY 4.0");
    const columns = lines[0]?.split(",") ?? [];
    for (const column of columns) expect(dictionary.files["indicators.csv"][column]).toBeTruthy();
  });
});

describeEachDialect("the annual strategy report", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true, now: () => NOW });
  });
  afterAll(() => t.close());

  it("is printable HTML with a chart, a data table and a summary for every indicator, and no scripts", async () => {
    const res = await t.app.inject("/api/v1/strategy/report.html?lang=sv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-security-policy"]).toMatch(/default-src 'none'; style-src 'nonce-/);
    const html = res.body;
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toMatch(/<script/i);
    const charts = html.match(/<svg /g)?.length ?? 0;
    const tables = html.match(/<table>/g)?.length ?? 0;
    expect(charts).toBeGreaterThanOrEqual(6);
    expect(tables).toBe(charts);
    expect(html).toContain("Exempeldata: värdena är inte verklig statistik.");
    expect(html).toContain("Heinolabornas missbruks- och psykiska problem minskar");
  });

  it("renders to PDF with the installed Chromium", async () => {
    if (!chromiumPath()) {
      // Without Chromium the endpoint must say so (503), never fail obscurely.
      const res = await t.app.inject("/api/v1/strategy/report.pdf");
      expect(res.statusCode).toBe(503);
      return;
    }
    const res = await t.app.inject("/api/v1/strategy/report.pdf?lang=fi");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
  }, 60_000);
});
