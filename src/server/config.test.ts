import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const SECRET = "a-secret-of-at-least-thirty-two-characters!";

describe("loadConfig", () => {
  it("has working defaults: port 3000, SQLite under ./data, Heinola's municipality code", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "keskio-config-"));
    const config = loadConfig({ KESKIO_SECRET: SECRET }, { cwd });
    expect(config.port).toBe(3000);
    expect(config.host).toBe("0.0.0.0");
    expect(config.database).toEqual({
      dialect: "sqlite",
      url: "sqlite:./data/keskio.db",
      sqlitePath: path.join(cwd, "data/keskio.db"),
    });
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.municipalityCode).toBe("111");
    expect(config.isHttps).toBe(false);
  });

  it("lets the operator raise the registrations one address may make in an hour, and refuses nonsense", () => {
    expect(loadConfig({ KESKIO_SECRET: SECRET }).auth.registrationsPerAddressHour).toBe(10);
    const raised = loadConfig({ KESKIO_SECRET: SECRET, KESKIO_REGISTRATIONS_PER_ADDRESS_HOUR: "60" });
    expect(raised.auth.registrationsPerAddressHour).toBe(60);
    expect(() =>
      loadConfig({ KESKIO_SECRET: SECRET, KESKIO_REGISTRATIONS_PER_ADDRESS_HOUR: "lots" }),
    ).toThrow(ConfigError);
  });

  it("limits new service requests per address, person and Open311 key, each raisable, and refuses nonsense", () => {
    expect(loadConfig({ KESKIO_SECRET: SECRET }).feedback).toEqual({
      reportsPerAddressHour: 30,
      reportsPerPersonHour: 60,
      open311ReportsPerKeyHour: 2000,
    });
    const raised = loadConfig({
      KESKIO_SECRET: SECRET,
      KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR: "200",
      KESKIO_FEEDBACK_REPORTS_PER_PERSON_HOUR: "100",
      KESKIO_OPEN311_REPORTS_PER_KEY_HOUR: "50000",
    });
    expect(raised.feedback).toEqual({
      reportsPerAddressHour: 200,
      reportsPerPersonHour: 100,
      open311ReportsPerKeyHour: 50000,
    });
    for (const bad of ["0", "-5", "many", "1.5"]) {
      expect(() =>
        loadConfig({ KESKIO_SECRET: SECRET, KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR: bad }),
      ).toThrow(/KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR/);
    }
    expect(() => loadConfig({ KESKIO_SECRET: SECRET, KESKIO_OPEN311_REPORTS_PER_KEY_HOUR: "x" })).toThrow(
      ConfigError,
    );
  });

  it("shows OpenStreetMap's tiles by default, lets the operator change or turn them off, and refuses nonsense", () => {
    expect(loadConfig({ KESKIO_SECRET: SECRET }).map).toEqual({
      tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      tileOrigin: "https://tile.openstreetmap.org",
      attribution: "© OpenStreetMap contributors",
    });
    const own = loadConfig({
      KESKIO_SECRET: SECRET,
      KESKIO_MAP_TILE_URL: "https://tiles.example.fi/base/{z}/{y}/{x}.png?v=2",
      KESKIO_MAP_ATTRIBUTION: "© Heinolan kaupunki",
    });
    expect(own.map).toEqual({
      tileUrl: "https://tiles.example.fi/base/{z}/{y}/{x}.png?v=2",
      tileOrigin: "https://tiles.example.fi",
      attribution: "© Heinolan kaupunki",
    });
    expect(loadConfig({ KESKIO_SECRET: SECRET, KESKIO_MAP_TILE_URL: "off" }).map.tileUrl).toBeNull();
    for (const bad of [
      "http://tiles.example.fi/{z}/{x}/{y}.png",
      "https://tiles.example.fi/{z}/{x}.png",
      "https://{z}.example.fi/{x}/{y}.png",
      "javascript:{z}{x}{y}",
      "https://tiles.example.fi/{z}/{x}/{y}.png' data:",
    ]) {
      expect(() => loadConfig({ KESKIO_SECRET: SECRET, KESKIO_MAP_TILE_URL: bad }), bad).toThrow(
        /KESKIO_MAP_TILE_URL/,
      );
    }
  });

  it("selects PostgreSQL from a postgres:// URL", () => {
    const config = loadConfig({ KESKIO_SECRET: SECRET, KESKIO_DATABASE_URL: "postgres://u@db:5432/keskio" });
    expect(config.database.dialect).toBe("postgres");
    expect(config.database.sqlitePath).toBeNull();
  });

  it.each([
    [
      { KESKIO_DATABASE_URL: "mysql://x" },
      /KESKIO_DATABASE_URL must start with sqlite: or postgres:\/\/ — "mysql"/,
    ],
    [{ PORT: "abc" }, /PORT must be a whole number from 0 to 65535, got "abc"/],
    [{ PORT: "70000" }, /PORT must be a whole number/],
    [{ PORT: "-1" }, /PORT must be a whole number/],
    [{ KESKIO_PUBLIC_URL: "not a url" }, /KESKIO_PUBLIC_URL must be an absolute http\(s\) URL/],
    [{ KESKIO_PUBLIC_URL: "ftp://x" }, /KESKIO_PUBLIC_URL must use http or https/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ NODE_ENV: "staging" }, /NODE_ENV must be development, production or test/],
    [{ KESKIO_SECRET: "short" }, /KESKIO_SECRET must be at least 32 characters/],
    [{ KESKIO_MUNICIPALITY_CODE: "Heinola" }, /KESKIO_MUNICIPALITY_CODE must be a three-digit/],
    [{ KESKIO_DATABASE_URL: "sqlite:" }, /needs a file path/],
  ])("rejects %o with one clear line", (env, message) => {
    const attempt = () => loadConfig({ KESKIO_SECRET: SECRET, ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("requires a secret in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/KESKIO_SECRET is required in production/);
  });

  it("generates a development secret once, stores it privately and reuses it", () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "keskio-secret-"));
    const first = loadConfig({}, { cwd });
    expect(first.secretSource).toBe("generated");
    const file = path.join(cwd, "data/secret");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first.secret);
    const second = loadConfig({}, { cwd });
    expect(second.secretSource).toBe("file");
    expect(second.secret).toBe(first.secret);
  });

  it("trusts https public URLs for Secure cookies and HSTS", () => {
    const config = loadConfig({ KESKIO_SECRET: SECRET, KESKIO_PUBLIC_URL: "https://osallistu.heinola.fi/" });
    expect(config.publicUrl).toBe("https://osallistu.heinola.fi");
    expect(config.isHttps).toBe(true);
  });
});
