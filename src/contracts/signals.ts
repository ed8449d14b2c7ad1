import Type, { type Static } from "typebox";

/** The kinds of residents' texts the signals module reads, one per source module. */
export const SIGNAL_CHANNELS = ["service_request", "survey_answer", "budget_proposal"] as const;
export type SignalChannel = (typeof SIGNAL_CHANNELS)[number];
const Channel = Type.Unsafe<SignalChannel>(Type.String({ enum: [...SIGNAL_CHANNELS] }));

/** The recent window's length in days: one to four weeks. */
export const SIGNAL_WINDOW_DAYS = { min: 1, max: 28, default: 7 } as const;
/** The baseline: the weeks before the window. */
export const SIGNAL_BASELINE_WEEKS = 8;
/** The fewest texts a topic needs in the window. */
export const SIGNAL_MIN_TEXTS = 5;

/** GET /api/v1/signals/topics query. */
export const SignalTopicsQuery = Type.Object({
  window: Type.Optional(
    Type.Integer({ minimum: SIGNAL_WINDOW_DAYS.min, maximum: SIGNAL_WINDOW_DAYS.max, description: "Days" }),
  ),
  channel: Type.Optional(Channel),
});
export type SignalTopicsQuery = Static<typeof SignalTopicsQuery>;

/** A term of a topic: a stem or a two-word phrase, shown by its commonest written form. */
export const SignalTerm = Type.Object({
  term: Type.String(),
  label: Type.String(),
  countNow: Type.Integer(),
  countBaseline: Type.Integer(),
  score: Type.Number({ description: "Dunning's log-likelihood ratio G²" }),
});
export type SignalTerm = Static<typeof SignalTerm>;

/** A resident's text that belongs to a topic, with the staff's link to its source item. */
export const SignalExample = Type.Object({
  module: Type.String(),
  channel: Channel,
  at: Type.String({ format: "date-time" }),
  text: Type.String(),
  link: Type.String(),
});
export type SignalExample = Static<typeof SignalExample>;

/** An emerging topic. */
export const SignalTopic = Type.Object({
  label: Type.String(),
  terms: Type.Array(SignalTerm),
  countNow: Type.Integer({ description: "Texts in the window" }),
  countBaseline: Type.Integer({ description: "Texts in the baseline" }),
  baselineWeeklyRate: Type.Number({ description: "The baseline's texts per week" }),
  score: Type.Number(),
  channels: Type.Array(Type.Object({ channel: Channel, count: Type.Integer() })),
  weekly: Type.Array(Type.Object({ start: Type.String({ format: "date-time" }), count: Type.Integer() })),
  examples: Type.Array(SignalExample, { maxItems: 5 }),
});
export type SignalTopic = Static<typeof SignalTopic>;

/** GET /api/v1/signals/topics */
export const SignalTopics = Type.Object({
  windowDays: Type.Integer(),
  baselineWeeks: Type.Integer(),
  windowStart: Type.String({ format: "date-time" }),
  baselineStart: Type.String({ format: "date-time" }),
  generatedAt: Type.String({ format: "date-time" }),
  textsInWindow: Type.Integer(),
  minTexts: Type.Integer(),
  topics: Type.Array(SignalTopic),
  unavailableModules: Type.Array(Type.String(), { description: "Sources that could not be read just now" }),
});
export type SignalTopics = Static<typeof SignalTopics>;
