// The questionnaire builder's API on both dialects: the Heinola template as a starting point, the staff list
// with rounds and responses, changes in place while nobody has answered, and the lock once answers exist
// (a change then goes into a new version of the same key, which keeps the questions linked across years).
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { QuestionnaireInput, QuestionnaireListItem } from "../../../contracts/survey.ts";

const PASSWORD = "builder-staff-password-1";
const NOW = new Date("2026-03-02T09:00:00Z");

const FORM: QuestionnaireInput = {
  key: "kirjasto-kysely",
  title: { fi: "Kirjastokysely" },
  questions: [
    {
      key: "visits",
      type: "single",
      text: { fi: "Käytkö kirjastossa?" },
      required: true,
      options: [
        { value: "yes", label: { fi: "kyllä" } },
        { value: "no", label: { fi: "en" } },
      ],
    },
    {
      key: "grade",
      type: "grade4to10",
      text: { fi: "Arvosana kirjastolle" },
      required: false,
      showIf: { question: "visits", values: ["yes"] },
      satisfiedValues: ["8", "9", "10"],
    },
  ],
  overallQuestion: "grade",
};

describeEachDialect("survey questionnaire builder API", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let resident: TestClient;

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    const db = t.db.database.db;
    await buildPerson(db, { email: "builder@example.fi", password: PASSWORD, roles: [{ role: "staff" }] });
    await buildPerson(db, { email: "asukas@example.fi", password: PASSWORD, verifiedResident: true });
    staff = new TestClient(t.app, "192.0.2.180");
    resident = new TestClient(t.app, "192.0.2.181");
    for (const [client, email] of [
      [staff, "builder@example.fi"],
      [resident, "asukas@example.fi"],
    ] as const) {
      expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    }
  }, 60_000);
  afterAll(() => t.close());

  const list = async () => {
    const response = await staff.get("/api/v1/survey/questionnaires");
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as QuestionnaireListItem[];
  };
  const put = (client: TestClient, id: string, body: unknown, language = "fi") =>
    client.request({
      method: "PUT",
      url: `/api/v1/survey/questionnaires/${id}`,
      payload: body as Record<string, unknown>,
      headers: { "accept-language": language },
    });

  it("gives staff the Heinola template, with the overall grade and the open question, and nobody else", async () => {
    expect((await resident.get("/api/v1/survey/questionnaire-template")).statusCode).toBe(403);
    const response = await staff.get("/api/v1/survey/questionnaire-template");
    expect(response.statusCode).toBe(200);
    const template = response.json() as QuestionnaireInput;
    expect(template.key).toBe("heinola-asukaskysely");
    expect(template.overallQuestion).toBe("overall_grade");
    const texts = template.questions.map((q) => q.text.fi);
    expect(texts).toContain("Mitä minä voisin tehdä Heinolan hyväksi?");
    expect(template.questions.find((q) => q.key === "overall_grade")?.type).toBe("grade4to10");
    // Saved as it is, it is a valid questionnaire.
    const saved = await staff.post("/api/v1/survey/questionnaires", { ...template, key: "pohjasta-tehty" });
    expect(saved.statusCode, saved.body).toBe(201);
  });

  it("changes an unanswered version in place and shows checkQuestionnaire's issues by question", async () => {
    const created = await staff.post("/api/v1/survey/questionnaires", FORM);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const item = (await list()).find((q) => q.id === id);
    expect(item).toMatchObject({ version: 1, rounds: [], responses: 0, isLocked: false });

    const changed = await put(staff, id, { ...FORM, title: { fi: "Kirjastokysely", sv: "Biblioteksenkät" } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id, version: 1, title: { sv: "Biblioteksenkät" } });
    const again = await t.app.inject(`/api/v1/survey/questionnaires/${id}`);
    expect(again.json().title.sv).toBe("Biblioteksenkät");

    // A condition on a later question: refused, in Swedish, pointing at the question.
    const [first, second] = FORM.questions;
    const broken = await put(staff, id, { ...FORM, questions: [second, first] }, "sv");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors).toContainEqual({
      path: "/questions/grade",
      message: "Visningsvillkoret kan bara hänvisa till en tidigare fråga.",
    });
    // A schema error names the field by its place.
    const badKey = await put(staff, id, {
      ...FORM,
      questions: [{ ...first, key: "Käynnit" }, second],
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors.map((e: { path: string }) => e.path)).toContain("/body/questions/0/key");
    // The key names the questionnaire across versions; it does not change in place.
    const renamed = await put(staff, id, { ...FORM, key: "toinen-kysely" });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().errors).toEqual([{ path: "/key", message: expect.stringContaining("tunnusta") }]);
    expect((await put(staff, "01900000-0000-7000-8000-000000000000", FORM)).statusCode).toBe(404);
    expect((await put(resident, id, FORM)).statusCode).toBe(403);
    expect((await resident.get("/api/v1/survey/questionnaires")).statusCode).toBe(403);
  });

  it("locks a version once it has answers; the change goes into the next version of the same key", async () => {
    const created = await staff.post("/api/v1/survey/questionnaires", { ...FORM, key: "lukittuva" });
    const id = created.json().id as string;
    const round = await staff.post("/api/v1/survey/rounds", {
      slug: "lukittuva-2026",
      questionnaireId: id,
      year: 2026,
      title: { fi: "Kirjastokysely 2026" },
      fieldworkStart: "2026-03-01",
      fieldworkEnd: "2026-03-31",
    });
    expect(round.statusCode, round.body).toBe(201);
    // A round without answers does not lock it.
    expect((await put(staff, id, { ...FORM, key: "lukittuva" })).statusCode).toBe(200);
    const paper = await staff.post("/api/v1/survey/rounds/lukittuva-2026/paper", {
      ageGroup: "30-44",
      sex: "female",
      area: "Keskusta",
      answers: { visits: "no" },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    expect((await list()).find((q) => q.id === id)).toMatchObject({
      rounds: [{ slug: "lukittuva-2026", year: 2026 }],
      responses: 1,
      isLocked: true,
    });
    const refused = await put(staff, id, { ...FORM, key: "lukittuva", title: { fi: "Muutettu" } }, "en");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("Make a new version");
    expect((await t.app.inject(`/api/v1/survey/questionnaires/${id}`)).json().title.fi).toBe(
      "Kirjastokysely",
    );

    const next = await staff.post("/api/v1/survey/questionnaires", {
      ...FORM,
      key: "lukittuva",
      title: { fi: "Muutettu" },
    });
    expect(next.statusCode).toBe(201);
    expect(next.json().version).toBe(2);
    const versions = (await list()).filter((q) => q.key === "lukittuva");
    expect(versions.map((q) => [q.version, q.isLocked])).toEqual([
      [1, true],
      [2, false],
    ]);
  });
});
