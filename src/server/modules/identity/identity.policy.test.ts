import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { buildPerson } from "../../../../test/factories.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { ROLES, type Role } from "../../../contracts/identity.ts";

const PASSWORD = "matrix-password-123";
/** Both tests sweep the whole API, so they grow with every module; a minute per hundred routes is ample. */
const SWEEP_TIMEOUT = 180_000;
type Caller = "anonymous" | Role;
const CALLERS: readonly Caller[] = ["anonymous", ...ROLES];

/** A concrete URL for a route pattern (the policy is checked before parameters are validated). */
function concrete(url: string): string {
  return url
    .replace(":id", "01900000-0000-7000-8000-000000000000")
    .replace(":slug", "hyvinvointi")
    .replace(":role", "resident");
}

describeEachDialect("role × route matrix", (dialect) => {
  let t: TestApp;
  const clients = new Map<Caller, TestClient>();
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true });
    for (const [index, role] of ROLES.entries()) {
      await buildPerson(t.db.database.db, {
        email: `${role}@example.fi`,
        password: PASSWORD,
        roles: [{ role, scope: role === "staff" || role === "organisation_rep" ? "unit" : "" }],
      });
      const client = new TestClient(t.app, `198.51.100.${index + 1}`);
      expect(
        (await client.post("/api/v1/auth/sign-in", { email: `${role}@example.fi`, password: PASSWORD }))
          .statusCode,
      ).toBe(200);
      clients.set(role, client);
    }
    clients.set("anonymous", new TestClient(t.app, "198.51.100.99"));
  });
  afterAll(() => t.close());

  it(
    "every API route declares a policy, and each role gets exactly what its policy says",
    async () => {
      const routes = t.app.declaredRoutes;
      expect(routes.length).toBeGreaterThanOrEqual(20);
      const failures: string[] = [];
      for (const route of routes) {
        // Signing out would end the caller's session in the middle of the walk; it is tested on its own.
        const endsSession =
          ["/api/v1/auth/sign-out", "/api/v1/auth/sign-out-everywhere"].includes(route.url) ||
          (route.method === "DELETE" && route.url === "/api/v1/me");
        // The callers of one route go together; routes go one after another.
        await Promise.all(
          CALLERS.map(async (caller) => {
            const client = clients.get(caller);
            if (!client || (endsSession && caller !== "anonymous")) return;
            const res = await client.request({
              method: route.method as "GET",
              url: concrete(route.url),
              ...(route.method === "GET" ? {} : { payload: {} }),
              headers:
                route.method === "GET" ? {} : { "x-csrf-token": client.cookies.get("keskio_csrf") ?? "" },
            });
            const policy = route.policy;
            const allowed =
              policy.access === "public" ||
              (caller !== "anonymous" &&
                (policy.access === "signed_in" || policy.roles.includes(caller as Role)));
            const refused = res.statusCode === 401 || res.statusCode === 403;
            const expectedRefusal = caller === "anonymous" ? 401 : 403;
            if (allowed && refused) {
              failures.push(
                `${caller} ${route.method} ${route.url}: refused with ${res.statusCode}, policy allows`,
              );
            }
            if (!allowed && res.statusCode !== expectedRefusal) {
              failures.push(
                `${caller} ${route.method} ${route.url}: got ${res.statusCode}, expected ${expectedRefusal}`,
              );
            }
          }),
        );
      }
      expect(failures).toEqual([]);
    },
    SWEEP_TIMEOUT,
  );
});

const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE identity_person; --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "../../etc/passwd",
  "\u0000",
  "x".repeat(5000),
  "010101-0000",
  "311399-9032",
  "1234567-8",
];

