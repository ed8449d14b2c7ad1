import type { Kysely } from "kysely";
import { timestampType } from "./dialect.ts";

// The rounds desk (issue 7): a round has a state (draft while staff prepare the sample and quotas, open for
// answers, closed), the channels it takes answers through, and its weighting method — raking (default) or
// post-stratification on the cross-classification of some weighting variables. Post-stratification needs the
// joint population of every cell, so a year's figures may come as cells (age_group, sex, area: a null column
// is not a variable of the table); the one-way margins are derived from them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .alterTable("survey_round")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .execute();
  await db.schema
    .alterTable("survey_round")
    .addColumn("channels", "text", (c) => c.notNull().defaultTo("web,phone,paper"))
    .execute();
  await db.schema
    .alterTable("survey_round")
    .addColumn("weighting_method", "text", (c) => c.notNull().defaultTo("rake"))
    .execute();
  await db.schema.alterTable("survey_round").addColumn("poststrat_cells", "text").execute();
  await db.schema
    .createTable("survey_margin_cell")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("age_group", "text")
    .addColumn("sex", "text")
    .addColumn("area", "text")
    .addColumn("population", "double precision", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("imported_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_margin_cell_pk", ["year", "position"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("survey_margin_cell").execute();
  for (const column of ["poststrat_cells", "weighting_method", "channels", "status"]) {
    await db.schema.alterTable("survey_round").dropColumn(column).execute();
  }
}
