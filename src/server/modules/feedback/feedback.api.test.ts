import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson, type PersonOverrides } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { createDb } from "../../db/db.ts";
import { containsText, jpegWithMetadata, PLAIN_JPEG, png } from "../../lib/images/test-images.ts";
import { feedbackModule } from "./index.ts";

const PASSWORD = "feedback-test-password";
// Friday 2026-11-27 15:00 Helsinki (13:00 UTC): one working hour left that day, then the weekend.
const START = new Date("2026-11-27T13:00:00Z");
let clock = START;

describeEachDialect("feedback web API", (dialect) => {
  let t: TestApp;
  let anon: TestClient;
  let resident: TestClient;
  let handler: TestClient;
  let otherUnit: TestClient;
  let moderator: TestClient;
  let handlerId: string;
  let residentId: string;

  async function signIn(email: string, ip: string, roles: PersonOverrides["roles"]) {
    const person = await buildPerson(t.db.database.db, { email, password: PASSWORD, roles, now: clock });
    const client = new TestClient(t.app, ip);
    const res = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    return { client, id: person.id };
  }

  async function report(client: TestClient, body: Record<string, unknown> = {}) {
    return client.post("/api/v1/feedback/requests", {
      serviceCode: "puistot",
      description: "Kaatunut puu tukkii puiston käytävän.",
      location: { lat: 61.2058, long: 26.0381, address: "Kauppakatu 1" },
      publishConsent: true,
      ...body,
    });
  }

  beforeAll(async () => {
    clock = START;
    t = await buildTestApp(dialect, { now: () => clock });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    anon = new TestClient(t.app, "192.0.2.60");
    const r = await signIn("asukas@example.fi", "192.0.2.61", [{ role: "resident" }]);
    resident = r.client;
    residentId = r.id;
    const h = await signIn("kasittelija@example.fi", "192.0.2.62", [
      { role: "staff", scope: "kaupunkiymparisto" },
    ]);
    handler = h.client;
    handlerId = h.id;
    otherUnit = (await signIn("kirjasto@example.fi", "192.0.2.63", [{ role: "staff", scope: "kirjasto" }]))
      .client;
    moderator = (await signIn("moderaattori@example.fi", "192.0.2.64", [{ role: "moderator" }])).client;
  });
  afterAll(() => t.close());

  it("lists the services with names in three languages, extra questions and promises", async () => {
    const res = await anon.get("/api/v1/feedback/services");
    expect(res.statusCode).toBe(200);
    const services = res.json();
    expect(services.length).toBeGreaterThanOrEqual(8);
    const street = services.find((s: { code: string }) => s.code === "katujen-kunnossapito");
    expect(street.name).toEqual({
      fi: "Katujen kunnossapito",
      sv: "Gatuunderhåll",
      en: "Street maintenance",
    });
    expect(street.attributes[0]).toMatchObject({
      code: "vian-tyyppi",
      required: true,
      datatype: "singlevaluelist",
    });
    expect(street.isExampleData).toBe(true);
    expect(services.some((s: { type: string }) => s.type === "batch")).toBe(true);
    expect(JSON.stringify(services)).not.toContain('"id"');
  });

  it("takes an anonymous report with a photo, strips its metadata and promises a first answer in working hours", async () => {
    const res = await report(anon, {
      email: "ilmoittaja@example.fi",
      photos: [
        {
          contentType: "image/jpeg",
          data: jpegWithMetadata(6).toString("base64"),
          altText: "Kaatunut koivu",
        },
      ],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(created.status).toBe("received");
    // 16 working hours from Friday 15:00: 1 h on Friday, 8 h on Monday, 7 h on Tuesday → Tue 15:00 (13:00 UTC).
    expect(created.expectedFirstResponseAt).toBe("2026-12-01T13:00:00.000Z");
    expect(Object.keys(created).sort()).toEqual(
      ["expectedFirstResponseAt", "expectedResolutionAt", "id", "reference", "requestedAt", "status"].sort(),
    );

    const detail = (await handler.get(`/api/v1/feedback/handling/requests/${created.id}`)).json();
    expect(detail.photos).toHaveLength(1);
    expect(detail.photos[0].altText).toBe("Kaatunut koivu");
    const photo = await handler.get(detail.photos[0].url);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect(containsText(photo.rawPayload, "GPS-SECRET")).toBe(false);
    expect(containsText(photo.rawPayload, "Maija")).toBe(false);
    expect(photo.rawPayload.length).toBeLessThan(PLAIN_JPEG.length + 40);
    // Unpublished: nobody outside the unit sees the photo.
    expect((await anon.get(detail.photos[0].url)).statusCode).toBe(404);
    expect((await otherUnit.get(detail.photos[0].url)).statusCode).toBe(404);
  });

  it("shows the public status page without personal data, and the text only after moderation", async () => {
    const created = (
      await report(anon, { email: "salainen@example.fi", name: "Maija Meikäläinen", phone: "0401234567" })
    ).json();
    const page = await anon.get(`/api/v1/feedback/requests/${created.reference.toLowerCase()}`);
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.status).toBe("received");
    expect(body.description).toBeNull();
    expect(body.isPublished).toBe(false);
    expect(body.history).toEqual([
      { at: clock.toISOString(), kind: "created", status: "received", note: null },
    ]);
    for (const secret of ["salainen@", "Maija", "0401234567", created.id])
      expect(page.body).not.toContain(secret);
    // Not in the public list until published.
    const before = (await anon.get("/api/v1/feedback/requests?service=puistot")).json();
    expect(before.items.map((r: { reference: string }) => r.reference)).not.toContain(created.reference);

    const moderated = await moderator.post(`/api/v1/feedback/handling/requests/${created.id}/moderation`, {
      visibility: "published",
      publicDescription: "Kaatunut puu tukkii käytävän. [nimi poistettu]",
    });
    expect(moderated.statusCode).toBe(200);
    const after = (await anon.get(`/api/v1/feedback/requests/${created.reference}`)).json();
    expect(after.description).toBe("Kaatunut puu tukkii käytävän. [nimi poistettu]");
    expect(after.isPublished).toBe(true);
    const list = (await anon.get("/api/v1/feedback/requests?service=puistot&status=received")).json();
    expect(list.items.map((r: { reference: string }) => r.reference)).toContain(created.reference);
    expect(JSON.stringify(list)).not.toContain("salainen@");
    // The moderation itself is an internal step: the public history does not show it.
    expect(after.history.map((e: { kind: string }) => e.kind)).toEqual(["created"]);
  });

  it("keeps the text unpublished without the reporter's consent even when the request is published", async () => {
    const created = (
      await report(anon, { publishConsent: false, description: "Naapurini Pekka roskaa." })
    ).json();
    await handler.post(`/api/v1/feedback/handling/requests/${created.id}/moderation`, {
      visibility: "published",
    });
    const page = (await anon.get(`/api/v1/feedback/requests/${created.reference}`)).json();
    expect(page.isPublished).toBe(true);
    expect(page.description).toBeNull();
  });

  it("lets a handler assign, answer, note and close; the reporter sees the answer and gets e-mail", async () => {
    const created = (await report(anon, { email: "vastaus@example.fi", locale: "fi" })).json();
    const url = `/api/v1/feedback/handling/requests/${created.id}`;
    const assigned = await handler.post(`${url}/assign`, { assigneeId: handlerId });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toMatchObject({ status: "allocated", assigneeId: handlerId });
    expect((await handler.post(`${url}/notes`, { text: "Soitettu puistotiimille." })).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 3_600_000);
    const answered = await handler.post(`${url}/answer`, { text: "Puu poistetaan maanantaina." });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().firstResponseAt).toBe(clock.toISOString());
    const done = await handler.post(`${url}/status`, { status: "done", note: "Puu on poistettu." });
    expect(done.statusCode).toBe(200);
    expect(done.json().history.map((e: { kind: string }) => e.kind)).toEqual([
      "created",
      "assigned",
      "note",
      "answer",
      "status",
    ]);

    const page = (await anon.get(`/api/v1/feedback/requests/${created.reference}`)).json();
    expect(page.publicAnswer).toBe("Puu poistetaan maanantaina.");
    expect(page.status).toBe("done");
    expect(page.history.map((e: { kind: string }) => e.kind)).toEqual(["created", "answer", "status"]);
    expect(JSON.stringify(page)).not.toContain("puistotiimille");
    expect(JSON.stringify(page)).not.toContain(handlerId);

    // A finished request cannot be allocated again; a reason is required to close.
    expect((await handler.post(`${url}/status`, { status: "allocated" })).statusCode).toBe(409);
    const other = (await report(anon)).json();
    const noReason = await handler.post(`/api/v1/feedback/handling/requests/${other.id}/status`, {
      status: "closed",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers["content-type"]).toContain("application/problem+json");
  });

  it("gates the queue and handling by role and unit", async () => {
    const created = (await report(anon)).json();
    expect((await anon.get("/api/v1/feedback/handling/requests")).statusCode).toBe(401);
    expect((await resident.get("/api/v1/feedback/handling/requests")).statusCode).toBe(403);
    expect(
      (await resident.post(`/api/v1/feedback/handling/requests/${created.id}/answer`, { text: "x" }))
        .statusCode,
    ).toBe(403);
    expect((await otherUnit.get(`/api/v1/feedback/handling/requests/${created.id}`)).statusCode).toBe(403);
    expect(
      (await otherUnit.get("/api/v1/feedback/handling/requests?unit=kaupunkiymparisto")).statusCode,
    ).toBe(403);
    const libraryQueue = (await otherUnit.get("/api/v1/feedback/handling/requests")).json();
    expect(libraryQueue.items.every((i: { unit: string }) => i.unit === "kirjasto")).toBe(true);
    const queue = (
      await handler.get("/api/v1/feedback/handling/requests?status=received&assignee=none")
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect(queue.items[0]).toHaveProperty("isOverdue");
    // A moderator may moderate but not handle.
    expect(
      (await moderator.post(`/api/v1/feedback/handling/requests/${created.id}/answer`, { text: "x" }))
        .statusCode,
    ).toBe(403);
  });

  it("puts overdue requests first and flags them once the promise has passed", async () => {
    // Reported ten days ago (the clock is moved back, not forward, so that sessions stay alive).
    const saved = clock;
    clock = new Date(saved.getTime() - 10 * 86_400_000);
    const created = (await report(anon, { serviceCode: "lumen-auraus", description: "Auraamatta." })).json();
    clock = saved;
    const res = await handler.get(
      "/api/v1/feedback/handling/requests?sort=overdue&overdue=true&pageSize=200",
    );
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { isOverdue: boolean }) => i.isOverdue)).toBe(true);
    expect(items.map((i: { id: string }) => i.id)).toContain(created.id);
  });

  it("marks duplicates, suggests likely ones nearby and refuses chains", async () => {
    const original = (await report(anon, { location: { lat: 61.2, long: 26.04 } })).json();
    const copy = (await report(anon, { location: { lat: 61.2005, long: 26.0402 } })).json();
    const far = (await report(anon, { location: { lat: 61.3, long: 26.04 } })).json();
    const suggested = await handler.get(
      `/api/v1/feedback/handling/requests/${copy.id}/duplicate-suggestions`,
    );
    expect(suggested.statusCode, suggested.body).toBe(200);
    const suggestions = suggested.json();
    const refs = suggestions.map((s: { reference: string }) => s.reference);
    expect(refs).toContain(original.reference);
    expect(refs).not.toContain(far.reference);
    const near = suggestions.find((s: { reference: string }) => s.reference === original.reference);
    expect(near.distanceMetres).toBeGreaterThan(40);
    expect(near.distanceMetres).toBeLessThan(70);

    const marked = await handler.post(`/api/v1/feedback/handling/requests/${copy.id}/duplicate`, {
      duplicateOf: original.reference,
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json()).toMatchObject({
      status: "closed",
      closeReason: "duplicate",
      duplicateOf: original.reference,
    });
    const originalDetail = (await handler.get(`/api/v1/feedback/handling/requests/${original.id}`)).json();
    expect(originalDetail.duplicates).toEqual([copy.reference]);
    expect((await anon.get(`/api/v1/feedback/requests/${copy.reference}`)).json().duplicateOf).toBe(
      original.reference,
    );
    expect(
      (
        await handler.post(`/api/v1/feedback/handling/requests/${far.id}/duplicate`, {
          duplicateOf: copy.reference,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await handler.post(`/api/v1/feedback/handling/requests/${far.id}/duplicate`, {
          duplicateOf: far.reference,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await handler.post(`/api/v1/feedback/handling/requests/${far.id}/duplicate`, {
          duplicateOf: "ZZZZ-ZZZZ",
        })
      ).statusCode,
    ).toBe(404);
  });

  it("shows signed-in residents their own requests; only staff record other channels", async () => {
    const mine = (await report(resident, { description: "Oma palautteeni." })).json();
    const own = (await resident.get("/api/v1/feedback/my-requests")).json();
    expect(own.map((r: { reference: string }) => r.reference)).toEqual([mine.reference]);
    expect(own[0].ownDescription).toBe("Oma palautteeni.");
    expect((await anon.get("/api/v1/feedback/my-requests")).statusCode).toBe(401);
    expect((await report(resident, { channel: "phone" })).statusCode).toBe(403);
    const holder = feedbackModule.personalData?.({ database: t.db.database } as never);
    const exported = (await holder?.exportPerson(residentId)) as { requests: { reference: string }[] } | null;
    expect(exported?.requests.map((r) => r.reference)).toEqual([mine.reference]);
    await holder?.erasePerson(residentId);
    expect(await resident.get("/api/v1/feedback/my-requests").then((r) => r.json())).toEqual([]);
    expect(await holder?.exportPerson(residentId)).toBeNull();
    const erased = (await handler.get(`/api/v1/feedback/handling/requests/${mine.id}`)).json();
    expect(erased.description).toBe("[poistettu / removed]");
    expect(erased.contact.isSignedInReporter).toBe(false);
    const phoned = await report(handler, { channel: "phone", name: "Soittaja" });
    expect(phoned.statusCode, phoned.body).toBe(201);
    const detail = (await handler.get(`/api/v1/feedback/handling/requests/${phoned.json().id}`)).json();
    expect(detail.channel).toBe("phone");
    expect(detail.contact).toMatchObject({ name: "Soittaja", isSignedInReporter: false });
  });

  it("answers bad input with localized problem+json and stores nothing", async () => {
    const count = async () =>
      (await handler.get("/api/v1/feedback/handling/requests?pageSize=1")).json().total;
    const before = await count();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ serviceCode: "ei-ole" }, 404, "not_found"],
      [{ serviceCode: "katujen-kunnossapito" }, 400, "validation_failed"],
      [
        { serviceCode: "katujen-kunnossapito", attributes: { "vian-tyyppi": "lohikaarme" } },
        400,
        "validation_failed",
      ],
      [{ description: "x".repeat(4001) }, 400, "validation_failed"],
      [{ description: "   " }, 400, "validation_failed"],
      [{ location: { lat: 91, long: 26 } }, 400, "validation_failed"],
      [{ email: "ei-osoite" }, 400, "validation_failed"],
      [
        { photos: [{ contentType: "image/png", data: PLAIN_JPEG.toString("base64") }] },
        400,
        "validation_failed",
      ],
      [{ photos: [{ contentType: "image/gif", data: "R0lGOD" }] }, 400, "validation_failed"],
      [{ extra: 1 }, 400, "validation_failed"],
    ];
    for (const [body, status, code] of cases) {
      const res = await report(anon, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    const sv = await anon.post(
      "/api/v1/feedback/requests",
      { serviceCode: "katujen-kunnossapito", description: "Kuoppa", location: null, publishConsent: true },
      { "accept-language": "sv" },
    );
    expect(sv.json().detail).toContain("tilläggsfrågorna");
    expect(sv.json().errors[0]).toMatchObject({ path: "/attributes/vian-tyyppi", message: "Svar krävs." });
    expect((await anon.get("/api/v1/feedback/requests?bbox=1,2,3")).statusCode).toBe(400);
    expect((await anon.get("/api/v1/feedback/requests?status=open")).statusCode).toBe(400);
    expect((await anon.get("/api/v1/feedback/requests/not-a-ref")).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it("accepts a PNG and a report without location; filters the public list by area", async () => {
    const created = await report(anon, {
      location: null,
      photos: [{ contentType: "image/png", data: `data:image/png;base64,${png(true).toString("base64")}` }],
    });
    expect(created.statusCode).toBe(201);
    const inBox = (await report(anon, { location: { lat: 61.1, long: 25.9 } })).json();
    await handler.post(`/api/v1/feedback/handling/requests/${inBox.id}/moderation`, {
      visibility: "published",
    });
    const list = (await anon.get("/api/v1/feedback/requests?bbox=61.05,25.85,61.15,25.95")).json();
    expect(list.items.map((r: { reference: string }) => r.reference)).toEqual([inBox.reference]);
    const areas = (await anon.get("/api/v1/feedback/areas")).json();
    expect(areas.map((a: { code: string }) => a.code)).toContain("etela");
    const south = (await anon.get("/api/v1/feedback/requests?area=etela")).json();
    expect(south.items.map((r: { reference: string }) => r.reference)).toEqual([inBox.reference]);
    expect((await anon.get("/api/v1/feedback/requests?area=atlantis")).statusCode).toBe(400);
  });

  it("never serves a kept public list after a change, from this server or from another process", async () => {
    const created = (await report(anon, { description: "Penkki on rikki, soita 0409999999." })).json();
    await moderator.post(`/api/v1/feedback/handling/requests/${created.id}/moderation`, {
      visibility: "published",
      publicDescription: "Penkki on rikki.",
    });
    const url = "/api/v1/feedback/requests?service=puistot";
    const open311 = "/open311/v2/requests.json?service_code=puistot";
    const texts = async () => [
      (await anon.get(url)).json().items.find((r: { reference: string }) => r.reference === created.reference)
        ?.description,
      (await anon.get(open311))
        .json()
        .find((r: { service_request_id: string }) => r.service_request_id === created.reference)?.description,
    ];
    expect(await texts()).toEqual(["Penkki on rikki.", "Penkki on rikki."]);
    expect(await texts()).toEqual(["Penkki on rikki.", "Penkki on rikki."]);
    // A kept page goes out as the text serialised the first time, as JSON, byte for byte the same.
    const [first, kept] = [await anon.get(url), await anon.get(url)];
    expect(kept.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(kept.body).toBe(first.body);
    // Every page of a filter shows the same total (counted once per filter).
    const total = first.json().total;
    expect(total).toBeGreaterThan(0);
    expect((await anon.get(`${url}&page=2`)).json().total).toBe(total);
    // A moderator hides it: both lists drop it at once, and every page's total with it.
    await moderator.post(`/api/v1/feedback/handling/requests/${created.id}/moderation`, {
      visibility: "hidden",
    });
    expect(await texts()).toEqual([undefined, undefined]);
    expect((await anon.get(`${url}&page=2`)).json().total).toBe(total - 1);
    expect((await anon.get(url)).json().total).toBe(total - 1);
    // Another server process (its own connection) publishes it again with a new text.
    const other = createDb(t.db.databaseConfig, t.db.schema ? { schema: t.db.schema } : {});
    try {
      await other.db
        .updateTable("feedback_request")
        .set({ visibility: "published", publicDescription: "Penkki korjataan." })
        .where("id", "=", created.id)
        .execute();
    } finally {
      await other.destroy();
    }
    expect(await texts()).toEqual(["Penkki korjataan.", "Penkki korjataan."]);
  });
});
