import { existsSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Command, CommanderError } from "commander";
import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { createDb, type Database } from "../server/db/db.ts";
import { migrateToLatest, migrationStatus } from "../server/db/migrate.ts";
import { startServer, stopOnSignals } from "../server/main.ts";
import { modules } from "../server/modules/index.ts";
import type { CommandContext } from "../server/platform/module.ts";
import { KESKIO_VERSION } from "../server/version.ts";
import { ensureWebBuilt } from "./web-build.ts";

/** Streams the commands write to; tests pass their own. */
export interface CliIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
}

/** A failure the operator can act on: printed as one line, exit code 1. */
class CliError extends Error {}

/** Builds the `keskio` program; the modules add their own commands from their manifests. */
export function buildProgram(io: CliIo): Command {
  const say = (line: string) => io.out.write(`${line}\n`);
  let config: Config | undefined;
  const context: CommandContext = {
    loadConfig: () => {
      config ??= loadConfig(io.env);
      return config;
    },
    openDatabase: async () => {
      const database = createDb(context.loadConfig().database);
      try {
        await migrateToLatest(database.db);
      } catch (error) {
        await database.destroy();
        throw error;
      }
      return database;
    },
    out: io.out,
    err: io.err,
  };
  const withDatabase = async <T>(work: (database: Database) => Promise<T>): Promise<T> => {
    const database = await context.openDatabase();
    try {
      return await work(database);
    } finally {
      await database.destroy();
    }
  };

  const program = new Command("keskio")
    .description("Keskiö — Heinola's civic platform. Configuration comes from the environment (see README).")
    .version(KESKIO_VERSION, "-V, --version", "print the version")
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
    })
    .exitOverride();

  program
    .command("serve")
    .description("migrate the database, seed an empty one, and serve the API and web app")
    .option("--build-missing", "build the web app first when it is missing or older than its sources")
    .option(
      "--demo",
      "also load example data, labelled as such, for trying Keskiö out (as `keskio seed --demo`)",
    )
    .action(async (options: { buildMissing?: boolean; demo?: boolean }) => {
      const cfg = context.loadConfig();
      if (options.buildMissing) await ensureWebBuilt(cfg.webRoot, say);
      if (cfg.secretSource === "generated")
        say("generated a server secret for development (kept in the data folder)");
      const server = await startServer(cfg, say, { demo: options.demo === true });
      if (options.demo)
        say("example data is labelled esimerkkiaineisto / exempeldata / example data wherever it is shown");
      say(
        `Keskiö ${KESKIO_VERSION} listening on ${server.url} (${cfg.database.dialect}); public URL ${cfg.publicUrl}`,
      );
      stopOnSignals(server, say);
      await new Promise<never>(() => undefined);
    });

  program
    .command("migrate")
    .description("bring the database schema up to date")
    .option("--status", "list the migrations and whether each has run, without changing anything")
    .action(async (options: { status?: boolean }) => {
      const cfg = context.loadConfig();
      if (options.status) {
        const database = createDb(cfg.database);
        try {
          const list = await migrationStatus(database.db);
          for (const m of list)
            say(
              `${m.executedAt ? "applied" : "pending"}  ${m.name}${m.executedAt ? `  ${m.executedAt}` : ""}`,
            );
          const pending = list.filter((m) => !m.executedAt).length;
          say(
            pending === 0 ? "the schema is current" : `${pending} migration(s) pending: run keskio migrate`,
          );
        } finally {
          await database.destroy();
        }
        return;
      }
      const database = createDb(cfg.database);
      try {
        const applied = await migrateToLatest(database.db);
        say(applied.length === 0 ? "the schema was already current" : `applied: ${applied.join(", ")}`);
      } finally {
        await database.destroy();
      }
    });

  program
    .command("seed")
    .description(
      "load the Heinola strategy and each module's reference data (idempotent: running it again changes nothing)",
    )
    .option("--demo", "also load example data, labelled as such, for trying Keskiö out")
    .action(async (options: { demo?: boolean }) => {
      await withDatabase(async (database) => {
        for (const module of modules) {
          if (!module.seed) continue;
          const r = await module.seed(database, { demo: options.demo === true, now: new Date() });
          say(`${r.module}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`);
        }
        if (options.demo)
          say("example data is labelled esimerkkiaineisto / exempeldata / example data wherever it is shown");
      });
    });

  program
    .command("backup")
    .description("write a consistent copy of the SQLite database while Keskiö runs")
    .argument("<file>", "where to write the copy (must not exist)")
    .action(async (file: string) => {
      const cfg = context.loadConfig();
      if (cfg.database.dialect === "postgres") {
        throw new CliError(
          'keskio backup copies SQLite databases only; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=keskio.dump "$KESKIO_DATABASE_URL" (see docs/operations.md)',
        );
      }
      const source = cfg.database.sqlitePath;
      if (!source || source === ":memory:" || !existsSync(source)) {
        throw new CliError(`there is no SQLite database at ${source ?? "(memory)"} to back up`);
      }
      const target = path.resolve(file);
      if (existsSync(target)) throw new CliError(`${target} already exists; choose a new file name`);
      // SQLite's online backup API copies a consistent snapshot page by page while others keep writing.
      const sqlite = new SQLite(source, { readonly: true, fileMustExist: true });
      try {
        await sqlite.backup(target);
      } finally {
        sqlite.close();
      }
      say(`backed up ${source} to ${target}`);
    });

  program
    .command("version")
    .description("print the version")
    .action(() => {
      say(KESKIO_VERSION);
    });

  for (const module of modules) module.commands?.(program, context);
  return program;
}

/** Runs the command line; returns the exit code (0 ok, 1 failure, 2 usage or configuration). */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { out: process.stdout, err: process.stderr, env: process.env },
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; usage errors were printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ConfigError) {
      io.err.write(`keskio: configuration error: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`keskio: ${message}\n`);
    return 1;
  }
}
