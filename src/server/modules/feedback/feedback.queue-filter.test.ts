import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { feedbackModule } from "./index.ts";

const PASSWORD = "queue-filter-test-password";
const UNIT = "kaupunkiymparisto";
const START = new Date("2026-11-23T08:00:00Z");

// The handler queue's "escalated" filter: requests whose broken promise `keskio feedback digest` raised.
describeEachDialect("feedback queue: escalated filter", (dialect) => {
  let t: TestApp;
  let handler: TestClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => START });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: START });
    await buildPerson(t.db.database.db, {
      email: "jono@example.fi",
      password: PASSWORD,
      roles: [{ role: "staff", scope: UNIT }],
      now: START,
    });
    handler = new TestClient(t.app, "192.0.2.120");
    const signedIn = await handler.post("/api/v1/auth/sign-in", {
      email: "jono@example.fi",
      password: PASSWORD,
    });
    expect(signedIn.statusCode).toBe(200);
    const anon = new TestClient(t.app, "192.0.2.121");
    for (const name of ["plain", "handlers", "lead", "closed"]) {
      const res = await anon.post("/api/v1/feedback/requests", {
        serviceCode: "puistot",
        description: `Pyyntö ${name}`,
        location: null,
        publishConsent: false,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
    const escalate = (id: string, level: number, status = "received") =>
      t.db.database.db
        .updateTable("feedback_request")
        .set({ escalation_level: level, escalation_breach: "first_response", status })
        .where("id", "=", id)
        .execute();
    await escalate(ids.handlers as string, 1);
    await escalate(ids.lead as string, 2);
    await escalate(ids.closed as string, 1, "done");
  });
  afterAll(() => t.close());

  it("lists only escalated requests, finished ones too, with how far each was raised", async () => {
    const res = await handler.get("/api/v1/feedback/handling/requests?escalated=true&pageSize=50");
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { total: number; items: { id: string; escalationLevel: number }[] };
    expect(page.total).toBe(3);
    const levels = Object.fromEntries(page.items.map((i) => [i.id, i.escalationLevel]));
    expect(levels).toEqual({
      [ids.handlers as string]: 1,
      [ids.lead as string]: 2,
      [ids.closed as string]: 1,
    });

    const open = await handler.get("/api/v1/feedback/handling/requests?escalated=true&status=received");
    expect(
      open
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([ids.handlers, ids.lead].sort());
    const all = (await handler.get("/api/v1/feedback/handling/requests?pageSize=50")).json();
    expect(all.total).toBe(4);
    expect(all.items.find((i: { id: string }) => i.id === ids.plain).escalationLevel).toBe(0);
  });

  it("refuses a filter value that is not a boolean with a problem", async () => {
    const res = await handler.get("/api/v1/feedback/handling/requests?escalated=perhaps");
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
