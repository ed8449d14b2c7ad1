import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// Follow-up of the strategy (issue 4): goals get target groups, actions get an owner, schedule, budget and
// progress; milestones and progress updates keep their history; indicators with baseline and target carry
// values over time, optionally split by area, age group or sex ("" = the total); goals and actions point at
// indicators (one indicator may serve several).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  await db.schema.alterTable("strategy_goal").addColumn("target_groups", json).execute();
  for (const [name, type] of [
    ["responsible_unit", "text"],
    ["responsible_person", "text"],
    ["start_date", "text"],
    ["end_date", "text"],
    ["budget_euros", "integer"],
    ["progress_percent", "integer"],
  ] as const) {
    await db.schema.alterTable("strategy_action").addColumn(name, type).execute();
  }
  await db.schema
    .alterTable("strategy_action")
    .addColumn("progress", "text", (c) => c.notNull().defaultTo("planned"))
    .execute();
  await db.schema
    .alterTable("strategy_action")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("strategy_milestone")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("action_id", "text", (c) => c.notNull().references("strategy_action.id").onDelete("cascade"))
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("done_on", "text")
    .execute();
  await db.schema
    .createIndex("strategy_milestone_action_idx")
    .on("strategy_milestone")
    .column("action_id")
    .execute();
  await db.schema
    .createTable("strategy_progress_update")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("action_id", "text", (c) => c.notNull().references("strategy_action.id").onDelete("cascade"))
    .addColumn("at", ts, (c) => c.notNull())
    .addColumn("author_id", "text")
    .addColumn("progress", "text", (c) => c.notNull())
    .addColumn("progress_percent", "integer")
    .addColumn("note", json, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("strategy_progress_update_action_idx")
    .on("strategy_progress_update")
    .columns(["action_id", "at"])
    .execute();
  await db.schema
    .createTable("strategy_indicator")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("name", json, (c) => c.notNull())
    .addColumn("description", json)
    .addColumn("unit", json, (c) => c.notNull())
    .addColumn("source", json, (c) => c.notNull())
    .addColumn("sotkanet_id", "integer")
    .addColumn("module_source", "text")
    .addColumn("resolution", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("baseline_year", "integer", (c) => c.notNull())
    .addColumn("baseline_value", "double precision", (c) => c.notNull())
    .addColumn("target_year", "integer", (c) => c.notNull())
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("tolerance", "double precision")
    .addColumn("responsible_unit", "text")
    .addColumn("responsible_person_id", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("strategy_indicator_value")
    .addColumn("indicator_id", "text", (c) =>
      c.notNull().references("strategy_indicator.id").onDelete("cascade"),
    )
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("age_group", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("recorded_at", ts, (c) => c.notNull())
    .addColumn("recorded_by", "text")
    .addPrimaryKeyConstraint("strategy_indicator_value_pk", [
      "indicator_id",
      "period",
      "area",
      "age_group",
      "sex",
    ])
    .execute();
  await db.schema
    .createTable("strategy_goal_indicator")
    .addColumn("goal_id", "text", (c) => c.notNull().references("strategy_goal.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) =>
      c.notNull().references("strategy_indicator.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("strategy_goal_indicator_pk", ["goal_id", "indicator_id"])
    .execute();
  await db.schema
    .createTable("strategy_action_indicator")
    .addColumn("action_id", "text", (c) => c.notNull().references("strategy_action.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) =>
      c.notNull().references("strategy_indicator.id").onDelete("cascade"),
    )
    .addPrimaryKeyConstraint("strategy_action_indicator_pk", ["action_id", "indicator_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "strategy_action_indicator",
    "strategy_goal_indicator",
    "strategy_indicator_value",
    "strategy_indicator",
    "strategy_progress_update",
    "strategy_milestone",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of [
    "is_example",
    "progress",
    "progress_percent",
    "budget_euros",
    "end_date",
    "start_date",
    "responsible_person",
    "responsible_unit",
  ]) {
    await db.schema.alterTable("strategy_action").dropColumn(column).execute();
  }
  await db.schema.alterTable("strategy_goal").dropColumn("target_groups").execute();
}
