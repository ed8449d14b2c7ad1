import type { ColumnType, Insertable, Selectable } from "kysely";

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
  targetGroups: string | null;
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
  responsibleUnit: string | null;
  responsiblePerson: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetEuros: number | null;
  progressPercent: number | null;
  progress: ColumnType<string, string | undefined, string>;
  isExample: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
}

/** strategy_milestone: a dated step of an action. */
export interface MilestoneTable {
  id: string;
  actionId: string;
  title: string;
  dueDate: string;
  doneOn: string | null;
}

/** strategy_progress_update: the history of an action's progress. */
export interface ProgressUpdateTable {
  id: string;
  actionId: string;
  at: string;
  authorId: string | null;
  progress: string;
  progressPercent: number | null;
  note: string;
}

/** strategy_indicator: a measure with baseline and target. */
export interface IndicatorTable {
  id: string;
  key: string;
  name: string;
  description: string | null;
  unit: string;
  source: string;
  sotkanetId: number | null;
  moduleSource: string | null;
  resolution: string;
  direction: string;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  tolerance: number | null;
  responsibleUnit: string | null;
  responsiblePersonId: string | null;
  isExample: number;
  createdAt: string;
  updatedAt: string;
}

/** strategy_indicator_value: one value of a period; "" breakdowns are the total. */
export interface IndicatorValueTable {
  indicatorId: string;
  year: number;
  period: string;
  area: string;
  ageGroup: string;
  sex: string;
  value: number;
  source: string;
  recordedAt: string;
  recordedBy: string | null;
}

export interface GoalIndicatorTable {
  goalId: string;
  indicatorId: string;
}

export interface ActionIndicatorTable {
  actionId: string;
  indicatorId: string;
}

/** The tables this module owns. */
export interface StrategyTables {
  strategyPlan: PlanTable;
  strategyProgramme: ProgrammeTable;
  strategyGoal: GoalTable;
  strategyAction: ActionTable;
  strategyMilestone: MilestoneTable;
  strategyProgressUpdate: ProgressUpdateTable;
  strategyIndicator: IndicatorTable;
  strategyIndicatorValue: IndicatorValueTable;
  strategyGoalIndicator: GoalIndicatorTable;
  strategyActionIndicator: ActionIndicatorTable;
}

export type PlanRow = Selectable<PlanTable>;
export type NewPlanRow = Insertable<PlanTable>;
export type ProgrammeRow = Selectable<ProgrammeTable>;
export type NewProgrammeRow = Insertable<ProgrammeTable>;
export type GoalRow = Selectable<GoalTable>;
export type NewGoalRow = Insertable<GoalTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewActionRow = Insertable<ActionTable>;
export type MilestoneRow = Selectable<MilestoneTable>;
export type ProgressUpdateRow = Selectable<ProgressUpdateTable>;
export type IndicatorRow = Selectable<IndicatorTable>;
export type NewIndicatorRow = Insertable<IndicatorTable>;
export type IndicatorValueRow = Selectable<IndicatorValueTable>;
