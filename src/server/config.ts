import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Which database engine a URL selects. */
export type DatabaseDialect = "sqlite" | "postgres";

/** The validated configuration: parsed from the environment once, at start-up (DESIGN: config.ts). */
export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: string;
  database: { dialect: DatabaseDialect; url: string; sqlitePath: string | null };
  secret: string;
  /** Where the secret came from, so start-up can say so (never the secret itself). */
  secretSource: "environment" | "file" | "generated";
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** The home municipality whose residents are "verified residents" (Statistics Finland code; Heinola 111). */
  municipalityCode: string;
  /** The built web app; served when present. */
  webRoot: string;
  /** Whether the server is reached over https (decides Secure cookies and HSTS). */
  isHttps: boolean;
  /** The background map's tiles; null when tiles are off (the maps then draw a plain background). */
  map: MapConfig;
  /** Outgoing e-mail; without an SMTP URL (development only) messages are written to the outbox folder. */
  mail: { smtpUrl: string | null; from: string; outboxDir: string };
  /** Strong identification over OpenID Connect (e.g. Suomi.fi e-Identification); null when not configured. */
  oidc: OidcConfig | null;
  auth: {
    /** Failed sign-ins per account or address before the next attempts are slowed. */
    maxFailedSignIns: number;
    /**
     * Accounts one address may register per hour. A library's public computers or a registration
     * event behind one NAT address may need more than the default.
     */
    registrationsPerAddressHour: number;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
  };
  /** Limits on new service requests (issue 6): counted in each server process's memory, per hour. */
  feedback: {
    /**
     * Requests one client address may send without signing in (the web form, and Open311 clients). A
     * library's public computers, or an Open311 integration posting from one server, may need more.
     */
    reportsPerAddressHour: number;
    /** Requests one signed-in person may send from the web (staff recording requests are not limited). */
    reportsPerPersonHour: number;
    /** Requests one Open311 API key may send, from all its addresses together. */
    open311ReportsPerKeyHour: number;
  };
}

/** Where the web app's maps fetch tiles, the one origin the CSP lets images come from, and their credit. */
export interface MapConfig {
  /** A URL template with {z}, {x} and {y}, or null when tiles are off. */
  tileUrl: string | null;
  /** The tiles' origin (for img-src), or null when tiles are off. */
  tileOrigin: string | null;
  /** The attribution the tile provider requires, shown on every map. */
  attribution: string;
}

/** The identity provider connection and which claims carry what (Suomi.fi's OIDC claim names are configurable). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Allow plain http to the issuer: only for a provider on this machine, never in production. */
  allowInsecure: boolean;
  claims: { henkilotunnus: string; municipality: string; givenName: string; familyName: string };
}

/** A configuration value that cannot be used; the message is one clear line for the operator. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const DEFAULT_DATABASE_URL = "sqlite:./data/keskio.db";
const MIN_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/** Parses and validates the environment; throws ConfigError naming the variable and what is wrong. */
export function loadConfig(environment: Env = process.env, options: { cwd?: string } = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const env = parseNodeEnv(environment.NODE_ENV);
  const port = parsePort(environment.PORT);
  const host = parseHost(environment.HOST);
  const database = parseDatabaseUrl(environment.KESKIO_DATABASE_URL ?? DEFAULT_DATABASE_URL, cwd);
  const publicUrl = parsePublicUrl(environment.KESKIO_PUBLIC_URL, host, port);
  const logLevel = parseLogLevel(environment.LOG_LEVEL, env);
  const municipalityCode = environment.KESKIO_MUNICIPALITY_CODE ?? "111";
  if (!/^\d{3}$/.test(municipalityCode)) {
    throw new ConfigError(
      `KESKIO_MUNICIPALITY_CODE must be a three-digit municipality code (Heinola is 111), got "${municipalityCode}"`,
    );
  }
  const { secret, secretSource } = resolveSecret(environment.KESKIO_SECRET, env, database, cwd);
  const mail = parseMail(environment, env, cwd, database);
  const oidc = parseOidc(environment, env);
  const map = parseMap(environment);
  const auth = {
    maxFailedSignIns: parsePositiveInt(environment, "KESKIO_MAX_FAILED_SIGNINS", 5),
    registrationsPerAddressHour: parsePositiveInt(environment, "KESKIO_REGISTRATIONS_PER_ADDRESS_HOUR", 10),
    sessionIdleMinutes: parsePositiveInt(environment, "KESKIO_SESSION_IDLE_MINUTES", 120),
    sessionAbsoluteHours: parsePositiveInt(environment, "KESKIO_SESSION_ABSOLUTE_HOURS", 12),
  };
  const feedback = {
    reportsPerAddressHour: parsePositiveInt(environment, "KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR", 30),
    reportsPerPersonHour: parsePositiveInt(environment, "KESKIO_FEEDBACK_REPORTS_PER_PERSON_HOUR", 60),
    open311ReportsPerKeyHour: parsePositiveInt(environment, "KESKIO_OPEN311_REPORTS_PER_KEY_HOUR", 2000),
  };
  return {
    env,
    host,
    port,
    publicUrl,
    database,
    secret,
    secretSource,
    logLevel,
    municipalityCode,
    webRoot: path.resolve(cwd, environment.KESKIO_WEB_ROOT ?? "dist/web"),
    isHttps: publicUrl.startsWith("https:"),
    mail,
    oidc,
    auth,
    feedback,
    map,
  };
}

