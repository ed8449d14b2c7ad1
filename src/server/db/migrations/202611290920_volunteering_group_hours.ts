import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// Hours of people who helped without a volunteer record (walk-ins at an event, issue 8 §7): the representative
// records "4 people helped 3 h each" for a task and a day. No names, no contact, no free text that could hold
// them: only the number of people and the minutes each. Confirmed when recorded; counted in the totals, the
// open data and the indicator, never in anyone's certificate.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable("volunteering_group_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("opportunity_id", "text", (c) =>
      c.notNull().references("volunteering_opportunity.id").onDelete("cascade"),
    )
    .addColumn("work_date", "text", (c) => c.notNull())
    .addColumn("people", "integer", (c) => c.notNull())
    .addColumn("minutes_each", "integer", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_group_hours_opportunity_idx")
    .on("volunteering_group_hours")
    .columns(["opportunity_id", "work_date"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("volunteering_group_hours").execute();
}
