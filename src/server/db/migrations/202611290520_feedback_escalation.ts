import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// Escalation of overdue requests and the handlers' daily digest (issue 6 §4–5): a request remembers which
// promise it broke and how far that was raised (0 none, 1 handlers, 2 the unit's lead), so a breach is raised
// once; the digest remembers whom it mailed on which Helsinki day, so a second run that day sends nothing.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .alterTable("feedback_request")
    .addColumn("escalation_level", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("feedback_request").addColumn("escalation_breach", "text").execute();
  await db.schema.alterTable("feedback_request").addColumn("escalated_at", ts).execute();
  await db.schema
    .createIndex("feedback_request_escalation_idx")
    .on("feedback_request")
    .columns(["escalation_level", "unit"])
    .execute();
  await db.schema
    .createTable("feedback_digest")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("person_id", "text", (c) => c.notNull())
    .addColumn("items", "integer", (c) => c.notNull())
    .addColumn("sent_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_digest_pk", ["day", "person_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("feedback_digest").execute();
  await db.schema.dropIndex("feedback_request_escalation_idx").execute();
  await db.schema.alterTable("feedback_request").dropColumn("escalated_at").execute();
  await db.schema.alterTable("feedback_request").dropColumn("escalation_breach").execute();
  await db.schema.alterTable("feedback_request").dropColumn("escalation_level").execute();
}
