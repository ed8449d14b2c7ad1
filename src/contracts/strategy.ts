import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

/** A line of a programme's change agenda or choices, with its sub-points as on the strategy slides. */
export const AgendaItem = Type.Object({
  text: LocalizedText,
  children: Type.Array(LocalizedText),
});
export type AgendaItem = Static<typeof AgendaItem>;

/** A measure (toimenpide) under an intended change. */
export const StrategyAction = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  position: Type.Integer(),
  title: LocalizedText,
});
export type StrategyAction = Static<typeof StrategyAction>;

/** An intended change (tavoite) of a programme, with its measures. */
export const StrategyGoal = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  position: Type.Integer(),
  title: LocalizedText,
  actions: Type.Array(StrategyAction),
});
export type StrategyGoal = Static<typeof StrategyGoal>;

/** A programme as listed on the front page. */
export const ProgrammeSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  position: Type.Integer(),
  name: LocalizedText,
  summary: LocalizedText,
});
export type ProgrammeSummary = Static<typeof ProgrammeSummary>;

/** A programme with everything the slides say of it. Lists are empty where the slides say nothing. */
export const ProgrammeDetail = Type.Object({
  ...ProgrammeSummary.properties,
  statement: Type.Union([LocalizedText, Type.Null()]),
  changeAgenda: Type.Array(AgendaItem),
  foundations: Type.Array(LocalizedText),
  choices: Type.Array(AgendaItem),
  targetGroups: Type.Array(LocalizedText),
  values: Type.Array(LocalizedText),
  focusAreas: Type.Array(LocalizedText),
  goals: Type.Array(StrategyGoal),
});
export type ProgrammeDetail = Static<typeof ProgrammeDetail>;

/** The city strategy: its name, vision, mission, values and cross-cutting themes. */
export const StrategyPlan = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: LocalizedText,
  vision: LocalizedText,
  mission: LocalizedText,
  periodStart: Type.Integer(),
  periodEnd: Type.Integer(),
  values: Type.Array(LocalizedText),
  themes: Type.Array(LocalizedText),
});
export type StrategyPlan = Static<typeof StrategyPlan>;

/** GET /api/v1/strategy */
export const StrategyOverview = Type.Object({
  plan: StrategyPlan,
  programmes: Type.Array(ProgrammeSummary),
});
export type StrategyOverview = Static<typeof StrategyOverview>;

// ---- follow-up: indicators, statuses, actions (issue 4) ----

export const STATUSES = ["on_track", "at_risk", "off_track", "no_data"] as const;
export type FollowUpStatus = (typeof STATUSES)[number];
export const StatusSchema = Type.Unsafe<FollowUpStatus>(Type.String({ enum: [...STATUSES] }));

export const ACTION_PROGRESS = ["planned", "in_progress", "done", "delayed", "cancelled"] as const;
export type ActionProgress = (typeof ACTION_PROGRESS)[number];
export const ActionProgressSchema = Type.Unsafe<ActionProgress>(Type.String({ enum: [...ACTION_PROGRESS] }));

export const DIRECTIONS = ["increase", "decrease", "maintain"] as const;
export const DirectionSchema = Type.Unsafe<(typeof DIRECTIONS)[number]>(
  Type.String({ enum: [...DIRECTIONS] }),
);

export const RESOLUTIONS = ["year", "quarter", "month"] as const;
export const ResolutionSchema = Type.Unsafe<(typeof RESOLUTIONS)[number]>(
  Type.String({ enum: [...RESOLUTIONS] }),
);

/** A judged status with its one-sentence reason in every language. */
export const StatusExplained = Type.Object({
  status: StatusSchema,
  reasonCode: Type.String(),
  explanation: Type.Object({ fi: Type.String(), sv: Type.String(), en: Type.String() }),
});
export type StatusExplained = Static<typeof StatusExplained>;

const YearValue = Type.Object({ year: Type.Integer(), value: Type.Number() });

/** An indicator as lists show it. */
export const IndicatorSummary = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: LocalizedText,
  unit: LocalizedText,
  direction: DirectionSchema,
  baseline: YearValue,
  target: YearValue,
  latest: Type.Union([YearValue, Type.Null()]),
  status: StatusExplained,
  isExampleData: Type.Boolean({
    description: "Values are labelled example data (esimerkkiaineisto), not real statistics",
  }),
  sotkanetId: Type.Union([Type.Integer(), Type.Null()], {
    description: "The THL Sotkanet indicator id its imported values come from, if any",
  }),
  moduleSource: Type.Union([Type.String(), Type.Null()], {
    description: "The Keskiö module figure that computes its values (never entered by hand), if any",
  }),
  responsibleUnit: Type.Union([Type.String(), Type.Null()]),
});
export type IndicatorSummary = Static<typeof IndicatorSummary>;

