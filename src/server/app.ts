import { randomUUID } from "node:crypto";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyInstance } from "fastify";
import Type from "typebox";
import { ERROR_CODES, ERROR_TITLES, isErrorCode } from "../contracts/errors.ts";
import { MODULE_NAMES, SiteMeta } from "../contracts/meta.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/db.ts";
import { modules as installedModules } from "./modules/index.ts";
import { Csrf } from "./platform/csrf.ts";
import { AppError } from "./platform/errors.ts";
import { registerHealth } from "./platform/health.ts";
import { loggerOptions } from "./platform/logging.ts";
import { createMailer, type Mailer } from "./platform/mail.ts";
import type { ModuleManifest } from "./platform/module.ts";
import { registerOpenApi } from "./platform/openapi.ts";
import { authorise, type DeclaredRoute, enforceRoutePolicies, publicRead } from "./platform/policy.ts";
import { buildProblem, registerProblemHandlers, sendProblem } from "./platform/problem.ts";
import { RateLimiter } from "./platform/rate-limit.ts";
import { registerWeb } from "./platform/web.ts";
import { KESKIO_VERSION } from "./version.ts";

/** What buildApp needs besides the configuration: an open database, and optionally a log destination. */
export interface AppDependencies {
  database: Database;
  modules?: readonly ModuleManifest[];
  now?: () => Date;
  /** Where log lines go (tests capture them); defaults to stdout. */
  logStream?: NodeJS.WritableStream;
  /** Outgoing mail; defaults to the configured SMTP server or the development outbox. */
  mailer?: Mailer;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route with its access policy, for the role × route matrix test. */
    declaredRoutes: readonly DeclaredRoute[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the Fastify application without listening; tests drive it with `inject`. */
export async function buildApp(config: Config, deps: AppDependencies): Promise<FastifyInstance> {
  const modules = deps.modules ?? installedModules;
  const logger = loggerOptions(config);
  const app = Fastify({
    logger: deps.logStream ? { ...logger, stream: deps.logStream } : logger,
    // Accept a caller's request id only when it looks like one; never echo arbitrary text into logs.
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.isHttps,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: true } },
    // Errors the router raises before any route or hook runs get the same problem+json as the rest.
    frameworkErrors: (error, request, reply) => {
      const code = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? "uri_too_long" : "bad_request";
      return sendProblem(reply, buildProblem(request, code));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  const declaredRoutes = enforceRoutePolicies(app);
  app.decorate("declaredRoutes", declaredRoutes);
  registerProblemHandlers(app);
  await app.register(cookie);
  const mailer = deps.mailer ?? createMailer(config.mail);
  if (!deps.mailer) app.addHook("onClose", async () => mailer.close());
  const csrf = new Csrf(config.secret, config.isHttps);
  const baseContext = {
    config,
    database: deps.database,
    now: deps.now ?? (() => new Date()),
    mailer,
    csrf,
    rateLimiter: new RateLimiter(deps.database.db, config.secret),
  };
  const moduleIndicators = modules.flatMap((m) => m.indicators?.(baseContext) ?? []);
  const personalDataHolders = modules.flatMap((m) => (m.personalData ? [m.personalData(baseContext)] : []));
  const openDataSources = modules.flatMap((m) => (m.openData ? [m.openData(baseContext)] : []));
  const signalSources = modules.flatMap((m) => (m.signalTexts ? [m.signalTexts(baseContext)] : []));
  const context = { ...baseContext, moduleIndicators, personalDataHolders, openDataSources, signalSources };
  app.decorateRequest("principal", null);
  const authenticators = modules.flatMap((m) => (m.authenticate ? [m.authenticate(context)] : []));
  if (authenticators.length > 1) throw new Error("only one module may authenticate requests");
  const authenticate = authenticators[0];
  // PostgreSQL cannot store a NUL character in text; no legitimate input has one, so refuse it everywhere.
  app.addHook("preValidation", async (request) => {
    if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) {
      throw new AppError("validation_failed", NUL_DETAIL);
    }
  });

  // Who is asking, whether they may, and whether a write really comes from our app: all before the body
  // is read, so a refused caller learns nothing from validation messages.
  app.addHook("onRequest", async (request) => {
    if (authenticate && request.url.startsWith("/api/")) request.principal = await authenticate(request);
    authorise(request);
    csrf.check(request);
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", ...(config.map.tileOrigin ? [config.map.tileOrigin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.isHttps ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  await registerOpenApi(app, config, KESKIO_VERSION);
  registerHealth(app, deps.database);

  const byName = new Map(modules.map((m) => [m.name, m]));
  const meta: SiteMeta = {
    name: "Keskiö",
    version: KESKIO_VERSION,
    municipalityCode: config.municipalityCode,
    map: { tileUrl: config.map.tileUrl, attribution: config.map.attribution },
    modules: MODULE_NAMES.map((name) => {
      const manifest = byName.get(name);
      return {
        name,
        available: manifest?.available ?? false,
        path: manifest?.available ? manifest.webPath : null,
      };
    }),
  };
  app.get(
    "/api/v1/meta",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["platform"],
        summary: "This installation and which modules it runs",
        response: { 200: SiteMeta },
      },
    },
    () => meta,
  );

  // A problem type URI should lead somewhere: it names the error in every language.
  app.get(
    "/api/problems/:slug",
    {
      schema: {
        hide: true,
        params: Type.Object({ slug: Type.String({ maxLength: 40 }) }),
      },
    },
    (request) => {
      const code = request.params.slug.replaceAll("-", "_");
      if (!isErrorCode(code)) throw new AppError("not_found");
      return { code, status: ERROR_CODES[code], title: ERROR_TITLES[code] };
    },
  );

  for (const module of modules) {
    if (module.routes) await module.routes(app, context);
  }
  await registerWeb(app, config.webRoot);
  return app;
}

const NUL_DETAIL = {
  fi: "Syötteessä on sallimaton ohjausmerkki.",
  sv: "Indata innehåller ett otillåtet kontrolltecken.",
  en: "The input contains a control character that is not allowed.",
};

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 20 || value === null || typeof value !== "object") return false;
  return Object.entries(value).some(([key, v]) => key.includes("\u0000") || containsNul(v, depth + 1));
}
