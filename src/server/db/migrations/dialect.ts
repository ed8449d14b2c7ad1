import { type Kysely, PostgresAdapter } from "kysely";

// Column types that differ between the dialects. Migrations may import this file and nothing from the
// application: a migration must keep meaning the same thing after the application code changes.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
type AnyDb = Kysely<any>;

/** Whether the migration runs on PostgreSQL. */
export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A UTC timestamp: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
export function timestampType(db: AnyDb): "timestamptz" | "text" {
  return isPostgres(db) ? "timestamptz" : "text";
}

/** A JSON document: jsonb on PostgreSQL, text on SQLite. */
export function jsonType(db: AnyDb): "jsonb" | "text" {
  return isPostgres(db) ? "jsonb" : "text";
}
