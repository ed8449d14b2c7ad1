import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { runCli } from "../../../cli/main.ts";

const PASSWORD = "volunteering-password-2";
const HELSINKI = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Helsinki",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** "YYYY-MM-DD" and "HH:MM" in Helsinki of a moment (the command works on the real clock). */
function helsinki(at: Date): { date: string; time: string } {
  const p = Object.fromEntries(HELSINKI.formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

describeEachDialect("keskio volunteering remind", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;

  async function signedIn(email: string, ip: string, roles?: { role: "staff"; scope: string }[]) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD, ...(roles ? { roles } : {}) });
    const client = new TestClient(t.app, ip);
    expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    return client;
  }

  async function remind(args: string[]) {
    const url =
      t.db.schema !== null
        ? `${t.db.databaseConfig.url}${t.db.databaseConfig.url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.db.schema}`
        : t.db.databaseConfig.url;
    const out = new PassThrough();
    let text = "";
    out.on("data", (c) => {
      text += String(c);
    });
    const code = await runCli(["node", "keskio", "volunteering", "remind", ...args], {
      out,
      err: out,
      env: {
        NODE_ENV: "test",
        KESKIO_SECRET: t.config.secret,
        KESKIO_DATABASE_URL: url,
        KESKIO_SMTP_URL: smtp.url,
      },
    });
    return { code, text };
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect);
    const rep = await signedIn("rep@example.fi", "192.0.2.60");
    const staff = await signedIn("staff@example.fi", "192.0.2.61", [{ role: "staff", scope: "hallinto" }]);
    const volunteer = await signedIn("muistettava@example.fi", "192.0.2.62");
    const org = (
      await rep.post("/api/v1/volunteering/organisations", {
        name: "Muistutusseura",
        kind: "informal_group",
        description: { fi: "Testi" },
        contactEmail: "seura@example.fi",
      })
    ).json();
    await staff.post(`/api/v1/volunteering/organisations/${org.id}/decision`, { approve: true });
    const task = (
      await rep.post(`/api/v1/volunteering/organisations/${org.id}/opportunities`, {
        kind: "one_off",
        title: { fi: "Lumityöt huomenna" },
        description: { fi: "Lapioidaan" },
        themes: ["elderly"],
        skills: [],
        area: "jyranko",
        place: "Kalliojärvenkatu",
        contactName: "Seppo",
        contactEmail: "seppo@example.fi",
      })
    ).json();
    const start = helsinki(new Date(Date.now() + 3 * 3_600_000));
    const end = helsinki(new Date(Date.now() + 4 * 3_600_000));
    const shifts = await rep.post(`/api/v1/volunteering/opportunities/${task.id}/shifts`, {
      date: start.date,
      startTime: start.time,
      endTime: end.time,
      places: 1,
    });
    expect(shifts.statusCode).toBe(201);
    await volunteer.post("/api/v1/volunteering/me", {
      displayName: "Muisto",
      profile: { interests: [], skills: [], areas: [], languages: [], availability: [] },
    });
    expect(
      (await volunteer.post(`/api/v1/volunteering/shifts/${shifts.json()[0].id}/signups`)).json().status,
    ).toBe("confirmed");
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("reminds the confirmed volunteer once, at the account's verified address", async () => {
    const dry = await remind(["--hours", "24", "--dry-run"]);
    expect(dry).toEqual({ code: 0, text: "would remind 1 sign-up(s) starting within 24 h\n" });
    expect(smtp.messages).toHaveLength(0);
    expect((await remind([])).text).toBe("sent 1 reminder(s) for 1 sign-up(s) starting within 24 h\n");
    const mail = await smtp.nextTo("muistettava@example.fi");
    expect(mail.subject).toBe("Muistutus vapaaehtoisvuorosta: Lumityöt huomenna – Keskiö");
    expect(mail.text).toContain("Kalliojärvenkatu");
    expect((await remind([])).text).toBe("sent 0 reminder(s) for 0 sign-up(s) starting within 24 h\n");
    expect((await remind(["--hours", "0"])).code).toBe(2);
  });
});
