import type { Kysely } from "kysely";
import type { AnyDb } from "../../db/db.ts";
import type {
  ActionRow,
  GoalRow,
  IndicatorRow,
  IndicatorValueRow,
  MilestoneRow,
  NewActionRow,
  NewGoalRow,
  NewIndicatorRow,
  NewPlanRow,
  NewProgrammeRow,
  PlanRow,
  ProgrammeRow,
  ProgressUpdateRow,
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
const GOAL_CONTENT = ["position", "title", "targetGroups"] as const;

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
    GOAL_CONTENT,
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

// ---- follow-up ------------------------------------------------------------------------------------------

/** All goals of a plan, in programme then goal order. */
export function listGoalsOfPlan(db: Db, planId: string) {
  return db
    .selectFrom("strategyGoal")
    .innerJoin("strategyProgramme", "strategyProgramme.id", "strategyGoal.programmeId")
    .selectAll("strategyGoal")
    .select("strategyProgramme.slug as programmeSlug")
    .where("strategyProgramme.planId", "=", planId)
    .orderBy("strategyProgramme.position")
    .orderBy("strategyGoal.position")
    .execute();
}

/** All actions of a plan, in goal then position order. */
export function listActionsOfPlan(db: Db, planId: string) {
  return db
    .selectFrom("strategyAction")
    .innerJoin("strategyGoal", "strategyGoal.id", "strategyAction.goalId")
    .innerJoin("strategyProgramme", "strategyProgramme.id", "strategyGoal.programmeId")
    .selectAll("strategyAction")
    .where("strategyProgramme.planId", "=", planId)
    .orderBy("strategyAction.goalId")
    .orderBy("strategyAction.position")
    .execute();
}

export function findGoal(db: Db, id: string) {
  return db
    .selectFrom("strategyGoal")
    .innerJoin("strategyProgramme", "strategyProgramme.id", "strategyGoal.programmeId")
    .selectAll("strategyGoal")
    .select("strategyProgramme.slug as programmeSlug")
    .where("strategyGoal.id", "=", id)
    .executeTakeFirst();
}

export function findAction(db: Db, id: string): Promise<ActionRow | undefined> {
  return db.selectFrom("strategyAction").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateAction(
  db: Db,
  id: string,
  changes: Partial<Omit<ActionRow, "id" | "goalId">>,
): Promise<void> {
  await db.updateTable("strategyAction").set(changes).where("id", "=", id).execute();
}

export function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom("strategyIndicator").selectAll().orderBy("key").execute();
}

export function findIndicatorByKey(db: Db, key: string): Promise<IndicatorRow | undefined> {
  return db.selectFrom("strategyIndicator").selectAll().where("key", "=", key).executeTakeFirst();
}

export async function insertIndicator(db: Db, row: NewIndicatorRow): Promise<void> {
  await db.insertInto("strategyIndicator").values(row).execute();
}

export async function updateIndicator(db: Db, id: string, changes: Partial<NewIndicatorRow>): Promise<void> {
  await db.updateTable("strategyIndicator").set(changes).where("id", "=", id).execute();
}

/** Every value of the given indicators (all when no ids are given); only the totals when asked. */
export function listValues(
  db: Db,
  indicatorIds?: readonly string[],
  options: { totalsOnly?: boolean } = {},
): Promise<IndicatorValueRow[]> {
  let q = db.selectFrom("strategyIndicatorValue").selectAll();
  // Statuses judge the total series only; breakdowns are for the indicator's own page.
  if (options.totalsOnly) q = q.where("area", "=", "").where("ageGroup", "=", "").where("sex", "=", "");
  if (indicatorIds) {
    if (indicatorIds.length === 0) return Promise.resolve([]);
    q = q.where("indicatorId", "in", indicatorIds);
  }
  return q
    .orderBy("indicatorId")
    .orderBy("year")
    .orderBy("period")
    .orderBy("area")
    .orderBy("ageGroup")
    .orderBy("sex")
    .execute();
}

/** The years the stored values span and when a value or an indicator last changed (open data catalogue). */
export async function valueSpan(db: Db): Promise<{
  firstYear: number | null;
  lastYear: number | null;
  lastValueAt: string | null;
  lastIndicatorAt: string | null;
}> {
  const values = await db
    .selectFrom("strategyIndicatorValue")
    .select((eb) => [
      eb.fn.min("year").as("firstYear"),
      eb.fn.max("year").as("lastYear"),
      eb.fn.max("recordedAt").as("lastValueAt"),
    ])
    .executeTakeFirstOrThrow();
  const indicators = await db
    .selectFrom("strategyIndicator")
    .select((eb) => eb.fn.max("updatedAt").as("lastIndicatorAt"))
    .executeTakeFirstOrThrow();
  const year = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    firstYear: year(values.firstYear),
    lastYear: year(values.lastYear),
    lastValueAt: text(values.lastValueAt),
    lastIndicatorAt: text(indicators.lastIndicatorAt),
  };
}

