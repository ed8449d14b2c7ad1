// The survey as a service, through its HTTP API on both dialects: the results API reproduces the numbers R's
// survey package computed in shared/survey-reference (expected.json) from the same respondents and margins,
// imported through the API; then the three channels, quotas, themes, suppression and access rules.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { REFERENCE_FORM } from "../../../../test/survey-reference-form.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { ResultRow, SurveyResults } from "../../../contracts/survey.ts";
import { weightRespondents } from "./domain/report.ts";
import { surveyModule } from "./index.ts";
import { csvColumns, parseCsv, populationFigures, selectYear } from "./survey.csv.ts";

const REFERENCE_DIR =
  process.env.KESKIO_SURVEY_REFERENCE_DIR ??
  resolve(import.meta.dirname, "../../../../../shared/survey-reference");
if (!existsSync(join(REFERENCE_DIR, "expected.json"))) {
  // Never a quiet skip: the acceptance test needs the oracle.
  throw new Error(`${REFERENCE_DIR} is missing; the survey HTTP test reads shared/survey-reference`);
}
const read = (file: string) => readFileSync(join(REFERENCE_DIR, file), "utf8");
type Ref = { estimate: number; se: number; ci_low: number; ci_high: number; n_used: number };
const expected = JSON.parse(read("expected.json")) as {
  year2025: {
    raking: {
      q1_mean: Ref;
      satisfied_share: Ref;
      nps: Ref;
      q3_yes_share: Ref;
      q4_distribution: (Ref & { category: string })[];
      q1_mean_by_area: (Ref & { area: string })[];
    };
    weight_summary_raking: { kish_n_eff: number; kish_deff: number };
  };
  yoy_satisfied_2025_vs_2024: { diff: number; se_diff: number; z: number; p_value: number };
};

const PASSWORD = "survey-staff-password-1";
const NOW = new Date("2025-10-15T09:00:00Z");

