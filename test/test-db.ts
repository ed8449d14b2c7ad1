import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe } from "vitest";
import type { Config } from "../src/server/config.ts";
import { createDb, type Database } from "../src/server/db/db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";

/** The dialects every repository, service and HTTP test runs on (DESIGN rule 6). */
export type TestDialect = Config["database"]["dialect"];

const postgresUrl = process.env.KESKIO_TEST_DATABASE_URL;

if (process.env.CI && !postgresUrl) {
  // In CI nothing may be skipped: a missing PostgreSQL is a failure, not a quiet gap.
  throw new Error(
    "CI is set but KESKIO_TEST_DATABASE_URL is not: the PostgreSQL half of the suite would be skipped",
  );
}

/** SQLite always; PostgreSQL when KESKIO_TEST_DATABASE_URL is set. */
export const TEST_DIALECTS: readonly TestDialect[] = postgresUrl ? ["sqlite", "postgres"] : ["sqlite"];

/** A migrated, empty database of its own for one test file or test. */
export interface TestDatabase {
  database: Database;
  databaseConfig: Config["database"];
  /** The PostgreSQL schema it lives in, for tests that open a second connection. */
  schema: string | null;
  cleanup(): Promise<void>;
}

/** Opens a fresh database: a new SQLite file, or a new PostgreSQL schema, so test files run in parallel. */
export async function openTestDatabase(
  dialect: TestDialect,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "keskio-test-"));
    const sqlitePath = path.join(dir, "test.db");
    const databaseConfig: Config["database"] = { dialect, url: `sqlite:${sqlitePath}`, sqlitePath };
    const database = createDb(databaseConfig);
    if (migrate) await migrateToLatest(database.db);
    return {
      database,
      databaseConfig,
      schema: null,
      cleanup: async () => {
        await database.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error("PostgreSQL tests need KESKIO_TEST_DATABASE_URL");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create schema ${schema}`);
  const databaseConfig: Config["database"] = { dialect, url: postgresUrl, sqlitePath: null };
  const database = createDb(databaseConfig, { schema, poolSize: 5 });
  if (migrate) await migrateToLatest(database.db);
  return {
    database,
    databaseConfig,
    schema,
    cleanup: async () => {
      await database.destroy();
      await adminQuery(`drop schema if exists ${schema} cascade`);
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Runs the same describe block once per dialect, named so a failure says which. */
export function describeEachDialect(name: string, body: (dialect: TestDialect) => void): void {
  for (const dialect of TEST_DIALECTS) describe(`${name} [${dialect}]`, () => body(dialect));
}
