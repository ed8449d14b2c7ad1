import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Type from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../test/build-test-app.ts";
import { describeEachDialect } from "../../test/test-db.ts";
import { modules } from "./modules/index.ts";
import type { ModuleManifest } from "./platform/module.ts";
import { publicRead } from "./platform/policy.ts";

describeEachDialect("platform HTTP", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: true });
  });
  afterAll(() => t.close());

  it("answers liveness and readiness", async () => {
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", database: dialect });
  });

  it("tells which modules run here, never presenting a missing one as available", async () => {
    const meta = (await t.app.inject("/api/v1/meta")).json();
    expect(meta.municipalityCode).toBe("111");
    expect(meta.map).toEqual({ tileUrl: expect.any(String), attribution: expect.any(String) });
    expect(meta.modules).toHaveLength(8);
    expect(meta.modules.find((m: { name: string }) => m.name === "strategy")).toEqual({
      name: "strategy",
      available: true,
      path: "/",
    });
    // Each module says itself whether it is in service; the meta answer must agree and never give
    // a path for one that is not.
    for (const m of meta.modules as { name: string; available: boolean; path: string | null }[]) {
      const manifest = modules.find((x) => x.name === m.name);
      expect(m.available).toBe(manifest?.available ?? false);
      if (m.available) expect(m.path).toBe(manifest?.webPath);
      else expect(m.path).toBeNull();
    }
  });

  it("serves the strategy with its four programmes in order", async () => {
    const res = await t.app.inject("/api/v1/strategy");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.plan.title.fi).toBe("Pieni kaupunki, iso elämä");
    expect(body.plan.vision).toEqual({
      fi: "Hyvä kasvaa Heinolassa",
      sv: "Det goda växer i Heinola",
      en: "Good grows in Heinola",
    });
    expect(body.plan.values.map((v: { fi: string }) => v.fi)).toEqual([
      "Innovatiivisuus",
      "Tuloksellisuus",
      "Yhteisöllisyys",
      "Rohkeus",
      "Välittäminen",
    ]);
    expect(body.programmes.map((p: { slug: string }) => p.slug)).toEqual([
      "demokratia",
      "elinvoima",
      "hyvinvointi",
      "resurssit",
    ]);
  });

  it("serves the wellbeing programme's four intended changes with three measures each", async () => {
    const res = await t.app.inject("/api/v1/strategy/programmes/hyvinvointi");
    expect(res.statusCode).toBe(200);
    const programme = res.json();
    expect(programme.goals).toHaveLength(4);
    for (const goal of programme.goals) expect(goal.actions).toHaveLength(3);
    expect(programme.goals[2].title.fi).toBe("Heinolalaisten liikunta lisääntyy");
    expect(programme.goals[2].actions[0].title.fi).toBe("Liikkuva koulu -toimintamallin laajeneminen");
    expect(programme.targetGroups).toHaveLength(6);
    expect(programme.focusAreas).toHaveLength(4);
  });

  it("serves the democracy programme's change agenda and choices", async () => {
    const programme = (await t.app.inject("/api/v1/strategy/programmes/demokratia")).json();
    expect(programme.changeAgenda).toHaveLength(4);
    expect(programme.changeAgenda[0].children).toHaveLength(3);
    expect(programme.foundations).toHaveLength(5);
    expect(programme.choices.map((c: { text: { fi: string } }) => c.text.fi)).toContain(
      "Kansalaisbudjetointi",
    );
  });

  it.each([
    ["fi", "Ei löytynyt", "Tällaista strategian ohjelmaa ei ole."],
    ["sv", "Hittades inte", "Det finns inget sådant program i strategin."],
    ["en", "Not found", "There is no such programme in the strategy."],
  ])("answers an unknown programme with a 404 problem in %s", async (lang, title, detail) => {
    const res = await t.app.inject({
      url: "/api/v1/strategy/programmes/ei-ole",
      headers: { "accept-language": lang },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(res.json()).toMatchObject({
      status: 404,
      code: "not_found",
      title,
      detail,
      type: "/api/problems/not-found",
    });
  });

  it("answers an unknown API route with a 404 problem", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing", headers: { accept: "text/html" } });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "not_found", instance: "/api/v1/nothing" });
  });

  it("answers a malformed JSON body with a 400 problem and no internals", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/strategy",
      headers: { "content-type": "application/json", "accept-language": "en" },
      payload: '{"broken": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "malformed_body", title: "The request body could not be read" });
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|SyntaxError|Unexpected/);
  });

  it("answers invalid parameters with a 400 validation problem naming the field", async () => {
    const res = await t.app.inject("/api/v1/strategy/programmes/NOT_A_SLUG");
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors[0].path).toBe("/params/slug");
  });

  it("answers a wrong method on a known path with a problem", async () => {
    const res = await t.app.inject({ method: "DELETE", url: "/api/v1/strategy" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("publishes an OpenAPI 3.1 document generated from the route schemas, and browsable docs", async () => {
    const doc = (await t.app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/strategy",
        "/api/v1/strategy/programmes/{slug}",
        "/api/v1/meta",
        "/readyz",
      ]),
    );
    expect(doc.paths["/api/v1/strategy"].get.responses["200"]).toBeDefined();
    const docs = await t.app.inject("/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("sends security headers and a request id", async () => {
    const res = await t.app.inject({
      url: "/api/v1/strategy",
      headers: { "x-request-id": "client-req-12345" },
    });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Map tiles may come from the configured tile server and nowhere else.
    expect(csp).toMatch(/img-src 'self' data: https:\/\/tile\.openstreetmap\.org;/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["strict-transport-security"]).toBeUndefined();
    expect(res.headers["x-request-id"]).toBe("client-req-12345");
    const odd = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "<script>" } });
    expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("names problem types at a URL that explains them", async () => {
    const res = await t.app.inject("/api/problems/not-found");
    expect(res.json()).toMatchObject({ code: "not_found", status: 404, title: { en: "Not found" } });
    expect((await t.app.inject("/api/problems/nonsense")).statusCode).toBe(404);
  });

  it("logs requests with ids but no query strings, addresses, stack traces or cookies", async () => {
    await t.app.inject({
      url: "/api/v1/strategy?token=secret-token-value",
      headers: { cookie: "sid=abc123secret" },
    });
    const joined = t.logs.join("");
    expect(joined).toContain('"reqId"');
    expect(joined).not.toContain("secret-token-value");
    expect(joined).not.toContain("abc123secret");
    expect(joined).not.toContain("127.0.0.1");
    expect(joined).not.toMatch(/"stack"/);
  });
});

