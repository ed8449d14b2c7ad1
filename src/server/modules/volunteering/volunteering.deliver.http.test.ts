import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp, tokenFromMail } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

// Issue 8's remaining Deliver items: suggested volunteers and invitations (§4), hours by theme in open data
// (§7), hours hygiene, and editing tasks and shifts.

const PASSWORD = "volunteering-deliver-1";
const READER = {
  interests: ["culture", "children_youth"],
  skills: ["reading"],
  areas: ["keskusta"],
  languages: ["sv"],
  availability: ["sat-morning"],
  age: 67,
};

describeEachDialect("volunteering: suggestions, invitations, hours hygiene and editing", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let now = new Date("2026-11-29T10:00:00Z");
  let rep: TestClient;
  let organisationId = "";
  let opportunityId = "";
  let shiftIds: string[] = [];
  const volunteers: Record<string, TestClient> = {};

  async function person(email: string, ip: string) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD });
    return signIn(email, ip);
  }
  async function signIn(email: string, ip: string) {
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  }
  async function volunteer(key: string, name: string, profile: object, locale = "fi") {
    const client = await person(`${key}@example.fi`, `192.0.2.${60 + Object.keys(volunteers).length}`);
    const saved = await client.post("/api/v1/volunteering/me", { displayName: name, profile, locale });
    expect(saved.statusCode).toBe(200);
    volunteers[key] = client;
    return client;
  }
  async function task(title: string, extra: object = {}) {
    const created = await rep.post(`/api/v1/volunteering/organisations/${organisationId}/opportunities`, {
      kind: "event",
      title: { fi: title },
      description: { fi: "Kuvaus" },
      themes: ["culture", "children_youth"],
      skills: ["reading"],
      area: "keskusta",
      place: "Kaupunginkirjasto",
      contactName: "Kirsi",
      contactEmail: "kirsi@example.fi",
      ...extra,
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  }
  const allow = (client: TestClient, value: boolean) =>
    client.request({ method: "PUT", url: "/api/v1/volunteering/me/suggestions", payload: { allow: value } });

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, { env: { KESKIO_SMTP_URL: smtp.url }, now: () => now });
    rep = await person("edustaja2@example.fi", "192.0.2.50");
    const staff = await buildPerson(t.db.database.db, {
      email: "staff2@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff", scope: "hallinto" }],
    });
    const created = await rep.post("/api/v1/volunteering/organisations", {
      name: "Lukulähettiläät ry",
      kind: "association",
      description: { fi: "Lukemista" },
      contactEmail: "luku@example.fi",
    });
    organisationId = created.json().id;
    const staffClient = await signIn(staff.email, "192.0.2.51");
    await staffClient.post(`/api/v1/volunteering/organisations/${organisationId}/decision`, {
      approve: true,
    });
    opportunityId = await task("Satutunti");
    const shifts = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/shifts`, {
      date: "2026-12-05",
      startTime: "10:00",
      endTime: "12:00",
      places: 2,
      weeks: 2,
    });
    shiftIds = shifts.json().map((s: { id: string }) => s.id);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("suggests only volunteers who allowed it, ranked with reasons, and shows no contact details or age", async () => {
    const raili = await volunteer("raili", "Raili Rantanen", READER, "sv");
    await volunteer("kalle", "Kalle Kulttuuri", { ...READER, skills: [], availability: [], age: 40 });
    await volunteer("olli", "Olli Ohikulkija", { ...READER, interests: ["sports"], skills: [] });
    const empty = await rep.get(`/api/v1/volunteering/opportunities/${opportunityId}/suggestions`);
    expect(empty.statusCode).toBe(200);
    // Nobody has said yes yet: consent is off by default.
    expect(empty.json()).toEqual([]);
    expect((await raili.get("/api/v1/volunteering/me")).json().allowSuggestions).toBe(false);

    for (const key of ["raili", "kalle", "olli"])
      expect((await allow(volunteers[key] as TestClient, true)).json().allowSuggestions).toBe(true);
    const suggested = await rep.get(`/api/v1/volunteering/opportunities/${opportunityId}/suggestions`);
    const list = suggested.json();
    expect(list.map((s: { name: string; score: number }) => [s.name, s.score])).toEqual([
      ["Raili", 3 + 3 + 2 + 2 + 2],
      ["Kalle", 3 + 3 + 2],
    ]);
    expect(list[0].reasons).toEqual([
      { code: "interest", value: "culture" },
      { code: "interest", value: "children_youth" },
      { code: "skill", value: "reading" },
      { code: "area", value: "keskusta" },
      { code: "time", count: 2 },
    ]);
    // No e-mail, surname or age (Raili is 67); the random ids are left out, since one may contain "67".
    const withoutIds = JSON.stringify(
      list.map(({ volunteerId: _, ...rest }: { volunteerId: string }) => rest),
    );
    expect(withoutIds).not.toMatch(/@example\.fi|Rantanen|"age"|67/);
    expect(Object.keys(list[0]).sort()).toEqual(["invited", "name", "reasons", "score", "volunteerId"]);
    // Someone else's task is not theirs to look at.
    expect(
      (
        await (volunteers.kalle as TestClient).get(
          `/api/v1/volunteering/opportunities/${opportunityId}/suggestions`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("invites once by e-mail in the volunteer's language, records it, and shows it on the volunteer's page", async () => {
    const raili = volunteers.raili as TestClient;
    const [first] = (await rep.get(`/api/v1/volunteering/opportunities/${opportunityId}/suggestions`)).json();
    const invited = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/invitations`, {
      volunteerId: first.volunteerId,
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().invited).toBe(true);
    const mail = await smtp.nextTo("raili@example.fi");
    expect(mail.language).toBe("sv");
    expect(mail.subject).toBe("Inbjudan till ett volontäruppdrag: Satutunti – Keskiö");
    expect(mail.text).toContain(`/volunteering/opportunities/${opportunityId}`);
    expect(mail.text).toContain("Lukulähettiläät ry");
    expect(mail.text).toMatch(/\/volunteering\/suggestions-off\?token=/);

    const again = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/invitations`, {
      volunteerId: first.volunteerId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers["content-type"]).toMatch(/application\/problem\+json/);
    const listed = (await rep.get(`/api/v1/volunteering/opportunities/${opportunityId}/suggestions`)).json();
    expect(listed[0]).toMatchObject({ name: "Raili", invited: true });

    const me = (await raili.get("/api/v1/volunteering/me")).json();
    expect(me.invitations).toEqual([
      expect.objectContaining({
        opportunityId,
        organisationName: "Lukulähettiläät ry",
        opportunityTitle: { fi: "Satutunti" },
      }),
    ]);
    const audit = await t.db.database.db
      .selectFrom("auditLog")
      .select(["action", "actorId", "details"])
      .where("action", "=", "volunteering.volunteer_invited")
      .execute();
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.details)).not.toContain("raili");

    // Not suggested (no shared interest or skill) → cannot be invited.
    const olli = (await (volunteers.olli as TestClient).get("/api/v1/volunteering/me")).json();
    const notSuggested = await rep.post(`/api/v1/volunteering/opportunities/${opportunityId}/invitations`, {
      volunteerId: olli.id,
    });
    expect(notSuggested.statusCode).toBe(404);
  });

  it("limits invitations to one volunteer to three a week", async () => {
    const kalleId = (await (volunteers.kalle as TestClient).get("/api/v1/volunteering/me")).json().id;
    const codes: number[] = [];
    for (const title of ["Runopiiri", "Lukupiiri", "Kirjavinkit", "Tarinatuokio"]) {
      const id = await task(title);
      codes.push(
        (await rep.post(`/api/v1/volunteering/opportunities/${id}/invitations`, { volunteerId: kalleId }))
          .statusCode,
      );
    }
    expect(codes).toEqual([201, 201, 201, 429]);
    for (let i = 0; i < 3; i++) await smtp.nextTo("kalle@example.fi");
  });

  it("turns suggestions off from the mailed link, so the volunteer is no longer suggested", async () => {
    const id = await task("Lukuhetki");
    const [first] = (await rep.get(`/api/v1/volunteering/opportunities/${id}/suggestions`)).json();
    expect(first.name).toBe("Raili");
    await rep.post(`/api/v1/volunteering/opportunities/${id}/invitations`, {
      volunteerId: first.volunteerId,
    });
    const token = tokenFromMail(await smtp.nextTo("raili@example.fi"));
    const anonymous = new TestClient(t.app, "192.0.2.70");
    const bad = await anonymous.post("/api/v1/volunteering/suggestions/opt-out", { token: "x".repeat(30) });
    expect(bad.statusCode).toBe(404);
    expect((await anonymous.post("/api/v1/volunteering/suggestions/opt-out", { token })).statusCode).toBe(
      200,
    );
    expect(
      (await (volunteers.raili as TestClient).get("/api/v1/volunteering/me")).json().allowSuggestions,
    ).toBe(false);
    const names = (await rep.get(`/api/v1/volunteering/opportunities/${id}/suggestions`))
      .json()
      .map((s: { name: string }) => s.name);
    expect(names).not.toContain("Raili");
    // From their own page it can be turned back on.
    expect((await allow(volunteers.raili as TestClient, true)).json().allowSuggestions).toBe(true);
  });

  it("refuses fewer places than confirmed sign-ups, and mails a new time to everyone signed up", async () => {
    const [a, b] = [volunteers.raili as TestClient, volunteers.kalle as TestClient];
    expect((await a.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`)).json().status).toBe(
      "confirmed",
    );
    expect((await b.post(`/api/v1/volunteering/shifts/${shiftIds[0]}/signups`)).json().status).toBe(
      "confirmed",
    );
    const fewer = await rep.patch(`/api/v1/volunteering/shifts/${shiftIds[0]}`, { places: 1 });
    expect(fewer.statusCode).toBe(409);
    expect(fewer.json().detail).toMatch(/vahvistettujen/);
    const moved = await rep.patch(`/api/v1/volunteering/shifts/${shiftIds[0]}`, {
      date: "2026-12-06",
      startTime: "13:00",
      endTime: "15:00",
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: "2026-12-06T11:00:00.000Z", places: 2, confirmed: 2 });
    const sv = await smtp.nextTo("raili@example.fi");
    expect(sv.subject).toBe("Passet har ändrats: Satutunti – Keskiö");
    expect(sv.text).toMatch(/6\.12\.2026/);
    expect((await smtp.nextTo("kalle@example.fi")).subject).toBe("Vuoro muuttui: Satutunti – Keskiö");
    const partial = await rep.patch(`/api/v1/volunteering/shifts/${shiftIds[0]}`, { date: "2026-12-07" });
    expect(partial.statusCode).toBe(400);
    const past = await rep.patch(`/api/v1/volunteering/shifts/${shiftIds[0]}`, {
      date: "2026-11-01",
      startTime: "10:00",
      endTime: "11:00",
    });
    expect(past.statusCode).toBe(400);
    const byVolunteer = await a.patch(`/api/v1/volunteering/shifts/${shiftIds[0]}`, { places: 5 });
    expect(byVolunteer.statusCode).toBe(403);
  });

  it("edits a task's texts and place, and tells those signed up about the new place", async () => {
    const edited = await rep.patch(`/api/v1/volunteering/opportunities/${opportunityId}`, {
      title: { fi: "Satutunti lapsille", sv: "Sagostund för barn" },
      place: "Kirjaston satuhuone",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      place: "Kirjaston satuhuone",
      title: { sv: "Sagostund för barn" },
    });
    const mail = await smtp.nextTo("raili@example.fi");
    expect(mail.subject).toBe("Passet har ändrats: Sagostund för barn – Keskiö");
    expect(mail.text).toContain("Kirjaston satuhuone");
    await smtp.nextTo("kalle@example.fi");
    const stranger = await (volunteers.olli as TestClient).patch(
      `/api/v1/volunteering/opportunities/${opportunityId}`,
      { place: "Muualla" },
    );
    expect(stranger.statusCode).toBe(403);
  });

  it("refuses hours before the shift or for an unconfirmed sign-up; the representative records hours, audited", async () => {
    const olli = volunteers.olli as TestClient;
    // The 12 December shift has two places: Raili and Kalle take them, Olli waits.
    const a = await (volunteers.raili as TestClient).post(
      `/api/v1/volunteering/shifts/${shiftIds[1]}/signups`,
    );
    await (volunteers.kalle as TestClient).post(`/api/v1/volunteering/shifts/${shiftIds[1]}/signups`);
    const waiting = await olli.post(`/api/v1/volunteering/shifts/${shiftIds[1]}/signups`);
    expect(waiting.json().status).toBe("waitlisted");

    now = new Date("2026-12-12T12:00:00Z");
    rep = await signIn("edustaja2@example.fi", "192.0.2.50");
    const raili = await signIn("raili@example.fi", "192.0.2.60");
    const olliNow = await signIn("olli@example.fi", "192.0.2.62");
    const before = await raili.post("/api/v1/volunteering/hours", {
      opportunityId,
      shiftId: shiftIds[1],
      workDate: "2026-12-11",
      minutes: 60,
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().detail).toMatch(/ennen vuoron alkua/);
    const unconfirmed = await olliNow.post("/api/v1/volunteering/hours", {
      opportunityId,
      shiftId: shiftIds[1],
      workDate: "2026-12-12",
      minutes: 60,
    });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.headers["content-type"]).toMatch(/application\/problem\+json/);
    const ok = await raili.post("/api/v1/volunteering/hours", {
      opportunityId,
      shiftId: shiftIds[1],
      workDate: "2026-12-12",
      minutes: 60,
    });
    expect(ok.statusCode).toBe(201);

    const dashboard = (
      await rep.get(`/api/v1/volunteering/organisations/${organisationId}/dashboard`)
    ).json();
    const roster = dashboard.opportunities
      .find((o: { opportunity: { id: string } }) => o.opportunity.id === opportunityId)
      .shifts.find((s: { shift: { id: string } }) => s.shift.id === shiftIds[1]).roster;
    const kalleSignup = roster.find((r: { volunteerName: string }) => r.volunteerName === "Kalle Kulttuuri");
    const olliSignup = roster.find((r: { volunteerName: string }) => r.volunteerName === "Olli Ohikulkija");
    const recorded = await rep.post(`/api/v1/volunteering/signups/${kalleSignup.signupId}/hours`, {
      minutes: 120,
      note: "Unohti kirjata",
    });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ status: "confirmed", workDate: "2026-12-12", minutes: 120 });
    const waitlisted = await rep.post(`/api/v1/volunteering/signups/${olliSignup.signupId}/hours`, {
      minutes: 60,
    });
    expect(waitlisted.statusCode).toBe(409);
    const forRaili = await rep.post(`/api/v1/volunteering/signups/${a.json().id}/hours`, { minutes: 60 });
    expect(forRaili.statusCode).toBe(201); // her own log still waits for a decision
    const audit = await t.db.database.db
      .selectFrom("auditLog")
      .select(["targetId"])
      .where("action", "=", "volunteering.hours_recorded")
      .execute();
    expect(audit.map((r) => r.targetId).sort()).toEqual([recorded.json().id, forRaili.json().id].sort());
  });

  it("publishes hours by month and theme with cells under five volunteers suppressed", async () => {
    const csv = await t.app.inject("/api/v1/volunteering/open-data/hours-by-theme.csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers.link).toMatch(/creativecommons/);
    // Two volunteers' hours in December under two themes: both suppressed, hours too.
    expect(csv.body).toBe(
      "month,theme,volunteers,hours\r\n2026-12,children_youth,,\r\n2026-12,culture,,\r\n",
    );
  });

  it("publishes a theme's figures once five volunteers have confirmed hours in it", async () => {
    const db = t.db.database.db;
    const at = now.toISOString();
    for (let i = 0; i < 4; i++) {
      const id = `0190aaaa-0000-7000-8000-00000000000${i}`;
      await db
        .insertInto("volunteeringVolunteer")
        .values({
          id,
          personId: null,
          email: null,
          emailConfirmedAt: null,
          displayName: "",
          locale: "fi",
          profile: "{}",
          accessTokenHash: null,
          confirmTokenHash: null,
          calendarToken: `cal-${i}-${"x".repeat(24)}`,
          suggestionsAllowedAt: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await db
        .insertInto("volunteeringHours")
        .values({
          id: `0190bbbb-0000-7000-8000-00000000000${i}`,
          volunteerId: id,
          opportunityId,
          shiftId: null,
          workDate: "2026-12-12",
          minutes: 60,
          note: "",
          status: "confirmed",
          loggedBy: "representative",
          decidedBy: null,
          decidedAt: at,
          createdAt: at,
        })
        .execute();
    }
    const csv = (await t.app.inject("/api/v1/volunteering/open-data/hours-by-theme.csv")).body;
    // Raili's 60 + Kalle's 120 + four × 60 confirmed minutes = 7 hours, six volunteers (Raili's own log waits).
    expect(csv).toBe("month,theme,volunteers,hours\r\n2026-12,children_youth,6,7\r\n2026-12,culture,6,7\r\n");
  });

  it("records and removes hours of helpers without a record over HTTP, with localized problems for bad input", async () => {
    const url = `/api/v1/volunteering/opportunities/${opportunityId}/group-hours`;
    const none = await rep.post(url, { workDate: "2026-12-12", people: 0, minutesEach: 60 });
    expect(none.statusCode).toBe(400);
    expect(none.headers["content-type"]).toMatch(/application\/problem\+json/);
    const future = await rep.post(url, { workDate: "2026-12-13", people: 3, minutesEach: 60 });
    expect(future.statusCode).toBe(400);
    expect(future.json().detail).toMatch(/tulevaisuuteen/);
    const olli = await signIn("olli@example.fi", "192.0.2.62");
    const byVolunteer = await olli.post(url, {
      workDate: "2026-12-12",
      people: 3,
      minutesEach: 60,
    });
    expect(byVolunteer.statusCode).toBe(403);
    const created = await rep.post(url, { workDate: "2026-12-12", people: 3, minutesEach: 90 });
    expect(created.statusCode).toBe(201);
    expect(Object.keys(created.json()).sort()).toEqual([
      "createdAt",
      "id",
      "minutesEach",
      "opportunityId",
      "people",
      "workDate",
    ]);
    const removed = await rep.request({
      method: "DELETE",
      url: `/api/v1/volunteering/group-hours/${created.json().id}`,
    });
    expect(removed.statusCode).toBe(200);
  });
});