const NASTY_BODIES: unknown[] = [
  null,
  [],
  42,
  "text",
  { email: 42, password: ["a"], displayName: { x: 1 } },
  { email: null, password: null, token: null, henkilotunnus: null, yTunnus: null },
  { role: "emperor", scope: "<b>" },
  { confirm: "delete" },
  { extra: "field", email: "a@b.fi", password: "long-enough-password" },
  ...NASTY_STRINGS.map((v) => ({
    email: v,
    password: v,
    displayName: v,
    token: v,
    henkilotunnus: v,
    servicePoint: v,
    name: v,
    yTunnus: v,
    role: v,
    scope: v,
    preferredLocale: v,
  })),
];

describeEachDialect("bad input on every route", (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true });
    await buildPerson(t.db.database.db, {
      id: "01900000-0000-7000-8000-0000000000aa",
      email: "root@example.fi",
      password: PASSWORD,
      roles: [{ role: "admin" }, { role: "staff", scope: "unit" }],
    });
    admin = new TestClient(t.app, "203.0.113.5");
    expect(
      (await admin.post("/api/v1/auth/sign-in", { email: "root@example.fi", password: PASSWORD })).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it(
    "answers malformed, oversized, mistyped and injected input with 4xx problem+json, never 5xx",
    async () => {
      const failures: string[] = [];
      const writes = t.app.declaredRoutes.filter(
        (r) =>
          r.method !== "GET" &&
          !["/api/v1/auth/sign-out", "/api/v1/auth/sign-out-everywhere"].includes(r.url) &&
          !(r.method === "DELETE" && r.url === "/api/v1/me"),
      );
      const check = (
        label: string,
        res: { statusCode: number; headers: Record<string, unknown>; body: string },
      ) => {
        if (res.statusCode >= 500) failures.push(`${label}: ${res.statusCode}`);
        else if (
          res.statusCode >= 400 &&
          !String(res.headers["content-type"]).includes("application/problem+json") &&
          // Open311 answers GeoReport error lists (open311.md), in the URL's format, not problem+json.
          !(
            label.includes(" /open311/") &&
            /^(application\/json|text\/xml)/.test(String(res.headers["content-type"]))
          )
        ) {
          failures.push(`${label}: ${res.statusCode} without problem+json`);
        }
        if (/at [\w.]+ \(|node_modules|SqliteError|syntax error/.test(res.body))
          failures.push(`${label}: leaks internals`);
      };
      for (const route of writes) {
        const url = concrete(route.url);
        await Promise.all(
          NASTY_BODIES.map(async (body, index) => {
            const res = await admin.request({
              method: route.method as "POST",
              url,
              payload: JSON.stringify(body),
              headers: {
                "content-type": "application/json",
                "x-csrf-token": admin.cookies.get("keskio_csrf") ?? "",
              },
            });
            check(`${route.method} ${route.url} body #${index}`, res);
          }),
        );
        for (const raw of ['{"email": ', "\u0000\u0001", `{"a":"${"b".repeat(1_100_000)}"}`]) {
          const res = await admin.request({
            method: route.method as "POST",
            url,
            payload: raw,
            headers: {
              "content-type": "application/json",
              "x-csrf-token": admin.cookies.get("keskio_csrf") ?? "",
            },
          });
          check(`${route.method} ${route.url} raw ${raw.slice(0, 10)}`, res);
        }
      }
      for (const route of t.app.declaredRoutes.filter((r) => r.method === "GET")) {
        await Promise.all(
          NASTY_STRINGS.map(async (value) => {
            const encoded = encodeURIComponent(value);
            const url = `${route.url.replace(":id", encoded).replace(":slug", encoded).replace(":role", encoded)}?search=${encoded}&from=${encoded}&action=${encoded}&returnTo=${encoded}&state=${encoded}&link=${encoded}`;
            const res = await admin.request({ url });
            if (res.statusCode !== 303) check(`GET ${route.url} with ${value.slice(0, 12)}`, res);
          }),
        );
      }
      expect(failures).toEqual([]);
      // The database is intact after all of that.
      expect(await t.db.database.db.selectFrom("identity_person").select("id").execute()).toHaveLength(1);
    },
    SWEEP_TIMEOUT,
  );
});
