import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, inTransaction } from "./db.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sqliteFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "keskio-db-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}

describe("SQLite transactions", () => {
  it("take the write lock when they begin, so another process's writer waits instead of failing mid-way", async () => {
    const file = sqliteFile();
    const database = createDb({ dialect: "sqlite", sqlitePath: file, url: `sqlite:${file}` });
    await sql`create table t (n integer)`.execute(database.db);
    // Another process, as a `keskio` command beside the server would be; no waiting, to see the lock.
    const other = new SQLite(file);
    other.pragma("busy_timeout = 0");
    try {
      await inTransaction(database.db, async (trx) => {
        // Nothing written yet: a deferred `begin` would hold no lock here and the other writer would get in.
        await sql`select count(*) from t`.execute(trx);
        expect(() => other.exec("begin immediate")).toThrow(/locked|busy/i);
        await sql`insert into t (n) values (1)`.execute(trx);
      });
      // Once committed, the other writer gets its turn and sees the row.
      other.exec("begin immediate");
      expect(other.prepare("select count(*) as n from t").get()).toEqual({ n: 1 });
      other.exec("commit");
    } finally {
      other.close();
      await database.destroy();
    }
  });
});
