import { type MigrationResultSet, Migrator, PostgresAdapter, sql } from "kysely";
import type { AnyDb } from "./db.ts";
import { migrations } from "./migrations/index.ts";

/** One migration's state, as `keskio migrate --status` shows it. */
export interface MigrationStatus {
  name: string;
  executedAt: string | null;
}

/**
 * On PostgreSQL the migration tables live in the connection's current schema, named explicitly:
 * Kysely otherwise looks for them in every schema, finds another schema's copy, and then fails
 * with "relation kysely_migration_lock does not exist" in its own.
 */
async function createMigrator(db: AnyDb): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = row.rows[0]?.schema;
  }
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** Brings the schema up to date; throws with the failing migration's name when one fails (its work rolled back). */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  const result: MigrationResultSet = await (await createMigrator(db)).migrateToLatest();
  const applied = (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed} failed: ${reason}`);
  }
  return applied;
}

/** Every known migration and when it ran (null when pending). */
export async function migrationStatus(db: AnyDb): Promise<MigrationStatus[]> {
  const list = await (await createMigrator(db)).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

/** Whether every known migration has run. */
export async function isSchemaCurrent(db: AnyDb): Promise<boolean> {
  return (await migrationStatus(db)).every((m) => m.executedAt !== null);
}
