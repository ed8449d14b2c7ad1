import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { FeedbackFigures } from "../../../contracts/feedback-figures.ts";
import { lastMonths } from "./feedback.figures.ts";
import { feedbackModule } from "./index.ts";

// Monday 2026-11-23 10:00 Helsinki.
const START = new Date("2026-11-23T08:00:00Z");
let clock = START;

it("counts the last twelve Helsinki months, the first from its local midnight", () => {
  const { months, from } = lastMonths(new Date("2026-11-30T22:30:00Z"), 12);
  // 00:30 on 1 December in Helsinki is already December there.
  expect(months[0]).toBe("2026-01");
  expect(months[11]).toBe("2026-12");
  expect(from.toISOString()).toBe("2025-12-31T22:00:00.000Z");
});

describeEachDialect("feedback public figures", (dialect) => {
  let t: TestApp;
  let anon: TestClient;

  const report = async (serviceCode: string) => {
    const res = await anon.post("/api/v1/feedback/requests", {
      serviceCode,
      description: "Penkki on rikki Kirkkokadulla.",
      location: null,
      email: "asukas@example.fi",
      publishConsent: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const setTimes = (id: string, values: Record<string, string>) =>
    t.db.database.db.updateTable("feedback_request").set(values).where("id", "=", id).execute();

  beforeAll(async () => {
    clock = START;
    t = await buildTestApp(dialect, { now: () => clock });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    anon = new TestClient(t.app, "192.0.2.90");
    // Six park requests: five answered after one working hour and done after eight, one never answered.
    for (let i = 0; i < 6; i++) {
      const id = await report("puistot");
      if (i < 5)
        await setTimes(id, {
          first_response_at: "2026-11-23T09:00:00.000Z",
          status: "done",
          closed_at: "2026-11-24T08:00:00.000Z",
        });
    }
    // Two playground requests: too few to publish.
    await report("leikkipaikat");
    await report("leikkipaikat");
    clock = new Date("2026-11-27T12:00:00Z");
  });
  afterAll(async () => {
    await t.close();
  });

  it("publishes per category the promise kept and the medians in working hours, suppressing under five", async () => {
    const res = await anon.get("/api/v1/feedback/figures");
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as FeedbackFigures;
    expect(figures.months).toHaveLength(12);
    expect(figures.months[11]).toBe("2026-11");
    expect(figures.minRequests).toBe(5);
    expect(figures.workingHours).toEqual({ timeZone: "Europe/Helsinki", dayStart: "08:00", dayEnd: "16:00" });
    const parks = figures.services.find((s) => s.code === "puistot");
    expect(parks?.firstResponseHours).toBe(16);
    expect(parks?.overall).toEqual({
      requests: 6,
      // The unanswered one passed its promise on Wednesday: 5 of 6.
      shareFirstResponseWithin: 83.3,
      // The open one still has time: 5 of 5 decided.
      shareResolvedWithin: 100,
      medianFirstResponseHours: 1,
      // Monday 10–16 and Tuesday 8–10 local time.
      medianResolutionHours: 8,
      suppressed: null,
    });
    expect(parks?.months[11]).toMatchObject({ month: "2026-11", requests: 6 });
    expect(parks?.months[10]).toMatchObject({
      month: "2026-10",
      requests: null,
      suppressed: "fewer_than_five_requests",
    });
    const playgrounds = figures.services.find((s) => s.code === "leikkipaikat");
    expect(playgrounds?.overall).toEqual({
      requests: null,
      shareFirstResponseWithin: null,
      shareResolvedWithin: null,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
      suppressed: "fewer_than_five_requests",
    });
    // All categories together: eight requests, the three unanswered all late.
    expect(figures.total.overall).toMatchObject({ requests: 8, shareFirstResponseWithin: 62.5 });
    // Nothing personal: no text, no address, no reference.
    expect(res.body).not.toContain("Penkki");
    expect(res.body).not.toContain("example.fi");
  });

  it("offers the same figures as CSV with empty cells where suppressed", async () => {
    const res = await anon.get("/api/v1/feedback/figures.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers.link).toContain("creativecommons.org/licenses/by/4.0");
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "service_code,month,requests,share_first_response_within_pct,share_resolved_within_pct,median_first_response_working_hours,median_resolution_working_hours,suppressed",
    );
    expect(lines).toContain("puistot,all,6,83.3,100,1,8,");
    expect(lines).toContain("leikkipaikat,2026-11,,,,,,fewer_than_five_requests");
    expect(lines).toContain("all,2026-11,8,62.5,100,1,8,");
    expect(res.body).not.toContain("Penkki");
  });
});
