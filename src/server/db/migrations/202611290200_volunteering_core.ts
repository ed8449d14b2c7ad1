import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// Volunteering (issue 8): organisations approved by city staff, their representatives, opportunities with
// shifts (a weekly series is stored as one row per occurrence), volunteers (an account holder or a light
// profile confirmed by e-mail), sign-ups (confirmed / waitlisted / cancelled) and logged hours. Uniqueness that
// matters (one sign-up per person and shift, one profile per account, one organisation per Y-tunnus) is a
// unique index, so that racing requests cannot break it.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  await db.schema
    .createTable("volunteering_organisation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("y_tunnus", "text")
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", ts)
    .addColumn("created_by", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_organisation_y_tunnus_uq")
    .on("volunteering_organisation")
    .column("y_tunnus")
    .unique()
    .execute();
  await db.schema
    .createTable("volunteering_representative")
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("volunteering_organisation.id").onDelete("cascade"),
    )
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("added_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("volunteering_representative_pk", ["organisation_id", "person_id"])
    .execute();
  await db.schema
    .createIndex("volunteering_representative_person_idx")
    .on("volunteering_representative")
    .column("person_id")
    .execute();
  await db.schema
    .createTable("volunteering_opportunity")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) =>
      c.notNull().references("volunteering_organisation.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("themes", json, (c) => c.notNull())
    .addColumn("skills", json, (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("min_age", "integer")
    .addColumn("accessibility", json)
    .addColumn("needs_record_extract", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_opportunity_org_idx")
    .on("volunteering_opportunity")
    .column("organisation_id")
    .execute();
  await db.schema
    .createTable("volunteering_shift")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("opportunity_id", "text", (c) =>
      c.notNull().references("volunteering_opportunity.id").onDelete("cascade"),
    )
    .addColumn("series_id", "text")
    .addColumn("starts_at", ts, (c) => c.notNull())
    .addColumn("ends_at", ts, (c) => c.notNull())
    .addColumn("places", "integer", (c) => c.notNull())
    .addColumn("cancelled_at", ts)
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_shift_opportunity_idx")
    .on("volunteering_shift")
    .columns(["opportunity_id", "starts_at"])
    .execute();
  await db.schema
    .createTable("volunteering_volunteer")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text")
    .addColumn("email", "text")
    .addColumn("email_confirmed_at", ts)
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("profile", json, (c) => c.notNull())
    .addColumn("access_token_hash", "text")
    .addColumn("confirm_token_hash", "text")
    .addColumn("calendar_token", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  for (const column of ["person_id", "access_token_hash", "confirm_token_hash", "calendar_token"]) {
    await db.schema
      .createIndex(`volunteering_volunteer_${column}_uq`)
      .on("volunteering_volunteer")
      .column(column)
      .unique()
      .execute();
  }
  await db.schema
    .createTable("volunteering_signup")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("shift_id", "text", (c) => c.notNull().references("volunteering_shift.id").onDelete("cascade"))
    .addColumn("volunteer_id", "text", (c) =>
      c.notNull().references("volunteering_volunteer.id").onDelete("cascade"),
    )
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("queued_at", ts, (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("reminded_at", ts)
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_signup_shift_volunteer_uq")
    .on("volunteering_signup")
    .columns(["shift_id", "volunteer_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("volunteering_signup_volunteer_idx")
    .on("volunteering_signup")
    .column("volunteer_id")
    .execute();
  await db.schema
    .createTable("volunteering_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("volunteer_id", "text", (c) =>
      c.notNull().references("volunteering_volunteer.id").onDelete("cascade"),
    )
    .addColumn("opportunity_id", "text", (c) =>
      c.notNull().references("volunteering_opportunity.id").onDelete("cascade"),
    )
    .addColumn("shift_id", "text")
    .addColumn("work_date", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("logged_by", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_at", ts)
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_hours_volunteer_idx")
    .on("volunteering_hours")
    .column("volunteer_id")
    .execute();
  await db.schema
    .createIndex("volunteering_hours_opportunity_idx")
    .on("volunteering_hours")
    .columns(["opportunity_id", "status"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "volunteering_hours",
    "volunteering_signup",
    "volunteering_volunteer",
    "volunteering_shift",
    "volunteering_opportunity",
    "volunteering_representative",
    "volunteering_organisation",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
