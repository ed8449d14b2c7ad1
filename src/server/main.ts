import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { createDb, type Database } from "./db/db.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { modules } from "./modules/index.ts";
import { isStrategyLoaded } from "./modules/strategy/index.ts";
import { isWebBuilt } from "./platform/web.ts";

/** A running server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/**
 * config → database → migrations → first-run seed → app → listen. The strategy is seeded only into an empty
 * database, so a city's own edits are never overwritten by a restart; `demo` also loads the example data.
 */
export async function startServer(
  config: Config,
  log: (line: string) => void,
  options: { demo?: boolean } = {},
): Promise<RunningServer> {
  const database = createDb(config.database);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log(`applied ${applied.length} migration(s): ${applied.join(", ")}`);
    // The example data is loaded on every start that asks for it (the seeds are idempotent).
    if (options.demo === true || !(await isStrategyLoaded(database))) {
      for (const module of modules) {
        if (!module.seed) continue;
        const report = await module.seed(database, { demo: options.demo === true, now: new Date() });
        log(`seeded ${report.module}: ${report.created} created`);
      }
    }
  } catch (error) {
    await database.destroy();
    throw error;
  }
  if (!isWebBuilt(config.webRoot)) log(`the web app is not built (${config.webRoot}); run npm run build`);
  const app = await buildApp(config, { database });
  const url = await app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await database.destroy();
    })();
    return stopping;
  };
  return { app, database, url, stop };
}

/** Stops the server on SIGTERM/SIGINT after in-flight requests finish; a second signal or 10 s forces exit. */
export function stopOnSignals(server: RunningServer, log: (line: string) => void): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    received = true;
    log(`${signal}: finishing open requests and closing the database`);
    const force = setTimeout(() => {
      log("shutdown took over 10 s: exiting");
      process.exit(1);
    }, 10_000);
    force.unref();
    server.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
