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
