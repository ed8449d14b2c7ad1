import { type Kysely, sql } from "kysely";
import { isPostgres, timestampType } from "./dialect.ts";

// The address register (issue 6 §1: address search without a paid geocoder): addresses the operator imports
// from open data (DVV's buildings and addresses, OpenStreetMap), searched by street prefix and looked up by
// the nearest point. The search keys hold only a-z and 0-9 (accents and case folded away in the application);
// on PostgreSQL they use the "C" collation so that a prefix is a plain byte range an index can answer.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const key = isPostgres(db) ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable("address")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("municipality", "text", (c) => c.notNull())
    .addColumn("street_fi", "text", (c) => c.notNull())
    .addColumn("street_sv", "text")
    .addColumn("street_key", key, (c) => c.notNull())
    .addColumn("street_sv_key", key)
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("number_key", key, (c) => c.notNull())
    .addColumn("number_base", "integer", (c) => c.notNull())
    .addColumn("postal_code", "text", (c) => c.notNull())
    .addColumn("post_office_fi", "text")
    .addColumn("post_office_sv", "text")
    .addColumn("lat", "double precision", (c) => c.notNull())
    .addColumn("long", "double precision", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("address_natural_key")
    .on("address")
    .columns(["municipality", "street_key", "number_key"])
    .unique()
    .execute();
  await db.schema
    .createIndex("address_street_idx")
    .on("address")
    .columns(["street_key", "number_base"])
    .execute();
  await db.schema
    .createIndex("address_street_sv_idx")
    .on("address")
    .columns(["street_sv_key", "number_base"])
    .execute();
  await db.schema.createIndex("address_point_idx").on("address").columns(["lat", "long"]).execute();
  await db.schema
    .createTable("address_import")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("imported_at", ts, (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("attribution", "text", (c) => c.notNull())
    .addColumn("licence", "text", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("inserted", "integer", (c) => c.notNull())
    .addColumn("updated", "integer", (c) => c.notNull())
    .addColumn("unchanged", "integer", (c) => c.notNull())
    .addColumn("removed", "integer", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("address_import").execute();
  await db.schema.dropTable("address").execute();
}
