import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { TestClient } from "../../../../test/http-client.ts";
import {
  signInAtProvider,
  startTestOidcProvider,
  TEST_IDENTITIES,
  type TestOidcProvider,
} from "../../../../test/oidc-provider.ts";
import { startTestSmtp, type TestSmtp, tokenFromMail } from "../../../../test/smtp.ts";
import { describeEachDialect, type TestDialect } from "../../../../test/test-db.ts";
import { runCli } from "../../../cli/main.ts";

const PASSWORD = "kirjasto-kahvila-2030";
const SECRET = "test-secret-that-is-long-enough-0123456789";

async function identify(client: TestClient, login: string, query = "returnTo=/profile"): Promise<string> {
  const start = await client.get(`/api/v1/auth/oidc/start?${query}`);
  expect(start.statusCode).toBe(303);
  const back = await signInAtProvider(String(start.headers.location), login);
  const callback = await client.get(`${back.pathname}${back.search}`);
  expect(callback.statusCode).toBe(303);
  return String(callback.headers.location);
}

async function register(t: TestApp, smtp: TestSmtp, email: string, ip: string): Promise<TestClient> {
  const client = new TestClient(t.app, ip);
  await client.post("/api/v1/auth/register", { email, password: PASSWORD, displayName: email.split("@")[0] });
  await client.post("/api/v1/auth/verify-email", { token: tokenFromMail(await smtp.nextTo(email)) });
  expect((await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
  return client;
}

/** The command line against the test's own database (its own PostgreSQL schema, when on PostgreSQL). */
async function cli(t: TestApp, args: string[]) {
  const url =
    t.db.schema !== null
      ? `${t.db.databaseConfig.url}${t.db.databaseConfig.url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.db.schema}`
      : t.db.databaseConfig.url;
  const out = new PassThrough();
  const err = new PassThrough();
  let text = "";
  out.on("data", (c) => {
    text += String(c);
  });
  err.on("data", (c) => {
    text += String(c);
  });
  const code = await runCli(["node", "keskio", ...args], {
    out,
    err,
    env: { NODE_ENV: "test", KESKIO_SECRET: SECRET, KESKIO_DATABASE_URL: url },
  });
  return { code, text };
}

describeEachDialect("strong identification, residents and administration", (dialect: TestDialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let idp: TestOidcProvider;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    idp = await startTestOidcProvider(["http://localhost:3000/api/v1/auth/oidc/callback"]);
    t = await buildTestApp(dialect, {
      env: { KESKIO_SMTP_URL: smtp.url, ...idp.env("http://localhost:3000") },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    await idp.close();
  });

  it("signs a Heinola resident in over OpenID Connect and verifies residency from the municipality claim", async () => {
    const client = new TestClient(t.app, "192.0.2.20");
    expect((await client.session()).person).toBeNull();
    expect(await identify(client, "heinola-resident")).toBe("/profile");
    const me = (await client.get("/api/v1/me")).json();
    expect(me).toMatchObject({
      displayName: "Helmi Heinolalainen",
      identified: true,
      email: null,
      hasPassword: false,
    });
    expect(me.verifiedResident.method).toBe("oidc");
    expect(me.age).toBe(41);
    expect(JSON.stringify(me)).not.toContain(TEST_IDENTITIES["heinola-resident"]?.henkilotunnus);
    // Identifying again finds the same account.
    const again = new TestClient(t.app, "192.0.2.21");
    await identify(again, "heinola-resident");
    expect((await again.get("/api/v1/me")).json().id).toBe(me.id);
  });

  it("does not verify residents of another municipality", async () => {
    const client = new TestClient(t.app, "192.0.2.22");
    await identify(client, "lahti-resident");
    const me = (await client.get("/api/v1/me")).json();
    expect(me.identified).toBe(true);
    expect(me.verifiedResident).toBeNull();
  });

  it("verifies residents from an imported census list kept only as keyed hashes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "keskio-census-"));
    const file = path.join(dir, "census.csv");
    const code = TEST_IDENTITIES["census-person"]?.henkilotunnus ?? "";
    writeFileSync(file, `henkilotunnus\n${code}\n${TEST_IDENTITIES["heinola-resident"]?.henkilotunnus}\n`);
    const imported = await cli(t, ["census", "import", file]);
    expect(imported.text).toContain("census list replaced: 2 people");
    expect(imported.code).toBe(0);
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, `henkilotunnus\n${code}\n010101-0000\n`);
    const refused = await cli(t, ["census", "import", bad]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain(
      "1 row(s) do not hold a valid identity number (rows 3); nothing was imported",
    );
    expect(refused.text).not.toContain("010101-0000");
    const client = new TestClient(t.app, "192.0.2.23");
    await identify(client, "census-person");
    expect((await client.get("/api/v1/me")).json().verifiedResident.method).toBe("census");
  });

  it("links a strong identity to an existing password account, and refuses one linked elsewhere", async () => {
    const client = await register(t, smtp, "linker@example.fi", "192.0.2.24");
    const before = (await client.get("/api/v1/me")).json();
    expect(before.identified).toBe(false);
    // census-person already has an account of its own (previous test): linking it here is refused.
    expect(await identify(client, "census-person", "link=true&returnTo=/profile")).toBe(
      "/sign-in?error=identity_taken",
    );
    expect(await identify(client, "link-person", "link=true&returnTo=/profile")).toBe("/profile");
    const after = (await client.get("/api/v1/me")).json();
    expect(after).toMatchObject({
      id: before.id,
      email: "linker@example.fi",
      identified: true,
      hasPassword: true,
    });
    expect(after.verifiedResident.method).toBe("oidc");
    const anonymousLink = await new TestClient(t.app).get("/api/v1/auth/oidc/start?link=true");
    expect(anonymousLink.statusCode).toBe(401);
  });

  it("never stores or logs the identity number, passwords, tokens or session ids", async () => {
    const tables = [
      "identity_person",
      "identity_census",
      "identity_session",
      "identity_token",
      "audit_log",
      "rate_limit",
    ];
    const dump: string[] = [];
    for (const table of tables)
      dump.push(JSON.stringify(await t.db.database.db.selectFrom(table).selectAll().execute()));
    const everything = dump.join("\n");
    const logs = t.logs.join("");
    for (const identity of Object.values(TEST_IDENTITIES)) {
      expect(everything).not.toContain(identity.henkilotunnus);
      expect(everything).not.toContain(identity.henkilotunnus.slice(0, 6) + identity.henkilotunnus.slice(7));
      expect(logs).not.toContain(identity.henkilotunnus);
    }
    expect(logs).not.toContain(PASSWORD);
    for (const mail of smtp.messages) {
      const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      if (token) {
        expect(logs).not.toContain(token);
        expect(everything).not.toContain(token);
      }
    }
    expect(logs).not.toContain("keskio_session=");
    expect(logs).not.toMatch(/"(remoteAddress|ip)"/);
  });

  it("lets the first admin be made from the command line, and admins manage roles with an audit trail", async () => {
    const admin = await register(t, smtp, "admin@example.fi", "192.0.2.30");
    const worker = await register(t, smtp, "worker@example.fi", "192.0.2.31");
    expect((await worker.get("/api/v1/admin/people")).statusCode).toBe(403);
    expect((await cli(t, ["users", "grant-role", "admin@example.fi", "admin"])).text).toContain(
      "granted admin",
    );
    expect((await cli(t, ["users", "grant-role", "nobody@example.fi", "admin"])).code).toBe(1);
    // LIKE wildcards in a search are taken literally on both dialects.
    expect((await admin.get("/api/v1/admin/people?search=%25")).json()).toEqual([]);
    expect((await admin.get("/api/v1/admin/people?search=_orker")).json()).toEqual([]);
    const people = (await admin.get("/api/v1/admin/people?search=worker")).json();
    expect(people).toHaveLength(1);
    const workerId = people[0].id;
    expect((await admin.post(`/api/v1/admin/people/${workerId}/roles`, { role: "staff" })).statusCode).toBe(
      400,
    );
    expect(
      (await admin.post(`/api/v1/admin/people/${workerId}/roles`, { role: "staff", scope: "kulttuuri" }))
        .statusCode,
    ).toBe(204);
    expect((await worker.get("/api/v1/me")).json().roles).toContainEqual({
      role: "staff",
      scope: "kulttuuri",
    });
    const adminId = (await admin.get("/api/v1/me")).json().id;
    const lastAdmin = await admin.delete(`/api/v1/admin/people/${adminId}/roles/admin`);
    expect(lastAdmin.statusCode).toBe(409);
    const audit = (await admin.get("/api/v1/admin/audit?action=role.granted")).json();
    expect(
      audit.some(
        (e: { targetId: string; details: { role: string } }) =>
          e.targetId === workerId && e.details.role === "staff",
      ),
    ).toBe(true);
    const csv = await admin.get("/api/v1/admin/audit.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe(
      "id,at,actor_id,action,target_type,target_id,outcome,details,request_id",
    );
    expect(csv.body).toContain("role.granted");
    expect(
      (await admin.delete(`/api/v1/admin/people/${workerId}/roles/staff?scope=kulttuuri`)).statusCode,
    ).toBe(204);
  });

  it("records an in-person verification at a service point, refusing invalid or already-used identity numbers", async () => {
    const staff = await register(t, smtp, "desk@example.fi", "192.0.2.40");
    await cli(t, ["users", "grant-role", "desk@example.fi", "staff", "--scope", "asiakaspalvelu"]);
    const visitor = await register(t, smtp, "visitor@example.fi", "192.0.2.41");
    const visitorId = (await visitor.get("/api/v1/me")).json().id;
    const url = `/api/v1/admin/people/${visitorId}/verify-in-person`;
    const invalid = await staff.post(url, { henkilotunnus: "311399-9032", servicePoint: "Torikatu 8" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).not.toContain("311399-9032");
    const taken = await staff.post(url, {
      henkilotunnus: TEST_IDENTITIES["heinola-resident"]?.henkilotunnus,
      servicePoint: "Torikatu 8",
    });
    expect(taken.statusCode).toBe(409);
    const code = "010101A9041".slice(0, 10);
    const { computeHenkilotunnusCheckCharacter } = await import("../../lib/henkilotunnus.ts");
    const valid = `${code}${computeHenkilotunnusCheckCharacter("010101904")}`;
    expect((await staff.post(url, { henkilotunnus: valid, servicePoint: "Torikatu 8" })).statusCode).toBe(
      204,
    );
    const me = (await visitor.get("/api/v1/me")).json();
    expect(me.verifiedResident.method).toBe("in_person");
    expect(me.age).toBeGreaterThanOrEqual(25);
    expect((await visitor.post(url, { henkilotunnus: valid, servicePoint: "x" })).statusCode).toBe(403);
  });

  it("registers organisations with a validated optional Y-tunnus", async () => {
    const admin = new TestClient(t.app, "192.0.2.30");
    await admin.post("/api/v1/auth/sign-in", { email: "admin@example.fi", password: PASSWORD });
    const bad = await admin.post("/api/v1/admin/organisations", {
      name: "Heinolan Latu ry",
      yTunnus: "1234567-8",
    });
    expect(bad.statusCode).toBe(400);
    const ok = await admin.post("/api/v1/admin/organisations", {
      name: "Heinolan Latu ry",
      yTunnus: "0112038-9",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().yTunnus).toBe("0112038-9");
    expect(
      (await admin.post("/api/v1/admin/organisations", { name: "Toinen", yTunnus: "0112038-9" })).statusCode,
    ).toBe(409);
    expect(
      (await admin.post("/api/v1/admin/organisations", { name: "Lukupiiri (rekisteröimätön)" })).statusCode,
    ).toBe(201);
    expect((await admin.get("/api/v1/admin/organisations")).json()).toHaveLength(2);
  });
});
