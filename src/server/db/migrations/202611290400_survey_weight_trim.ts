import type { Kysely } from "kysely";
import { isPostgres } from "./dialect.ts";

// A survey round may trim its weights at k × the mean weight after raking (issue 7 §3); null = no trimming.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("survey_round")
    .addColumn("weight_trim_multiplier", isPostgres(db) ? "double precision" : "real")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("survey_round").dropColumn("weight_trim_multiplier").execute();
}
