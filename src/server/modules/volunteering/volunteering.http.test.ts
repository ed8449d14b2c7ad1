import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp, tokenFromMail } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

const PASSWORD = "volunteering-password-1";
const PROFILE = {
  interests: ["children_youth", "culture"],
  skills: ["reading"],
  areas: ["keskusta"],
  languages: ["fi"],
  availability: ["sat-morning"],
  age: 30,
};

describeEachDialect("volunteering over HTTP", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let now = new Date("2026-11-29T10:00:00Z");
  let rep: TestClient;
  let staff: TestClient;
  let volunteer: TestClient;
  let waiting: TestClient;
  let organisationId = "";
  let opportunityId = "";
  let shiftIds: string[] = [];

  async function signedIn(
    email: string,
    ip: string,
    roles?: { role: "staff" | "resident"; scope?: string }[],
  ) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD, ...(roles ? { roles } : {}) });
    return signIn(email, ip);
  }

  // Sessions expire when the clock jumps ahead; a new sign-in gives a new session.
  async function signIn(email: string, ip: string) {
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, { env: { KESKIO_SMTP_URL: smtp.url }, now: () => now });
    rep = await signedIn("edustaja@example.fi", "192.0.2.20");
    staff = await signedIn("virkailija@example.fi", "192.0.2.21", [{ role: "staff", scope: "hallinto" }]);
    volunteer = await signedIn("vapaaehtoinen@example.fi", "192.0.2.22");
    waiting = await signedIn("jonottaja@example.fi", "192.0.2.23");
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("validates the Y-tunnus check digit and leaves a new organisation waiting for the city's approval", async () => {
    const bad = await rep.post("/api/v1/volunteering/organisations", {
      name: "Kirjaston ystävät ry",
      kind: "association",
      yTunnus: "0112038-8",
      description: { fi: "Lukemista lapsille" },
      contactEmail: "ystavat@example.fi",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(bad.json().detail).toMatch(/Y-tunnus/);
    const created = await rep.post("/api/v1/volunteering/organisations", {
      name: "Kirjaston ystävät ry",
      kind: "association",
      yTunnus: "0112038-9",
      description: { fi: "Lukemista lapsille" },
      contactEmail: "ystavat@example.fi",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: "pending", yTunnus: "0112038-9" });
    organisationId = created.json().id;
    const twice = await rep.post("/api/v1/volunteering/organisations", {
      name: "Toinen",
      kind: "association",
      yTunnus: "0112038-9",
      description: { fi: "x" },
      contactEmail: "toinen@example.fi",
    });
    expect(twice.statusCode).toBe(409);

    const early = await rep.post(`/api/v1/volunteering/organisations/${organisationId}/opportunities`, {
      kind: "ongoing",
      title: { fi: "Lukukaveri" },
      description: { fi: "Lue lapsille" },
      themes: ["children_youth"],
      skills: ["reading"],
      area: "keskusta",
      place: "Kirjasto",
      contactName: "Kirsi",
      contactEmail: "kirsi@example.fi",
    });
    expect(early.statusCode).toBe(409);
    expect(
      (
        await volunteer.post(`/api/v1/volunteering/organisations/${organisationId}/decision`, {
          approve: true,
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await staff.get("/api/v1/volunteering/organisations")).json();
    expect(listed[0]).toMatchObject({ id: organisationId, status: "pending" });
    const approved = await staff.post(`/api/v1/volunteering/organisations/${organisationId}/decision`, {
      approve: true,
    });
    expect(approved.json().status).toBe("approved");
  });

  it("publishes a task with a weekly series of shifts at the same Helsinki time", async () => {
    const created = await rep.post(`/api/v1/volunteering/organisations/${organisationId}/opportunities`, {
      kind: "ongoing",
      title: { fi: "Lukukaveri kirjastoon", en: "Reading buddy at the library" },
      description: { fi: "Lue lapsille satutuokiossa" },
      themes: ["children_youth", "culture"],
      skills: ["reading"],
      area: "keskusta",
      place: "Kaupunginkirjasto, Kauppakatu 12",
      minAge: 18,
      contactName: "Kirsi",
      contactEmail: "kirsi@example.fi",
    });
    expect(created.statusCode).toBe(201);
    opportunityId = created.json().id;
    const other = await volunteer.post(`/api/v1/volunteering/opportunities/${opportunityId}/shifts`, {
      date: "2026-12-05",
      startTime: "10:00",
      endTime: "11:30",
      places: 1,
    });
    expect(other.statusCode).toBe(403);
    const shifts = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/shifts`, {
      date: "2026-12-05",
      startTime: "10:00",
      endTime: "11:30",
      places: 1,
      weeks: 3,
    });
    expect(shifts.statusCode).toBe(201);
    expect(shifts.json().map((s: { startsAt: string }) => s.startsAt)).toEqual([
      "2026-12-05T08:00:00.000Z",
      "2026-12-12T08:00:00.000Z",
      "2026-12-19T08:00:00.000Z",
    ]);
    shiftIds = shifts.json().map((s: { id: string }) => s.id);
    const past = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/shifts`, {
      date: "2026-11-01",
      startTime: "10:00",
      endTime: "11:00",
      places: 1,
    });
    expect(past.statusCode).toBe(400);
  });

  it("answers 'what could I do' with the task first and the reasons", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/volunteering/match", payload: PROFILE });
    // Anonymous writes need the CSRF token too; through the browser-like client it works.
    expect(res.statusCode).toBe(403);
    const matched = await new TestClient(t.app).post("/api/v1/volunteering/match", PROFILE);
    expect(matched.statusCode).toBe(200);
    const [first] = matched.json();
    expect(first.opportunity.id).toBe(opportunityId);
    expect(first.reasons.map((r: { code: string }) => r.code)).toEqual([
      "interest",
      "interest",
      "skill",
      "area",
      "time",
      "min_age",
    ]);
    const bad = await new TestClient(t.app).post("/api/v1/volunteering/match", {
      ...PROFILE,
      interests: ["golf"],
    });
    expect(bad.statusCode).toBe(400);
  });

  it("signs up, waitlists, gives an .ics, and promotes the waitlist with an e-mail when someone cancels", async () => {
    expect((await volunteer.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`)).statusCode).toBe(404);
    for (const [client, name] of [
      [volunteer, "Ville Vapaaehtoinen"],
      [waiting, "Jonna Jonottaja"],
    ] as const) {
      const saved = await client.post("/api/v1/volunteering/me", { displayName: name, profile: PROFILE });
      expect(saved.statusCode).toBe(200);
    }
    const first = await volunteer.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "confirmed", position: null });
    const again = await volunteer.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`);
    expect(again.statusCode).toBe(409);
    const second = await waiting.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`);
    expect(second.json()).toMatchObject({ status: "waitlisted", position: 1 });

    const ics = await volunteer.get(`/api/v1/volunteering/signups/${first.json().id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(ics.body).toContain("DTSTART:20261205T080000Z");
    expect(
      (await waiting.get(`/api/v1/volunteering/signups/${first.json().id}/calendar.ics`)).statusCode,
    ).toBe(404);

    const me = (await volunteer.get("/api/v1/volunteering/me")).json();
    const feed = await t.app.inject(me.calendarFeedPath);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain("Lukukaveri kirjastoon");

    const cancelled = await volunteer.delete(`/api/v1/volunteering/signups/${first.json().id}`);
    expect(cancelled.json()).toEqual({ promoted: 1 });
    const mail = await smtp.nextTo("jonottaja@example.fi");
    expect(mail.subject).toContain("Lukukaveri kirjastoon");
    expect(mail.text).toMatch(/vahvistettu/);
    expect((await waiting.get("/api/v1/volunteering/me")).json().signups[0].status).toBe("confirmed");
  });

  it("lets the volunteer log hours, the representative confirm them, and prints a certificate", async () => {
    now = new Date("2026-12-05T12:00:00Z");
    rep = await signIn("edustaja@example.fi", "192.0.2.20");
    volunteer = await signIn("vapaaehtoinen@example.fi", "192.0.2.22");
    waiting = await signIn("jonottaja@example.fi", "192.0.2.23");
    const logged = await waiting.post("/api/v1/volunteering/hours", {
      opportunityId,
      shiftId: shiftIds[0],
      workDate: "2026-12-05",
      minutes: 90,
      note: "Satutuokio",
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().status).toBe("logged");
    const future = await waiting.post("/api/v1/volunteering/hours", {
      opportunityId,
      workDate: "2026-12-24",
      minutes: 60,
    });
    expect(future.statusCode).toBe(400);
    const notMine = await volunteer.post("/api/v1/volunteering/hours", {
      opportunityId,
      shiftId: shiftIds[0],
      workDate: "2026-12-05",
      minutes: 90,
    });
    // Their own sign-up there was cancelled: not confirmed, so refused as such.
    expect(notMine.statusCode).toBe(409);

    const dashboard = (
      await rep.get(`/api/v1/volunteering/organisations/${organisationId}/dashboard`)
    ).json();
    expect(dashboard.hoursToConfirm).toHaveLength(1);
    expect(dashboard.opportunities[0].shifts[0].roster).toEqual([
      expect.objectContaining({ volunteerName: "Jonna Jonottaja", status: "confirmed" }),
    ]);
    expect(
      (await volunteer.get(`/api/v1/volunteering/organisations/${organisationId}/dashboard`)).statusCode,
    ).toBe(403);
    const confirmed = await rep.post(`/api/v1/volunteering/hours/${logged.json().id}/decision`, {
      confirm: true,
    });
    expect(confirmed.json().status).toBe("confirmed");
    expect(
      (await rep.post(`/api/v1/volunteering/hours/${logged.json().id}/decision`, { confirm: false }))
        .statusCode,
    ).toBe(409);

    const certificate = await waiting.get("/api/v1/volunteering/me/certificate.html?lang=fi");
    expect(certificate.statusCode).toBe(200);
    expect(certificate.body).toContain("Jonna Jonottaja");
    expect(certificate.body).toContain("Todistus vapaaehtoistyöstä");
    expect(certificate.body).toMatch(/<td class="num">1,5<\/td>/);
    expect(certificate.headers["content-security-policy"]).toMatch(/default-src 'none'/);
  });

  it("publishes open data with small counts suppressed", async () => {
    const hours = await t.app.inject("/api/v1/volunteering/open-data/hours.csv");
    expect(hours.statusCode).toBe(200);
    // One volunteer's 1.5 hours in December: suppressed, not published.
    expect(hours.body).toBe("month,area,volunteers,hours\r\n2026-12,keskusta,,\r\n");
    const opportunities = await t.app.inject("/api/v1/volunteering/open-data/opportunities.csv");
    expect(opportunities.body).toBe("month,area,opportunities,shifts\r\n2026-12,keskusta,,\r\n");
    expect(hours.body).not.toContain("Jonna");
  });

  it("creates a light profile confirmed by e-mail, without an account, and erases it on request", async () => {
    const anonymous = new TestClient(t.app, "192.0.2.40");
    const started = await anonymous.post("/api/v1/volunteering/light-profiles", {
      email: "kevyt@example.fi",
      displayName: "Kaisa Kevyt",
      profile: PROFILE,
    });
    expect(started.statusCode).toBe(202);
    expect((await anonymous.get("/api/v1/volunteering/me")).statusCode).toBe(404);
    const token = tokenFromMail(await smtp.nextTo("kevyt@example.fi"));
    const confirmed = await anonymous.post("/api/v1/volunteering/light-profiles/confirm", { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ displayName: "Kaisa Kevyt", hasAccount: false });
    expect(anonymous.cookies.has("keskio_volunteer")).toBe(true);
    expect((await anonymous.post("/api/v1/volunteering/light-profiles/confirm", { token })).statusCode).toBe(
      404,
    );
    const signup = await anonymous.post(`/api/v1/volunteering/shifts/${shiftIds[1]}/signups`);
    expect(signup.json().status).toBe("confirmed");
    const exported = (await anonymous.get("/api/v1/volunteering/me/export")).json();
    expect(exported.volunteer.email).toBe("kevyt@example.fi");
    expect(exported.signups).toHaveLength(1);
    expect((await anonymous.delete("/api/v1/volunteering/me")).json()).toEqual({ status: "ok" });
    expect((await anonymous.get("/api/v1/volunteering/me")).statusCode).toBe(404);
    const shift = (await t.app.inject(`/api/v1/volunteering/opportunities/${opportunityId}`))
      .json()
      .shifts.find((s: { id: string }) => s.id === shiftIds[1]);
    expect(shift.confirmed).toBe(0);
  });

  it("mails everyone signed up when the representative cancels a shift", async () => {
    const signup = await volunteer.post(`/api/v1/volunteering/shifts/${shiftIds[2]}/signups`);
    expect(signup.json().status).toBe("confirmed");
    const cancelled = await rep.patch(`/api/v1/volunteering/shifts/${shiftIds[2]}`, { cancelled: true });
    expect(cancelled.json().cancelled).toBe(true);
    const mail = await smtp.nextTo("vapaaehtoinen@example.fi");
    expect(mail.subject).toMatch(/^Vuoro peruttu/);
  });

  it("reaches the volunteer data from the account's data export and erases it with the account", async () => {
    const leaving = await signedIn("lahtija@example.fi", "192.0.2.24");
    expect(
      (await leaving.post("/api/v1/volunteering/me", { displayName: "Liisa Lähtijä", profile: PROFILE }))
        .statusCode,
    ).toBe(200);
    const exported = (await leaving.get("/api/v1/me/data")).json();
    expect(exported.identity.account.email).toBe("lahtija@example.fi");
    expect(exported.volunteering.volunteer.displayName).toBe("Liisa Lähtijä");

    expect((await leaving.delete("/api/v1/me", { confirm: "DELETE" })).statusCode).toBe(204);
    const rows = await t.db.database.db
      .selectFrom("volunteeringVolunteer")
      .select(["personId", "displayName", "email"])
      .where("displayName", "=", "Liisa Lähtijä")
      .execute();
    expect(rows).toEqual([]);
  });
});
