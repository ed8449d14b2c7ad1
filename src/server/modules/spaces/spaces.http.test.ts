import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { spacesModule } from "./index.ts";

const PASSWORD = "spaces-password-123";
// Friday 4 December 2026, 12:00 in Helsinki (10:00 UTC); Sunday 6.12. is Independence Day.
const NOW = new Date("2026-12-04T10:00:00Z");

const SPACE = {
  name: "Testin olohuone",
  description: { fi: "Kaikille avoin tila", en: "A room open to all" },
  address: "Kauppakatu 12, Heinola",
  location: { lat: 61.2, lon: 26.03 },
  capacity: 40,
  accessibility: { stepFree: true, accessibleToilet: true, inductionLoop: false, notes: null },
  contact: { email: "tila@example.fi", phone: null },
  bookable: false,
};

const EVENT = {
  title: { fi: "Lautapeli-ilta; kaikille, tervetuloa" },
  description: { fi: "Pelataan yhdessä" },
  startsAt: "2026-12-07T12:00:00Z",
  endsAt: "2026-12-07T14:00:00Z",
  organiser: "Peliseura",
  price: null,
  signUpUrl: "https://example.fi/ilmo",
};

describeEachDialect("spaces over HTTP", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let resident: TestClient;
  let anonymous: TestClient;
  let spaceId = "";
  let eventId = "";

  async function signedIn(email: string, ip: string, roles?: { role: "staff" | "resident" }[]) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD, ...(roles ? { roles } : {}) });
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    staff = await signedIn("tilat@example.fi", "192.0.2.31", [{ role: "staff" }]);
    resident = await signedIn("asukas@example.fi", "192.0.2.32");
    anonymous = new TestClient(t.app, "192.0.2.33");
  });
  afterAll(async () => t.close());

  it("lets only staff add a space, and refuses a bad one with a localized problem", async () => {
    expect((await anonymous.post("/api/v1/spaces", SPACE)).statusCode).toBe(401);
    expect((await resident.post("/api/v1/spaces", SPACE)).statusCode).toBe(403);
    const bad = await staff.post("/api/v1/spaces", { ...SPACE, capacity: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/application\/problem\+json/);
    const created = await staff.post("/api/v1/spaces", SPACE);
    expect(created.statusCode).toBe(201);
    spaceId = created.json().id;
    expect(created.json()).toMatchObject({ name: SPACE.name, weeklyHours: [], status: { isOpen: false } });
  });

  it("sets weekly hours, refusing an interval that ends before it starts or overlaps, in the caller's language", async () => {
    const backwards = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      headers: { "accept-language": "sv" },
      payload: { intervals: [{ weekday: 1, opens: "18:00", closes: "10:00" }] },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toBe("Öppettid 1 slutar innan den börjar.");
    const overlapping = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      headers: { "accept-language": "en" },
      payload: {
        intervals: [
          { weekday: 1, opens: "10:00", closes: "14:00" },
          { weekday: 1, opens: "13:00", closes: "16:00" },
        ],
      },
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().detail).toMatch(/overlaps/);
    expect(overlapping.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "/intervals/0",
      "/intervals/1",
    ]);
    const malformed = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      payload: { intervals: [{ weekday: 8, opens: "10:00", closes: "12:00" }] },
    });
    expect(malformed.statusCode).toBe(400);
    const forbidden = await resident.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      payload: { intervals: [] },
    });
    expect(forbidden.statusCode).toBe(403);

    const set = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      payload: {
        intervals: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, opens: "10:00", closes: "12:00" },
          { weekday, opens: "12:00", closes: "18:00" },
        ]),
      },
    });
    expect(set.statusCode).toBe(200);
    // Touching intervals run on: open now (Friday 12:00) until 18:00 Helsinki time.
    expect(set.json().status).toEqual({ isOpen: true, closesAt: "2026-12-04T16:00:00.000Z", opensAt: null });
  });

  it("lists spaces with their status and shows the week with the holiday closed", async () => {
    const list = await anonymous.get("/api/v1/spaces");
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ id: spaceId, status: expect.objectContaining({ isOpen: true }) }),
    ]);
    const detail = (await anonymous.get(`/api/v1/spaces/${spaceId}`)).json();
    expect(detail.week.map((d: { date: string }) => d.date)).toEqual([
      "2026-12-04",
      "2026-12-05",
      "2026-12-06",
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
    ]);
    expect(detail.week[2]).toMatchObject({ source: "holiday", holiday: "independenceDay", intervals: [] });
    expect(detail.contact).toEqual(SPACE.contact);
    expect((await anonymous.get("/api/v1/spaces/0190f5a0-0000-7000-8000-00000000ffff")).statusCode).toBe(404);
    expect((await anonymous.get("/api/v1/spaces/not-an-id!")).statusCode).toBe(400);
  });

  it("sets and removes exceptions, one per date, and refuses a closed day with hours", async () => {
    const closedWithHours = await staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
      date: "2026-12-08",
      closed: true,
      intervals: [{ opens: "10:00", closes: "12:00" }],
      reason: null,
    });
    expect(closedWithHours.statusCode).toBe(400);
    const notADate = await staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
      date: "2026-02-30",
      closed: true,
      intervals: [],
      reason: null,
    });
    expect(notADate.statusCode).toBe(400);
    expect(
      (
        await resident.post(`/api/v1/spaces/${spaceId}/exceptions`, {
          date: "2026-12-08",
          closed: true,
          intervals: [],
          reason: null,
        })
      ).statusCode,
    ).toBe(403);
    const first = await staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
      date: "2026-12-08",
      closed: true,
      intervals: [],
      reason: { fi: "Inventaario" },
    });
    expect(first.statusCode).toBe(201);
    const opened = await staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
      date: "2026-12-06",
      closed: false,
      intervals: [{ opens: "12:00", closes: "16:00" }],
      reason: { fi: "Itsenäisyyspäivän avoimet ovet" },
    });
    expect(opened.statusCode).toBe(201);
    const replaced = await staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
      date: "2026-12-08",
      closed: false,
      intervals: [{ opens: "14:00", closes: "16:00" }],
      reason: { fi: "Henkilökunnan koulutus aamupäivällä" },
    });
    expect(replaced.statusCode).toBe(201);
    const detail = (await anonymous.get(`/api/v1/spaces/${spaceId}`)).json();
    expect(detail.exceptions.map((e: { date: string }) => e.date)).toEqual(["2026-12-06", "2026-12-08"]);
    expect(detail.week[2]).toMatchObject({
      source: "exception",
      intervals: [{ opens: "12:00", closes: "16:00" }],
    });
    expect(detail.week[4]).toMatchObject({
      source: "exception",
      intervals: [{ opens: "14:00", closes: "16:00" }],
    });
    const removed = await staff.delete(`/api/v1/spaces/${spaceId}/exceptions/${replaced.json().id}`);
    expect(removed.statusCode).toBe(200);
    expect(
      (await staff.delete(`/api/v1/spaces/${spaceId}/exceptions/${replaced.json().id}`)).statusCode,
    ).toBe(404);
    const audit = await t.db.database.db
      .selectFrom("auditLog")
      .select(["action", "actorId"])
      .where("action", "like", "spaces.%")
      .execute();
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining([
        "spaces.space.create",
        "spaces.hours.set",
        "spaces.exception.set",
        "spaces.exception.delete",
      ]),
    );
  });

  it("keeps one exception per date when staff save the same date at once", async () => {
    const saves = await Promise.all(
      ["Sähkökatko", "Vesikatko", "Muutto", "Siivous", "Koulutus"].map((fi) =>
        staff.post(`/api/v1/spaces/${spaceId}/exceptions`, {
          date: "2026-12-10",
          closed: true,
          intervals: [],
          reason: { fi },
        }),
      ),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const rows = await t.db.database.db
      .selectFrom("spacesException")
      .select(["id", "reason"])
      .where("spaceId", "=", spaceId)
      .where("date", "=", "2026-12-10")
      .execute();
    expect(rows).toHaveLength(1);
    const detail = (await anonymous.get(`/api/v1/spaces/${spaceId}`)).json();
    const tenth = detail.exceptions.find((e: { date: string }) => e.date === "2026-12-10");
    expect(detail.week[6]).toMatchObject({ date: "2026-12-10", source: "exception", reason: tenth.reason });
    expect((await staff.delete(`/api/v1/spaces/${spaceId}/exceptions/${tenth.id}`)).statusCode).toBe(200);
  });

  it("publishes events, warns about one outside the hours, and refuses one that ends before it starts", async () => {
    expect((await resident.post(`/api/v1/spaces/${spaceId}/events`, EVENT)).statusCode).toBe(403);
    const backwards = await staff.post(`/api/v1/spaces/${spaceId}/events`, {
      ...EVENT,
      endsAt: "2026-12-07T11:00:00Z",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().detail).toBe("Tapahtuman on päätyttävä alkamisensa jälkeen.");
    const badUrl = await staff.post(`/api/v1/spaces/${spaceId}/events`, {
      ...EVENT,
      signUpUrl: "javascript:alert(1)",
    });
    expect(badUrl.statusCode).toBe(400);
    const inside = await staff.post(`/api/v1/spaces/${spaceId}/events`, EVENT);
    expect(inside.statusCode).toBe(201);
    expect(inside.json().warnings).toEqual([]);
    eventId = inside.json().event.id;
    const evening = await staff.post(`/api/v1/spaces/${spaceId}/events`, {
      ...EVENT,
      title: { fi: "Iltakonsertti" },
      startsAt: "2026-12-07T17:00:00Z",
      endsAt: "2026-12-07T19:00:00Z",
    });
    expect(evening.statusCode).toBe(201);
    expect(evening.json().warnings).toEqual(["outside_hours"]);
    const changed = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/events/${evening.json().event.id}`,
      payload: {
        ...EVENT,
        title: { fi: "Iltapäiväkonsertti" },
        startsAt: "2026-12-07T10:00:00Z",
        endsAt: "2026-12-07T11:00:00Z",
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().warnings).toEqual([]);
    const events = (await anonymous.get("/api/v1/spaces/events")).json();
    expect(events.map((e: { title: { fi: string } }) => e.title.fi)).toEqual([
      "Iltapäiväkonsertti",
      EVENT.title.fi,
    ]);
    expect((await anonymous.get(`/api/v1/spaces/${spaceId}`)).json().events).toHaveLength(2);
    expect((await staff.delete(`/api/v1/spaces/events/${evening.json().event.id}`)).statusCode).toBe(200);
    expect((await staff.delete(`/api/v1/spaces/events/${evening.json().event.id}`)).statusCode).toBe(404);
    expect(
      (await staff.post("/api/v1/spaces/0190f5a0-0000-7000-8000-00000000ffff/events", EVENT)).statusCode,
    ).toBe(404);
  });

  it("serves iCalendar feeds of a space and of all, with escaped text and UTC times", async () => {
    for (const url of [`/api/v1/spaces/${spaceId}/events.ics`, "/api/v1/spaces/events.ics"]) {
      const feed = await anonymous.get(url);
      expect(feed.statusCode).toBe(200);
      expect(feed.headers["content-type"]).toMatch(/^text\/calendar/);
      expect(feed.body).toContain("SUMMARY:Lautapeli-ilta\\; kaikille\\, tervetuloa\r\n");
      expect(feed.body).toContain("DTSTART:20261207T120000Z\r\n");
      expect(feed.body).toContain(`UID:${eventId}@spaces.keskio`);
    }
    expect(
      (await anonymous.get("/api/v1/spaces/0190f5a0-0000-7000-8000-00000000ffff/events.ics")).statusCode,
    ).toBe(404);
  });

  it("publishes open data without contact details or organiser names, and lists it in the catalogue source", async () => {
    const spacesJson = await anonymous.get("/api/v1/spaces/open-data/spaces.json");
    expect(spacesJson.statusCode).toBe(200);
    expect(spacesJson.headers.link).toMatch(/creativecommons/);
    expect(spacesJson.body).not.toContain("tila@example.fi");
    const eventsJson = await anonymous.get("/api/v1/spaces/open-data/events.json");
    expect(eventsJson.body).not.toContain("Peliseura");
    expect(eventsJson.json()).toHaveLength(1);
    const spacesCsv = await anonymous.get("/api/v1/spaces/open-data/spaces.csv");
    expect(spacesCsv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(spacesCsv.body.split("\r\n")[0]).toBe(
      "id,name,description_fi,address,latitude,longitude,capacity,step_free,accessible_toilet,induction_loop,is_example",
    );
    const hours = await anonymous.get("/api/v1/spaces/open-data/hours.csv");
    expect(hours.body.trim().split("\r\n")).toHaveLength(11);
    const events = await anonymous.get("/api/v1/spaces/open-data/events.csv");
    expect(events.body).not.toContain("Peliseura");
    expect(events.body).toContain("true");
    const source = spacesModule.openData?.({
      config: t.config,
      database: t.db.database,
      now: () => NOW,
    } as never);
    const datasets = (await source?.datasets()) ?? [];
    expect(datasets.map((d) => d.id)).toEqual(["spaces.spaces", "spaces.events"]);
    for (const distribution of datasets.flatMap((d) => d.distributions)) {
      const response = await anonymous.get(distribution.path);
      expect(response.statusCode, distribution.path).toBe(200);
      if (distribution.fields) {
        expect(response.body.split("\r\n")[0]).toBe(distribution.fields.map((f) => f.name).join(","));
      }
    }
  });

  it("changes a space's details (staff only) and loads the labelled demo twice without duplicates", async () => {
    const update = { ...SPACE, name: "Uusi nimi", capacity: 45 };
    expect(
      (await resident.request({ method: "PUT", url: `/api/v1/spaces/${spaceId}`, payload: update }))
        .statusCode,
    ).toBe(403);
    const changed = await staff.request({ method: "PUT", url: `/api/v1/spaces/${spaceId}`, payload: update });
    expect(changed.json()).toMatchObject({ name: "Uusi nimi", capacity: 45 });
    const first = await spacesModule.seed?.(t.db.database, { demo: true, now: NOW });
    const second = await spacesModule.seed?.(t.db.database, { demo: true, now: NOW });
    expect(first).toMatchObject({ created: 5 });
    expect(second).toMatchObject({ created: 0, unchanged: 5 });
    const list = (await anonymous.get("/api/v1/spaces")).json() as { name: string; isExample: boolean }[];
    const examples = list.filter((s) => s.isExample);
    expect(examples).toHaveLength(2);
    expect(examples.every((s) => s.name.includes("esimerkki"))).toBe(true);
  });
});
