import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { ModuleContext } from "../../platform/module.ts";
import { feedbackModule } from "./index.ts";

const PASSWORD = "feedback-notify-password";
// Monday 2026-11-23 10:00 Helsinki.
const START = new Date("2026-11-23T08:00:00Z");
let clock = START;

describeEachDialect("feedback e-mails and indicators", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let anon: TestClient;
  let handler: TestClient;

  const report = async (body: Record<string, unknown>) => {
    const res = await anon.post("/api/v1/feedback/requests", {
      serviceCode: "puistot",
      description: "Penkki on rikki.",
      location: null,
      publishConsent: true,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string };
  };

  beforeAll(async () => {
    clock = START;
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, { now: () => clock, env: { KESKIO_SMTP_URL: smtp.url } });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    await buildPerson(t.db.database.db, {
      email: "puistot@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff", scope: "kaupunkiymparisto" }],
      now: clock,
    });
    anon = new TestClient(t.app, "192.0.2.80");
    handler = new TestClient(t.app, "192.0.2.81");
    expect(
      (await handler.post("/api/v1/auth/sign-in", { email: "puistot@example.fi", password: PASSWORD }))
        .statusCode,
    ).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("e-mails the reporter the answer and each status change, in their language, with the status link", async () => {
    const created = await report({ email: "asukas@example.fi", locale: "sv" });
    const url = `/api/v1/feedback/handling/requests/${created.id}`;
    expect((await handler.post(`${url}/answer`, { text: "Bänken repareras på fredag." })).statusCode).toBe(
      200,
    );
    const answer = await smtp.nextTo("asukas@example.fi");
    expect(answer.subject).toBe(`Svar på din respons ${created.reference}`);
    expect(answer.language).toBe("sv");
    expect(answer.text).toContain("Bänken repareras på fredag.");
    expect(answer.text).toContain(`/feedback/requests/${created.reference}`);
    expect((await handler.post(`${url}/status`, { status: "done", note: "Klart." })).statusCode).toBe(200);
    const done = await smtp.nextTo("asukas@example.fi");
    expect(done.subject).toBe(`Status för din respons ${created.reference}: klar`);
    // Internal notes and assignment send nothing; a reporter without an address gets nothing.
    await handler.post(`${url}/notes`, { text: "sisäinen" });
    const silent = await report({});
    await handler.post(`/api/v1/feedback/handling/requests/${silent.id}/answer`, { text: "Kiitos." });
    expect(smtp.messages.filter((m) => m.to.includes("asukas@example.fi"))).toHaveLength(2);
    expect(smtp.messages.every((m) => !m.text.includes("sisäinen"))).toBe(true);
  });

  it("publishes the median first response and the share within promise to the strategy", async () => {
    const context = { database: t.db.database, now: () => clock } as unknown as ModuleContext;
    const sources = feedbackModule.indicators?.(context) ?? [];
    const value = (key: string) =>
      sources.find((s) => s.key === key)?.valueFor(2026) ?? Promise.resolve(undefined);
    expect(sources.map((s) => s.key).sort()).toEqual([
      "feedback.median_first_response_hours",
      "feedback.share_within_promise",
    ]);
    // Five more requests answered 1, 2, 3, 4 and 20 working hours after they came (promise: 16 h).
    const answeredAt = [
      "2026-11-23T09:00",
      "2026-11-23T10:00",
      "2026-11-23T11:00",
      "2026-11-23T12:00",
      "2026-11-25T12:00",
    ];
    for (const at of answeredAt) {
      const created = await report({});
      await t.db.database.db
        .updateTable("feedback_request")
        .set({ first_response_at: `${at}:00.000Z` })
        .where("id", "=", created.id)
        .execute();
    }
    clock = START;
    // With the two answered in the first test (0 h each): 0, 0, 1, 2, 3, 4, 20 → median 2.
    expect(await value("feedback.median_first_response_hours")).toBe(2);
    // 6 of 7 within 16 working hours.
    expect(await value("feedback.share_within_promise")).toBeCloseTo(85.7, 1);
    expect(
      await value("feedback.median_first_response_hours").then(() => sources[0]?.valueFor(2025)),
    ).toBeNull();
  });
});
