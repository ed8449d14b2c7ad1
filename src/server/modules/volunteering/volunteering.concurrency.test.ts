import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { loadConfig } from "../../config.ts";
import { asModuleDb } from "../../db/db.ts";
import type { MailMessage } from "../../platform/mail.ts";
import { RateLimiter } from "../../platform/rate-limit.ts";
import { type Caller, VolunteeringService } from "./volunteering.service.ts";
import type { VolunteeringTables } from "./volunteering.tables.ts";

const NOW = new Date("2026-11-29T10:00:00Z");
const PROFILE = { interests: [], skills: [], areas: [], languages: [], availability: [] };

describeEachDialect("volunteering sign-ups under concurrency", (dialect) => {
  let t: TestDatabase;
  let service: VolunteeringService;
  const sent: MailMessage[] = [];
  const rep: Caller = { personId: "rep-person", roles: [], accessKey: null };
  const staff: Caller = {
    personId: "staff-person",
    roles: [{ role: "staff", scope: "hallinto" }],
    accessKey: null,
  };
  const people = (n: number, prefix: string): Caller[] =>
    Array.from({ length: n }, (_, i) => ({ personId: `${prefix}-${i}`, roles: [], accessKey: null }));

  async function shiftWith(places: number, date = "2026-12-10", startTime = "10:00", endTime = "12:00") {
    const org = await service.registerOrganisation(rep, {
      name: `Seura ${Math.random()}`,
      kind: "association",
      description: { fi: "Testiseura" },
      contactEmail: "seura@example.fi",
    });
    await service.decideOrganisation(staff, org.id, true);
    const opportunity = await service.createOpportunity(rep, org.id, {
      kind: "event",
      title: { fi: "Tapahtuma" },
      description: { fi: "Kuvaus" },
      themes: ["events"],
      skills: [],
      area: "keskusta",
      place: "Tori",
      contactName: "Yhteys",
      contactEmail: "yhteys@example.fi",
    });
    const [shift] = await service.addShifts(rep, opportunity.id, { date, startTime, endTime, places });
    return shift?.id as string;
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
      now: () => NOW,
      contactOf: async (personId) => ({
        email: `${personId}@example.fi`,
        locale: "fi",
        displayName: personId,
      }),
      warn: () => undefined,
    });
  });
  afterAll(() => t.cleanup());

  it("confirms exactly 10 of 50 parallel sign-ups for a 10-place shift and waitlists 40 in arrival order", async () => {
    const shiftId = await shiftWith(10);
    const volunteers = people(50, "racer");
    for (const v of volunteers)
      await service.saveAccountProfile(v, {
        displayName: v.personId as string,
        profile: PROFILE,
        locale: "fi",
      });
    const results = await Promise.all(volunteers.map((v) => service.signUp(v, shiftId)));
    const confirmed = results.filter((r) => r.status === "confirmed");
    const waitlisted = results.filter((r) => r.status === "waitlisted");
    expect(confirmed).toHaveLength(10);
    expect(waitlisted).toHaveLength(40);
    expect(waitlisted.map((w) => w.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const dashboardShift = (await service.getOpportunity(confirmed[0]?.opportunityId as string)).shifts[0];
    expect(dashboardShift).toMatchObject({ places: 10, confirmed: 10, waitlisted: 40 });
  });

  it("lets two people race for the last place: one gets it, one is waitlisted; a cancellation promotes and mails the first", async () => {
    const shiftId = await shiftWith(1);
    const [a, b] = people(2, "last");
    for (const v of [a, b] as Caller[])
      await service.saveAccountProfile(v, {
        displayName: v.personId as string,
        profile: PROFILE,
        locale: "fi",
      });
    const [ra, rb] = await Promise.all([
      service.signUp(a as Caller, shiftId),
      service.signUp(b as Caller, shiftId),
    ]);
    expect([ra?.status, rb?.status].sort()).toEqual(["confirmed", "waitlisted"]);
    const winner = ra?.status === "confirmed" ? { caller: a, signup: ra } : { caller: b, signup: rb };
    const loser = ra?.status === "confirmed" ? b : a;
    sent.length = 0;
    expect(await service.cancelSignup(winner.caller as Caller, winner.signup?.id as string)).toEqual({
      promoted: 1,
    });
    const promoted = (await service.me(loser as Caller)).signups[0];
    expect(promoted?.status).toBe("confirmed");
    expect(sent.map((m) => m.to)).toEqual([`${loser?.personId}@example.fi`]);
    expect(sent[0]?.subject).toMatch(/^Pääsit mukaan/);
  });

  it("refuses one person two overlapping shifts, even when both sign-ups race", async () => {
    const first = await shiftWith(5, "2026-12-12", "10:00", "12:00");
    const second = await shiftWith(5, "2026-12-12", "11:00", "13:00");
    const [person] = people(1, "double");
    await service.saveAccountProfile(person as Caller, {
      displayName: "Tuplaaja",
      profile: PROFILE,
      locale: "fi",
    });
    const outcomes = await Promise.allSettled([
      service.signUp(person as Caller, first),
      service.signUp(person as Caller, second),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failure = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: "conflict" });
    // Adjacent shifts (one ends as the other starts) do not overlap.
    const after = await shiftWith(5, "2026-12-12", "13:00", "14:00");
    await expect(service.signUp(person as Caller, after)).resolves.toBeDefined();
  });

  it("reminds each confirmed volunteer once before the shift, not the waitlist, and not a later shift", async () => {
    const soon = await shiftWith(1, "2026-11-30", "09:00", "11:00");
    const later = await shiftWith(1, "2026-12-20", "09:00", "11:00");
    const [first, second] = people(2, "remind");
    for (const v of [first, second] as Caller[])
      await service.saveAccountProfile(v, {
        displayName: v.personId as string,
        profile: PROFILE,
        locale: "fi",
      });
    await service.signUp(first as Caller, soon);
    await service.signUp(second as Caller, soon);
    await service.signUp(second as Caller, later);
    sent.length = 0;
    expect(await service.remind(48, true)).toEqual({ due: 1, sent: 0 });
    expect(sent).toHaveLength(0);
    expect(await service.remind(48)).toEqual({ due: 1, sent: 1 });
    expect(sent.map((m) => m.to)).toEqual([`${first?.personId}@example.fi`]);
    expect(sent[0]?.subject).toMatch(/^Muistutus/);
    expect(sent[0]?.text).toContain("Tori");
    expect(await service.remind(48)).toEqual({ due: 0, sent: 0 });
  });
});
