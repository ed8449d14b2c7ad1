import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// Suggested volunteers and invitations (issue 8 §4). A volunteer is suggested to organisations only after they
// have said yes ("organisations may suggest tasks to me"): `suggestions_allowed_at` is when, null = no (the
// default for every existing profile). An invitation is one per task and volunteer (a unique index, so that a
// double click or a race cannot mail twice); `opt_out_token_hash` lets the mailed link turn suggestions off.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable("volunteering_volunteer").addColumn("suggestions_allowed_at", ts).execute();
  await db.schema
    .createTable("volunteering_invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("opportunity_id", "text", (c) =>
      c.notNull().references("volunteering_opportunity.id").onDelete("cascade"),
    )
    .addColumn("volunteer_id", "text", (c) =>
      c.notNull().references("volunteering_volunteer.id").onDelete("cascade"),
    )
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("invited_by", "text", (c) => c.notNull())
    .addColumn("opt_out_token_hash", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("volunteering_invitation_uq")
    .on("volunteering_invitation")
    .columns(["opportunity_id", "volunteer_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("volunteering_invitation_org_idx")
    .on("volunteering_invitation")
    .columns(["organisation_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("volunteering_invitation_volunteer_idx")
    .on("volunteering_invitation")
    .columns(["volunteer_id", "created_at"])
    .execute();
  await db.schema
    .createIndex("volunteering_invitation_token_idx")
    .on("volunteering_invitation")
    .column("opt_out_token_hash")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("volunteering_invitation").execute();
  await db.schema.alterTable("volunteering_volunteer").dropColumn("suggestions_allowed_at").execute();
}
