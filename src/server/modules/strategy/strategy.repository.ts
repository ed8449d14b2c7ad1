import type { Kysely } from "kysely";
import type { AnyDb } from "../../db/db.ts";
import type {
  ActionRow,
  GoalRow,
  NewActionRow,
  NewGoalRow,
  NewPlanRow,
  NewProgrammeRow,
  PlanRow,
  ProgrammeRow,
  StrategyTables,
} from "./strategy.tables.ts";

/** What an idempotent write did. */
export type UpsertOutcome = "created" | "updated" | "unchanged";

type Db = Kysely<StrategyTables>;

/** The strategy in force: the plan whose period ends last. */
export function findCurrentPlan(db: Db): Promise<PlanRow | undefined> {
  return db
    .selectFrom("strategyPlan")
    .selectAll()
    .orderBy("periodEnd", "desc")
    .orderBy("id")
    .executeTakeFirst();
}

/** A plan's programmes in their order. */
export function listProgrammes(db: Db, planId: string): Promise<ProgrammeRow[]> {
  return db
    .selectFrom("strategyProgramme")
    .selectAll()
    .where("planId", "=", planId)
    .orderBy("position")
    .execute();
}

/** One programme of a plan by its slug. */
export function findProgrammeBySlug(db: Db, planId: string, slug: string): Promise<ProgrammeRow | undefined> {
  return db
    .selectFrom("strategyProgramme")
    .selectAll()
    .where("planId", "=", planId)
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** A programme's goals in their order. */
export function listGoals(db: Db, programmeId: string): Promise<GoalRow[]> {
  return db
    .selectFrom("strategyGoal")
    .selectAll()
    .where("programmeId", "=", programmeId)
    .orderBy("position")
    .execute();
}

/** The actions of the given goals, in goal then position order. */
export async function listActionsOfGoals(db: Db, goalIds: readonly string[]): Promise<ActionRow[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom("strategyAction")
    .selectAll()
    .where("goalId", "in", goalIds)
    .orderBy("goalId")
    .orderBy("position")
    .execute();
}

// The seed writes by natural key (slug within parent) so that re-running it changes nothing, keeps the ids
// other modules may link to, and only updates content that differs.

type Comparable = Record<string, unknown>;

function differs(current: Comparable, next: Comparable, keys: readonly string[]): boolean {
  return keys.some((key) => normalise(current[key]) !== normalise(next[key]));
}

// jsonb comes back parsed with its keys reordered; compare JSON documents by value, keys sorted.
function normalise(value: unknown): string {
  if (typeof value === "string") {
    try {
      return canonicalJson(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return canonicalJson(value ?? null);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const PLAN_CONTENT = ["title", "vision", "mission", "periodStart", "periodEnd", "values", "themes"] as const;
const PROGRAMME_CONTENT = [
  "position",
  "name",
  "summary",
  "statement",
  "changeAgenda",
  "foundations",
  "choices",
  "targetGroups",
  "values",
  "focusAreas",
] as const;
const ITEM_CONTENT = ["position", "title"] as const;

/** Inserts or updates a plan by slug; returns its id and what happened. */
export function upsertPlan(db: Db, row: NewPlanRow): Promise<{ id: string; outcome: UpsertOutcome }> {
  return upsertByNaturalKey(db, "strategyPlan", { slug: row.slug }, row, PLAN_CONTENT);
}

/** Inserts or updates a programme by (plan, slug). */
export function upsertProgramme(
  db: Db,
  row: NewProgrammeRow,
): Promise<{ id: string; outcome: UpsertOutcome }> {
  return upsertByNaturalKey(
    db,
    "strategyProgramme",
    { planId: row.planId, slug: row.slug },
    row,
    PROGRAMME_CONTENT,
  );
}

/** Inserts or updates a goal by (programme, slug). */
export function upsertGoal(db: Db, row: NewGoalRow): Promise<{ id: string; outcome: UpsertOutcome }> {
  return upsertByNaturalKey(
    db,
    "strategyGoal",
    { programmeId: row.programmeId, slug: row.slug },
    row,
    ITEM_CONTENT,
  );
}

/** Inserts or updates an action by (goal, slug). */
export function upsertAction(db: Db, row: NewActionRow): Promise<{ id: string; outcome: UpsertOutcome }> {
  return upsertByNaturalKey(db, "strategyAction", { goalId: row.goalId, slug: row.slug }, row, ITEM_CONTENT);
}

async function upsertByNaturalKey(
  typed: Db,
  table: keyof StrategyTables,
  naturalKey: Record<string, string>,
  row: { id: string; updatedAt: string } & Comparable,
  content: readonly string[],
): Promise<{ id: string; outcome: UpsertOutcome }> {
  // One generic statement for four tables; the public functions above keep the row types exact.
  const db = typed as unknown as AnyDb;
  let query = db.selectFrom(table).selectAll();
  for (const [column, value] of Object.entries(naturalKey)) query = query.where(column, "=", value);
  const current = (await query.executeTakeFirst()) as ({ id: string } & Comparable) | undefined;
  if (!current) {
    await db.insertInto(table).values(row).execute();
    return { id: row.id, outcome: "created" };
  }
  if (!differs(current, row, content)) return { id: current.id, outcome: "unchanged" };
  const changes: Comparable = { updatedAt: row.updatedAt };
  for (const key of content) changes[key] = row[key];
  await db.updateTable(table).set(changes).where("id", "=", current.id).execute();
  return { id: current.id, outcome: "updated" };
}
