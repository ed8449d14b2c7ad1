import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson, type PersonOverrides } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import type { SignalTopics } from "../../../contracts/signals.ts";
import type { ModuleManifest, SignalText } from "../../platform/module.ts";
import { feedbackModule } from "../feedback/index.ts";
import { identityModule } from "../identity/index.ts";
import { signalsModule } from "./index.ts";

const PASSWORD = "signals-password-123";
const NOW = new Date("2026-11-27T10:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

// Test sources standing in for the modules' own: a burst about a playground in the survey's answers this
// week, a steady stream about snow ploughing in feedback, and budget proposals that never repeat a word.
function testText(module: string, channel: string, n: number, at: string, text: string): SignalText {
  return { id: `${module}-${n}`, module, channel, at, text, link: `/test/${module}/${n}` };
}
const surveyTexts = Array.from({ length: 7 }, (_, i) =>
  testText("survey", "survey_answer", i, daysAgo(i * 0.7 + 0.1), `Leikkipuiston keinut ovat rikki (${i})`),
);
const feedbackTexts = Array.from({ length: 63 }, (_, i) =>
  testText("feedback", "service_request", i, daysAgo(i + 0.2), "Lumityöt myöhässä"),
);
const testModules: ModuleManifest[] = [
  identityModule,
  signalsModule,
  {
    name: "survey",
    available: true,
    webPath: null,
    signalTexts: () => ({ module: "survey", textsSince: async () => surveyTexts }),
  },
  {
    name: "feedback",
    available: true,
    webPath: null,
    signalTexts: () => ({ module: "feedback", textsSince: async () => feedbackTexts }),
  },
  {
    name: "budgeting",
    available: true,
    webPath: null,
    signalTexts: () => ({
      module: "budgeting",
      textsSince: async () => {
        throw new Error("the budgeting source is down");
      },
    }),
  },
];

async function signedIn(t: TestApp, email: string, ip: string, roles: PersonOverrides["roles"]) {
  await buildPerson(t.db.database.db, { email, password: PASSWORD, roles });
  const client = new TestClient(t.app, ip);
  expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
  return client;
}

describeEachDialect("signals over HTTP", (dialect) => {
  describe("with test sources", () => {
    let t: TestApp;
    let staff: TestClient;
    let resident: TestClient;

    beforeAll(async () => {
      t = await buildTestApp(dialect, { modules: testModules, now: () => NOW });
      staff = await signedIn(t, "johto@example.fi", "192.0.2.71", [{ role: "admin" }]);
      resident = await signedIn(t, "asukas@example.fi", "192.0.2.72", [{ role: "resident" }]);
    });
    afterAll(() => t.close());

    it("lets only staff and leadership read the signals", async () => {
      expect((await new TestClient(t.app, "192.0.2.73").get("/api/v1/signals/topics")).statusCode).toBe(401);
      const refused = await resident.get("/api/v1/signals/topics");
      expect(refused.statusCode).toBe(403);
      expect(refused.headers["content-type"]).toMatch(/application\/problem\+json/);
    });

    it("surfaces the burst, not the steady stream, and says which source could not be read", async () => {
      const res = await staff.get("/api/v1/signals/topics");
      expect(res.statusCode).toBe(200);
      const body: SignalTopics = res.json();
      expect(body).toMatchObject({ windowDays: 7, baselineWeeks: 8, minTexts: 5 });
      expect(body.unavailableModules).toEqual(["budgeting"]);
      // One topic: the words of the burst always come together, so they are grouped.
      expect(body.topics).toHaveLength(1);
      const [topic] = body.topics;
      expect(topic?.label).toBe("keinut rikki");
      expect(topic?.terms.map((term) => term.label).sort()).toEqual([
        "keinut",
        "keinut rikki",
        "leikkipuiston",
        "leikkipuiston keinut",
        "rikki",
      ]);
      expect(topic?.countNow).toBe(7);
      expect(topic?.baselineWeeklyRate).toBe(0);
      expect(topic?.channels).toEqual([{ channel: "survey_answer", count: 7 }]);
      expect(topic?.weekly.at(-1)?.count).toBe(7);
      expect(topic?.examples).toHaveLength(5);
      expect(topic?.examples[0]).toMatchObject({ module: "survey", link: "/test/survey/0" });
      expect(t.logs.join("")).toContain("the budgeting texts could not be read");
    });

    it("filters by channel and window", async () => {
      const feedbackOnly: SignalTopics = (
        await staff.get("/api/v1/signals/topics?channel=service_request")
      ).json();
      expect(feedbackOnly.topics).toEqual([]);
      const oneDay: SignalTopics = (await staff.get("/api/v1/signals/topics?window=1")).json();
      expect(oneDay.windowDays).toBe(1);
      expect(oneDay.topics).toEqual([]);
    });

    it("refuses a bad window or channel with a localized problem", async () => {
      for (const query of ["window=0", "window=29", "window=viikko", "channel=twitter"]) {
        const res = await staff.request({
          method: "GET",
          url: `/api/v1/signals/topics?${query}`,
          headers: { "accept-language": "sv" },
        });
        expect(res.statusCode, query).toBe(400);
        expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
        expect(res.json().title).toBe("Uppgifterna i begäran är ogiltiga");
      }
    });
  });

  describe("with the real feedback source", () => {
    let t: TestApp;
    let staff: TestClient;

    beforeAll(async () => {
      t = await buildTestApp(dialect, { now: () => NOW });
      await feedbackModule.seed?.(t.db.database, { demo: true, now: NOW });
      staff = await signedIn(t, "kasittelija@example.fi", "192.0.2.81", [
        { role: "staff", scope: "kaupunkiymparisto" },
      ]);
    });
    afterAll(() => t.close());

    it("shows a topic that residents' reports created, linking to their handling pages", async () => {
      const ids: string[] = [];
      for (const [i, description] of [
        "Katuvalo ei pala Kauppakadulla, soita 040 1234567",
        "Katuvalo rikki koulun kohdalla",
        "Katuvalo pimeänä, matti@example.fi",
        "Katuvalo ei toimi illalla",
        "Katuvalo vilkkuu",
      ].entries()) {
        const res = await new TestClient(t.app, `192.0.2.${90 + i}`).post("/api/v1/feedback/requests", {
          serviceCode: "puistot",
          description,
          location: { lat: 61.2058, long: 26.0381, address: "Kauppakatu 1" },
          publishConsent: false,
        });
        expect(res.statusCode).toBe(201);
        ids.push(res.json().id);
      }
      const body: SignalTopics = (await staff.get("/api/v1/signals/topics")).json();
      const topic = body.topics.find((candidate) => candidate.label === "katuvalo");
      expect(topic?.countNow).toBe(5);
      expect(topic?.channels).toEqual([{ channel: "service_request", count: 5 }]);
      expect(topic?.examples.map((e) => e.link).sort()).toEqual(
        ids.map((id) => `/feedback/handling/${id}`).sort(),
      );
      // The phone number and e-mail address residents typed are not shown in the examples.
      const shown = topic?.examples.map((e) => e.text).join(" ") ?? "";
      expect(shown).toContain("Katuvalo ei pala Kauppakadulla, soita […]");
      expect(shown).not.toMatch(/1234567|matti@example\.fi/);
      // Numbers and addresses a resident typed never become terms.
      const terms = body.topics.flatMap((candidate) => candidate.terms.map((term) => term.label));
      expect(terms.some((term) => /\d|@|example/.test(term))).toBe(false);
    });
  });
});
