import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { spacesModule } from "./index.ts";

const PASSWORD = "spaces-bookings-123";
// Friday 4 December 2026, 12:00 in Helsinki.
const NOW = new Date("2026-12-04T10:00:00Z");
const SPACE = {
  name: "Varattava kerhohuone",
  description: { fi: "Kerhohuone kymmenelle" },
  address: "Kauppakatu 1, Heinola",
  location: null,
  capacity: 10,
  accessibility: { stepFree: true, accessibleToilet: false, inductionLoop: false, notes: null },
  contact: { email: null, phone: null },
  bookable: true,
};
// Monday 7 December 12:00–14:00 Helsinki time; the room is open on weekdays 10–18.
const SLOT = {
  startsAt: "2026-12-07T10:00:00Z",
  endsAt: "2026-12-07T12:00:00Z",
  purpose: "Kerhon kokous",
  attendees: 8,
};

describeEachDialect("spaces bookings over HTTP", (dialect) => {
  let t: TestApp;
  let staff: TestClient;
  let anni: TestClient;
  let ben: TestClient;
  let anonymous: TestClient;
  let anniId = "";
  let spaceId = "";

  async function signedIn(email: string, ip: string, roles?: { role: "staff" | "resident" }[]) {
    const person = await buildPerson(t.db.database.db, {
      email,
      password: PASSWORD,
      displayName: email.split("@")[0],
      ...(roles ? { roles } : {}),
    });
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return { client, id: person.id };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => NOW });
    staff = (await signedIn("varaukset@example.fi", "192.0.2.41", [{ role: "staff" }])).client;
    const a = await signedIn("anni@example.fi", "192.0.2.42");
    anni = a.client;
    anniId = a.id;
    ben = (await signedIn("ben@example.fi", "192.0.2.43")).client;
    anonymous = new TestClient(t.app, "192.0.2.44");
    spaceId = (await staff.post("/api/v1/spaces", SPACE)).json().id;
    const hours = await staff.request({
      method: "PUT",
      url: `/api/v1/spaces/${spaceId}/hours`,
      payload: {
        intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "10:00", closes: "18:00" })),
      },
    });
    expect(hours.statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it("refuses what cannot be booked, in the caller's language", async () => {
    expect((await anonymous.post(`/api/v1/spaces/${spaceId}/bookings`, SLOT)).statusCode).toBe(401);
    const dropIn = (
      await staff.post("/api/v1/spaces", { ...SPACE, name: "Lukusali", bookable: false })
    ).json();
    const notBookable = await anni.post(`/api/v1/spaces/${dropIn.id}/bookings`, SLOT);
    expect(notBookable.statusCode).toBe(409);
    expect(notBookable.json().detail).toBe("Tätä tilaa ei voi varata.");
    const past = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      startsAt: "2026-12-04T08:00:00Z",
      endsAt: "2026-12-04T09:00:00Z",
    });
    expect(past.statusCode).toBe(400);
    const evening = await anni.request({
      method: "POST",
      url: `/api/v1/spaces/${spaceId}/bookings`,
      headers: { "accept-language": "en", "x-csrf-token": anni.cookies.get("keskio_csrf") ?? "" },
      payload: { ...SLOT, startsAt: "2026-12-07T15:30:00Z", endsAt: "2026-12-07T16:30:00Z" },
    });
    expect(evening.statusCode).toBe(400);
    expect(evening.json().detail).toBe("A booking must lie wholly within the space's opening hours.");
    const holiday = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      startsAt: "2026-12-24T10:00:00Z",
      endsAt: "2026-12-24T11:00:00Z",
    });
    expect(holiday.statusCode).toBe(400);
    const crowd = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, { ...SLOT, attendees: 11 });
    expect(crowd.statusCode).toBe(400);
    const backwards = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      endsAt: SLOT.startsAt,
    });
    expect(backwards.statusCode).toBe(400);
    const event = await staff.post(`/api/v1/spaces/${spaceId}/events`, {
      title: { fi: "Avoimet ovet" },
      description: { fi: "Tervetuloa" },
      startsAt: "2026-12-08T10:00:00Z",
      endsAt: "2026-12-08T11:00:00Z",
      organiser: "Kaupunki",
      price: null,
      signUpUrl: null,
    });
    expect(event.statusCode).toBe(201);
    const onEvent = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      startsAt: "2026-12-08T10:30:00Z",
      endsAt: "2026-12-08T12:00:00Z",
    });
    expect(onEvent.statusCode).toBe(409);
  });

  it("takes requests, lets staff confirm one and refuse another with a reason, and then blocks the time", async () => {
    const first = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, SLOT);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "requested", spaceName: SPACE.name });
    const second = await ben.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      startsAt: "2026-12-07T11:00:00Z",
      endsAt: "2026-12-07T13:00:00Z",
    });
    expect(second.statusCode).toBe(201);

    expect((await anni.get("/api/v1/spaces/bookings")).statusCode).toBe(403);
    const queue = (await staff.get("/api/v1/spaces/bookings")).json();
    expect(queue.map((b: { requester: { email: string } }) => b.requester.email)).toEqual([
      "anni@example.fi",
      "ben@example.fi",
    ]);
    const noReason = await staff.post(`/api/v1/spaces/bookings/${second.json().id}/decision`, {
      confirm: false,
      reason: null,
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await anni.post(`/api/v1/spaces/bookings/${first.json().id}/decision`, {
          confirm: true,
          reason: null,
        })
      ).statusCode,
    ).toBe(403);
    const confirmed = await staff.post(`/api/v1/spaces/bookings/${first.json().id}/decision`, {
      confirm: true,
      reason: null,
    });
    expect(confirmed.json().status).toBe("confirmed");
    // Confirming the overlapping request now would double-book the room.
    const clash = await staff.post(`/api/v1/spaces/bookings/${second.json().id}/decision`, {
      confirm: true,
      reason: null,
    });
    expect(clash.statusCode).toBe(409);
    const refused = await staff.post(`/api/v1/spaces/bookings/${second.json().id}/decision`, {
      confirm: false,
      reason: "Päällekkäinen varaus",
    });
    expect(refused.json()).toMatchObject({ status: "refused", refusalReason: "Päällekkäinen varaus" });
    const again = await staff.post(`/api/v1/spaces/bookings/${second.json().id}/decision`, {
      confirm: true,
      reason: null,
    });
    expect(again.statusCode).toBe(409);

    const late = await ben.post(`/api/v1/spaces/${spaceId}/bookings`, SLOT);
    expect(late.statusCode).toBe(409);
    const detail = (await anonymous.get(`/api/v1/spaces/${spaceId}`)).json();
    expect(detail.bookedTimes).toEqual([
      { startsAt: "2026-12-07T10:00:00.000Z", endsAt: "2026-12-07T12:00:00.000Z" },
    ]);
    expect(JSON.stringify(detail)).not.toContain("anni");
    const mine = (await ben.get("/api/v1/spaces/bookings/mine")).json();
    expect(mine).toEqual([
      expect.objectContaining({ status: "refused", refusalReason: "Päällekkäinen varaus" }),
    ]);
    const audit = await t.db.database.db
      .selectFrom("auditLog")
      .select("action")
      .where("action", "like", "spaces.booking.%")
      .execute();
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      "spaces.booking.confirm",
      "spaces.booking.refuse",
    ]);
  });

  it("confirms exactly one of five overlapping requests confirmed at the same moment", async () => {
    const wednesday = { ...SLOT, startsAt: "2026-12-09T09:00:00Z", endsAt: "2026-12-09T10:00:00Z" };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await (i % 2 === 0 ? anni : ben).post(`/api/v1/spaces/${spaceId}/bookings`, {
        ...wednesday,
        startsAt: `2026-12-09T0${8 + (i % 2)}:${i % 2 === 0 ? "30" : "00"}:00Z`,
      });
      expect(response.statusCode).toBe(201);
      ids.push(response.json().id);
    }
    const decisions = await Promise.all(
      ids.map((id) => staff.post(`/api/v1/spaces/bookings/${id}/decision`, { confirm: true, reason: null })),
    );
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    const confirmed = await t.db.database.db
      .selectFrom("spacesBooking")
      .select("id")
      .where("spaceId", "=", spaceId)
      .where("status", "=", "confirmed")
      .where("startsAt", ">=", "2026-12-09T00:00:00Z")
      .where("startsAt", "<", "2026-12-10T00:00:00Z")
      .execute();
    expect(confirmed).toHaveLength(1);
  });

  it("lets a resident cancel only their own booking, once", async () => {
    const booking = await anni.post(`/api/v1/spaces/${spaceId}/bookings`, {
      ...SLOT,
      startsAt: "2026-12-10T10:00:00Z",
      endsAt: "2026-12-10T11:00:00Z",
    });
    const id = booking.json().id;
    expect((await ben.post(`/api/v1/spaces/bookings/${id}/cancel`)).statusCode).toBe(404);
    const cancelled = await anni.post(`/api/v1/spaces/bookings/${id}/cancel`);
    expect(cancelled.json().status).toBe("cancelled");
    expect((await anni.post(`/api/v1/spaces/bookings/${id}/cancel`)).statusCode).toBe(409);
    expect((await anonymous.post(`/api/v1/spaces/bookings/${id}/cancel`)).statusCode).toBe(401);
  });

  it("gives a person's bookings to their data export and removes them with the account", async () => {
    const holder = spacesModule.personalData?.({
      config: t.config,
      database: t.db.database,
      now: () => NOW,
    } as never);
    const exported = (await holder?.exportPerson(anniId)) as { bookings: unknown[] } | null;
    expect(exported?.bookings.length).toBeGreaterThan(0);
    await holder?.erasePerson(anniId);
    expect(await holder?.exportPerson(anniId)).toBeNull();
    expect((await anni.get("/api/v1/spaces/bookings/mine")).json()).toEqual([]);
  });
});
