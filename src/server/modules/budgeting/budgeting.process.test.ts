import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { computeHenkilotunnusCheckCharacter } from "../../lib/henkilotunnus.ts";
import { parsePabulib } from "./domain/pabulib.ts";
import { countElection, optionsForMetaRule } from "./domain/rules.ts";

const PASSWORD = "budgeting-test-password";
const START = new Date("2026-11-28T10:00:00Z");

/** A valid test henkilötunnus for a birth date DDMMYY in the 1900s with individual number NNN. */
function hetu(ddmmyy: string, individual: string, sign = "-"): string {
  return `${ddmmyy}${sign}${individual}${computeHenkilotunnusCheckCharacter(`${ddmmyy}${individual}`)}`;
}

describeEachDialect("budgeting process", (dialect) => {
  let t: TestApp;
  let clock = START;
  let staff: TestClient;
  let resident: TestClient;
  let unverified: TestClient;
  const residentHetu = hetu("010190", "123");
  let roundId = "";
  let cityArea = "";
  let villageArea = "";
  const project: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true, now: () => clock });
    const db = t.db.database.db;
    await buildPerson(db, { email: "staff@example.fi", password: PASSWORD, roles: [{ role: "staff" }] });
    const person = await buildPerson(db, {
      email: "voter@example.fi",
      password: PASSWORD,
      verifiedResident: true,
    });
    await buildPerson(db, { email: "guest@example.fi", password: PASSWORD });
    staff = new TestClient(t.app, "192.0.2.160");
    resident = new TestClient(t.app, "192.0.2.161");
    unverified = new TestClient(t.app, "192.0.2.162");
    await signInAll();
    // The resident is identified at a service point, as the identity module records it (only an HMAC is kept).
    const verified = await staff.post(`/api/v1/admin/people/${person.id}/verify-in-person`, {
      henkilotunnus: residentHetu,
      servicePoint: "Kaupungintalo",
    });
    expect(verified.statusCode).toBe(204);
  });

  // Sessions expire when the clock moves on by days, so every client signs in again.
  async function signInAll() {
    for (const [client, email] of [
      [staff, "staff@example.fi"],
      [resident, "voter@example.fi"],
      [unverified, "guest@example.fi"],
    ] as const) {
      client.cookies.clear();
      expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    }
  }
  afterAll(() => t.close());

  it("lets staff open a round with areas, budgets, voter rules and a ballot type; residents cannot", async () => {
    const body = {
      title: {
        fi: "Osallistuva budjetointi 2027",
        sv: "Deltagande budgetering 2027",
        en: "Participatory budgeting 2027",
      },
      description: { fi: "Ideoi ja äänestä." },
      ideasStart: "2026-11-01T00:00:00Z",
      reviewStart: "2026-11-20T00:00:00Z",
      votingStart: "2026-11-27T00:00:00Z",
      votingEnd: "2026-12-10T00:00:00Z",
      ballotType: "approval",
      maxChoices: 3,
      minAge: 15,
      rule: "mes",
      areas: [
        { name: { fi: "Koko kaupunki" }, budget: 10000 },
        { name: { fi: "Vierumäki" }, budget: 3000 },
      ],
    };
    expect((await resident.post("/api/v1/budgeting/rounds", body)).statusCode).toBe(403);
    const bad = await staff.post(
      "/api/v1/budgeting/rounds",
      { ...body, ballotType: "cumulative" },
      { "accept-language": "sv" },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().detail).toContain("lika andelar");
    const res = await staff.post("/api/v1/budgeting/rounds", body);
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    cityArea = round.areas[0].id;
    villageArea = round.areas[1].id;
    expect(round.phase).toBe("ideas");
    expect(round.votingOpen).toBe(false);
    expect(round.areas.map((a: { budget: number }) => a.budget)).toEqual([10000, 3000]);
  });

  it("takes proposals and comments, merges during co-creation, and publishes the review's reasons", async () => {
    const submit = (title: string, areaId: string, costEstimate: number) =>
      resident.post(`/api/v1/budgeting/rounds/${roundId}/proposals`, {
        areaId,
        title,
        description: `${title}: kuvaus ehdotuksesta.`,
        language: "fi",
        locationText: "Torikatu 1",
        latitude: 61.2,
        longitude: 26.03,
        costEstimate,
      });
    for (const [key, area, cost] of [
      ["A", cityArea, 6000],
      ["B", cityArea, 4000],
      ["C", cityArea, 5000],
      ["D", cityArea, 2000],
      ["E", villageArea, 2500],
      ["F", cityArea, 1000],
      ["G", cityArea, 9999],
    ] as const) {
      const res = await submit(`Hanke ${key}`, area, cost);
      expect(res.statusCode).toBe(201);
      project[key] = res.json().id;
    }
    const anonymous = await t.app.inject({
      method: "POST",
      url: `/api/v1/budgeting/rounds/${roundId}/proposals`,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
    const badArea = await submit("Hanke X", "0190aaaa-0000-7000-8000-000000000000", 10);
    expect(badArea.statusCode).toBe(400);

    const comment = await unverified.post(`/api/v1/budgeting/proposals/${project.A}/comments`, {
      body: "Hyvä idea!",
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().comments).toEqual([
      expect.objectContaining({ authorName: "resident", body: "Hyvä idea!" }),
    ]);

    expect(
      (
        await staff.request({
          method: "PUT",
          url: `/api/v1/budgeting/rounds/${roundId}/phase`,
          payload: { phase: "co_creation" },
        })
      ).statusCode,
    ).toBe(200);
    expect((await submit("Myöhäinen", cityArea, 10)).statusCode).toBe(409);
    const merged = await staff.post(`/api/v1/budgeting/proposals/${project.F}/merge`, { into: project.D });
    expect(merged.statusCode).toBe(200);
    expect(merged.json().mergedFrom).toEqual([{ id: project.F, title: "Hanke F" }]);

    for (const key of ["A", "B", "C", "D", "E"]) {
      const res = await staff.post(`/api/v1/budgeting/proposals/${project[key]}/review`, {
        status: "feasible",
      });
      expect(res.statusCode).toBe(200);
    }
    const noReason = await staff.post(`/api/v1/budgeting/proposals/${project.G}/review`, {
      status: "rejected",
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await staff.post(`/api/v1/budgeting/proposals/${project.G}/review`, {
      status: "rejected",
      reason: { fi: "Kaupunki ei omista aluetta.", en: "The city does not own the land." },
    });
    expect(rejected.json().status).toBe("rejected");
    const list = (await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/proposals`)).json();
    expect(list.find((p: { id: string }) => p.id === project.G).reviewReason.fi).toBe(
      "Kaupunki ei omista aluetta.",
    );
    expect(list.find((p: { id: string }) => p.id === project.A).reviewCost).toBe(6000);
    expect(JSON.stringify(list)).not.toMatch(/votes|authorId/);
  });

  it("takes web ballots from verified residents only, lets them change it, and keeps counts hidden", async () => {
    const vote = (client: TestClient, choices: unknown) =>
      client.request({
        method: "PUT",
        url: `/api/v1/budgeting/rounds/${roundId}/ballot`,
        payload: { choices },
      });
    expect((await vote(resident, [{ projectId: project.A }])).statusCode).toBe(409);
    await staff.request({
      method: "PUT",
      url: `/api/v1/budgeting/rounds/${roundId}/phase`,
      payload: { phase: "voting" },
    });
    expect((await vote(unverified, [{ projectId: project.A }])).statusCode).toBe(403);
    const tooMany = await vote(
      resident,
      ["A", "B", "C", "D"].map((k) => ({ projectId: project[k] })),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe("/body/choices");
    expect((await vote(resident, [{ projectId: project.G }])).statusCode).toBe(400);
    const first = await vote(resident, [{ projectId: project.A }, { projectId: project.B }]);
    expect(first.statusCode).toBe(200);
    const second = await vote(resident, [
      { projectId: project.A },
      { projectId: project.C },
      { projectId: project.E },
    ]);
    expect(second.statusCode).toBe(200);
    expect(second.json().receiptCode).not.toBe(first.json().receiptCode);
    const mine = await resident.get(`/api/v1/budgeting/rounds/${roundId}/ballot`);
    expect(mine.json().receiptCode).toBe(second.json().receiptCode);
    expect(mine.json().choices.map((c: { projectId: string }) => c.projectId)).toEqual([
      project.A,
      project.C,
      project.E,
    ]);
    const hidden = await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/results`);
    expect(hidden.statusCode).toBe(409);
    expect(hidden.headers["content-type"]).toContain("application/problem+json");
    expect((await t.app.inject(`/api/v1/budgeting/receipts/${second.json().receiptCode}`)).statusCode).toBe(
      409,
    );
  });

  it("takes paper ballots by henkilötunnus, one person one ballot across channels, keeping only an HMAC", async () => {
    const paper = (h: string, choices: unknown, residencyChecked = true) =>
      staff.post(`/api/v1/budgeting/rounds/${roundId}/paper-ballots`, {
        henkilotunnus: h,
        residencyChecked,
        choices,
      });
    const again = await paper(residentHetu, [{ projectId: project.B }]);
    expect(again.statusCode).toBe(409);
    const badHetu = await paper("010190-1234", [{ projectId: project.B }]);
    expect(badHetu.statusCode).toBe(400);
    expect(badHetu.json().errors[0].path).toBe("/body/henkilotunnus");
    expect((await paper(hetu("010185", "201"), [{ projectId: project.B }], false)).statusCode).toBe(403);
    const young = await paper(hetu("010115", "301", "A"), [{ projectId: project.B }]);
    expect(young.statusCode).toBe(403);
    const voters = [
      [hetu("020280", "211"), ["A", "B"]],
      [hetu("030380", "221"), ["A", "B", "D"]],
      [hetu("040480", "231"), ["C", "D"]],
      [hetu("050580", "241"), ["B", "E"]],
    ] as const;
    const receipts: string[] = [];
    for (const [h, keys] of voters) {
      const res = await paper(
        h,
        keys.map((k) => ({ projectId: project[k] })),
      );
      expect(res.statusCode).toBe(201);
      receipts.push(res.json().receiptCode);
    }
    const online = await resident.request({
      method: "PUT",
      url: `/api/v1/budgeting/rounds/${roundId}/ballot`,
      payload: { choices: [{ projectId: project.A }] },
    });
    expect(online.statusCode).toBe(200);
    const stored = await t.db.database.db.selectFrom("budgeting_ballot").selectAll().execute();
    expect(stored).toHaveLength(5);
    const dump = JSON.stringify(stored) + t.logs.join("");
    for (const [h] of voters) expect(dump).not.toContain(h);
    expect(dump).not.toContain(residentHetu);
  });

  it("counts each area with the round's rule, explains every project, and publishes a verifiable Pabulib file", async () => {
    expect((await staff.post(`/api/v1/budgeting/rounds/${roundId}/results`)).statusCode).toBe(409);
    clock = new Date("2026-12-10T00:00:01Z");
    await signInAll();
    const closedVote = await resident.request({
      method: "PUT",
      url: `/api/v1/budgeting/rounds/${roundId}/ballot`,
      payload: { choices: [{ projectId: project.B }] },
    });
    expect(closedVote.statusCode).toBe(409);
    expect((await resident.post(`/api/v1/budgeting/rounds/${roundId}/results`)).statusCode).toBe(403);
    const published = await staff.post(`/api/v1/budgeting/rounds/${roundId}/results`);
    expect(published.statusCode).toBe(200);
    const results = published.json();
    if (process.env.KESKIO_DEBUG_RESULTS) console.log(JSON.stringify(results, null, 1));
    expect(results.voters).toBe(5);
    const city = results.areas.find((a: { areaId: string }) => a.areaId === cityArea);
    expect(city.voters).toBe(5);
    expect(city.totalCost).toBeLessThanOrEqual(10000);
    for (const p of city.projects) {
      for (const lang of ["fi", "sv", "en"]) expect(p.explanation[lang].length).toBeGreaterThan(10);
    }
    const file = await t.app.inject(city.ballotFile);
    expect(file.statusCode).toBe(200);
    const election = parsePabulib(file.body);
    expect(election.meta.rule).toBe("equalshares/add1");
    expect(election.votes.count).toBe(5);
    expect(election.votes.voterIds.join(",")).not.toMatch(/\d{6}[-+A-FU-Y]\d{3}/);
    const mapping = optionsForMetaRule(election.meta, election.voteType);
    if (!mapping.supported) throw new Error("rule not supported");
    const recount = countElection(election, mapping.options);
    const selectedInFile = election.projects.filter((p) => p.selected === 1).map((p) => p.id);
    expect([...recount.selected].sort()).toEqual(selectedInFile.sort());
    expect(
      city.projects
        .filter((p: { selected: boolean }) => p.selected)
        .map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual(selectedInFile.sort());
    // A, B and D: MES buys A (3 supporters paying 2000 each) and B; explanations name figures.
    const a = city.projects.find((p: { id: string }) => p.id === project.A);
    expect(a.votes).toBe(3);
    expect(a.explanation.en).toMatch(/effective vote count/);
    const loser = city.projects.find((p: { selected: boolean }) => !p.selected);
    expect(loser.explanation.fi).toMatch(/kannattaja/);

    const village = results.areas.find((r: { areaId: string }) => r.areaId === villageArea);
    expect(village.voters).toBe(1);
    const mine = (await resident.get(`/api/v1/budgeting/rounds/${roundId}/ballot`)).json();
    const check = await t.app.inject(`/api/v1/budgeting/receipts/${mine.receiptCode.toLowerCase()}`);
    expect(check.json()).toEqual({
      receiptCode: mine.receiptCode,
      found: true,
      areas: [{ areaId: cityArea, projectIds: [project.A] }],
    });
    expect((await t.app.inject("/api/v1/budgeting/receipts/ZZZZ-ZZZZ-ZZZZ")).json().found).toBe(false);
    expect((await staff.post(`/api/v1/budgeting/rounds/${roundId}/results`)).statusCode).toBe(409);
  });

  it("follows the winning projects up as strategy actions and offers turnout as an indicator", async () => {
    const results = (await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/results`)).json();
    const winners = results.areas.flatMap(
      (a: { projects: { id: string; title: string; selected: boolean }[] }) =>
        a.projects.filter((p) => p.selected),
    );
    expect(winners.length).toBeGreaterThan(0);
    for (const winner of winners) {
      const proposal = (await t.app.inject(`/api/v1/budgeting/proposals/${winner.id}`)).json();
      expect(proposal.strategyActionId).toEqual(expect.any(String));
      const action = await t.app.inject(`/api/v1/strategy/actions/${proposal.strategyActionId}`);
      expect(action.statusCode).toBe(200);
      expect(action.json().title.fi).toBe(winner.title);
    }
    const { budgetingModule } = await import("./index.ts");
    const indicator = budgetingModule.indicators?.({
      config: t.config,
      database: t.db.database,
      now: () => clock,
    } as never)[0];
    expect(indicator?.key).toBe("budgeting.turnout");
    expect(await indicator?.valueFor(2026)).toBe(5);
    expect(await indicator?.valueFor(2025)).toBeNull();
  });

  it("reaches the voter's ballot and writings from the data export, and unlinks the writings when the account goes", async () => {
    const exported = (await resident.get("/api/v1/me/data")).json();
    expect(exported.budgeting.ballots).toHaveLength(1);
    expect(exported.budgeting.ballots[0]).toMatchObject({ roundId, channel: "web" });
    const authored = exported.budgeting.proposals.length + exported.budgeting.comments.length;
    expect(authored).toBeGreaterThan(0);

    const person = await t.db.database.db
      .selectFrom("identityPerson")
      .select("id")
      .where("email", "=", "voter@example.fi")
      .executeTakeFirstOrThrow();
    expect((await resident.delete("/api/v1/me", { confirm: "DELETE" })).statusCode).toBe(204);
    for (const table of ["budgetingProposal", "budgetingComment"] as const) {
      const left = await t.db.database.db
        .selectFrom(table)
        .select("id")
        .where("authorId", "=", person.id)
        .execute();
      expect(left).toEqual([]);
    }
    // The ballot stays counted.
    expect((await t.app.inject(`/api/v1/budgeting/rounds/${roundId}/results`)).statusCode).toBe(200);
  });
});
