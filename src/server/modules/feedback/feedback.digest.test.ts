import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { createMailer, type Mailer } from "../../platform/mail.ts";
import { roleContactsOf } from "../identity/index.ts";
import { runDigest } from "./feedback.digest.ts";
import type { FeedbackTables } from "./feedback.tables.ts";
import { feedbackModule } from "./index.ts";

const UNIT = "kaupunkiymparisto";
// Monday 2026-11-23 10:00 Helsinki; the park promise is 16 working hours, due Wednesday 10:00 Helsinki.
const START = new Date("2026-11-23T08:00:00Z");

describeEachDialect("feedback escalation and handler digest", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let anon: TestClient;
  let late: { id: string; reference: string };

  const digest = (now: string, options: { dryRun?: boolean; force?: boolean } = {}) =>
    runDigest(
      {
        db: asModuleDb<FeedbackTables>(t.db.database.db),
        mailer,
        publicUrl: "https://palaute.example.fi/",
        now: new Date(now),
        contactsOf: (roles, scopes) => roleContactsOf(t.db.database, roles, scopes),
      },
      options,
    );
  const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startTestSmtp();
    mailer = createMailer({ smtpUrl: smtp.url, from: "keskio@example.fi", outboxDir: "" });
    t = await buildTestApp(dialect, { now: () => START });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: START });
    const db = t.db.database.db;
    const handler = await buildPerson(db, {
      email: "kasittelija@example.fi",
      roles: [{ role: "staff", scope: UNIT }],
    });
    await db
      .updateTable("identity_person")
      .set({ preferred_locale: "sv" })
      .where("id", "=", handler.id)
      .execute();
    await buildPerson(db, { email: "paallikko@example.fi", roles: [{ role: "admin", scope: UNIT }] });
    await buildPerson(db, { email: "yllapito@example.fi", roles: [{ role: "admin", scope: "" }] });
    await buildPerson(db, { email: "muu@example.fi", roles: [{ role: "staff", scope: "sivistys" }] });
    anon = new TestClient(t.app, "192.0.2.95");
    const report = async () => {
      const res = await anon.post("/api/v1/feedback/requests", {
        serviceCode: "puistot",
        description: "Kaatunut puu polulla.",
        location: null,
        publishConsent: false,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; reference: string };
    };
    late = await report();
    const answered = await report();
    await db
      .updateTable("feedback_request")
      .set({ first_response_at: "2026-11-23T09:00:00.000Z" })
      .where("id", "=", answered.id)
      .execute();
  });
  afterAll(async () => {
    mailer.close();
    await t.close();
    await smtp.close();
  });

  it("sends nothing while every promise holds", async () => {
    expect(await digest("2026-11-25T07:59:00Z")).toMatchObject({ overdue: 0, escalated: 0, sent: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it("escalates a missed first response to the unit's handlers and mails them once a day, in their language", async () => {
    // Wednesday 12:00 Helsinki: two working hours late.
    const first = await digest("2026-11-25T10:00:00Z");
    expect(first).toMatchObject({
      day: "2026-11-25",
      overdue: 1,
      escalated: 1,
      toLead: 0,
      recipients: 1,
      sent: 1,
    });
    const mail = await smtp.nextTo("kasittelija@example.fi");
    expect(mail.language).toBe("sv");
    expect(mail.subject).toBe("Respons: 1 försenade ärenden");
    expect(mail.text).toContain(late.reference);
    expect(mail.text).toContain("Parker och grönområden");
    expect(mail.text).toContain("Första svar försenat 2 arbetstimmar");
    expect(mail.text).toContain(`https://palaute.example.fi/feedback/handling/${late.id}`);
    // Nothing personal and nothing for other units or, yet, for the lead.
    expect(mail.text).not.toContain("Kaatunut puu");
    expect(mailTo("paallikko@example.fi")).toHaveLength(0);
    expect(mailTo("muu@example.fi")).toHaveLength(0);

    const again = await digest("2026-11-25T13:00:00Z");
    expect(again).toMatchObject({ overdue: 1, escalated: 0, sent: 0, alreadySent: 1 });
    expect(mailTo("kasittelija@example.fi")).toHaveLength(1);
    const forced = await digest("2026-11-25T13:00:00Z", { force: true });
    expect(forced).toMatchObject({ escalated: 0, sent: 1 });
    await smtp.nextTo("kasittelija@example.fi");

    const history = await t.db.database.db
      .selectFrom("feedback_event")
      .select(["kind", "note", "is_internal"])
      .where("request_id", "=", late.id)
      .where("kind", "=", "escalated")
      .execute();
    expect(history).toEqual([{ kind: "escalated", note: "first_response:1", isInternal: 1 }]);
  });

  it("tells the unit's lead one working day after the promise, and not the platform's administrators", async () => {
    // A dry run on Thursday changes and sends nothing.
    const dry = await digest("2026-11-26T10:00:00Z", { dryRun: true });
    expect(dry).toMatchObject({ overdue: 1, escalated: 1, toLead: 1, recipients: 2, sent: 0 });
    expect(smtp.messages).toHaveLength(2);
    // Thursday 12:00 Helsinki: ten working hours late, past the lead's eight.
    const thursday = await digest("2026-11-26T10:00:00Z");
    expect(thursday).toMatchObject({ day: "2026-11-26", escalated: 1, toLead: 1, recipients: 2, sent: 2 });
    const lead = await smtp.nextTo("paallikko@example.fi");
    expect(lead.language).toBe("fi");
    expect(lead.text).toContain("Ensivastaus myöhässä 10 työtuntia (eskaloitu esihenkilölle)");
    await smtp.nextTo("kasittelija@example.fi");
    expect(mailTo("yllapito@example.fi")).toHaveLength(0);
    const levels = await t.db.database.db
      .selectFrom("feedback_request")
      .select(["escalation_level", "escalation_breach"])
      .where("id", "=", late.id)
      .executeTakeFirstOrThrow();
    expect(levels).toEqual({ escalationLevel: 2, escalationBreach: "first_response" });
    // Raised once: Friday's run escalates nothing more.
    expect(await digest("2026-11-27T10:00:00Z", { dryRun: true })).toMatchObject({ escalated: 0 });
  });

  it("leaves answered and finished requests out", async () => {
    await t.db.database.db
      .updateTable("feedback_request")
      .set({ status: "done", closed_at: "2026-11-27T09:00:00.000Z" })
      .where("id", "=", late.id)
      .execute();
    expect(await digest("2026-11-27T10:00:00Z")).toMatchObject({ overdue: 0, sent: 0 });
  });
});
