import { type DatabaseIntrospector, type MigrationResultSet, Migrator, PostgresAdapter, sql } from "kysely";
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
 * with "relation kysely_migration_lock does not exist" in its own. And the migrator is given an
 * introspector of that schema alone: Kysely's own reads every table of every schema, calling
 * pg_get_serial_sequence on each, so a schema another process drops meanwhile (a test's, or
 * another installation's in the same database) failed this one's migrations with "schema … does
 * not exist" or "column … does not exist".
 */
async function createMigrator(db: AnyDb): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  let migratorDb = db;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = row.rows[0]?.schema;
    if (migrationTableSchema) migratorDb = withIntrospectionOf(db, migrationTableSchema);
  }
  return new Migrator({
    db: migratorDb,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

/** The same handle, whose `introspection` sees one schema's tables (names only, which is all the migrator asks). */
function withIntrospectionOf(db: AnyDb, schema: string): AnyDb {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const rows = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows.rows;
    },
    async getTables() {
      const rows = await sql<{ name: string; kind: string }>`
        select c.relname as name, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return rows.rows.map((r) => ({
        name: r.name,
        schema,
        isView: r.kind === "v" || r.kind === "m",
        columns: [],
      }));
    },
    async getMetadata(options) {
      return { tables: await this.getTables(options) };
    },
  };
  // Kysely's methods read private fields, so they are called on the real handle, not on the proxy.
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspection;
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
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
