import type { Kysely } from "kysely";
import { isPostgres, timestampType } from "./dialect.ts";

// Photos of budgeting proposals (issue 5 §6), stored like feedback's photos: the bytes in the database, with
// their metadata already stripped, so backups and erasure cover them with the rest of the data. added_by is
// the account that attached the photo (the proposer, or staff during review); it is what the data export
// and erasure of a person look for.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("budgeting_image")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) =>
      c.notNull().references("budgeting_proposal.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("alt_text", "text", (c) => c.notNull())
    .addColumn("content", isPostgres(db) ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("added_by", "text")
    .addColumn("created_at", timestampType(db), (c) => c.notNull())
    .addUniqueConstraint("budgeting_image_position_uq", ["proposal_id", "position"])
    .execute();
  await db.schema
    .createIndex("budgeting_image_added_by_idx")
    .on("budgeting_image")
    .column("added_by")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("budgeting_image").ifExists().execute();
}
