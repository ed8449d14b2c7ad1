// The rounds desk through the HTTP API on both dialects: a round post-stratified on age × sex gives the
// weights of the library's postStratify (and R's) on the same respondents and cells; what cannot be
// post-stratified is a localized 409; a round's state and channels govern who may answer; previews write
// nothing.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { REFERENCE_FORM } from "../../../../test/survey-reference-form.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { RoundDesk, SurveyResults } from "../../../contracts/survey.ts";
import { postStratify } from "./domain/weighting.ts";
import { surveyModule } from "./index.ts";
import { csvColumns, parseCsv, populationCells, selectYear } from "./survey.csv.ts";

const REFERENCE_DIR =
  process.env.KESKIO_SURVEY_REFERENCE_DIR ??
  resolve(import.meta.dirname, "../../../../../shared/survey-reference");
if (!existsSync(join(REFERENCE_DIR, "expected.json"))) {
  throw new Error(`${REFERENCE_DIR} is missing; the survey rounds test reads shared/survey-reference`);
}
const read = (file: string) => readFileSync(join(REFERENCE_DIR, file), "utf8");
type Ref = { estimate: number; se: number; n_used: number };
const expected = JSON.parse(read("expected.json")) as {
  poststrat_age_sex_2025: {
    estimates: { q1_mean: Ref; satisfied_share: Ref };
    weight_summary: { kish_n_eff: number };
  };
};

const PASSWORD = "survey-rounds-password-1";
const NOW = new Date("2025-10-15T09:00:00Z");

/** The 2025 joint age × sex cells of the reference, relabelled as another year's figures. */
function cellsCsvFor(year: number): string {
  const table = selectYear(parseCsv(read("population_age_sex.csv")), 2025, "cells");
  return [
    "year,age_group,sex,population",
    ...table.rows.map((r) => [String(year), r[1], r[2], r[3]].join(",")),
  ].join("\n");
}

