import type { Kysely } from "kysely";

// Every index of a table is written when a row is added: a new service request touched eleven B-trees, and
// each is one more page in the commit's write-ahead log and in the next checkpoint (issue 6's target of
// 1,000 creates a second). Two indexes serve only rows that have the column set: a reporter's own requests
// (anonymous and Open311 reports have none) and the duplicates of a request (a new one is no duplicate).
// Kept partial, a new anonymous request no longer writes them. Both engines use a partial index
// `… where c is not null` for `c = ?`, which is how these columns are queried (and how SQLite finds the
// duplicates of a deleted request for its foreign key).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("feedback_request_reporter_idx").execute();
  await db.schema
    .createIndex("feedback_request_reporter_idx")
    .on("feedback_request")
    .columns(["reporter_id", "requested_at"])
    .where("reporter_id", "is not", null)
    .execute();
  await db.schema.dropIndex("feedback_request_duplicate_idx").execute();
  await db.schema
    .createIndex("feedback_request_duplicate_idx")
    .on("feedback_request")
    .column("duplicate_of")
    .where("duplicate_of", "is not", null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("feedback_request_reporter_idx").execute();
  await db.schema
    .createIndex("feedback_request_reporter_idx")
    .on("feedback_request")
    .columns(["reporter_id", "requested_at"])
    .execute();
  await db.schema.dropIndex("feedback_request_duplicate_idx").execute();
  await db.schema
    .createIndex("feedback_request_duplicate_idx")
    .on("feedback_request")
    .column("duplicate_of")
    .execute();
}