// OpenStreetMap's standard tiles; their usage policy asks for this visible credit (osmfoundation.org).
const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_ATTRIBUTION = "© OpenStreetMap contributors";

function parseMap(environment: Env): MapConfig {
  const attribution = environment.KESKIO_MAP_ATTRIBUTION?.trim() || DEFAULT_ATTRIBUTION;
  if (attribution.length > 200)
    throw new ConfigError("KESKIO_MAP_ATTRIBUTION must be at most 200 characters");
  const value = environment.KESKIO_MAP_TILE_URL?.trim() || DEFAULT_TILE_URL;
  if (value === "off") return { tileUrl: null, tileOrigin: null, attribution };
  const problem = `KESKIO_MAP_TILE_URL must be "off" or an https:// URL template with {z}, {x} and {y}, got "${value}"`;
  if (!["{z}", "{x}", "{y}"].every((part) => value.includes(part))) throw new ConfigError(problem);
  if (/[\s"'<>]/.test(value)) throw new ConfigError(problem);
  let url: URL;
  try {
    url = new URL(value.replace(/\{[zxy]\}/g, "0"));
  } catch {
    throw new ConfigError(problem);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  // The placeholders may only sit in the path or query: the origin must be fixed, since the CSP names it.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) throw new ConfigError(problem);
  if (!value.startsWith(`${url.origin}/`)) throw new ConfigError(problem);
  return { tileUrl: value, tileOrigin: url.origin, attribution };
}

function parsePositiveInt(environment: Env, name: string, fallback: number): number {
  const value = environment[name];
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 1_000_000) {
    throw new ConfigError(`${name} must be a whole number from 1 to 1000000, got "${value}"`);
  }
  return Number(value);
}

function parseMail(
  environment: Env,
  env: Config["env"],
  cwd: string,
  database: Config["database"],
): Config["mail"] {
  const smtpUrl = environment.KESKIO_SMTP_URL || null;
  if (smtpUrl !== null && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError("KESKIO_SMTP_URL must be an smtp:// or smtps:// URL");
  }
  if (smtpUrl === null && env === "production") {
    throw new ConfigError(
      "KESKIO_SMTP_URL is required in production: Keskiö sends verification and reset links by e-mail",
    );
  }
  const from = environment.KESKIO_MAIL_FROM || "Keskiö <no-reply@localhost>";
  const dataDir =
    database.sqlitePath && database.sqlitePath !== ":memory:"
      ? path.dirname(database.sqlitePath)
      : path.resolve(cwd, "data");
  return { smtpUrl, from, outboxDir: path.join(dataDir, "outbox") };
}

function parseOidc(environment: Env, env: Config["env"]): OidcConfig | null {
  const issuer = environment.KESKIO_OIDC_ISSUER;
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`KESKIO_OIDC_ISSUER must be an absolute URL, got "${issuer}"`);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(local && env !== "production")) {
    throw new ConfigError(
      "KESKIO_OIDC_ISSUER must use https (plain http only for a local test provider outside production)",
    );
  }
  const clientId = environment.KESKIO_OIDC_CLIENT_ID;
  const clientSecret = environment.KESKIO_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ConfigError(
      "KESKIO_OIDC_CLIENT_ID and KESKIO_OIDC_CLIENT_SECRET are required with KESKIO_OIDC_ISSUER",
    );
  }
  return {
    issuer,
    clientId,
    clientSecret,
    allowInsecure: url.protocol === "http:",
    claims: {
      henkilotunnus: environment.KESKIO_OIDC_CLAIM_HENKILOTUNNUS || "national_identification_number",
      municipality: environment.KESKIO_OIDC_CLAIM_MUNICIPALITY || "home_municipality_code",
      givenName: environment.KESKIO_OIDC_CLAIM_GIVEN_NAME || "given_name",
      familyName: environment.KESKIO_OIDC_CLAIM_FAMILY_NAME || "family_name",
    },
  };
}

