import type { Kysely } from "kysely";
import { isPostgres, jsonType, timestampType } from "./dialect.ts";

// Feedback and service requests (issue 6): services (categories) with extra questions and response-time
// promises, requests with their history and photos, and Open311 API keys (stored as SHA-256 only).
// Uniqueness that matters (reference numbers, Open311 tokens, key hashes, attribute codes) is enforced here.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  const bytes = isPostgres(db) ? "bytea" : "blob";
  await db.schema
    .createTable("feedback_service")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", json, (c) => c.notNull())
    .addColumn("description", json)
    .addColumn("group_name", json)
    .addColumn("keywords", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("type", "text", (c) => c.notNull().defaultTo("realtime"))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("first_response_hours", "double precision", (c) => c.notNull())
    .addColumn("resolution_hours", "double precision", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("feedback_service_attribute")
    .addColumn("service_id", "text", (c) => c.notNull().references("feedback_service.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("datatype", "text", (c) => c.notNull())
    .addColumn("is_required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_variable", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("datatype_description", json)
    .addColumn("values", json, (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_service_attribute_pk", ["service_id", "code"])
    .addUniqueConstraint("feedback_service_attribute_position_uq", ["service_id", "position"])
    .execute();
  await db.schema
    .createTable("feedback_api_key")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("revoked_at", ts)
    .execute();
  await db.schema
    .createTable("feedback_request")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("token", "text", (c) => c.unique())
    .addColumn("service_id", "text", (c) => c.notNull().references("feedback_service.id"))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("api_key_id", "text", (c) => c.references("feedback_api_key.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("close_reason", "text")
    .addColumn("title", "text")
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("public_description", "text")
    .addColumn("publish_consent", "integer", (c) => c.notNull())
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("lat", "double precision")
    .addColumn("long", "double precision")
    .addColumn("address", "text")
    .addColumn("address_id", "text")
    .addColumn("attributes", json, (c) => c.notNull())
    .addColumn("media_url", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    // Personal data: never in public responses, open data or logs; erased with the reporter's account.
    .addColumn("reporter_id", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_phone", "text")
    .addColumn("device_id", "text")
    .addColumn("account_id", "text")
    .addColumn("assignee_id", "text")
    .addColumn("duplicate_of", "text", (c) => c.references("feedback_request.id"))
    .addColumn("public_answer", "text")
    .addColumn("answered_at", ts)
    .addColumn("requested_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addColumn("first_response_at", ts)
    .addColumn("closed_at", ts)
    .addColumn("expected_first_response_at", ts, (c) => c.notNull())
    .addColumn("expected_resolution_at", ts, (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("feedback_request_requested_idx")
    .on("feedback_request")
    .columns(["requested_at", "id"])
    .execute();
  await db.schema
    .createIndex("feedback_request_service_idx")
    .on("feedback_request")
    .columns(["service_id", "requested_at"])
    .execute();
  await db.schema
    .createIndex("feedback_request_queue_idx")
    .on("feedback_request")
    .columns(["unit", "status", "requested_at"])
    .execute();
  await db.schema
    .createIndex("feedback_request_updated_idx")
    .on("feedback_request")
    .columns(["updated_at"])
    .execute();
  await db.schema
    .createIndex("feedback_request_reporter_idx")
    .on("feedback_request")
    .columns(["reporter_id", "requested_at"])
    .execute();
  await db.schema
    .createIndex("feedback_request_duplicate_idx")
    .on("feedback_request")
    .columns(["duplicate_of"])
    .execute();
  await db.schema
    .createTable("feedback_event")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("feedback_request.id").onDelete("cascade"))
    .addColumn("at", ts, (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text")
    .addColumn("note", "text")
    .addColumn("is_internal", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("actor_id", "text")
    .execute();
  await db.schema
    .createIndex("feedback_event_request_idx")
    .on("feedback_event")
    .columns(["request_id", "at"])
    .execute();
  await db.schema
    .createTable("feedback_photo")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "text", (c) => c.notNull().references("feedback_request.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("alt_text", "text")
    .addColumn("content", bytes, (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addUniqueConstraint("feedback_photo_position_uq", ["request_id", "position"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "feedback_photo",
    "feedback_event",
    "feedback_request",
    "feedback_api_key",
    "feedback_service_attribute",
    "feedback_service",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
