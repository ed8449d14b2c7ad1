import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { migrateToLatest, migrationStatus } from "../migrate.ts";
import { migrations } from "./index.ts";

const MIGRATION_FILE = /^(\d{12})_([a-z]+)_([a-z0-9_]+)\.ts$/;
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => MIGRATION_FILE.test(f));

describe("migration files", () => {
  it("are all listed in index.ts, in order, and nothing else is", () => {
    expect(Object.keys(migrations)).toEqual(files.map((f) => f.replace(/\.ts$/, "")).sort());
  });

  it("import nothing from the application (a migration must keep its meaning)", () => {
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const target of imports) expect(["kysely", "./dialect.ts"]).toContain(target);
    }
  });
});

describeEachDialect("migrations", (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.cleanup();
    t = undefined;
  });

  it("run from empty, report status, and are idempotent", async () => {
    t = await openTestDatabase(dialect, { migrate: false });
    const before = await migrationStatus(t.database.db);
    expect(before.every((m) => m.executedAt === null)).toBe(true);
    const applied = await migrateToLatest(t.database.db);
    expect(applied).toEqual(Object.keys(migrations));
    expect((await migrationStatus(t.database.db)).every((m) => m.executedAt !== null)).toBe(true);
    expect(await migrateToLatest(t.database.db)).toEqual([]);
  });

  it("enforce foreign keys", async () => {
    t = await openTestDatabase(dialect);
    const insert = sql`insert into strategy_goal (id, programme_id, slug, position, title, created_at, updated_at)
      values ('g1', 'missing-programme', 's', 1, '{"fi":"x"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`;
    await expect(insert.execute(t.database.db)).rejects.toThrow();
  });

  if (dialect === "postgres") {
    it("run while other schemas of the same database come and go (other tests, other installations)", async () => {
      // Kysely's own introspection read every schema's tables and failed with "schema … does not exist"
      // when one was dropped meanwhile: 10 of 12 runs failed so against this churn before migrate.ts gave
      // the migrator an introspector of its own schema.
      const churn = await openTestDatabase(dialect, { migrate: false });
      let stop = false;
      const churning = (async () => {
        for (let i = 0; !stop; i++) {
          const other = `${churn.schema}_churn_${i}`;
          await sql
            .raw(`create schema ${other}; create table ${other}.t (id serial primary key, a int)`)
            .execute(churn.database.db);
          await sql.raw(`drop schema ${other} cascade`).execute(churn.database.db);
        }
      })();
      try {
        for (let run = 0; run < 4; run++) {
          const fresh = await openTestDatabase(dialect, { migrate: false });
          try {
            expect(await migrateToLatest(fresh.database.db)).toEqual(Object.keys(migrations));
          } finally {
            await fresh.cleanup();
          }
        }
      } finally {
        stop = true;
        await churning;
        await churn.cleanup();
      }
    }, 120_000);
  }
});
