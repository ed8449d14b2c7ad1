import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { computeHenkilotunnusCheckCharacter } from "../../lib/henkilotunnus.ts";

const PASSWORD = "budgeting-race-password";
const NOW = new Date("2026-11-28T10:00:00Z");
const HETU = `150575-321${computeHenkilotunnusCheckCharacter("150575321")}`;

describeEachDialect("budgeting: one person, one ballot under concurrency", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let resident: TestClient;
  let roundId = "";
  const projects: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    const db = t.db.database.db;
    await buildPerson(db, { email: "staff@example.fi", password: PASSWORD, roles: [{ role: "staff" }] });
    const person = await buildPerson(db, {
      email: "voter@example.fi",
      password: PASSWORD,
      verifiedResident: true,
    });
    staff = new TestClient(t.app, "192.0.2.170");
    resident = new TestClient(t.app, "192.0.2.171");
    await staff.post("/api/v1/auth/sign-in", { email: "staff@example.fi", password: PASSWORD });
    await resident.post("/api/v1/auth/sign-in", { email: "voter@example.fi", password: PASSWORD });
    const verified = await staff.post(`/api/v1/admin/people/${person.id}/verify-in-person`, {
      henkilotunnus: HETU,
      servicePoint: "Kaupungintalo",
    });
    expect(verified.statusCode).toBe(204);
    const round = (
      await staff.post("/api/v1/budgeting/rounds", {
        title: { fi: "Kilpailutesti" },
        description: { fi: "Testikierros" },
        ideasStart: "2026-11-01T00:00:00Z",
        reviewStart: "2026-11-02T00:00:00Z",
        votingStart: "2026-11-03T00:00:00Z",
        votingEnd: "2026-12-31T00:00:00Z",
        ballotType: "approval",
        maxChoices: 3,
        minAge: 0,
        rule: "greedy",
        areas: [{ name: { fi: "Koko kaupunki" }, budget: 10000 }],
      })
    ).json();
    roundId = round.id;
    for (const title of ["Yksi", "Kaksi", "Kolme"]) {
      const p = await resident.post(`/api/v1/budgeting/rounds/${roundId}/proposals`, {
        areaId: round.areas[0].id,
        title,
        description: "Kuvaus ehdotuksesta.",
        language: "fi",
        costEstimate: 1000,
      });
      await staff.post(`/api/v1/budgeting/proposals/${p.json().id}/review`, { status: "feasible" });
      projects.push(p.json().id);
    }
    const phase = await staff.request({
      method: "PUT",
      url: `/api/v1/budgeting/rounds/${roundId}/phase`,
      payload: { phase: "voting" },
    });
    expect(phase.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("100 parallel ballots from one verified resident, half online and half on paper, leave exactly one ballot", async () => {
    const attempts = Array.from({ length: 100 }, (_, i) => {
      const choices = [{ projectId: projects[i % 3] as string }];
      return i % 2 === 0
        ? resident.request({
            method: "PUT",
            url: `/api/v1/budgeting/rounds/${roundId}/ballot`,
            payload: { choices },
          })
        : staff.post(`/api/v1/budgeting/rounds/${roundId}/paper-ballots`, {
            henkilotunnus: HETU,
            residencyChecked: false,
            choices,
          });
    });
    const responses = await Promise.all(attempts);
    const statuses = responses.map((r) => r.statusCode);
    for (const s of statuses) expect([200, 201, 409]).toContain(s);
    const rows = await t.db.database.db
      .selectFrom("budgeting_ballot")
      .selectAll()
      .where("round_id", "=", roundId)
      .execute();
    expect(rows).toHaveLength(1);
    const ballot = rows[0] as (typeof rows)[number];
    const accepted = responses.filter((r) => r.statusCode < 300).map((r) => r.json());
    if (ballot.channel === "paper") {
      // A paper ballot is final: exactly one was accepted (the stored one), and no web ballot after it.
      const paper = accepted.filter((r) => r.channel === "paper");
      expect(paper).toHaveLength(1);
      expect(paper[0].receiptCode).toBe(ballot.receiptCode);
    } else {
      // Web ballots may replace each other (the last counts), but then no paper ballot got in.
      expect(accepted.every((r) => r.channel === "web")).toBe(true);
      expect(accepted.map((r) => r.receiptCode)).toContain(ballot.receiptCode);
    }
  });
});
