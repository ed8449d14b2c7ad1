import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/server/app.ts";
import { type Config, loadConfig } from "../src/server/config.ts";
import type { MailMessage } from "../src/server/platform/mail.ts";
import type { ModuleManifest } from "../src/server/platform/module.ts";
import { openTestDatabase, type TestDatabase, type TestDialect } from "./test-db.ts";

/** An app on its own database, with every log line kept for inspection. */
export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  config: Config;
  logs: string[];
  close(): Promise<void>;
}

/** Builds the real application over a fresh database of the given dialect; seeds when asked. */
export async function buildTestApp(
  dialect: TestDialect,
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    modules?: readonly ModuleManifest[];
    /** The clock; tests of expiry move it forward. */
    now?: () => Date;
  } = {},
): Promise<TestApp> {
  const db = await openTestDatabase(dialect);
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    KESKIO_SECRET: "test-secret-that-is-long-enough-0123456789",
    KESKIO_DATABASE_URL: db.databaseConfig.url,
    KESKIO_WEB_ROOT: "/nonexistent/keskio-web",
    ...options.env,
  });
  config.database = db.databaseConfig;
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const { modules } = await import("../src/server/modules/index.ts");
  if (options.seed) {
    for (const module of options.modules ?? modules) {
      await module.seed?.(db.database, { demo: false, now: new Date("2026-11-28T10:00:00Z") });
    }
  }
  let app: FastifyInstance;
  try {
    // Without KESKIO_SMTP_URL, mail is kept in memory rather than written to an outbox folder.
    const sent: MailMessage[] = [];
    const memoryMailer = { send: async (m: MailMessage) => void sent.push(m), close: () => undefined };
    app = await buildApp(config, {
      database: db.database,
      logStream,
      ...(options.env?.KESKIO_SMTP_URL ? {} : { mailer: memoryMailer }),
      ...(options.now ? { now: options.now } : {}),
      ...(options.modules ? { modules: options.modules } : {}),
    });
    await app.ready();
  } catch (error) {
    await db.cleanup();
    throw error;
  }
  return {
    app,
    db,
    config,
    logs,
    close: async () => {
      await app.close();
      await db.cleanup();
    },
  };
}
