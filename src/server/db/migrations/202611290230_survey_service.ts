import type { Kysely } from "kysely";
import { jsonType, timestampType } from "./dialect.ts";

// The resident survey as a service (issue 7): versioned questionnaires (questions as JSON, linked across
// years by question key), rounds with fieldwork dates, a sample whose members hold an invitation code (only
// its SHA-256 is stored) and call-list state, responses from three channels (web, phone, paper) with their
// weighting variables, population margins per year, quotas, call attempts and theme codes of open answers.
// One response per invitation code and per signed-in resident is enforced by unique indexes (NULLs are
// distinct on both dialects, so responses without a code or a person are not constrained).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function up(db: Kysely<any>): Promise<void> {
  const json = jsonType(db);
  const ts = timestampType(db);
  await db.schema
    .createTable("survey_questionnaire")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("intro", json)
    .addColumn("questions", json, (c) => c.notNull())
    .addColumn("overall_question", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .addUniqueConstraint("survey_questionnaire_key_version_uq", ["key", "version"])
    .execute();
  await db.schema
    .createTable("survey_round")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("questionnaire_id", "text", (c) => c.notNull().references("survey_questionnaire.id"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("title", json, (c) => c.notNull())
    .addColumn("fieldwork_start", "text", (c) => c.notNull())
    .addColumn("fieldwork_end", "text", (c) => c.notNull())
    .addColumn("open_web", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("survey_sample_member")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("survey_round.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("age_group", "text", (c) => c.notNull())
    .addColumn("sex", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("call_status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("call_back_at", ts)
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("survey_sample_member_round_idx")
    .on("survey_sample_member")
    .columns(["round_id", "call_status"])
    .execute();
  await db.schema
    .createTable("survey_call_attempt")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("member_id", "text", (c) =>
      c.notNull().references("survey_sample_member.id").onDelete("cascade"),
    )
    .addColumn("interviewer_id", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("call_back_at", ts)
    .addColumn("at", ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("survey_call_attempt_member_idx")
    .on("survey_call_attempt")
    .column("member_id")
    .execute();
  await db.schema
    .createTable("survey_response")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("round_id", "text", (c) => c.notNull().references("survey_round.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.references("survey_sample_member.id").onDelete("set null"))
    .addColumn("person_id", "text")
    .addColumn("external_id", "text")
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("age_group", "text")
    .addColumn("sex", "text")
    .addColumn("area", "text")
    // Text, not jsonb: answers are keyed by question keys (snake_case), which Kysely's CamelCasePlugin would
    // rewrite inside a parsed jsonb value on PostgreSQL.
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text")
    .addColumn("started_at", ts, (c) => c.notNull())
    .addColumn("updated_at", ts, (c) => c.notNull())
    .addColumn("completed_at", ts)
    .execute();
  await db.schema
    .createIndex("survey_response_member_uq")
    .on("survey_response")
    .column("member_id")
    .unique()
    .execute();
  await db.schema
    .createIndex("survey_response_person_uq")
    .on("survey_response")
    .columns(["round_id", "person_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("survey_response_external_uq")
    .on("survey_response")
    .columns(["round_id", "external_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("survey_response_round_idx")
    .on("survey_response")
    .columns(["round_id", "status"])
    .execute();
  await db.schema
    .createTable("survey_margin")
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("variable", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("population", "double precision", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("imported_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_margin_pk", ["year", "variable", "category"])
    .execute();
  await db.schema
    .createTable("survey_quota")
    .addColumn("round_id", "text", (c) => c.notNull().references("survey_round.id").onDelete("cascade"))
    .addColumn("age_group", "text", (c) => c.notNull())
    .addColumn("area", "text", (c) => c.notNull())
    .addColumn("target", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_quota_pk", ["round_id", "age_group", "area"])
    .execute();
  await db.schema
    .createTable("survey_answer_theme")
    .addColumn("response_id", "text", (c) => c.notNull().references("survey_response.id").onDelete("cascade"))
    .addColumn("question_key", "text", (c) => c.notNull())
    .addColumn("theme", "text", (c) => c.notNull())
    .addColumn("coded_by", "text", (c) => c.notNull())
    .addColumn("coded_at", ts, (c) => c.notNull())
    .addPrimaryKeyConstraint("survey_answer_theme_pk", ["response_id", "question_key", "theme"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an untyped database.
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "survey_answer_theme",
    "survey_quota",
    "survey_margin",
    "survey_response",
    "survey_call_attempt",
    "survey_sample_member",
    "survey_round",
    "survey_questionnaire",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