/** One stored value; empty breakdown fields mean the total. */
export const IndicatorValue = Type.Object({
  year: Type.Integer(),
  period: Type.String(),
  area: Type.String(),
  ageGroup: Type.String(),
  sex: Type.String(),
  value: Type.Number(),
  source: Type.String(),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

/** An indicator with its whole series and where it is used. */
export const IndicatorDetail = Type.Object({
  ...IndicatorSummary.properties,
  description: Type.Union([LocalizedText, Type.Null()]),
  source: LocalizedText,
  resolution: ResolutionSchema,
  tolerance: Type.Union([Type.Number(), Type.Null()]),
  values: Type.Array(IndicatorValue),
  goals: Type.Array(Type.Object({ id: Type.String(), title: LocalizedText, programmeSlug: Type.String() })),
  actions: Type.Array(Type.Object({ id: Type.String(), title: LocalizedText })),
});
export type IndicatorDetail = Static<typeof IndicatorDetail>;

export const Milestone = Type.Object({
  id: Type.String(),
  title: LocalizedText,
  dueDate: Type.String({ format: "date" }),
  doneOn: Type.Union([Type.String({ format: "date" }), Type.Null()]),
});

export const ProgressUpdate = Type.Object({
  id: Type.String(),
  at: Type.String(),
  progress: ActionProgressSchema,
  progressPercent: Type.Union([Type.Integer(), Type.Null()]),
  note: LocalizedText,
});

/** An action (toimenpide) in the tree. */
export const ActionNode = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: LocalizedText,
  responsibleUnit: Type.Union([Type.String(), Type.Null()]),
  progress: ActionProgressSchema,
  status: StatusExplained,
  isExampleData: Type.Boolean(),
});
export type ActionNode = Static<typeof ActionNode>;

/** An action with its schedule, milestones, progress history and indicators. */
export const ActionDetail = Type.Object({
  ...ActionNode.properties,
  goal: Type.Object({ id: Type.String(), title: LocalizedText, programmeSlug: Type.String() }),
  responsiblePerson: Type.Union([Type.String(), Type.Null()]),
  startDate: Type.Union([Type.String(), Type.Null()]),
  endDate: Type.Union([Type.String(), Type.Null()]),
  budgetEuros: Type.Union([Type.Integer(), Type.Null()]),
  progressPercent: Type.Union([Type.Integer(), Type.Null()]),
  milestones: Type.Array(Milestone),
  updates: Type.Array(ProgressUpdate),
  indicators: Type.Array(IndicatorSummary),
});
export type ActionDetail = Static<typeof ActionDetail>;

/** A goal (intended change) in the tree, with its indicators and actions. */
export const GoalNode = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: LocalizedText,
  targetGroups: Type.Array(LocalizedText),
  status: StatusExplained,
  indicators: Type.Array(IndicatorSummary),
  actions: Type.Array(ActionNode),
});
export type GoalNode = Static<typeof GoalNode>;

/** GET /api/v1/strategy/goals/:id: one goal with its programme, indicators, actions and status. */
export const GoalDetail = Type.Object({
  ...GoalNode.properties,
  programme: Type.Object({ id: Type.String(), slug: Type.String(), name: LocalizedText }),
});
export type GoalDetail = Static<typeof GoalDetail>;

/** GET /api/v1/strategy/overdue (staff): indicator values due and milestones past their date. */
export const StrategyOverdue = Type.Object({
  values: Type.Array(
    Type.Object({
      key: Type.String(),
      name: LocalizedText,
      state: Type.Union([Type.Literal("due"), Type.Literal("overdue")]),
      period: Type.Union([Type.String(), Type.Null()]),
      dueOn: Type.Union([Type.String(), Type.Null()]),
      missingPeriods: Type.Integer(),
      responsibleUnit: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  milestones: Type.Array(
    Type.Object({
      actionId: Type.String(),
      actionTitle: LocalizedText,
      milestoneId: Type.String(),
      title: LocalizedText,
      dueDate: Type.String(),
      daysOverdue: Type.Integer(),
    }),
  ),
});
export type StrategyOverdue = Static<typeof StrategyOverdue>;

const Sex = Type.Union([Type.Literal("male"), Type.Literal("female"), Type.Null()]);

/** One row of an import preview: the value it sets and what it changes. */
export const ImportPreviewRow = Type.Object({
  row: Type.Integer(),
  indicator: Type.String(),
  year: Type.Integer(),
  area: Type.Union([Type.String(), Type.Null()]),
  ageGroup: Type.Union([Type.String(), Type.Null()]),
  sex: Sex,
  value: Type.Number(),
  change: Type.Union([Type.Literal("new"), Type.Literal("changed"), Type.Literal("unchanged")]),
  previous: Type.Union([Type.Number(), Type.Null()]),
});

/** The answer to a valid import (preview or applied): every row and the counts of what changes. */
export const ImportPreviewResult = Type.Object({
  ok: Type.Literal(true),
  preview: Type.Object({
    rows: Type.Array(ImportPreviewRow),
    counts: Type.Object({ new: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer() }),
    skipped: Type.Object({ otherRegion: Type.Integer(), noValue: Type.Integer() }),
  }),
});
export type ImportPreviewResult = Static<typeof ImportPreviewResult>;

/** GET /api/v1/strategy/tree: the whole strategy with statuses, optionally filtered. */
export const StrategyTree = Type.Object({
  plan: StrategyPlan,
  asOf: Type.String({ format: "date" }),
  programmes: Type.Array(Type.Object({ ...ProgrammeSummary.properties, goals: Type.Array(GoalNode) })),
});
export type StrategyTree = Static<typeof StrategyTree>;

/** GET /api/v1/strategy/changes: each indicator's value in two years. */
export const StrategyChanges = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  indicators: Type.Array(
    Type.Object({
      key: Type.String(),
      name: LocalizedText,
      unit: LocalizedText,
      fromValue: Type.Union([Type.Number(), Type.Null()]),
      toValue: Type.Union([Type.Number(), Type.Null()]),
      change: Type.Union([Type.Number(), Type.Null()]),
      movement: Type.Union([Type.Literal("right"), Type.Literal("wrong"), Type.Literal("flat"), Type.Null()]),
      isExampleData: Type.Boolean(),
    }),
  ),
});
export type StrategyChanges = Static<typeof StrategyChanges>;