/** Stores a value, replacing the one of the same period and breakdown. */
export async function upsertValue(db: Db, row: IndicatorValueRow): Promise<void> {
  await db
    .insertInto("strategyIndicatorValue")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["indicatorId", "period", "area", "ageGroup", "sex"]).doUpdateSet({
        value: row.value,
        year: row.year,
        source: row.source,
        recordedAt: row.recordedAt,
        recordedBy: row.recordedBy,
      }),
    )
    .execute();
}

export function listGoalIndicatorLinks(db: Db) {
  return db.selectFrom("strategyGoalIndicator").selectAll().execute();
}

export function listActionIndicatorLinks(db: Db) {
  return db.selectFrom("strategyActionIndicator").selectAll().execute();
}

export async function linkGoalIndicator(db: Db, goalId: string, indicatorId: string): Promise<void> {
  await db
    .insertInto("strategyGoalIndicator")
    .values({ goalId, indicatorId })
    .onConflict((oc) => oc.columns(["goalId", "indicatorId"]).doNothing())
    .execute();
}

export async function linkActionIndicator(db: Db, actionId: string, indicatorId: string): Promise<void> {
  await db
    .insertInto("strategyActionIndicator")
    .values({ actionId, indicatorId })
    .onConflict((oc) => oc.columns(["actionId", "indicatorId"]).doNothing())
    .execute();
}

export function listMilestones(db: Db, actionIds?: readonly string[]): Promise<MilestoneRow[]> {
  let q = db.selectFrom("strategyMilestone").selectAll();
  if (actionIds) {
    if (actionIds.length === 0) return Promise.resolve([]);
    q = q.where("actionId", "in", actionIds);
  }
  return q.orderBy("dueDate").orderBy("id").execute();
}

export async function insertMilestone(db: Db, row: MilestoneRow): Promise<void> {
  await db.insertInto("strategyMilestone").values(row).execute();
}

export async function setMilestoneDone(db: Db, id: string, doneOn: string | null): Promise<number> {
  const result = await db
    .updateTable("strategyMilestone")
    .set({ doneOn })
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listProgressUpdates(db: Db, actionId: string): Promise<ProgressUpdateRow[]> {
  return db
    .selectFrom("strategyProgressUpdate")
    .selectAll()
    .where("actionId", "=", actionId)
    .orderBy("at", "desc")
    .execute();
}

export async function insertProgressUpdate(db: Db, row: ProgressUpdateRow): Promise<void> {
  await db.insertInto("strategyProgressUpdate").values(row).execute();
}

/**
 * Adds an action under the goal whose slug is given, unless one with the slug exists there already; returns the
 * action's id, or null when no such goal is loaded.
 */
export async function ensureActionUnderGoalSlug(
  db: Db,
  goalSlug: string,
  action: Omit<NewActionRow, "goalId" | "position">,
): Promise<string | null> {
  const goal = await db
    .selectFrom("strategyGoal")
    .select("id")
    .where("slug", "=", goalSlug)
    .executeTakeFirst();
  if (!goal) return null;
  const existing = await db
    .selectFrom("strategyAction")
    .select(["id", "slug"])
    .where("goalId", "=", goal.id)
    .execute();
  const same = existing.find((a) => a.slug === action.slug);
  if (same) return same.id;
  await db
    .insertInto("strategyAction")
    .values({ ...action, goalId: goal.id, position: existing.length + 1 })
    .execute();
  return action.id;
}

/** Whether a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
