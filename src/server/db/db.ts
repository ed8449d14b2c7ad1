import SQLite from "better-sqlite3";
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Transaction } from "kysely";
import pg from "pg";
import type { Config } from "../config.ts";

/**
 * The database handle shared by the platform. Modules narrow it to their own tables once
 * (`asModuleDb`), so that no module's types know another module's tables.
 */
// biome-ignore lint/suspicious/noExplicitAny: the platform handle is untyped on purpose; modules narrow it.
export type AnyDb = Kysely<any>;

/** An open database with its dialect and a way to close it. */
export interface Database {
  db: AnyDb;
  dialect: Config["database"]["dialect"];
  /**
   * A token that changes whenever anything may have been written to the database, by this process or
   * another; null when that cannot be known cheaply (PostgreSQL). Read caches keep answers only while it
   * stays the same.
   */
  changeVersion(): string | null;
  destroy(): Promise<void>;
}

/** Options beyond the URL: tests put each file in its own PostgreSQL schema. */
export interface CreateDbOptions {
  /** PostgreSQL schema to use as search_path (created by the caller). */
  schema?: string;
  poolSize?: number;
}

const PG_INT8 = 20;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;

// Counts and sums come back from PostgreSQL as int8 strings; our integers (euros, counts) fit in a double.
// Timestamps are returned as ISO strings in UTC so both dialects hand services the same shape.
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === PG_INT8) return (value: string) => Number(value);
    if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP) {
      return (value: string) => new Date(oid === PG_TIMESTAMP ? `${value}Z` : value).toISOString();
    }
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** Opens the configured database: SQLite (WAL, foreign keys, busy timeout) or a PostgreSQL pool. */
export function createDb(database: Config["database"], options: CreateDbOptions = {}): Database {
  const plugins = [new CamelCasePlugin()];
  if (database.dialect === "sqlite") {
    const file = database.sqlitePath ?? ":memory:";
    const sqlite = new SQLite(file);
    // WAL lets readers proceed during a write; NORMAL sync is durable in WAL mode except on power loss
    // of the last commits, the SQLite-documented trade-off; busy_timeout waits for a writer instead of failing.
    if (file !== ":memory:") sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const changeVersion = trackChanges(sqlite);
    const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }), plugins });
    return { db, dialect: "sqlite", changeVersion, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client that loses its connection must not take the process down.
  pool.on("error", () => undefined);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }), plugins });
  return { db, dialect: "postgres", changeVersion: () => null, destroy: () => db.destroy() };
}

/** Runs `work` in one transaction; committed when it resolves, rolled back when it throws. */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}

/** A module's typed view of the shared handle (its own tables only). */
export function asModuleDb<Tables>(db: AnyDb): Kysely<Tables> {
  return db as Kysely<Tables>;
}

/** Reads a JSON column: SQLite returns text, PostgreSQL jsonb returns the parsed value. */
export function readJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Writes a JSON column the same way on both dialects. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}

// Kysely's SQLite driver prepares every statement anew; preparing dominated the short queries of hot paths
// (ballot casting). Statements are kept by their SQL text, at most 500, oldest out first. Reuse is safe
// because better-sqlite3 runs each statement to completion synchronously (Kysely does not stream here), and
// SQLite re-prepares a statement by itself after a schema change.
// Every statement of this process passes here just before it runs, so a statement that may write counts as
// a change of this connection; `PRAGMA data_version` changes when another connection (another process)
// has committed. Together they tell a read cache whether anything may have changed since it read.
// Kysely opens every transaction with a plain (deferred) `begin`: such a transaction reads first and asks for
// the write lock only at its first write, and when another process (a `keskio` command beside the server) has
// committed in between, SQLite answers "database is locked" at once, without waiting out busy_timeout.
// `begin immediate` takes the write lock at the start, so a second writer waits its turn instead.
const STATEMENT_CACHE_SIZE = 500;
const BEGIN = /^\s*begin\s*;?\s*$/i;

function trackChanges(sqlite: SQLite.Database): () => string {
  const prepare = sqlite.prepare.bind(sqlite);
  const dataVersion = prepare("PRAGMA data_version").pluck();
  let localWrites = 0;
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((text: string) => {
    const source = BEGIN.test(text) ? "begin immediate" : text;
    let statement = cache.get(source);
    if (!statement) {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(source, statement);
    }
    if (!statement.readonly) localWrites++;
    return statement;
  }) as typeof sqlite.prepare;
  return () => `${localWrites}.${dataVersion.get() as number}`;
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error("schema names are lower-case identifiers");
  return name;
}
