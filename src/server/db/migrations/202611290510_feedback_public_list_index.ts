import type { Kysely } from "kysely";

// The public request lists (web and Open311) ask for published requests, newest first, a page at a time,
// and the web list counts them. With visibility first, the page and the count read only this index for the
// rows they skip or count (SQLite: a covering index; PostgreSQL: an index-only scan once vacuumed) instead
// of every request's row.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("feedback_request_public_idx")
    .on("feedback_request")
    .columns(["visibility", "requested_at", "id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("feedback_request_public_idx").ifExists().execute();
}