function parseNodeEnv(value: string | undefined): Config["env"] {
  if (value === undefined || value === "" || value === "development") return "development";
  if (value === "production" || value === "test") return value;
  throw new ConfigError(`NODE_ENV must be development, production or test, got "${value}"`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parseHost(value: string | undefined): string {
  if (value === undefined || value === "") return "0.0.0.0";
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(value))
    throw new ConfigError(`HOST is not a host name or address: "${value}"`);
  return value;
}

/** `sqlite:<path>` (relative to the working directory), `sqlite::memory:`, or `postgres://` / `postgresql://`. */
export function parseDatabaseUrl(url: string, cwd: string): Config["database"] {
  if (url.startsWith("sqlite:")) {
    const rest = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (rest === "")
      throw new ConfigError('KESKIO_DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/keskio.db');
    const sqlitePath = rest === ":memory:" ? ":memory:" : path.resolve(cwd, rest);
    return { dialect: "sqlite", url, sqlitePath };
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError("KESKIO_DATABASE_URL is not a valid postgres:// URL");
    }
    return { dialect: "postgres", url, sqlitePath: null };
  }
  const scheme = url.includes(":") ? url.slice(0, url.indexOf(":")) : url;
  throw new ConfigError(
    `KESKIO_DATABASE_URL must start with sqlite: or postgres:// — "${scheme}" is not supported`,
  );
}

function parsePublicUrl(value: string | undefined, host: string, port: number): string {
  if (value === undefined || value === "") {
    const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
    return `http://${shownHost}:${port}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`KESKIO_PUBLIC_URL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`KESKIO_PUBLIC_URL must use http or https, got "${url.protocol}"`);
  }
  return value.replace(/\/+$/, "");
}

function parseLogLevel(value: string | undefined, env: Config["env"]): Config["logLevel"] {
  if (value === undefined || value === "") return env === "test" ? "warn" : "info";
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as Config["logLevel"];
  throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
}

/**
 * The server secret signs sessions and keys HMACs of identity numbers. Production must be given one;
 * development generates one on first run and keeps it next to the SQLite file (or in ./data).
 */
function resolveSecret(
  value: string | undefined,
  env: Config["env"],
  database: Config["database"],
  cwd: string,
): { secret: string; secretSource: Config["secretSource"] } {
  if (value !== undefined && value !== "") {
    if (value.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`KESKIO_SECRET must be at least ${MIN_SECRET_LENGTH} characters long`);
    }
    return { secret: value, secretSource: "environment" };
  }
  if (env === "production") {
    throw new ConfigError(
      "KESKIO_SECRET is required in production: set it to a random string of at least 32 characters",
    );
  }
  const dir =
    database.sqlitePath && database.sqlitePath !== ":memory:"
      ? path.dirname(database.sqlitePath)
      : path.resolve(cwd, "data");
  const file = path.join(dir, "secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(
        `The stored secret in ${file} is too short; delete the file to generate a new one`,
      );
    }
    return { secret: stored, secretSource: "file" };
  }
  const generated = randomBytes(32).toString("base64url");
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return { secret: generated, secretSource: "generated" };
}
