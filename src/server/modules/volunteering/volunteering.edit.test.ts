import pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { loadConfig } from "../../config.ts";
import { asModuleDb } from "../../db/db.ts";
import type { MailMessage } from "../../platform/mail.ts";
import { RateLimiter } from "../../platform/rate-limit.ts";
import { type Caller, VolunteeringService } from "./volunteering.service.ts";
import type { VolunteeringTables } from "./volunteering.tables.ts";

// Issue 8, the editing gap: a shift moved onto someone's other shift (the rule: allowed, both sign-ups stand,
// the person is told which shift clashes, the representative sees who), decided race-free against sign-ups; a
// task's facts edited; and hours of people who helped without a volunteer record.

const PROFILE = { interests: [], skills: [], areas: [], languages: [], availability: [] };

describeEachDialect("volunteering: moving shifts, editing tasks, hours without a record", (dialect) => {
  let t: TestDatabase;
  let service: VolunteeringService;
  let now = new Date("2026-11-29T10:00:00Z");
  const sent: MailMessage[] = [];
  const rep: Caller = { personId: "edit-rep", roles: [], accessKey: null };
  const staff: Caller = {
    personId: "edit-staff",
    roles: [{ role: "staff", scope: "hallinto" }],
    accessKey: null,
  };
  let organisationId = "";

  async function task(title: string, themes: ("events" | "sports")[] = ["events"], area = "keskusta") {
    const opportunity = await service.createOpportunity(rep, organisationId, {
      kind: "event",
      title: { fi: title },
      description: { fi: "Kuvaus" },
      themes,
      skills: [],
      area: area as "keskusta",
      place: "Tori",
      contactName: "Yhteys",
      contactEmail: "yhteys@example.fi",
    });
    return opportunity.id;
  }
  async function shift(opportunityId: string, date: string, start: string, end: string, places = 50) {
    const [created] = await service.addShifts(rep, opportunityId, {
      date,
      startTime: start,
      endTime: end,
      places,
    });
    return created?.id as string;
  }
  async function volunteer(personId: string, locale: "fi" | "sv" = "fi"): Promise<Caller> {
    const caller = { personId, roles: [], accessKey: null };
    await service.saveAccountProfile(caller, {
      displayName: `${personId} Sukunimi`,
      profile: PROFILE,
      locale,
    });
    return caller;
  }
  function roster(dashboard: Awaited<ReturnType<VolunteeringService["dashboard"]>>, shiftId: string) {
    for (const o of dashboard.opportunities)
      for (const s of o.shifts) if (s.shift.id === shiftId) return s.roster;
    throw new Error("no such shift");
  }

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    const config = loadConfig({
      NODE_ENV: "test",
      KESKIO_SECRET: "test-secret-that-is-long-enough-0123456789",
      KESKIO_DATABASE_URL: t.databaseConfig.url,
    });
    service = new VolunteeringService({
      db: asModuleDb<VolunteeringTables>(t.database.db),
      config,
      mailer: { send: async (m) => void sent.push(m), close: () => undefined },
      rateLimiter: new RateLimiter(t.database.db, config.secret),
      now: () => now,
      contactOf: async (personId) => ({
        email: `${personId}@example.fi`,
        locale: "fi",
        displayName: personId,
      }),
      warn: () => undefined,
    });
    const org = await service.registerOrganisation(rep, {
      name: "Muokkausseura",
      kind: "association",
      description: { fi: "Testiseura" },
      contactEmail: "seura@example.fi",
    });
    await service.decideOrganisation(staff, org.id, true);
    organisationId = org.id;
  });
  beforeEach(() => {
    sent.length = 0;
  });
  afterAll(() => t.cleanup());

  it("moves a shift onto someone's other shift: allowed, both sign-ups stand, the mail names the clash, the dashboard flags it", async () => {
    const market = await task("Joulutori");
    const race = await task("Hiihtokisa");
    const marketShift = await shift(market, "2026-12-10", "10:00", "12:00");
    const raceShift = await shift(race, "2026-12-10", "12:00", "14:00");
    const [aino, bertta] = [await volunteer("aino", "sv"), await volunteer("bertta")];
    for (const who of [aino, bertta]) await service.signUp(who, raceShift);
    await service.signUp(aino, marketShift);

    // 12–14 → 11–13 overlaps Aino's 10–12 at the market; Bertta has nothing else.
    const moved = await service.updateShift(rep, raceShift, {
      date: "2026-12-10",
      startTime: "11:00",
      endTime: "13:00",
    });
    expect(moved).toMatchObject({
      startsAt: "2026-12-10T09:00:00.000Z",
      confirmed: 2,
      notified: 2,
      promoted: 0,
      clashes: ["aino Sukunimi"],
    });
    const toAino = sent.find((m) => m.to === "aino@example.fi") as MailMessage;
    expect(toAino.subject).toBe("Passet har ändrats: Hiihtokisa – Keskiö");
    expect(toAino.text).toContain("den nya tiden överlappar");
    expect(toAino.text).toContain("Joulutori");
    const toBertta = sent.find((m) => m.to === "bertta@example.fi") as MailMessage;
    expect(toBertta.text).not.toContain("päällekkäin");

    const dashboard = await service.dashboard(rep, organisationId);
    expect(roster(dashboard, raceShift).map((r) => [r.volunteerName, r.clash])).toEqual([
      ["aino Sukunimi", true],
      ["bertta Sukunimi", false],
    ]);
    expect(roster(dashboard, marketShift).map((r) => r.clash)).toEqual([true]);

    // Her own page marks both sign-ups; Bertta's is clear.
    expect((await service.me(aino)).signups.map((s) => s.clash)).toEqual([true, true]);
    expect((await service.me(bertta)).signups.map((s) => s.clash)).toEqual([false]);

    // Aino chooses the race: the clash is gone from both shifts, and she cannot sign up into it again.
    const marketSignup = (await service.me(aino)).signups.find((s) => s.shift.id === marketShift);
    await service.cancelSignup(aino, marketSignup?.id as string);
    const after = await service.dashboard(rep, organisationId);
    expect(roster(after, raceShift).every((r) => !r.clash)).toBe(true);
    await expect(service.signUp(aino, marketShift)).rejects.toMatchObject({ code: "conflict" });
  });

  it("leaves no clash unflagged when people sign up while their shift is moved (races on both dialects)", async () => {
    const moving = await task("Siirtyvä vuoro");
    const fixed = await task("Kiinteä vuoro");
    const movingShift = await shift(moving, "2026-12-15", "10:00", "12:00");
    const fixedShift = await shift(fixed, "2026-12-16", "10:00", "12:00");
    // Ten are on the moving shift and sign up for the fixed one; ten are on the fixed one and sign up for the
    // moving one; meanwhile the moving shift moves onto the fixed one's time.
    const onMoving: Caller[] = [];
    const onFixed: Caller[] = [];
    for (let i = 0; i < 10; i++) {
      const a = await volunteer(`mover-${i}`);
      await service.signUp(a, movingShift);
      onMoving.push(a);
      const b = await volunteer(`fixer-${i}`);
      await service.signUp(b, fixedShift);
      onFixed.push(b);
    }
    const signUps = [
      ...onMoving.map((who) => service.signUp(who, fixedShift)),
      ...onFixed.map((who) => service.signUp(who, movingShift)),
    ];
    const move = service.updateShift(rep, movingShift, {
      date: "2026-12-16",
      startTime: "11:00",
      endTime: "13:00",
    });
    const outcomes = await Promise.allSettled([move, ...signUps]);
    for (const o of outcomes)
      if (o.status === "rejected") expect(o.reason).toMatchObject({ code: "conflict" }); // the overlap refusal
    const moved = await move;

    // Whoever holds both shifts now is exactly whom the move reported, mailed about and the dashboard flags.
    const both: string[] = [];
    for (const who of [...onMoving, ...onFixed]) {
      const shifts = (await service.me(who)).signups.map((s) => s.shift.id);
      if (shifts.includes(movingShift) && shifts.includes(fixedShift)) both.push(`${who.personId} Sukunimi`);
    }
    expect(moved.clashes).toEqual([...both].sort((a, b) => a.localeCompare(b, "fi")));
    const clashMails = sent.filter(
      (m) => m.subject.startsWith("Vuoro muuttui") && m.text.includes("päällekkäin"),
    );
    expect(clashMails).toHaveLength(both.length);
    const flagged = roster(await service.dashboard(rep, organisationId), movingShift)
      .filter((r) => r.clash)
      .map((r) => r.volunteerName)
      .sort((a, b) => a.localeCompare(b, "fi"));
    expect(flagged).toEqual(moved.clashes);
    // Every sign-up either came before the move (and is reported) or was refused after it.
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1 + both.length);
  });

  // The interleaving that a lock must decide, forced on PostgreSQL (SQLite runs one write transaction at a time):
  // a sign-up has checked for overlaps with the old time and is held before its commit (its insert waits on an
  // uncommitted duplicate of another connection) while the shift moves. The move must wait for it and report
  // the clash, or the sign-up must see the new time and be refused; never both sign-ups standing unreported.
  if (dialect === "postgres")
    it("reports the clash of a sign-up that was checked against the old time but commits after the move began", async () => {
      const moving = await shift(await task("Pidätetty siirto"), "2026-12-17", "10:00", "12:00");
      const fixed = await shift(await task("Pidätetty kiinteä"), "2026-12-18", "10:00", "12:00");
      const x = await volunteer("pidatetty");
      await service.signUp(x, moving);
      const xId = (await service.me(x)).id;
      const url = t.databaseConfig.url;
      const outside = new pg.Client({
        connectionString: `${url}${url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.schema}`,
      });
      await outside.connect();
      try {
        await outside.query("begin");
        // Without the foreign keys' row locks, which would hold the sign-up back before its check instead.
        await outside.query("set local session_replication_role = replica");
        await outside.query(
          "insert into volunteering_signup (id, shift_id, volunteer_id, status, queued_at, seq, reminded_at, updated_at) values ($1, $2, $3, 'cancelled', now(), 0, null, now())",
          ["0190dddd-0000-7000-8000-000000000001", fixed, xId],
        );
        const signUp = service.signUp(x, fixed).then(
          (r) => r.status,
          (e: { code?: string }) => e.code,
        );
        const waiting = async () =>
          Number(
            (await outside.query("select count(*) as n from pg_locks where not granted")).rows[0]?.n ?? 0,
          );
        for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 20));
        const move = service.updateShift(rep, moving, {
          date: "2026-12-18",
          startTime: "11:00",
          endTime: "13:00",
        });
        await new Promise((r) => setTimeout(r, 200));
        await outside.query("rollback");
        const [status, moved] = await Promise.all([signUp, move]);
        const holdsBoth = (await service.me(x)).signups.filter((s) => s.status !== "cancelled").length === 2;
        expect(moved.clashes).toEqual(holdsBoth ? ["pidatetty Sukunimi"] : []);
        expect(status).toBe(holdsBoth ? "confirmed" : "conflict");
      } finally {
        await outside.end();
      }
    });

  it("tells how many were mailed when a shift is cancelled, and refuses changes to it afterwards", async () => {
    const id = await task("Peruttava");
    const shiftId = await shift(id, "2026-12-20", "10:00", "12:00", 1);
    const [a, b] = [await volunteer("peru-a"), await volunteer("peru-b")];
    await service.signUp(a, shiftId);
    await service.signUp(b, shiftId); // waitlisted, told as well
    const cancelled = await service.updateShift(rep, shiftId, { cancelled: true });
    expect(cancelled).toMatchObject({ cancelled: true, notified: 2, promoted: 0, clashes: [] });
    expect(sent.map((m) => m.subject)).toEqual([
      "Vuoro peruttu: Peruttava – Keskiö",
      "Vuoro peruttu: Peruttava – Keskiö",
    ]);
    await expect(service.updateShift(rep, shiftId, { places: 3 })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("edits a task's facts; only a new place or area is mailed, and the answer says to how many", async () => {
    const id = await task("Muokattava");
    const shiftId = await shift(id, "2026-12-21", "10:00", "12:00");
    await service.signUp(await volunteer("muokkaus-a"), shiftId);
    const texts = await service.updateOpportunity(rep, id, {
      title: { fi: "Muokattu", sv: "Redigerad", en: "Edited" },
      description: { fi: "Uusi kuvaus", sv: "Ny beskrivning" },
      skills: ["first_aid", "driving"],
      minAge: 18,
      accessibility: { fi: "Esteetön sisäänkäynti" },
      needsRecordExtract: true,
      contactName: "Uusi Yhteys",
      contactEmail: "uusi@example.fi",
    });
    expect(texts).toMatchObject({
      title: { fi: "Muokattu", sv: "Redigerad", en: "Edited" },
      skills: ["first_aid", "driving"],
      minAge: 18,
      accessibility: { fi: "Esteetön sisäänkäynti" },
      needsRecordExtract: true,
      contactName: "Uusi Yhteys",
      contactEmail: "uusi@example.fi",
      notified: 0,
    });
    expect(sent).toHaveLength(0);
    const remote = await service.updateOpportunity(rep, id, {
      area: "remote",
      minAge: null,
      accessibility: null,
    });
    expect(remote).toMatchObject({ area: "remote", minAge: null, accessibility: null, notified: 1 });
    expect(sent.map((m) => m.to)).toEqual(["muokkaus-a@example.fi"]);
    const stranger: Caller = { personId: "someone-else", roles: [], accessKey: null };
    await expect(service.updateOpportunity(stranger, id, { place: "Muualla" })).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("records hours of people without a record: confirmed, counted in totals and open data, never in a certificate", async () => {
    const id = await task("Talkoot", ["events", "sports"], "lusi");
    // Four walk-ins helped 3 h each; one registered volunteer too.
    now = new Date("2026-12-12T10:00:00Z");
    const shiftId = await shift(id, "2026-12-12", "16:00", "19:00");
    const helper = await volunteer("talkoo-a");
    const signup = await service.signUp(helper, shiftId);
    now = new Date("2026-12-12T18:00:00Z");
    const group = await service.recordGroupHours(rep, id, {
      workDate: "2026-12-12",
      people: 4,
      minutesEach: 180,
    });
    expect(group).toMatchObject({ workDate: "2026-12-12", people: 4, minutesEach: 180 });
    await service.logHoursForSignup(rep, signup.id, 120, "");

    expect(await service.confirmedHours(2026)).toBe(14);
    expect(await service.hoursCsv()).toContain("2026-12,lusi,5,14\r\n");
    const themes = await service.hoursByThemeCsv();
    expect(themes).toContain("2026-12,events,5,14\r\n");
    expect(themes).toContain("2026-12,sports,5,14\r\n");
    const certificate = await service.certificate(helper, "fi", "n");
    expect(certificate).toContain('<td class="num">2</td></tr></tfoot>');
    const dashboard = await service.dashboard(rep, organisationId);
    expect(dashboard.opportunities.find((o) => o.opportunity.id === id)?.groupHours).toEqual([group]);

    // Four alone would be suppressed: a month with only a group of four shows empty cells.
    now = new Date("2027-01-05T12:00:00Z");
    await service.recordGroupHours(rep, id, { workDate: "2027-01-04", people: 4, minutesEach: 60 });
    expect(await service.hoursCsv()).toContain("2027-01,lusi,,\r\n");

    await expect(
      service.recordGroupHours(rep, id, { workDate: "2027-01-06", people: 2, minutesEach: 60 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      service.recordGroupHours(rep, id, { workDate: "2026-02-30", people: 2, minutesEach: 60 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      service.recordGroupHours(rep, id, { workDate: "2026-11-01", people: 2, minutesEach: 60 }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(
      service.recordGroupHours({ personId: "nobody", roles: [], accessKey: null }, id, {
        workDate: "2027-01-04",
        people: 2,
        minutesEach: 60,
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const audit = await t.database.db
      .selectFrom("auditLog")
      .select(["action", "details"])
      .where("action", "=", "volunteering.group_hours_recorded")
      .execute();
    expect(audit).toHaveLength(2);

    // A mistaken entry is removed by the representative (not by others), audited, and leaves the figures.
    const january = (await service.dashboard(rep, organisationId)).opportunities.find(
      (o) => o.opportunity.id === id,
    )?.groupHours[0];
    expect(january).toMatchObject({ workDate: "2027-01-04", people: 4 });
    await expect(
      service.removeGroupHours({ personId: "nobody", roles: [], accessKey: null }, january?.id as string),
    ).rejects.toMatchObject({ code: "forbidden" });
    await service.removeGroupHours(rep, january?.id as string);
    expect(await service.hoursCsv()).not.toContain("2027-01");
    await expect(service.removeGroupHours(rep, january?.id as string)).rejects.toMatchObject({
      code: "not_found",
    });
    const removed = await t.database.db
      .selectFrom("auditLog")
      .select("details")
      .where("action", "=", "volunteering.group_hours_removed")
      .execute();
    expect(removed).toHaveLength(1);
  });
});
