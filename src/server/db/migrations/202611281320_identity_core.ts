import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// People, roles, sessions, one-time tokens, OpenID Connect flows, organisations and the census list.
// The henkilötunnus is never stored: only an HMAC-SHA-256 of it under the server secret, for matching.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable("identity_person")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.unique())
    .addColumn("email_verified_at", ts)
    .addColumn("password_hash", "text")
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("preferred_locale", "text", (c) => c.notNull())
    .addColumn("hetu_hmac", "text", (c) => c.unique())
    .addColumn("birth_date", "text")
    .addColumn("oidc_subject", "text", (c) => c.unique())
    .addColumn("home_municipality", "text")
    .addColumn("identified_at", ts)
    .addColumn("resident_method", "text")
    .addColumn("resident_verified_at", ts)
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addColumn("erased_at", ts)
    .execute();
  await db.schema
    .createTable("identity_role")
    .addColumn("person_id", "text", (c) => c.notNull().references("identity_person.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("granted_by", "text")
    .addColumn("granted_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("identity_role_pk", ["person_id", "role", "scope"])
    .execute();
  await db.schema
    .createTable("identity_session")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("identity_person.id").onDelete("cascade"))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("last_seen_at", ts, (c) => c.notNull())
    .addColumn("expires_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("identity_session_person_idx")
    .on("identity_session")
    .column("person_id")
    .execute();
  await db.schema
    .createTable("identity_token")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("person_id", "text", (c) => c.notNull().references("identity_person.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("expires_at", ts, (c) => c.notNull())
    .addColumn("used_at", ts)
    .execute();
  await db.schema
    .createTable("identity_oidc_flow")
    .addColumn("state", "text", (c) => c.primaryKey())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("link_person_id", "text")
    .addColumn("return_to", "text", (c) => c.notNull())
    .addColumn("expires_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("identity_organisation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("y_tunnus", "text", (c) => c.unique())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("identity_census")
    .addColumn("hetu_hmac", "text", (c) => c.primaryKey())
    .addColumn("imported_at", ts, (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "identity_census",
    "identity_organisation",
    "identity_oidc_flow",
    "identity_token",
    "identity_session",
    "identity_role",
    "identity_person",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
