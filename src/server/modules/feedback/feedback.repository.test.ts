import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase, type TestDatabase } from "../../../../test/test-db.ts";
import { asModuleDb } from "../../db/db.ts";
import { CompiledInserts } from "./feedback.repository.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

describeEachDialect("feedback repository: inserts compiled once", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(() => t.cleanup());

  it("binds each row's own values to a kept statement, per column list, and compiles rows it cannot keep each time", async () => {
    const db = asModuleDb<FeedbackTables>(t.database.db);
    const inserts = new CompiledInserts();
    const key = (n: number, extra: { revokedAt?: string | null | undefined } = {}) => ({
      id: `0190dddd-0000-7000-8000-00000000000${n}`,
      name: `avain ${n} 'lainausmerkein'`,
      keyHash: `hash-${n}`,
      createdAt: `2026-11-2${n}T10:00:00.000Z`,
      ...extra,
    });
    await inserts.insert(db, "feedbackApiKey", key(1));
    await inserts.insert(db, "feedbackApiKey", key(2));
    // Another column list, a null, and an undefined value (left out by Kysely, so never kept).
    await inserts.insert(db, "feedbackApiKey", key(3, { revokedAt: "2026-11-29T10:00:00.000Z" }));
    await inserts.insert(db, "feedbackApiKey", key(4, { revokedAt: null }));
    await inserts.insert(db, "feedbackApiKey", key(5, { revokedAt: undefined }));
    await inserts.insert(db, "feedbackApiKey", key(6, { revokedAt: undefined }));
    const rows = await db
      .selectFrom("feedbackApiKey")
      .select(["id", "name", "keyHash", "createdAt", "revokedAt"])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.name, r.keyHash, r.createdAt, r.revokedAt])).toEqual([
      ["avain 1 'lainausmerkein'", "hash-1", "2026-11-21T10:00:00.000Z", null],
      ["avain 2 'lainausmerkein'", "hash-2", "2026-11-22T10:00:00.000Z", null],
      ["avain 3 'lainausmerkein'", "hash-3", "2026-11-23T10:00:00.000Z", "2026-11-29T10:00:00.000Z"],
      ["avain 4 'lainausmerkein'", "hash-4", "2026-11-24T10:00:00.000Z", null],
      ["avain 5 'lainausmerkein'", "hash-5", "2026-11-25T10:00:00.000Z", null],
      ["avain 6 'lainausmerkein'", "hash-6", "2026-11-26T10:00:00.000Z", null],
    ]);
    // A kept statement still fails as the database says (a unique key), inside a transaction or not.
    await expect(inserts.insert(db, "feedbackApiKey", key(1))).rejects.toThrow();
  });
});
