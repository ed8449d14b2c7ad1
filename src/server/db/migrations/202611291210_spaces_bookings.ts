import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// Bookings of the shared spaces: a signed-in resident asks for a time of a bookable space; staff confirm or
// refuse with a reason; the resident may cancel. The person is an identity id only (no names here). The rule
// "no overlap with a confirmed booking or an event" is decided in a transaction that first writes the space's
// row, so that two decisions about one space run one after the other on both dialects.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .alterTable("spaces_space")
    .addColumn("bookable", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("spaces_booking")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("space_id", "text", (c) => c.notNull().references("spaces_space.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("starts_at", ts, (c) => c.notNull())
    .addColumn("ends_at", ts, (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("attendees", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", ts)
    .addColumn("refusal_reason", "text")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("spaces_booking_space_idx")
    .on("spaces_booking")
    .columns(["space_id", "status", "starts_at"])
    .execute();
  await db.schema.createIndex("spaces_booking_person_idx").on("spaces_booking").column("person_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("spaces_booking").execute();
  await db.schema.alterTable("spaces_space").dropColumn("bookable").execute();
}
