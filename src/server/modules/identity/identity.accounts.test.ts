import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { startTestSmtp, type TestSmtp, tokenFromMail } from "../../../../test/smtp.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";

const PASSWORD = "kirjasto-kahvila-2030";

/** Registers, confirms by the mailed link and signs in; returns the signed-in client. */
async function registerAndSignIn(
  t: TestApp,
  smtp: TestSmtp,
  email: string,
  ip?: string,
): Promise<TestClient> {
  const client = new TestClient(t.app, ip);
  const registered = await client.post("/api/v1/auth/register", {
    email,
    password: PASSWORD,
    displayName: "Aino Asukas",
  });
  expect(registered.statusCode).toBe(202);
  const mail = await smtp.nextTo(email);
  expect((await client.post("/api/v1/auth/verify-email", { token: tokenFromMail(mail) })).statusCode).toBe(
    200,
  );
  const signedIn = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
  expect(signedIn.statusCode).toBe(200);
  return client;
}

describeEachDialect("accounts, sessions and e-mail links", (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let clock = new Date("2026-11-28T10:00:00Z");
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp(dialect, { env: { KESKIO_SMTP_URL: smtp.url }, now: () => clock });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it("registers, sends a verification link over SMTP, and refuses sign-in until it is opened", async () => {
    const client = new TestClient(t.app);
    const email = "aino@example.fi";
    const res = await client.post(
      "/api/v1/auth/register",
      { email: "Aino@Example.fi", password: PASSWORD, displayName: "Aino" },
      { "accept-language": "sv" },
    );
    expect(res.statusCode).toBe(202);
    const mail = await smtp.nextTo(email);
    expect(mail.subject).toBe("Bekräfta din e-postadress – Keskiö");
    expect(mail.language).toBe("sv");
    expect(mail.text).toContain("http://localhost:3000/verify-email?token=");
    const early = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(early.statusCode).toBe(403);
    const token = tokenFromMail(mail);
    expect((await client.post("/api/v1/auth/verify-email", { token })).statusCode).toBe(200);
    const again = await client.post("/api/v1/auth/verify-email", { token });
    expect(again.statusCode).toBe(400);
    const signedIn = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().person).toMatchObject({
      email,
      emailVerified: true,
      displayName: "Aino",
      roles: [{ role: "resident", scope: "" }],
    });
  });

  it("sets an HttpOnly, SameSite=Lax session cookie and rotates its id on every sign-in", async () => {
    const email = "rotation@example.fi";
    const client = await registerAndSignIn(t, smtp, email);
    const first = client.cookies.get("keskio_session");
    const res = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/keskio_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const second = client.cookies.get("keskio_session");
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = new TestClient(t.app);
    stale.cookies.set("keskio_session", first ?? "");
    expect((await stale.get("/api/v1/me")).statusCode).toBe(401);
    expect((await client.get("/api/v1/me")).statusCode).toBe(200);
  });

  it("expires sessions after the idle time and after the absolute time", async () => {
    const client = await registerAndSignIn(t, smtp, "expiry@example.fi");
    const start = clock;
    try {
      clock = new Date(start.getTime() + 119 * 60_000);
      expect((await client.get("/api/v1/me")).statusCode).toBe(200);
      clock = new Date(clock.getTime() + 121 * 60_000);
      expect((await client.get("/api/v1/me")).statusCode).toBe(401);
      const active = await registerAndSignIn(t, smtp, "absolute@example.fi");
      const signedInAt = clock;
      for (let hour = 1; hour < 12; hour += 1) {
        clock = new Date(signedInAt.getTime() + hour * 3600_000);
        expect((await active.get("/api/v1/me")).statusCode).toBe(200);
      }
      clock = new Date(signedInAt.getTime() + 12 * 3600_000 + 1000);
      expect((await active.get("/api/v1/me")).statusCode).toBe(401);
    } finally {
      clock = start;
    }
  });

  it("signs out here, and everywhere", async () => {
    const email = "everywhere@example.fi";
    const laptop = await registerAndSignIn(t, smtp, email);
    const phone = new TestClient(t.app, "192.0.2.77");
    expect((await phone.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    const tablet = new TestClient(t.app, "192.0.2.78");
    expect((await tablet.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    expect((await tablet.post("/api/v1/auth/sign-out")).statusCode).toBe(204);
    expect((await tablet.get("/api/v1/me")).statusCode).toBe(401);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(200);
    expect((await laptop.post("/api/v1/auth/sign-out-everywhere")).statusCode).toBe(204);
    expect((await phone.get("/api/v1/me")).statusCode).toBe(401);
    expect((await laptop.get("/api/v1/me")).statusCode).toBe(401);
  });

  it("resets a password by a one-time link, ending every session", async () => {
    const email = "reset@example.fi";
    const client = await registerAndSignIn(t, smtp, email);
    const anonymous = new TestClient(t.app, "192.0.2.90");
    expect((await anonymous.post("/api/v1/auth/password-reset", { email })).statusCode).toBe(202);
    const mail = await smtp.nextTo(email);
    expect(mail.subject).toBe("Salasanan vaihtaminen – Keskiö");
    const token = tokenFromMail(mail);
    const newPassword = "uusi-salasana-heinola";
    expect(
      (await anonymous.post("/api/v1/auth/password-reset/confirm", { token, password: newPassword }))
        .statusCode,
    ).toBe(200);
    expect(
      (await anonymous.post("/api/v1/auth/password-reset/confirm", { token, password: newPassword }))
        .statusCode,
    ).toBe(400);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    expect((await anonymous.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(
      401,
    );
    expect((await anonymous.post("/api/v1/auth/sign-in", { email, password: newPassword })).statusCode).toBe(
      200,
    );
  });

  it("does not reveal which addresses have accounts", async () => {
    await registerAndSignIn(t, smtp, "known@example.fi");
    const probe = new TestClient(t.app, "192.0.2.50");
    const known = await probe.post("/api/v1/auth/sign-in", {
      email: "known@example.fi",
      password: "wrong-password-1",
    });
    const unknown = await probe.post("/api/v1/auth/sign-in", {
      email: "nobody@example.fi",
      password: "wrong-password-1",
    });
    expect(known.statusCode).toBe(unknown.statusCode);
    const strip = (body: string) => {
      const { requestId: _r, ...rest } = JSON.parse(body);
      return rest;
    };
    expect(strip(known.body)).toEqual(strip(unknown.body));
    const resetKnown = await probe.post("/api/v1/auth/password-reset", { email: "known@example.fi" });
    expect((await smtp.nextTo("known@example.fi")).subject).toBe("Salasanan vaihtaminen – Keskiö");
    const resetUnknown = await probe.post("/api/v1/auth/password-reset", { email: "nobody@example.fi" });
    expect(resetKnown.statusCode).toBe(202);
    expect(resetUnknown.body).toBe(resetKnown.body);
    const again = await probe.post("/api/v1/auth/register", {
      email: "known@example.fi",
      password: PASSWORD,
      displayName: "X",
    });
    expect(again.statusCode).toBe(202);
    const notice = await smtp.nextTo("known@example.fi");
    expect(notice.subject).toContain("Tililläsi yritettiin rekisteröityä");
  });

  it("slows brute force after the configured failures, and the audit log shows it", async () => {
    const email = "target@example.fi";
    await registerAndSignIn(t, smtp, email);
    const attacker = new TestClient(t.app, "192.0.2.66");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push(
        (await attacker.post("/api/v1/auth/sign-in", { email, password: `guess-${i}-xxxxxx` })).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await attacker.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeDefined();
    // Another address is slowed too: the limit is per account as well as per address.
    const other = new TestClient(t.app, "192.0.2.67");
    expect((await other.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(429);
    const throttled = await t.db.database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "auth.sign_in")
      .where("outcome", "=", "throttled")
      .execute();
    expect(throttled.length).toBeGreaterThanOrEqual(3);
    // After the block has passed, the right password works again.
    const start = clock;
    clock = new Date(start.getTime() + 16 * 60_000);
    try {
      expect((await other.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(200);
    } finally {
      clock = start;
    }
  });

  it("refuses writes without a valid CSRF token", async () => {
    const client = await registerAndSignIn(t, smtp, "csrf@example.fi");
    const withoutToken = await client.request({
      method: "PATCH",
      url: "/api/v1/me",
      payload: { displayName: "X" },
      headers: { "x-csrf-token": "" },
    });
    expect(withoutToken.statusCode).toBe(403);
    const forged = await client.request({
      method: "PATCH",
      url: "/api/v1/me",
      payload: { displayName: "X" },
      headers: { "x-csrf-token": "abc.def" },
    });
    expect(forged.statusCode).toBe(403);
    // A token issued before sign-in (bound to no session) is not valid for the session.
    const other = new TestClient(t.app);
    const anonToken = (await other.session()).csrfToken;
    const crossed = await client.request({
      method: "PATCH",
      url: "/api/v1/me",
      payload: { displayName: "X" },
      headers: {
        "x-csrf-token": anonToken,
        cookie: `keskio_session=${client.cookies.get("keskio_session")}; keskio_csrf=${anonToken}`,
      },
    });
    expect(crossed.statusCode).toBe(403);
    expect((await client.patch("/api/v1/me", { displayName: "Uusi nimi" })).json().displayName).toBe(
      "Uusi nimi",
    );
  });

  it("exports my data without secrets, and erases my account", async () => {
    const email = "gdpr@example.fi";
    const client = await registerAndSignIn(t, smtp, email);
    const exported = await client.get("/api/v1/me/data");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-disposition"]).toContain("attachment");
    const data = exported.json();
    expect(data.identity.account.email).toBe(email);
    expect(data.identity.roles).toEqual([{ role: "resident", scope: "" }]);
    expect(data.identity.auditLog.length).toBeGreaterThan(0);
    expect(exported.body).not.toContain("argon2");
    expect(exported.body).not.toContain(client.cookies.get("keskio_session"));
    const refused = await client.delete("/api/v1/me", { confirm: "yes" });
    expect(refused.statusCode).toBe(400);
    expect((await client.delete("/api/v1/me", { confirm: "DELETE" })).statusCode).toBe(204);
    expect((await client.get("/api/v1/me")).statusCode).toBe(401);
    const fresh = new TestClient(t.app, "192.0.2.91");
    expect((await fresh.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).statusCode).toBe(401);
    const stub = await t.db.database.db
      .selectFrom("identity_person")
      .selectAll()
      .where("id", "=", data.identity.account.id)
      .executeTakeFirstOrThrow();
    expect(stub).toMatchObject({ email: null, passwordHash: null, displayName: "", hetuHmac: null });
    expect(stub.erasedAt).not.toBeNull();
  });
});

describe("privacy notices", () => {
  it("are published for every register, in three languages", async () => {
    const t = await buildTestApp("sqlite");
    try {
      const notices = (await t.app.inject("/api/v1/privacy")).json();
      expect(notices.map((n: { register: string }) => n.register)).toEqual([
        "accounts",
        "audit",
        "volunteering",
      ]);
      for (const notice of notices) {
        expect(notice.sections.length).toBeGreaterThanOrEqual(6);
        for (const section of notice.sections)
          expect(Object.keys(section.body).sort()).toEqual(["en", "fi", "sv"]);
      }
    } finally {
      await t.close();
    }
  });
});

describe("behind https", () => {
  it("marks the session cookie Secure and sends HSTS", async () => {
    const t = await buildTestApp("sqlite", { env: { KESKIO_PUBLIC_URL: "https://osallistu.heinola.fi" } });
    try {
      await buildPerson(t.db.database.db, { email: "secure@example.fi", password: PASSWORD });
      const client = new TestClient(t.app);
      const res = await client.post("/api/v1/auth/sign-in", {
        email: "secure@example.fi",
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers["set-cookie"])).toMatch(/keskio_session=[^;]+;.*Secure/i);
      expect(res.headers["strict-transport-security"]).toContain("max-age=31536000");
    } finally {
      await t.close();
    }
  });
});
