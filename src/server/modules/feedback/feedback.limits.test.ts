import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson, type PersonOverrides } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { hashApiKey } from "./feedback.service.ts";
import { feedbackModule } from "./index.ts";

// The limits on new service requests (issue 6): anonymous web reports and Open311 posts per address, signed-in
// residents per person, Open311 keys per key; staff unlimited; 429 with Retry-After in each API's own format.

const START = new Date("2026-11-27T10:00:00Z");
let clock = START;
const PASSWORD = "limits-test-password";
const KEY = "limits-test-open311-key-0123456789abcdef";
const FORM = { "content-type": "application/x-www-form-urlencoded" };

describeEachDialect("feedback report limits", (dialect) => {
  let t: TestApp;

  async function signIn(email: string, ip: string, roles: PersonOverrides["roles"]) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD, roles, now: clock });
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  }

  function report(client: TestClient, body: Record<string, unknown> = {}, language = "fi") {
    return client.post(
      "/api/v1/feedback/requests",
      {
        serviceCode: "puistot",
        description: "Roska-astia on täynnä.",
        location: { lat: 61.2058, long: 26.0381 },
        publishConsent: true,
        ...body,
      },
      { "accept-language": language },
    );
  }

  function open311(format: "json" | "xml", address: string) {
    return t.app.inject({
      method: "POST",
      url: `/open311/v2/requests.${format}`,
      headers: FORM,
      remoteAddress: address,
      payload: new URLSearchParams({
        api_key: KEY,
        service_code: "puistot",
        lat: "61.2",
        long: "26.03",
        description: "Penkki on kaatunut.",
      }).toString(),
    });
  }

  const stored = async () =>
    Number(
      (
        await t.db.database.db
          .selectFrom("feedback_request")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    clock = START;
    t = await buildTestApp(dialect, {
      now: () => clock,
      env: {
        KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR: "3",
        KESKIO_FEEDBACK_REPORTS_PER_PERSON_HOUR: "4",
        KESKIO_OPEN311_REPORTS_PER_KEY_HOUR: "5",
      },
    });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    await t.db.database.db
      .insertInto("feedback_api_key")
      .values({
        id: "0190cccc-0000-7000-8000-000000000001",
        name: "limits test",
        key_hash: hashApiKey(KEY),
        created_at: START.toISOString(),
      })
      .execute();
  });
  afterAll(() => t.close());

  it("refuses the fourth anonymous report of an address in an hour with a localized 429 and Retry-After, and takes it again after the hour", async () => {
    clock = START;
    const library = new TestClient(t.app, "192.0.2.80");
    for (let i = 0; i < 3; i++) expect((await report(library)).statusCode).toBe(201);
    const before = await stored();
    clock = new Date(START.getTime() + 20 * 60_000);
    const refused = await report(library);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
    // The window began with the first report: 40 minutes are left.
    expect(refused.headers["retry-after"]).toBe(String(40 * 60));
    expect(refused.json()).toMatchObject({
      status: 429,
      code: "rate_limited",
      title: "Liian monta pyyntöä",
      detail: expect.stringContaining("noin 40 minuutin kuluttua"),
    });
    expect((await report(library, {}, "sv")).json().detail).toContain("om cirka 40 minuter");
    expect((await report(library, {}, "en")).json().detail).toContain("in about 40 minutes");
    expect(await stored()).toBe(before);
    // Another address has its own count.
    expect((await report(new TestClient(t.app, "192.0.2.81"))).statusCode).toBe(201);
    // Refused attempts did not extend the window: an hour after the first report the address may send again.
    clock = new Date(START.getTime() + 60 * 60_000);
    expect((await report(library)).statusCode).toBe(201);
  });

  it("counts a signed-in resident by person, not by the address, and never limits staff", async () => {
    clock = new Date(START.getTime() + 2 * 3_600_000);
    const shared = "192.0.2.90";
    const resident = await signIn("asukas.raja@example.fi", shared, [{ role: "resident" }]);
    const anonymous = new TestClient(t.app, shared);
    for (let i = 0; i < 3; i++) expect((await report(anonymous)).statusCode).toBe(201);
    expect((await report(anonymous)).statusCode).toBe(429);
    for (let i = 0; i < 4; i++) expect((await report(resident)).statusCode).toBe(201);
    const refused = await report(resident, {}, "en");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/^You have sent too many reports/);
    const staff = await signIn("neuvonta.raja@example.fi", shared, [
      { role: "staff", scope: "kaupunkiymparisto" },
    ]);
    for (let i = 0; i < 8; i++)
      expect((await report(staff, { channel: "phone", publishConsent: false })).statusCode).toBe(201);
  });

  it("limits Open311 posts per address (shared with the web) and per key, as GeoReport error lists in JSON and XML", async () => {
    clock = new Date(START.getTime() + 4 * 3_600_000);
    const address = "192.0.2.100";
    expect((await report(new TestClient(t.app, address))).statusCode).toBe(201);
    expect((await open311("json", address)).statusCode).toBe(201);
    expect((await open311("xml", address)).statusCode).toBe(201);
    const before = await stored();
    const json = await open311("json", address);
    expect(json.statusCode).toBe(429);
    expect(json.headers["retry-after"]).toBe("3600");
    expect(json.json()).toEqual([{ code: 429, description: expect.stringMatching(/too many requests/) }]);
    const xml = await open311("xml", address);
    expect(xml.statusCode).toBe(429);
    expect(xml.headers["retry-after"]).toBe("3600");
    expect(xml.headers["content-type"]).toMatch(/^text\/xml/);
    expect(xml.body).toMatch(
      /<errors><error><code>429<\/code><description>too many requests[^<]*<\/description><\/error><\/errors>/,
    );
    expect(await stored()).toBe(before);
    // Refused posts were not counted: the key has three more this hour (five in all), from any addresses,
    // and then it is refused everywhere.
    for (const other of ["192.0.2.101", "192.0.2.102", "192.0.2.104"])
      expect((await open311("json", other)).statusCode).toBe(201);
    const keyed = await open311("json", "192.0.2.103");
    expect(keyed.statusCode).toBe(429);
    expect(keyed.json()[0].code).toBe(429);
    // A refused key post did not use up the new address's count: the web form still takes its report.
    expect((await report(new TestClient(t.app, "192.0.2.103"))).statusCode).toBe(201);
    // A wrong key is still a 403, limited or not.
    const wrong = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      headers: FORM,
      remoteAddress: address,
      payload: "api_key=wrong&service_code=puistot&lat=61.2&long=26.03&description=x",
    });
    expect(wrong.statusCode).toBe(403);
  });
});
