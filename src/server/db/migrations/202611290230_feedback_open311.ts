import type { Kysely } from "kysely";

// Open311 6Aika extension (open311.md): a request may name the city object it concerns (a park bench, a
// street light) by service_object_id and service_object_type, given both or neither.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("feedback_request").addColumn("service_object_id", "text").execute();
  await db.schema.alterTable("feedback_request").addColumn("service_object_type", "text").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("feedback_request").dropColumn("service_object_type").execute();
  await db.schema.alterTable("feedback_request").dropColumn("service_object_id").execute();
}
