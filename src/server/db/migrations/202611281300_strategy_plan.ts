import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// The strategy's content tree as the 2018–2030 slides give it: plan → programmes → intended changes (goals)
// → measures (actions). Localized texts and lists of them are JSON documents of { fi, sv?, en? }.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  await db.schema
    .createTable("strategy_plan")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("vision", json, (c) => c.notNull())
    .addColumn("mission", json, (c) => c.notNull())
    .addColumn("period_start", "integer", (c) => c.notNull())
    .addColumn("period_end", "integer", (c) => c.notNull())
    .addColumn("values", json, (c) => c.notNull())
    .addColumn("themes", json, (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("strategy_programme")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("strategy_plan.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", json, (c) => c.notNull())
    .addColumn("summary", json, (c) => c.notNull())
    .addColumn("statement", json)
    .addColumn("change_agenda", json, (c) => c.notNull())
    .addColumn("foundations", json, (c) => c.notNull())
    .addColumn("choices", json, (c) => c.notNull())
    .addColumn("target_groups", json, (c) => c.notNull())
    .addColumn("values", json, (c) => c.notNull())
    .addColumn("focus_areas", json, (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addUniqueConstraint("strategy_programme_plan_slug_uq", ["plan_id", "slug"])
    .execute();
  await db.schema
    .createTable("strategy_goal")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("programme_id", "text", (c) =>
      c.notNull().references("strategy_programme.id").onDelete("cascade"),
    )
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addUniqueConstraint("strategy_goal_programme_slug_uq", ["programme_id", "slug"])
    .execute();
  await db.schema
    .createTable("strategy_action")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("goal_id", "text", (c) => c.notNull().references("strategy_goal.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addUniqueConstraint("strategy_action_goal_slug_uq", ["goal_id", "slug"])
    .execute();
  await db.schema
    .createIndex("strategy_goal_programme_idx")
    .on("strategy_goal")
    .column("programme_id")
    .execute();
  await db.schema.createIndex("strategy_action_goal_idx").on("strategy_action").column("goal_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("strategy_action").execute();
  await db.schema.dropTable("strategy_goal").execute();
  await db.schema.dropTable("strategy_programme").execute();
  await db.schema.dropTable("strategy_plan").execute();
}