describeEachDialect("survey rounds desk", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let questionnaireId: string;

  const round = (slug: string, year: number, extra: Record<string, unknown> = {}) =>
    staff.post("/api/v1/survey/rounds", {
      slug,
      questionnaireId,
      year,
      title: { fi: `Kierros ${slug}` },
      fieldworkStart: "2025-09-01",
      fieldworkEnd: "2025-10-31",
      ...extra,
    });
  const patch = (slug: string, payload: Record<string, unknown>, language = "fi") =>
    staff.request({
      method: "PATCH",
      url: `/api/v1/survey/rounds/${slug}`,
      payload,
      headers: { "accept-language": language },
    });
  const putMargins = (year: number, csv: string) =>
    staff.request({
      method: "PUT",
      url: `/api/v1/survey/margins/${year}`,
      payload: { csv, source: "shared/survey-reference (example data)" },
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    await buildPerson(t.db.database.db, {
      email: "rounds-staff@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff" }],
    });
    staff = new TestClient(t.app, "192.0.2.190");
    const signIn = await staff.post("/api/v1/auth/sign-in", {
      email: "rounds-staff@example.fi",
      password: PASSWORD,
    });
    expect(signIn.statusCode).toBe(200);
    const created = await staff.post("/api/v1/survey/questionnaires", REFERENCE_FORM);
    expect(created.statusCode, created.body).toBe(201);
    questionnaireId = created.json().id;
  }, 60_000);
  afterAll(() => t.close());

  it("post-stratifies a round on age × sex exactly as the library's postStratify (and R) on the same data", async () => {
    const preview = await staff.post("/api/v1/survey/margins/2023/preview", { csv: cellsCsvFor(2023) });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ year: 2023, format: "cells", total: 15500 });
    expect(preview.json().rows).toHaveLength(10);
    expect((await staff.get("/api/v1/survey/rounds")).statusCode).toBe(200);
    const imported = await putMargins(2023, cellsCsvFor(2023));
    expect(imported.statusCode, imported.body).toBe(200);
    // 10 cells and the 5 + 2 one-way margins derived from them.
    expect(imported.json().figures).toBe(17);
    const created = await round("ositettu-2023", 2023, {
      status: "draft",
      weightingMethod: "poststratify",
      poststratCells: ["sex", "age_group"],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: "draft",
      weightingMethod: "poststratify",
      poststratCells: ["age_group", "sex"],
      channels: ["web", "phone", "paper"],
    });
    const responses = await staff.post("/api/v1/survey/rounds/ositettu-2023/responses/import", {
      csv: read("respondents_2025.csv"),
    });
    expect(responses.statusCode, responses.body).toBe(200);

    const results = await t.app.inject("/api/v1/survey/rounds/ositettu-2023/results");
    expect(results.statusCode, results.body).toBe(200);
    const body = results.json() as SurveyResults;
    expect(body.weighting.method).toBe("post-stratification");
    expect(body.weighting.respondents).toBe(600);
    const ref = expected.poststrat_age_sex_2025;
    expect(Math.abs(body.weighting.effectiveSampleSize / ref.weight_summary.kish_n_eff - 1)).toBeLessThan(
      1e-9,
    );
    const row = (key: string) => body.rows.find((r) => r.key === key);
    expect(Math.abs((row("mean:q1")?.estimate as number) - ref.estimates.q1_mean.estimate)).toBeLessThan(
      1e-9,
    );
    expect(
      Math.abs((row("share:q1=4|5")?.estimate as number) - ref.estimates.satisfied_share.estimate),
    ).toBeLessThan(1e-9);
    expect(Math.abs((row("share:q1=4|5")?.se as number) - ref.estimates.satisfied_share.se)).toBeLessThan(
      1e-6,
    );

    // weights.csv: the library's postStratify on the published responses CSV and the same cells.
    const weights = parseCsv((await staff.get("/api/v1/survey/rounds/ositettu-2023/weights.csv")).body);
    const published = parseCsv((await staff.get("/api/v1/survey/rounds/ositettu-2023/responses.csv")).body);
    const { variables, cells } = populationCells(parseCsv(cellsCsvFor(2023)), "cells");
    expect(variables).toEqual(["age_group", "sex"]);
    const library = postStratify(csvColumns(published), variables, cells);
    expect(weights.rows).toHaveLength(600);
    weights.rows.forEach((r, i) => {
      expect(Math.abs(Number(r[1]) - (library.weights[i] as number))).toBeLessThanOrEqual(1e-9);
    });
    const fromR = parseCsv(read("expected_weights_2025.csv"))
      .rows.map((r) => Number(r[2]))
      .sort((a, b) => a - b);
    weights.rows
      .map((r) => Number(r[1]))
      .sort((a, b) => a - b)
      .forEach((w, i) => {
        expect(Math.abs(w / (fromR[i] as number) - 1)).toBeLessThan(1e-9);
      });

    // The strategy indicator reads the same post-stratified share.
    const indicator = surveyModule.indicators?.({
      config: t.config,
      database: t.db.database,
      now: () => NOW,
    } as never)[0];
    const share = (await indicator?.valueFor(2023)) as number;
    expect(Math.abs(share - ref.estimates.satisfied_share.estimate * 100)).toBeLessThan(1e-7);

    const desk = (await staff.get("/api/v1/survey/rounds/ositettu-2023/desk")).json() as RoundDesk;
    expect(desk.margins).toMatchObject({ year: 2023, figures: 17, cellVariables: ["age_group", "sex"] });
    expect(desk.weightingReady).toBe(true);
    expect(desk.responsesByChannel.reduce((sum, c) => sum + c.complete, 0)).toBe(600);

    // The same round raked instead: the method is the round's setting, changed later by staff.
    const raked = await patch("ositettu-2023", { weightingMethod: "rake" });
    expect(raked.json()).toMatchObject({ weightingMethod: "rake", poststratCells: [] });
    const rakedResults = (await t.app.inject("/api/v1/survey/rounds/ositettu-2023/results")).json();
    expect(rakedResults.weighting.method).toBe("raking");
    await patch("ositettu-2023", { weightingMethod: "poststratify", poststratCells: ["age_group", "sex"] });
  });

  it("answers what cannot be post-stratified with a localized 409, never a 5xx", async () => {
    // Cells without area cannot post-stratify on area.
    const withArea = await patch("ositettu-2023", { poststratCells: ["age_group", "sex", "area"] });
    expect(withArea.statusCode, withArea.body).toBe(200);
    const noCells = await t.app.inject({
      url: "/api/v1/survey/rounds/ositettu-2023/results",
      headers: { "accept-language": "sv" },
    });
    expect(noCells.statusCode).toBe(409);
    expect(noCells.json().detail).toContain("age_group,sex,area,population");
    expect(noCells.json().detail).toMatch(/Efterstratifiering/);
    const desk = (await staff.get("/api/v1/survey/rounds/ositettu-2023/desk")).json() as RoundDesk;
    expect(desk.weightingReady).toBe(false);
    expect((await patch("ositettu-2023", { poststratCells: [] })).statusCode).toBe(400);

    // A sample of three leaves most age × sex cells empty.
    expect((await putMargins(2022, cellsCsvFor(2022))).statusCode).toBe(200);
    expect(
      (
        await round("tyhjat-2022", 2022, {
          weightingMethod: "poststratify",
          poststratCells: ["age_group", "sex"],
        })
      ).statusCode,
    ).toBe(201);
    const few = read("respondents_2025.csv").split("\n").slice(0, 4).join("\n");
    expect(
      (await staff.post("/api/v1/survey/rounds/tyhjat-2022/responses/import", { csv: few })).statusCode,
    ).toBe(200);
    for (const [language, words] of [
      ["fi", /Jälkiositussoluissa ei ole vastaajia \(\d+: /],
      ["en", /cells have no respondents/],
    ] as const) {
      const empty = await t.app.inject({
        url: "/api/v1/survey/rounds/tyhjat-2022/results",
        headers: { "accept-language": language },
      });
      expect(empty.statusCode).toBe(409);
      expect(empty.json().detail).toMatch(words);
      expect(empty.json().detail).toContain("75+ × male");
    }
    const weights = await staff.get("/api/v1/survey/rounds/tyhjat-2022/weights.csv");
    expect(weights.statusCode).toBe(409);

    // A cells file lacking a cell of the cross-classification, or with an unknown column, is refused whole.
    const lacking = cellsCsvFor(2022).split("\n").slice(0, 10).join("\n");
    const refused = await putMargins(2022, lacking);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain("75+ × male");
    const unknown = await staff.post("/api/v1/survey/margins/2022/preview", {
      csv: "age_group,municipality,population\n15-29,Heinola,10\n",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe("/rows/1/municipality");
    // The refused import left the year's cells as they were.
    expect((await staff.get("/api/v1/survey/rounds/tyhjat-2022/desk")).json().margins.figures).toBe(17);
  });

  it("opens and closes a round, keeps to its channels, previews a sample without saving it", async () => {
    expect(
      (await round("luonnos-2025", 2025, { status: "draft", channels: ["web", "phone"] })).statusCode,
    ).toBe(201);
    const bad = await staff.post("/api/v1/survey/rounds/luonnos-2025/sample/preview", {
      csv: "label,age_group,sex,area,phone\nA,45-64,female,Tommola,\nB,15-29,,Keskusta,040 000 0002\n",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(["/rows/3/sex"]);
    const csv =
      "label,age_group,sex,area,phone\nA,45-64,female,Tommola,\nB,15-29,male,Keskusta,040 000 0002\n";
    const preview = await staff.post("/api/v1/survey/rounds/luonnos-2025/sample/preview", { csv });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().rows).toEqual([
      { row: 2, label: "A", ageGroup: "45-64", sex: "female", area: "Tommola", hasPhone: false },
      { row: 3, label: "B", ageGroup: "15-29", sex: "male", area: "Keskusta", hasPhone: true },
    ]);
    expect((await staff.get("/api/v1/survey/rounds/luonnos-2025/desk")).json().sampleSize).toBe(0);
    const sample = await staff.post("/api/v1/survey/rounds/luonnos-2025/sample", { csv });
    const [a, b] = sample.json().codes as { code: string }[];
    const web = new TestClient(t.app, "192.0.2.191");
    expect((await web.post("/api/v1/survey/answer/start", { code: a?.code })).statusCode).toBe(409);
    expect((await patch("luonnos-2025", { status: "open" })).json().status).toBe("open");
    expect((await web.post("/api/v1/survey/answer/start", { code: a?.code })).statusCode).toBe(200);
    const paper = await staff.post("/api/v1/survey/rounds/luonnos-2025/paper", {
      ageGroup: "45-64",
      sex: "female",
      area: "Tommola",
      answers: {},
    });
    expect(paper.statusCode).toBe(409);
    const paperCsv = await staff.post("/api/v1/survey/rounds/luonnos-2025/responses/import", {
      csv: "channel,age_group,sex,area,q1\npaper,45-64,female,Tommola,4\n",
    });
    expect(paperCsv.statusCode).toBe(400);
    expect(paperCsv.json().errors[0].path).toBe("/rows/2/channel");
    await staff.request({
      method: "PUT",
      url: "/api/v1/survey/rounds/luonnos-2025/quotas",
      payload: { quotas: [{ ageGroup: "15-29", area: "Keskusta", target: 4 }] },
    });
    const desk = (await staff.get("/api/v1/survey/rounds/luonnos-2025/desk")).json() as RoundDesk;
    expect(desk.sampleSize).toBe(2);
    expect(desk.responsesByChannel.find((c) => c.channel === "web")).toEqual({
      channel: "web",
      complete: 0,
      inProgress: 1,
    });
    expect(desk.callsByOutcome.find((c) => c.outcome === "pending")?.members).toBe(2);
    expect(desk.quotas).toEqual([{ ageGroup: "15-29", area: "Keskusta", target: 4, completed: 0 }]);
    expect(desk.ageGroups).toEqual(expect.arrayContaining(["15-29", "45-64"]));
    expect(desk.areas).toEqual(expect.arrayContaining(["Keskusta", "Tommola"]));
    expect(JSON.stringify(desk)).not.toContain("040 000");
    expect((await patch("luonnos-2025", { status: "closed" })).statusCode).toBe(200);
    const closed = await web.post("/api/v1/survey/answer/start", { code: b?.code });
    expect(closed.statusCode).toBe(409);
    const save = await web.post("/api/v1/survey/answer/save", {
      code: a?.code,
      answers: { q1: "4" },
      complete: true,
    });
    expect(save.statusCode).toBe(409);
    const back = await patch("luonnos-2025", { status: "draft" }, "en");
    expect(back.statusCode).toBe(409);
    expect(back.json().detail).toBe("A closed round cannot go back to draft.");
    const resident = new TestClient(t.app, "192.0.2.192");
    expect((await resident.get("/api/v1/survey/rounds/luonnos-2025/desk")).statusCode).toBe(401);
  });
});
