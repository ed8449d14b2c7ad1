import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// Shared living rooms (spaces): a space with its regular weekly hours (JSON on the row, replaced whole),
// exceptions by date (one per space and date, a unique index so that two saves cannot both add one) and
// events. Nothing here is personal: events carry the organiser's public name only.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  await db.schema
    .createTable("spaces_space")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("step_free", "integer", (c) => c.notNull())
    .addColumn("accessible_toilet", "integer", (c) => c.notNull())
    .addColumn("induction_loop", "integer", (c) => c.notNull())
    .addColumn("accessibility_notes", json)
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("weekly_hours", json, (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("spaces_exception")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("space_id", "text", (c) => c.notNull().references("spaces_space.id").onDelete("cascade"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("closed", "integer", (c) => c.notNull())
    .addColumn("intervals", json, (c) => c.notNull())
    .addColumn("reason", json)
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("spaces_exception_space_date_uq")
    .on("spaces_exception")
    .columns(["space_id", "date"])
    .unique()
    .execute();
  await db.schema
    .createTable("spaces_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("space_id", "text", (c) => c.notNull().references("spaces_space.id").onDelete("cascade"))
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("starts_at", ts, (c) => c.notNull())
    .addColumn("ends_at", ts, (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("price", json)
    .addColumn("sign_up_url", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("spaces_event_ends_idx").on("spaces_event").column("ends_at").execute();
  await db.schema
    .createIndex("spaces_event_space_idx")
    .on("spaces_event")
    .columns(["space_id", "ends_at"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("spaces_event").execute();
  await db.schema.dropTable("spaces_exception").execute();
  await db.schema.dropTable("spaces_space").execute();
}
