import type { Insertable, Selectable } from "kysely";

// Kysely table interfaces of the strategy module. JSON columns are typed as what the repository writes
// (a JSON string) and read through readJson, because SQLite returns text and PostgreSQL a parsed value.

/** strategy_plan: the city strategy itself. */
export interface PlanTable {
  id: string;
  slug: string;
  title: string;
  vision: string;
  mission: string;
  periodStart: number;
  periodEnd: number;
  values: string;
  themes: string;
  createdAt: string;
  updatedAt: string;
}

/** strategy_programme: one of the strategy's programmes. */
export interface ProgrammeTable {
  id: string;
  planId: string;
  slug: string;
  position: number;
  name: string;
  summary: string;
  statement: string | null;
  changeAgenda: string;
  foundations: string;
  choices: string;
  targetGroups: string;
  values: string;
  focusAreas: string;
  createdAt: string;
  updatedAt: string;
}

/** strategy_goal: an intended change of a programme. */
export interface GoalTable {
  id: string;
  programmeId: string;
  slug: string;
  position: number;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** strategy_action: a measure serving a goal. */
export interface ActionTable {
  id: string;
  goalId: string;
  slug: string;
  position: number;
  title: string;
  createdAt: string;
  updatedAt: string;
}

/** The tables this module owns. */
export interface StrategyTables {
  strategyPlan: PlanTable;
  strategyProgramme: ProgrammeTable;
  strategyGoal: GoalTable;
  strategyAction: ActionTable;
}

export type PlanRow = Selectable<PlanTable>;
export type NewPlanRow = Insertable<PlanTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type NewProgrammeRow = Insertable<ProgrammeTable>;
export type GoalRow = Selectable<GoalTable>;
export type NewGoalRow = Insertable<GoalTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewActionRow = Insertable<ActionTable>;
