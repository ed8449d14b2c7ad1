import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// Participatory budgeting (issue 5): rounds with phases, areas with budgets, proposals with comments and the
// city's review, ballots (web and paper) and published results. One ballot per person per round across every
// channel is a unique index on (round_id, voter_key), where voter_key is the HMAC of the henkilötunnus.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const json = jsonType(db);
  await db.schema
    .createTable("budgeting_round")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("description", json, (c) => c.notNull())
    .addColumn("phase", "text", (c) => c.notNull())
    .addColumn("ideas_start", ts, (c) => c.notNull())
    .addColumn("review_start", ts, (c) => c.notNull())
    .addColumn("voting_start", ts, (c) => c.notNull())
    .addColumn("voting_end", ts, (c) => c.notNull())
    .addColumn("ballot_type", "text", (c) => c.notNull())
    .addColumn("max_choices", "integer")
    .addColumn("points_total", "integer")
    .addColumn("min_age", "integer", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("is_example", "integer", (c) => c.notNull())
    .addColumn("results_published_at", ts)
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("budgeting_area")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("budgeting_round.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", json, (c) => c.notNull())
    .addColumn("budget", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("budgeting_area_round_idx").on("budgeting_area").column("round_id").execute();
  await db.schema
    .createTable("budgeting_proposal")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("budgeting_round.id").onDelete("cascade"))
    .addColumn("area_id", "text", (c) => c.notNull().references("budgeting_area.id"))
    .addColumn("author_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("location_text", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("cost_estimate", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("merged_into", "text")
    .addColumn("review_cost", "integer")
    .addColumn("review_reason", json)
    .addColumn("reviewed_at", ts)
    .addColumn("strategy_action_id", "text")
    .addColumn("created_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("budgeting_proposal_round_idx")
    .on("budgeting_proposal")
    .columns(["round_id", "status"])
    .execute();
  await db.schema
    .createTable("budgeting_comment")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) =>
      c.notNull().references("budgeting_proposal.id").onDelete("cascade"),
    )
    .addColumn("author_id", "text")
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("budgeting_comment_proposal_idx")
    .on("budgeting_comment")
    .columns(["proposal_id", "created_at"])
    .execute();
  await db.schema
    .createTable("budgeting_ballot")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("budgeting_round.id").onDelete("cascade"))
    .addColumn("voter_key", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("receipt_code", "text", (c) => c.notNull())
    .addColumn("choices", json, (c) => c.notNull())
    .addColumn("entered_by", "text")
    .addColumn("cast_at", ts, (c) => c.notNull())
    .execute();
  // The rule "one person, one ballot per round, whatever the channel" lives here, not in application code.
  await db.schema
    .createIndex("budgeting_ballot_voter_uq")
    .on("budgeting_ballot")
    .columns(["round_id", "voter_key"])
    .unique()
    .execute();
  await db.schema
    .createIndex("budgeting_ballot_receipt_uq")
    .on("budgeting_ballot")
    .column("receipt_code")
    .unique()
    .execute();
  await db.schema
    .createTable("budgeting_result")
    .addColumn("round_id", "text", (c) => c.notNull().references("budgeting_round.id").onDelete("cascade"))
    .addColumn("area_id", "text", (c) => c.notNull().references("budgeting_area.id").onDelete("cascade"))
    .addColumn("outcome", json, (c) => c.notNull())
    .addColumn("ballot_file", "text", (c) => c.notNull())
    .addColumn("counted_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("budgeting_result_pk", ["round_id", "area_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "budgeting_result",
    "budgeting_ballot",
    "budgeting_comment",
    "budgeting_proposal",
    "budgeting_area",
    "budgeting_round",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