describeEachDialect("readiness", (dialect) => {
  it("is 503 when the schema is not current", async () => {
    const t = await buildTestApp(dialect);
    try {
      await t.db.database.db.schema.dropTable("strategy_action_indicator").execute();
      await t.db.database.db.deleteFrom("kysely_migration").execute();
      const res = await t.app.inject("/readyz");
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe("unavailable");
    } finally {
      await t.close();
    }
  });
});

// A module that exists only in this test, with a write route, to exercise body handling of the platform.
const echoModule: ModuleManifest = {
  name: "signals",
  available: false,
  webPath: null,
  routes: async (app) => {
    app.post(
      "/api/v1/test-echo",
      {
        // This route tests body handling only; CSRF has its own tests in the identity module.
        config: { policy: { ...publicRead, csrf: false } },
        schema: {
          body: Type.Object({
            name: Type.String({ minLength: 1, maxLength: 20 }),
            count: Type.Integer({ minimum: 0 }),
          }),
        },
      },
      async (request) => request.body,
    );
    app.get("/api/v1/test-crash", { config: { policy: publicRead } }, async () => {
      throw new Error("database said: duplicate key value (henkilotunnus)=(010101-123N)");
    });
  },
};

describe("request bodies and failures", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { modules: [echoModule] });
  });
  afterAll(() => t.close());

  it("accepts a valid body", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      payload: { name: "Aino", count: 2 },
    });
    expect(res.statusCode).toBe(200);
  });

  it("lists every invalid field of a body, localized", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      headers: { "accept-language": "sv" },
      payload: { name: "", count: "many" },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.title).toBe("Uppgifterna i begäran är ogiltiga");
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/body/count", "/body/name"]);
    const name = body.errors.find((e: { path: string }) => e.path === "/body/name");
    expect(name).toEqual({ path: "/body/name", message: "Minst 1 tecken.", keyword: "minLength" });
  });

  it("answers an oversized body with 413 and an unknown media type with 415", async () => {
    const big = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ name: "a".repeat(1024 * 1024 + 10), count: 1 }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe("payload_too_large");
    const media = await t.app.inject({
      method: "POST",
      url: "/api/v1/test-echo",
      headers: { "content-type": "application/x-unknown" },
      payload: "x",
    });
    expect(media.statusCode).toBe(415);
    expect(media.json().code).toBe("unsupported_media_type");
  });

  it("answers an unexpected failure with a generic 500 and logs no message that may hold personal data", async () => {
    const res = await t.app.inject({ url: "/api/v1/test-crash", headers: { "accept-language": "en" } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: "internal", title: "Something went wrong in the service" });
    expect(res.body).not.toContain("henkilotunnus");
    const logged = t.logs.join("");
    expect(logged).toContain("unhandled error");
    expect(logged).not.toMatch(/"stack"/);
    expect(logged).not.toContain("010101-123N");
    expect(logged).toContain("[henkilötunnus]");
  });

  it("refuses to start when a route declares no access policy", async () => {
    const open: ModuleManifest = {
      name: "signals",
      available: false,
      webPath: null,
      routes: async (app) => {
        app.get("/api/v1/undeclared", async () => ({}));
      },
    };
    await expect(buildTestApp("sqlite", { modules: [open] })).rejects.toThrow(/declares no access policy/);
  });
});

