import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { startTestSmtp, type TestSmtp } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { runCli } from "../../../cli/main.ts";

describeEachDialect("keskio strategy remind", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, { seed: true });
    await buildPerson(t.db.database.db, {
      email: "hyte@example.fi",
      roles: [{ role: "staff", scope: "yhteiset-palvelut" }],
    });
    await buildPerson(t.db.database.db, {
      email: "other@example.fi",
      roles: [{ role: "staff", scope: "tekninen" }],
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

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
    const code = await runCli(["node", "keskio", "strategy", "remind", ...args], {
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

  it("e-mails the responsible unit's staff which values are due, and nobody else", async () => {
    const dry = await remind(["--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.text).toMatch(/would send 1 reminder\(s\) about \d+ value\(s\)/);
    expect(smtp.messages).toHaveLength(0);
    const real = await remind([]);
    expect(real.text).toMatch(/sent 1 reminder\(s\)/);
    const mail = await smtp.nextTo("hyte@example.fi");
    expect(mail.subject).toBe("Strategian mittareille odotetaan uusia arvoja – Keskiö");
    expect(mail.text).toContain("Kotona asuvat 75 vuotta täyttäneet");
    expect(smtp.messages.some((m) => m.to.includes("other@example.fi"))).toBe(false);
  });
});
