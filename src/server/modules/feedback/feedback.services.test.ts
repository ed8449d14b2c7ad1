import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson, type PersonOverrides } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { listAudit } from "../../platform/audit.ts";
import { feedbackModule } from "./index.ts";

const PASSWORD = "feedback-services-password";
const BASE = "/api/v1/feedback/handling/services";
let clock = new Date("2026-11-27T08:00:00Z");

function newService(code: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: { fi: "Roskakorit", sv: "Papperskorgar", en: "Litter bins" },
    description: { fi: "Täysi tai rikkinäinen roskakori." },
    group: { fi: "Puistot ja luonto" },
    keywords: ["roska", "roskakori"],
    type: "realtime",
    unit: "kaupunkiymparisto",
    firstResponseHours: 8,
    resolutionHours: 40,
    attributes: [
      {
        code: "vika",
        datatype: "singlevaluelist",
        required: true,
        variable: true,
        description: { fi: "Mikä on vialla?", sv: "Vad är fel?", en: "What is wrong?" },
        values: [
          { key: "taynna", name: { fi: "Täynnä", en: "Full" } },
          { key: "rikki", name: { fi: "Rikki", en: "Broken" } },
        ],
      },
      {
        code: "huomio",
        datatype: "text",
        required: false,
        variable: false,
        description: { fi: "Ilkivallasta voi ilmoittaa myös poliisille." },
        values: [],
      },
    ],
    ...overrides,
  };
}