describe("web app serving", () => {
  let t: TestApp;
  beforeAll(async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), "keskio-web-"));
    writeFileSync(
      path.join(webRoot, "index.html"),
      "<!doctype html><html lang=fi><title>Keskiö</title></html>",
    );
    // A built asset with the compressed copies the build writes beside it (vite.config.ts), each marked so
    // that the test can tell which one was sent.
    mkdirSync(path.join(webRoot, "assets"));
    writeFileSync(path.join(webRoot, "assets", "page-abc123.js"), "plain();");
    writeFileSync(path.join(webRoot, "assets", "page-abc123.js.br"), "brotli bytes");
    writeFileSync(path.join(webRoot, "assets", "page-abc123.js.gz"), "gzip bytes");
    t = await buildTestApp("sqlite", { env: { KESKIO_WEB_ROOT: webRoot } });
  });
  afterAll(() => t.close());

  it("serves the app for its pages, with 404 for paths that are no page", async () => {
    const html = { accept: "text/html,application/xhtml+xml" };
    const home = await t.app.inject({ url: "/", headers: html });
    expect(home.statusCode).toBe(200);
    expect(home.headers["content-type"]).toContain("text/html");
    expect((await t.app.inject({ url: "/programmes/hyvinvointi", headers: html })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/accessibility", headers: html })).statusCode).toBe(200);
    const missing = await t.app.inject({ url: "/no/such/page", headers: html });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("<title>Keskiö</title>");
  });

  it("sends the compressed copy of an asset that the browser accepts, and says that the answer varies", async () => {
    const asset = "/assets/page-abc123.js";
    const sent = async (acceptEncoding?: string) => {
      const res = await t.app.inject({
        url: asset,
        headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {},
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("javascript");
      expect(res.headers.vary).toContain("accept-encoding");
      expect(res.headers["cache-control"]).toContain("immutable");
      return { body: res.body, encoding: res.headers["content-encoding"] };
    };
    expect(await sent("gzip, deflate, br, zstd")).toEqual({ body: "brotli bytes", encoding: "br" });
    expect(await sent("gzip")).toEqual({ body: "gzip bytes", encoding: "gzip" });
    expect(await sent()).toEqual({ body: "plain();", encoding: undefined });
    expect(await sent("identity")).toEqual({ body: "plain();", encoding: undefined });
  });

  it("does not serve the app for API paths or non-HTML requests", async () => {
    const api = await t.app.inject({ url: "/api/whatever", headers: { accept: "text/html" } });
    expect(api.headers["content-type"]).toContain("application/problem+json");
    const json = await t.app.inject({ url: "/programmes/x", headers: { accept: "application/json" } });
    expect(json.headers["content-type"]).toContain("application/problem+json");
  });
});