function expectClose(actual: number | null | undefined, wanted: number, tolerance: number, what: string) {
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - wanted), `${what}: ${actual} vs ${wanted}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function expectReference(row: ResultRow | undefined, ref: Ref, what: string) {
  expect(row, what).toBeDefined();
  const r = row as ResultRow;
  expectClose(r.estimate, ref.estimate, 1e-8, `${what} estimate`);
  expectClose(r.se, ref.se, 1e-6, `${what} se`);
  expectClose(r.ciLow, ref.ci_low, 1e-6, `${what} ci_low`);
  expectClose(r.ciHigh, ref.ci_high, 1e-6, `${what} ci_high`);
  expect(r.nUsed, `${what} n_used`).toBe(ref.n_used);
}

describeEachDialect("survey HTTP API", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let interviewer: TestClient;
  let resident: TestClient;
  let questionnaireId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    const db = t.db.database.db;
    await buildPerson(db, {
      email: "survey-staff@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff" }],
    });
    await buildPerson(db, {
      email: "interviewer@example.fi",
      password: PASSWORD,
      roles: [{ role: "interviewer" }],
    });
    await buildPerson(db, { email: "resident@example.fi", password: PASSWORD, verifiedResident: true });
    staff = new TestClient(t.app, "192.0.2.170");
    interviewer = new TestClient(t.app, "192.0.2.171");
    resident = new TestClient(t.app, "192.0.2.172");
    for (const [client, email] of [
      [staff, "survey-staff@example.fi"],
      [interviewer, "interviewer@example.fi"],
      [resident, "resident@example.fi"],
    ] as const) {
      expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    }
    const created = await staff.post("/api/v1/survey/questionnaires", REFERENCE_FORM);
    expect(created.statusCode, created.body).toBe(201);
    questionnaireId = created.json().id;
    for (const year of [2024, 2025]) {
      const round = await staff.post("/api/v1/survey/rounds", {
        slug: `viite-${year}`,
        questionnaireId,
        year,
        title: { fi: `Viitekysely ${year}` },
        fieldworkStart: `${year}-09-01`,
        fieldworkEnd: `${year}-10-31`,
        openWeb: year === 2025,
      });
      expect(round.statusCode, round.body).toBe(201);
      const margins = await staff.request({
        method: "PUT",
        url: `/api/v1/survey/margins/${year}`,
        payload: { csv: read("population_margins.csv"), source: "shared/survey-reference" },
      });
      expect(margins.statusCode, margins.body).toBe(200);
      expect(margins.json().figures).toBe(12);
      // The respondents go in as keyed paper forms with their own channel column.
      const csv = read(`respondents_${year}.csv`);
      const imported = await staff.post(`/api/v1/survey/rounds/viite-${year}/responses/import`, { csv });
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json().imported).toBe(year === 2025 ? 600 : 500);
    }
  }, 60_000);
  afterAll(() => t.close());

  it("reproduces R's survey package: weighted estimates, SEs with the calibration term, intervals, YoY test", async () => {
    const response = await t.app.inject("/api/v1/survey/rounds/viite-2025/results");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.link).toContain("creativecommons.org/licenses/by/4.0");
    const results = response.json() as SurveyResults;
    const ref = expected.year2025.raking;
    const overall = (key: string) => results.rows.find((r) => r.key === key);
    expect(results.weighting.respondents).toBe(600);
    expect(results.weighting.excluded).toBe(0);
    expect(
      Math.abs(
        results.weighting.effectiveSampleSize / expected.year2025.weight_summary_raking.kish_n_eff - 1,
      ),
    ).toBeLessThan(1e-9);
    expectReference(overall("mean:q1"), ref.q1_mean, "q1 mean");
    expectReference(overall("share:q1=4|5"), ref.satisfied_share, "satisfied share");
    expectReference(overall("nps:q2"), { ...ref.nps, estimate: ref.nps.estimate }, "NPS");
    expectReference(overall("distribution:q3=yes"), ref.q3_yes_share, "q3 yes share");
    for (const d of ref.q4_distribution)
      expectReference(overall(`distribution:q4=${d.category}`), d, `q4 ${d.category}`);
    for (const a of ref.q1_mean_by_area)
      expectReference(overall(`mean:q1@area=${a.area}`), a, `q1 mean in ${a.area}`);
    // Year over year: each year raked to its own margins, independent samples.
    const yoy = expected.yoy_satisfied_2025_vs_2024;
    const change = overall("share:q1=4|5")?.previous;
    expect(results.previousYear).toBe(2024);
    expect(change?.year).toBe(2024);
    expectClose(change?.difference, yoy.diff, 1e-8, "diff");
    expectClose(change?.seDifference, yoy.se_diff, 1e-6, "se diff");
    expect(Math.abs((change?.z as number) / yoy.z - 1)).toBeLessThan(1e-6);
    expect(Math.abs((change?.pValue as number) / yoy.p_value - 1)).toBeLessThan(1e-6);
    expect(change?.significant).toBe(false);
  });

  it("exports the weights per respondent of the responses CSV: the library's raking, R's weights, no personal data", async () => {
    expect((await resident.get("/api/v1/survey/rounds/viite-2024/weights.csv")).statusCode).toBe(403);
    const response = await staff.get("/api/v1/survey/rounds/viite-2024/weights.csv");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const weights = parseCsv(response.body);
    expect(weights.header).toEqual(["respondent", "weight"]);
    expect(response.body).not.toMatch(/H24-|@|040 /);
    // The library on the published responses CSV and the year's margins gives the same weight per respondent.
    const responses = parseCsv((await staff.get("/api/v1/survey/rounds/viite-2024/responses.csv")).body);
    const margins = populationFigures(
      selectYear(parseCsv(read("population_margins.csv")), 2024, "margins"),
      "margins",
    );
    const library = weightRespondents(csvColumns(responses), { margins });
    const respondents = csvColumns(responses).get("respondent") ?? [];
    expect(weights.rows.map((r) => r[0])).toEqual([...respondents]);
    expect(weights.rows).toHaveLength(500);
    weights.rows.forEach((row, i) => {
      expect(Math.abs(Number(row[1]) - (library.design.weights[i] as number))).toBeLessThanOrEqual(1e-9);
    });
    // And R's raked weights, as a set (the reference ids are not published).
    const fromR = parseCsv(read("expected_weights_2024.csv"))
      .rows.map((r) => Number(r[1]))
      .sort((a, b) => a - b);
    const ours = weights.rows.map((r) => Number(r[1])).sort((a, b) => a - b);
    ours.forEach((w, i) => {
      expect(Math.abs(w / (fromR[i] as number) - 1)).toBeLessThan(1e-8);
    });
  });

  it("trims a round's weights at k × the mean weight as the library does", async () => {
    const round = await staff.post("/api/v1/survey/rounds", {
      slug: "viite-2024-trim",
      questionnaireId,
      year: 2024,
      title: { fi: "Viitekysely 2024, trimmattu" },
      fieldworkStart: "2024-09-01",
      fieldworkEnd: "2024-10-31",
      weightTrimMultiplier: 1.2,
    });
    expect(round.statusCode, round.body).toBe(201);
    const bad = await staff.post("/api/v1/survey/rounds", {
      slug: "viite-2024-bad",
      questionnaireId,
      year: 2024,
      title: { fi: "x" },
      fieldworkStart: "2024-09-01",
      fieldworkEnd: "2024-10-31",
      weightTrimMultiplier: 0.5,
    });
    expect(bad.statusCode).toBe(400);
    const imported = await staff.post("/api/v1/survey/rounds/viite-2024-trim/responses/import", {
      csv: read("respondents_2024.csv"),
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const weights = parseCsv((await staff.get("/api/v1/survey/rounds/viite-2024-trim/weights.csv")).body);
    const responses = parseCsv((await staff.get("/api/v1/survey/rounds/viite-2024-trim/responses.csv")).body);
    const margins = populationFigures(
      selectYear(parseCsv(read("population_margins.csv")), 2024, "margins"),
      "margins",
    );
    const trimmed = weightRespondents(csvColumns(responses), { margins, trimMultiplier: 1.2 });
    const raked = weightRespondents(csvColumns(responses), { margins });
    expect(trimmed.trimming?.passes.length ?? 0).toBeGreaterThan(0);
    let changed = 0;
    weights.rows.forEach((row, i) => {
      expect(Math.abs(Number(row[1]) - (trimmed.design.weights[i] as number))).toBeLessThanOrEqual(1e-9);
      if (Math.abs(Number(row[1]) - (raked.design.weights[i] as number)) > 1e-6) changed += 1;
    });
    expect(weights.rows).toHaveLength(500);
    expect(changed).toBeGreaterThan(0);
  });

  it("suppresses every cell under five respondents, in JSON and in the open-data CSV", async () => {
    const results = (await t.app.inject("/api/v1/survey/rounds/viite-2025/results")).json() as SurveyResults;
    const small = results.rows.filter((r) => r.suppressed);
    // The reference has no cell under five; the domain of age 75+ × q4 may; check the rule both ways.
    for (const row of results.rows) {
      if (row.suppressed) expect([row.estimate, row.se, row.nUsed]).toEqual([null, null, null]);
      else expect(row.nUsed as number).toBeGreaterThanOrEqual(5);
    }
    const csv = await t.app.inject("/api/v1/survey/rounds/viite-2025/results.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trim().split("\n");
    expect(lines).toHaveLength(results.rows.length + 1);
    expect(lines.filter((l) => l.includes(",true,")).length).toBe(small.length);
    expect(csv.body).not.toMatch(/H25-\d{4}/);
  });

  it("publishes survey.satisfied_share (per cent) for the strategy's indicators", async () => {
    const source = surveyModule.indicators?.({
      config: t.config,
      database: t.db.database,
      now: () => NOW,
    } as never)[0];
    expect(source?.key).toBe("survey.satisfied_share");
    expectClose(
      await source?.valueFor(2025),
      expected.year2025.raking.satisfied_share.estimate * 100,
      1e-6,
      "2025",
    );
    expect(await source?.valueFor(2019)).toBeNull();
  });

  it("refuses a bad import as a whole, naming each row in the caller's language", async () => {
    const before = (await t.app.inject("/api/v1/survey/rounds")).json();
    const csv = 'id,age_group,sex,area,q1,q3,q9\n"X1",45-64,female,Tommola,4,yes,\n';
    const badColumn = await staff.post("/api/v1/survey/rounds/viite-2025/responses/import", { csv });
    expect(badColumn.statusCode).toBe(400);
    expect(badColumn.json().errors[0]).toMatchObject({ path: "/rows/1/q9" });
    const rows =
      'id,age_group,sex,area,q1,q3\n"X1",45-64,female,Tommola,4,yes\n"X2",45-64,,Tommola,7,maybe\n';
    const bad = await staff.request({
      method: "POST",
      url: "/api/v1/survey/rounds/viite-2025/responses/import",
      payload: { csv: rows },
      headers: { "accept-language": "sv" },
    });
    expect(bad.statusCode).toBe(400);
    const problem = bad.json();
    expect(problem.detail).toMatch(/inget sparades/);
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "/rows/3/q1",
      "/rows/3/q3",
      "/rows/3/sex",
    ]);
    const after = (await t.app.inject("/api/v1/survey/rounds")).json();
    expect(after).toEqual(before);
    const margins = await staff.request({
      method: "PUT",
      url: "/api/v1/survey/margins/2025",
      payload: { csv: "variable,category,population\nsex,female,10\nage_group,15-29,abc\n", source: "x" },
    });
    expect(margins.statusCode).toBe(400);
    expect(margins.json().errors[0].path).toBe("/rows/3/population");
    // The margins stayed as they were: the results are unchanged.
    expect((await t.app.inject("/api/v1/survey/rounds/viite-2025/results")).statusCode).toBe(200);
  });

  it("lets a resident answer by invitation code: saved as they go, resumable, one response per code", async () => {
    const sample = await staff.post("/api/v1/survey/rounds/viite-2025/sample", {
      csv: "label,age_group,sex,area,phone\nA,45-64,female,Tommola,\nB,15-29,male,Keskusta,040 000 0001\n",
    });
    expect(sample.statusCode, sample.body).toBe(200);
    const [a, b] = sample.json().codes as { label: string; code: string }[];
    const web = new TestClient(t.app, "192.0.2.180");
    const start = await web.post("/api/v1/survey/answer/start", { code: a?.code.toLowerCase() });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json()).toMatchObject({ mode: "web", status: "in_progress", answers: {}, framed: true });
    const bad = await web.post("/api/v1/survey/answer/save", {
      code: a?.code,
      answers: { q1: "9" },
      complete: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("/answers/q1");
    const saved = await web.post("/api/v1/survey/answer/save", {
      code: a?.code,
      answers: { q1: "4" },
      complete: false,
    });
    expect(saved.json().answers).toEqual({ q1: "4" });
    // Another device with the same code resumes the same response.
    const again = await new TestClient(t.app, "192.0.2.181").post("/api/v1/survey/answer/start", {
      code: a?.code,
    });
    expect(again.json().responseId).toBe(start.json().responseId);
    expect(again.json().answers).toEqual({ q1: "4" });
    const done = await web.post("/api/v1/survey/answer/save", {
      code: a?.code,
      answers: { q3: "no", idea: "Siivoan rantaa." },
      complete: true,
    });
    expect(done.json().status).toBe("complete");
    const late = await web.post("/api/v1/survey/answer/save", {
      code: a?.code,
      answers: { q1: "5" },
      complete: true,
    });
    expect(late.statusCode).toBe(409);
    const wrong = await web.post("/api/v1/survey/answer/start", { code: "ZZZZZZZZZZ" });
    expect(wrong.statusCode).toBe(404);
    expect(b?.code).toMatch(/^[2-9A-Z]{10}$/);
    // Signed in: one response per resident on a round open to the web.
    const mine = await resident.post("/api/v1/survey/rounds/viite-2025/my-response");
    expect(mine.statusCode, mine.body).toBe(200);
    const mineAgain = await resident.post("/api/v1/survey/rounds/viite-2025/my-response");
    expect(mineAgain.json().responseId).toBe(mine.json().responseId);
    expect((await resident.post("/api/v1/survey/rounds/viite-2024/my-response")).statusCode).toBe(403);
  });

  it("runs phone interviews: call list, outcomes, a resumable interview, quota fill", async () => {
    const quotas = await staff.request({
      method: "PUT",
      url: "/api/v1/survey/rounds/viite-2025/quotas",
      payload: { quotas: [{ ageGroup: "15-29", area: "Keskusta", target: 3 }] },
    });
    expect(quotas.statusCode, quotas.body).toBe(200);
    const fillBefore = quotas.json().quotas[0].completed as number;
    expect((await resident.get("/api/v1/survey/rounds/viite-2025/calls")).statusCode).toBe(403);
    const list = await interviewer.get("/api/v1/survey/rounds/viite-2025/calls");
    expect(list.statusCode).toBe(200);
    const member = list.json().entries.find((e: { label: string }) => e.label === "B");
    expect(member).toMatchObject({ phone: "040 000 0001", status: "pending" });
    const noCallBackTime = await interviewer.post(`/api/v1/survey/calls/${member.memberId}/outcome`, {
      outcome: "call_back",
    });
    expect(noCallBackTime.statusCode).toBe(400);
    expect(
      (
        await interviewer.post(`/api/v1/survey/calls/${member.memberId}/outcome`, {
          outcome: "call_back",
          callBackAt: "2025-10-16T15:00:00+03:00",
        })
      ).statusCode,
    ).toBe(204);
    const interview = await interviewer.post(`/api/v1/survey/calls/${member.memberId}/interview`);
    expect(interview.json()).toMatchObject({ mode: "phone", status: "in_progress" });
    const id = interview.json().responseId;
    await interviewer.request({
      method: "PUT",
      url: `/api/v1/survey/interviews/${id}`,
      payload: { answers: { q1: "5" }, complete: false },
    });
    // The line dropped; the interview resumes where it was.
    const resumed = await interviewer.post(`/api/v1/survey/calls/${member.memberId}/interview`);
    expect(resumed.json()).toMatchObject({ responseId: id, answers: { q1: "5" } });
    const done = await interviewer.request({
      method: "PUT",
      url: `/api/v1/survey/interviews/${id}`,
      payload: { answers: { q2: "9" }, complete: true },
    });
    expect(done.json().status).toBe("complete");
    const after = (await interviewer.get("/api/v1/survey/rounds/viite-2025/calls")).json();
    expect(after.entries.find((e: { label: string }) => e.label === "B")).toMatchObject({
      status: "completed",
      attempts: 1,
      responseStatus: "complete",
    });
    expect(after.quotas[0].completed).toBe(fillBefore + 1);
    expect((await interviewer.post(`/api/v1/survey/calls/${member.memberId}/interview`)).statusCode).toBe(
      409,
    );
  });

  it("takes paper forms from staff, codes open answers by theme, and keeps staff routes from others", async () => {
    const paper = await staff.post("/api/v1/survey/rounds/viite-2024/paper", {
      formId: "P-1",
      ageGroup: "65-74",
      sex: "female",
      area: "Vierumäki",
      answers: { q1: "3", idea: "Voisin auttaa naapuria." },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const duplicate = await staff.post("/api/v1/survey/rounds/viite-2024/paper", {
      formId: "P-1",
      ageGroup: "65-74",
      sex: "female",
      area: "Vierumäki",
      answers: {},
    });
    expect(duplicate.statusCode).toBe(409);
    expect((await resident.get("/api/v1/survey/rounds/viite-2024/open-answers")).statusCode).toBe(403);
    const open = await staff.get("/api/v1/survey/rounds/viite-2024/open-answers");
    const answer = open.json().find((a: { text: string }) => a.text === "Voisin auttaa naapuria.");
    expect(answer).toMatchObject({ question: "idea", themes: [] });
    const coded = await staff.request({
      method: "PUT",
      url: `/api/v1/survey/responses/${answer.responseId}/themes`,
      payload: { question: "idea", themes: ["Naapuriapu", "naapuriapu "] },
    });
    expect(coded.statusCode).toBe(204);
    const results = (await t.app.inject("/api/v1/survey/rounds/viite-2024/results")).json() as SurveyResults;
    // One answer with the theme: published only as suppressed.
    expect(results.themes).toEqual([
      { question: "idea", theme: "naapuriapu", count: null, suppressed: true },
    ]);
    const exported = await staff.get("/api/v1/survey/rounds/viite-2024/responses.csv");
    expect(exported.body.split("\n")[0]).toBe("respondent,year,channel,age_group,sex,area,q1,q2,q3,q4");
    expect(exported.body).not.toContain("naapuria");
    expect((await interviewer.post("/api/v1/survey/questionnaires", REFERENCE_FORM)).statusCode).toBe(403);
  });

  it("versions a questionnaire by key and refuses inconsistent ones", async () => {
    const next = await staff.post("/api/v1/survey/questionnaires", REFERENCE_FORM);
    expect(next.json().version).toBe(2);
    const broken = await staff.post("/api/v1/survey/questionnaires", {
      ...REFERENCE_FORM,
      questions: [
        {
          key: "a",
          type: "single",
          text: { fi: "A" },
          required: true,
          options: [{ value: "x", label: { fi: "x" } }],
        },
        {
          key: "a",
          type: "text",
          text: { fi: "B" },
          required: false,
          showIf: { question: "zz", values: ["x"] },
        },
      ],
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors.length).toBeGreaterThanOrEqual(3);
  });
});