describeEachDialect("feedback service management", (dialect) => {
  let t: TestApp;
  let anon: TestClient;
  let resident: TestClient;
  let cityStaff: TestClient;
  let unitStaff: TestClient;
  let otherUnit: TestClient;
  let unitStaffId: string;

  async function signIn(email: string, ip: string, roles: PersonOverrides["roles"]) {
    const person = await buildPerson(t.db.database.db, { email, password: PASSWORD, roles, now: clock });
    const client = new TestClient(t.app, ip);
    const res = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    return { client, id: person.id };
  }

  const put = (client: TestClient, code: string, body: unknown, language = "en") =>
    client.request({
      method: "PUT",
      url: `${BASE}/${code}`,
      payload: body as object,
      headers: { "accept-language": language },
    });

  const report = (client: TestClient, serviceCode: string, attributes: Record<string, string> = {}) =>
    client.post("/api/v1/feedback/requests", {
      serviceCode,
      description: "Roskakori on ollut täynnä viikon.",
      location: { lat: 61.2058, long: 26.0381 },
      publishConsent: false,
      attributes,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => clock });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    anon = new TestClient(t.app, "192.0.2.80");
    resident = (await signIn("asukas-s@example.fi", "192.0.2.81", [{ role: "resident" }])).client;
    cityStaff = (await signIn("kaupunki-s@example.fi", "192.0.2.82", [{ role: "staff" }])).client;
    const u = await signIn("yksikko-s@example.fi", "192.0.2.83", [
      { role: "staff", scope: "kaupunkiymparisto" },
    ]);
    unitStaff = u.client;
    unitStaffId = u.id;
    otherUnit = (await signIn("kirjasto-s@example.fi", "192.0.2.84", [{ role: "staff", scope: "kirjasto" }]))
      .client;
  });
  afterAll(() => t.close());

  it("lets unit staff create a service that residents and Open311 see at once, with its question", async () => {
    const created = await unitStaff.post(BASE, newService("roskakorit"));
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ code: "roskakorit", isActive: true, requestCount: 0, isExampleData: false });
    expect(body.attributes.map((a: { code: string; order: number }) => [a.code, a.order])).toEqual([
      ["vika", 1],
      ["huomio", 2],
    ]);
    expect(body.changes).toEqual([
      { at: clock.toISOString(), action: "create", actorName: expect.any(String) },
    ]);

    const services = (await anon.get("/api/v1/feedback/services")).json();
    expect(services.map((s: { code: string }) => s.code)).toContain("roskakorit");
    const open311 = (await anon.get("/open311/v2/services.json")).json();
    expect(open311.find((s: { service_code: string }) => s.service_code === "roskakorit")).toMatchObject({
      service_name: "Litter bins",
      metadata: true,
      keywords: "roska,roskakori",
    });
    const definition = (await anon.get("/open311/v2/services/roskakorit.json")).json();
    expect(definition.attributes[0]).toMatchObject({
      code: "vika",
      required: true,
      datatype: "singlevaluelist",
    });
    expect(definition.attributes[0].values.map((v: { key: string }) => v.key)).toEqual(["taynna", "rikki"]);

    // The required question is asked: without an answer the request is refused, with one it is taken.
    const missing = await report(resident, "roskakorit");
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe("/attributes/vika");
    const sent = await report(resident, "roskakorit", { vika: "rikki" });
    expect(sent.statusCode).toBe(201);

    const audit = await listAudit(t.db.database.db, { action: "feedback.service.create" });
    expect(audit[0]).toMatchObject({
      actorId: unitStaffId,
      outcome: "success",
      details: { code: "roskakorit" },
    });
  });

  it("edits names, questions and order; old answers stay stored as they were sent", async () => {
    const before = (await unitStaff.get(`${BASE}/roskakorit`)).json();
    expect(before.requestCount).toBe(1);
    clock = new Date(clock.getTime() + 60_000);
    const edited = newService("roskakorit", {
      name: { fi: "Roskakorit ja roska-astiat" },
      firstResponseHours: 4,
      attributes: [
        {
          code: "kunto",
          datatype: "multivaluelist",
          required: false,
          variable: true,
          description: { fi: "Mitä huomasit?" },
          values: [{ key: "haisee", name: { fi: "Haisee" } }],
        },
        newService("x").attributes[1],
      ],
      expectedUpdatedAt: before.updatedAt,
    });
    const { code: _code, ...body } = edited;
    const res = await put(unitStaff, "roskakorit", body);
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toEqual({ fi: "Roskakorit ja roska-astiat" });
    expect(res.json().firstResponseHours).toBe(4);
    expect(res.json().attributes.map((a: { code: string }) => a.code)).toEqual(["kunto", "huomio"]);
    expect(res.json().changes.map((c: { action: string }) => c.action)).toEqual(["update", "create"]);

    const definition = (await anon.get("/open311/v2/services/roskakorit.json")).json();
    expect(definition.attributes.map((a: { code: string }) => a.code)).toEqual(["kunto", "huomio"]);
    // The earlier request keeps its answer to the removed question.
    const queue = (await unitStaff.get("/api/v1/feedback/handling/requests?service=roskakorit")).json();
    const detail = (await unitStaff.get(`/api/v1/feedback/handling/requests/${queue.items[0].id}`)).json();
    expect(detail.attributes).toEqual({ vika: "rikki" });
    expect(detail.serviceName).toEqual({ fi: "Roskakorit ja roska-astiat" });

    // An editor that started from the old version is told someone changed it.
    const stale = await put(unitStaff, "roskakorit", { ...body, expectedUpdatedAt: before.updatedAt });
    expect(stale.statusCode).toBe(409);
  });

  it("deactivates: gone from Open311 and the form, old requests keep the name; reactivates", async () => {
    clock = new Date(clock.getTime() + 60_000);
    const off = await unitStaff.post(`${BASE}/roskakorit/activation`, { isActive: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().isActive).toBe(false);
    const services = (await anon.get("/api/v1/feedback/services")).json();
    expect(services.map((s: { code: string }) => s.code)).not.toContain("roskakorit");
    const open311 = (await anon.get("/open311/v2/services.json")).json();
    expect(open311.map((s: { service_code: string }) => s.service_code)).not.toContain("roskakorit");
    expect((await anon.get("/open311/v2/services/roskakorit.json")).statusCode).toBe(404);
    expect((await report(resident, "roskakorit", { kunto: "haisee" })).statusCode).toBe(404);
    const queue = (await unitStaff.get("/api/v1/feedback/handling/requests?service=roskakorit")).json();
    expect(queue.items[0].serviceName.fi).toBe("Roskakorit ja roska-astiat");
    const all = (await unitStaff.get(BASE)).json();
    expect(all.find((s: { code: string }) => s.code === "roskakorit")).toMatchObject({ isActive: false });

    // A service with requests is never deleted.
    const removed = await unitStaff.delete(`${BASE}/roskakorit`);
    expect(removed.statusCode).toBe(409);

    clock = new Date(clock.getTime() + 60_000);
    const on = await unitStaff.post(`${BASE}/roskakorit/activation`, { isActive: true });
    expect(on.json().isActive).toBe(true);
    expect((await anon.get("/open311/v2/services/roskakorit.json")).statusCode).toBe(200);
    const actions = (await unitStaff.get(`${BASE}/roskakorit`))
      .json()
      .changes.map((c: { action: string }) => c.action);
    expect(actions).toEqual(["reactivate", "deactivate", "update", "create"]);
  });

  it("deletes a service without requests", async () => {
    expect((await cityStaff.post(BASE, newService("kokeilu", { unit: "kirjasto" }))).statusCode).toBe(201);
    expect((await cityStaff.delete(`${BASE}/kokeilu`)).statusCode).toBe(204);
    expect((await cityStaff.get(`${BASE}/kokeilu`)).statusCode).toBe(404);
  });

  it("refuses bad definitions with localized field errors", async () => {
    const bad = newService("Huono Koodi", {
      name: { fi: "  " },
      unit: "Kaupunki Ympäristö",
      firstResponseHours: 40,
      resolutionHours: 8,
      keywords: ["a,b"],
      attributes: [
        {
          code: "vika",
          datatype: "singlevaluelist",
          required: true,
          variable: true,
          description: { fi: "Mikä?" },
          values: [
            { key: "a", name: { fi: "A" } },
            { key: "a", name: { fi: "B" } },
          ],
        },
        {
          code: "vika",
          datatype: "string",
          required: true,
          variable: false,
          description: { fi: "Ohje" },
          values: [{ key: "x", name: { fi: "X" } }],
        },
        {
          code: "lista",
          datatype: "multivaluelist",
          required: false,
          variable: true,
          description: { fi: "?" },
          values: [],
        },
      ],
    });
    const res = await cityStaff.post(BASE, bad, { "accept-language": "sv" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      "/body/code",
      "/body/name/fi",
      "/body/keywords/0",
      "/body/unit",
      "/body/resolutionHours",
      "/body/attributes/0/values/1/key",
      "/body/attributes/1/code",
      "/body/attributes/1/required",
      "/body/attributes/1/values",
      "/body/attributes/2/values",
    ]);
    expect(res.json().errors[0].message).toContain("Koden");

    const schema = await cityStaff.post(BASE, {
      ...newService("hyva"),
      attributes: [{ code: "x", datatype: "colour" }],
    });
    expect(schema.statusCode).toBe(400);

    expect((await cityStaff.post(BASE, newService("new"))).statusCode).toBe(400);
    const taken = await cityStaff.post(BASE, newService("katuvalaistus"));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].path).toBe("/body/code");
  });

  it("lets only staff manage services, and unit staff only their unit's", async () => {
    expect((await anon.get(BASE)).statusCode).toBe(401);
    expect((await resident.get(BASE)).statusCode).toBe(403);
    expect((await resident.post(BASE, newService("asukas"))).statusCode).toBe(403);
    expect((await otherUnit.get(BASE)).statusCode).toBe(200);
    expect((await otherUnit.post(BASE, newService("vieras"))).statusCode).toBe(403);
    expect((await otherUnit.post(`${BASE}/katuvalaistus/activation`, { isActive: false })).statusCode).toBe(
      403,
    );
    const { code: _code, ...body } = newService("katuvalaistus", { unit: "kirjasto" });
    expect((await put(unitStaff, "katuvalaistus", body)).statusCode).toBe(403);
    expect((await put(otherUnit, "katuvalaistus", body)).statusCode).toBe(403);
    expect((await cityStaff.get(`${BASE}/ei-ole`)).statusCode).toBe(404);
  });
});
