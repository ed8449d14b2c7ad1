import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

/** The question types of a questionnaire (issue 7). */
export const QUESTION_TYPES = [
  "single",
  "multi",
  "likert5",
  "scale0to10",
  "grade4to10",
  "number",
  "text",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The weighting variables; a background question may supply one when the sample frame does not. */
export const WEIGHTING_VARIABLES = ["age_group", "sex", "area"] as const;
export type WeightingVariable = (typeof WEIGHTING_VARIABLES)[number];

/** The answer that means "don't know / haven't used": kept, but missing in every estimate. */
export const DONT_KNOW = "dk";

/** The channels a response comes through; stored with each response. */
export const RESPONSE_MODES = ["web", "phone", "paper"] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** Outcomes of one call to a sample member. */
export const CALL_OUTCOMES = ["no_answer", "refused", "call_back", "completed"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Where a sample member is on the call list: not yet called, or the last call's outcome. */
export const CALL_STATUSES = ["pending", ...CALL_OUTCOMES] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The longest answer to a short text question ("short": true); long text answers take a paragraph. */
export const SHORT_TEXT_MAX = 200;

const QuestionKey = Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" });
// Any text without separators (";" and "," split multiple choices in CSV); area names have non-ASCII letters.
const OptionValue = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^\\s;,"]([^;,"]*[^\\s;,"])?$' });

/** One question; the key links the same question across years and versions. */
export const Question = Type.Object(
  {
    key: QuestionKey,
    type: Type.Unsafe<QuestionType>(Type.String({ enum: [...QUESTION_TYPES] })),
    section: Type.Optional(LocalizedText),
    text: LocalizedText,
    help: Type.Optional(LocalizedText),
    required: Type.Boolean(),
    options: Type.Optional(
      Type.Array(Type.Object({ value: OptionValue, label: LocalizedText }, { additionalProperties: false }), {
        maxItems: 40,
      }),
    ),
    allowDontKnow: Type.Optional(Type.Boolean()),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    short: Type.Optional(
      Type.Boolean({
        description: `A text question answered on one line (at most ${SHORT_TEXT_MAX} characters) instead of a paragraph`,
      }),
    ),
    showIf: Type.Optional(
      Type.Object(
        { question: QuestionKey, values: Type.Array(OptionValue, { minItems: 1, maxItems: 40 }) },
        { additionalProperties: false },
      ),
    ),
    weighting: Type.Optional(Type.Unsafe<WeightingVariable>(Type.String({ enum: [...WEIGHTING_VARIABLES] }))),
    satisfiedValues: Type.Optional(Type.Array(OptionValue, { minItems: 1, maxItems: 40 })),
  },
  { additionalProperties: false },
);
export type Question = Static<typeof Question>;

function valueRange(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The answer values of a choice-like question in order (without "don't know"); null for number and text. */
export function answerValues(question: Pick<Question, "type" | "options">): string[] | null {
  switch (question.type) {
    case "likert5":
      return valueRange(1, 5);
    case "scale0to10":
      return valueRange(0, 10);
    case "grade4to10":
      return valueRange(4, 10);
    case "single":
    case "multi":
      return (question.options ?? []).map((o) => o.value);
    default:
      return null;
  }
}

/** A questionnaire as staff write it (a new version is made when the key exists already). */
export const QuestionnaireInput = Type.Object(
  {
    key: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,79}$" }),
    title: LocalizedText,
    intro: Type.Optional(LocalizedText),
    questions: Type.Array(Question, { minItems: 1, maxItems: 200 }),
    overallQuestion: Type.Optional(QuestionKey),
  },
  { additionalProperties: false },
);
export type QuestionnaireInput = Static<typeof QuestionnaireInput>;

export const Questionnaire = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  title: LocalizedText,
  intro: Type.Union([LocalizedText, Type.Null()]),
  questions: Type.Array(Question),
  overallQuestion: Type.Union([Type.String(), Type.Null()]),
  isExampleData: Type.Boolean(),
});
export type Questionnaire = Static<typeof Questionnaire>;

/** The states of a round: prepared as a draft, open for answers (within its dates), closed. */
export const ROUND_STATUSES = ["draft", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** How a round's respondents are weighted: raking to one-way margins or post-stratification on cells. */
export const WEIGHTING_METHODS = ["rake", "poststratify"] as const;
export type WeightingMethod = (typeof WEIGHTING_METHODS)[number];

const ChannelList = Type.Array(Type.Unsafe<ResponseMode>(Type.String({ enum: [...RESPONSE_MODES] })), {
  minItems: 1,
  maxItems: 3,
  uniqueItems: true,
  description: "The channels that take answers",
});
const WeightingMethodField = Type.Unsafe<WeightingMethod>(
  Type.String({ enum: [...WEIGHTING_METHODS], description: "rake (default) or poststratify" }),
);
const CellVariables = Type.Array(
  Type.Unsafe<WeightingVariable>(Type.String({ enum: [...WEIGHTING_VARIABLES] })),
  {
    minItems: 1,
    maxItems: 3,
    uniqueItems: true,
    description: "Post-stratification variables: their cross-classification is the cells",
  },
);
const TrimMultiplier = Type.Number({
  exclusiveMinimum: 1,
  maximum: 100,
  description: "Trim weights at k × the mean weight",
});

export const RoundInput = Type.Object(
  {
    slug: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,79}$" }),
    questionnaireId: Type.String({ maxLength: 64 }),
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    title: LocalizedText,
    fieldworkStart: Type.String({ format: "date" }),
    fieldworkEnd: Type.String({ format: "date" }),
    openWeb: Type.Optional(Type.Boolean({ description: "Signed-in residents may answer without a code" })),
    weightTrimMultiplier: Type.Optional(TrimMultiplier),
    status: Type.Optional(
      Type.Union([Type.Literal("draft"), Type.Literal("open")], { description: "open when omitted" }),
    ),
    channels: Type.Optional(ChannelList),
    weightingMethod: Type.Optional(WeightingMethodField),
    poststratCells: Type.Optional(CellVariables),
  },
  { additionalProperties: false },
);
export type RoundInput = Static<typeof RoundInput>;

/** PATCH /api/v1/survey/rounds/:slug: what staff may change later (a null trim multiplier stops trimming). */
export const RoundUpdate = Type.Object(
  {
    title: Type.Optional(LocalizedText),
    fieldworkStart: Type.Optional(Type.String({ format: "date" })),
    fieldworkEnd: Type.Optional(Type.String({ format: "date" })),
    openWeb: Type.Optional(Type.Boolean()),
    status: Type.Optional(Type.Unsafe<RoundStatus>(Type.String({ enum: [...ROUND_STATUSES] }))),
    channels: Type.Optional(ChannelList),
    weightingMethod: Type.Optional(WeightingMethodField),
    poststratCells: Type.Optional(CellVariables),
    weightTrimMultiplier: Type.Optional(Type.Union([TrimMultiplier, Type.Null()])),
  },
  { additionalProperties: false },
);
export type RoundUpdate = Static<typeof RoundUpdate>;

export const RoundSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  year: Type.Integer(),
  title: LocalizedText,
  fieldworkStart: Type.String(),
  fieldworkEnd: Type.String(),
  openWeb: Type.Boolean(),
  questionnaireId: Type.String(),
  completedResponses: Type.Integer(),
  isExampleData: Type.Boolean(),
  status: Type.Unsafe<RoundStatus>(Type.String({ enum: [...ROUND_STATUSES] })),
  channels: Type.Array(Type.Unsafe<ResponseMode>(Type.String({ enum: [...RESPONSE_MODES] }))),
  weightingMethod: Type.Unsafe<WeightingMethod>(Type.String({ enum: [...WEIGHTING_METHODS] })),
  poststratCells: Type.Array(Type.Unsafe<WeightingVariable>(Type.String({ enum: [...WEIGHTING_VARIABLES] }))),
  weightTrimMultiplier: Type.Union([Type.Number(), Type.Null()]),
});
export type RoundSummary = Static<typeof RoundSummary>;

/** Answers by question key: a string, several strings (multiple choice) or null. */
export const Answers = Type.Record(
  Type.String({ pattern: "^[a-z][a-z0-9_]{0,39}$" }),
  Type.Union([
    Type.String({ maxLength: 4000 }),
    Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 }),
    Type.Null(),
  ]),
);
export type Answers = Static<typeof Answers>;

/** A response in progress or done, as the one answering (or interviewing) sees it. */
export const ResponseSession = Type.Object({
  responseId: Type.String(),
  round: RoundSummary,
  questionnaire: Questionnaire,
  mode: Type.Unsafe<ResponseMode>(Type.String({ enum: [...RESPONSE_MODES] })),
  status: Type.Union([Type.Literal("in_progress"), Type.Literal("complete")]),
  answers: Answers,
  framed: Type.Boolean({
    description: "The sample frame gives age group, sex and area: background questions are skipped",
  }),
});
export type ResponseSession = Static<typeof ResponseSession>;

/** One estimate line of the published results (numbers null when the cell is suppressed). */
export const ResultRow = Type.Object({
  key: Type.String(),
  question: Type.String(),
  kind: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  domainVariable: Type.Union([Type.String(), Type.Null()]),
  domain: Type.Union([Type.String(), Type.Null()]),
  estimate: Type.Union([Type.Number(), Type.Null()]),
  se: Type.Union([Type.Number(), Type.Null()]),
  ciLow: Type.Union([Type.Number(), Type.Null()]),
  ciHigh: Type.Union([Type.Number(), Type.Null()]),
  nUsed: Type.Union([Type.Integer(), Type.Null()]),
  suppressed: Type.Boolean(),
  previous: Type.Union([
    Type.Object({
      year: Type.Integer(),
      estimate: Type.Number(),
      se: Type.Number(),
      difference: Type.Number(),
      seDifference: Type.Number(),
      z: Type.Number(),
      pValue: Type.Number(),
      significant: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});
export type ResultRow = Static<typeof ResultRow>;

export const ThemeCount = Type.Object({
  question: Type.String(),
  theme: Type.String(),
  count: Type.Union([Type.Integer(), Type.Null()]),
  suppressed: Type.Boolean(),
});
export type ThemeCount = Static<typeof ThemeCount>;

/** GET /api/v1/survey/rounds/:slug/results: weighted results, CC BY 4.0. */
export const SurveyResults = Type.Object({
  round: RoundSummary,
  questionnaire: Questionnaire,
  previousYear: Type.Union([Type.Integer(), Type.Null()]),
  weighting: Type.Object({
    method: Type.String(),
    respondents: Type.Integer(),
    excluded: Type.Integer({ description: "Complete responses without every weighting variable" }),
    effectiveSampleSize: Type.Number(),
    designEffect: Type.Number(),
    cycles: Type.Union([Type.Integer(), Type.Null()]),
    marginsYear: Type.Integer(),
  }),
  rows: Type.Array(ResultRow),
  themes: Type.Array(ThemeCount),
  minimumCellSize: Type.Integer(),
  licence: Type.String(),
});
export type SurveyResults = Static<typeof SurveyResults>;

export const CallListEntry = Type.Object({
  memberId: Type.String(),
  label: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  ageGroup: Type.String(),
  sex: Type.String(),
  area: Type.String(),
  status: Type.String(),
  callBackAt: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  responseStatus: Type.Union([Type.String(), Type.Null()]),
});
export type CallListEntry = Static<typeof CallListEntry>;

export const QuotaFill = Type.Object({
  ageGroup: Type.String(),
  area: Type.String(),
  target: Type.Integer(),
  completed: Type.Integer(),
});
export type QuotaFill = Static<typeof QuotaFill>;

export const CallList = Type.Object({
  round: RoundSummary,
  entries: Type.Array(CallListEntry),
  quotas: Type.Array(QuotaFill),
});
export type CallList = Static<typeof CallList>;

export const OpenAnswer = Type.Object({
  responseId: Type.String(),
  question: Type.String(),
  text: Type.String(),
  themes: Type.Array(Type.String()),
});
export type OpenAnswer = Static<typeof OpenAnswer>;

/** A round that uses a questionnaire version, as the staff list names it. */
export const QuestionnaireRound = Type.Object({ slug: Type.String(), year: Type.Integer() });
export type QuestionnaireRound = Static<typeof QuestionnaireRound>;

/**
 * A questionnaire version in the staff list: the rounds that use it and how many responses they have. Once a
 * response exists the version is locked (issue 7: "a survey is versioned once answers exist").
 */
export const QuestionnaireListItem = Type.Object({
  ...Questionnaire.properties,
  rounds: Type.Array(QuestionnaireRound),
  responses: Type.Integer({ description: "Responses of any status to the rounds of this version" }),
  isLocked: Type.Boolean({ description: "Answers exist: the version can no longer change" }),
});
export type QuestionnaireListItem = Static<typeof QuestionnaireListItem>;

/** GET /api/v1/survey/rounds/:slug/desk: a round as staff run it (no personal data). */
export const RoundDesk = Type.Object({
  round: RoundSummary,
  sampleSize: Type.Integer(),
  responsesByChannel: Type.Array(
    Type.Object({
      channel: Type.Unsafe<ResponseMode>(Type.String({ enum: [...RESPONSE_MODES] })),
      complete: Type.Integer(),
      inProgress: Type.Integer(),
    }),
  ),
  callsByOutcome: Type.Array(
    Type.Object({
      outcome: Type.Unsafe<CallStatus>(Type.String({ enum: [...CALL_STATUSES] })),
      members: Type.Integer(),
    }),
  ),
  quotas: Type.Array(QuotaFill),
  /** The age groups and areas of the sample and the margins, for the quota grid. */
  ageGroups: Type.Array(Type.String()),
  areas: Type.Array(Type.String()),
  margins: Type.Object({
    year: Type.Integer(),
    figures: Type.Integer(),
    variables: Type.Array(Type.Unsafe<WeightingVariable>(Type.String({ enum: [...WEIGHTING_VARIABLES] }))),
    cellVariables: Type.Array(
      Type.Unsafe<WeightingVariable>(
        Type.String({
          enum: [...WEIGHTING_VARIABLES],
          description: "A variable of the year's population cells",
        }),
      ),
    ),
    source: Type.Union([Type.String(), Type.Null()]),
  }),
  /** Whether the year's population figures fit the round's weighting method. */
  weightingReady: Type.Boolean(),
});
export type RoundDesk = Static<typeof RoundDesk>;

/** One sample row as the import preview shows it. */
export const SamplePreviewRow = Type.Object({
  row: Type.Integer(),
  label: Type.String(),
  ageGroup: Type.String(),
  sex: Type.String(),
  area: Type.String(),
  hasPhone: Type.Boolean(),
});
export type SamplePreviewRow = Static<typeof SamplePreviewRow>;

/** One population figure as the margins preview shows it: a category of one variable or a joint cell. */
export const MarginPreviewRow = Type.Object({
  row: Type.Integer(),
  ageGroup: Type.Union([Type.String(), Type.Null()]),
  sex: Type.Union([Type.String(), Type.Null()]),
  area: Type.Union([Type.String(), Type.Null()]),
  population: Type.Number(),
});
export type MarginPreviewRow = Static<typeof MarginPreviewRow>;

export const MarginsPreview = Type.Object({
  year: Type.Integer(),
  format: Type.Union([Type.Literal("margins"), Type.Literal("cells")]),
  total: Type.Number(),
  rows: Type.Array(MarginPreviewRow),
});
export type MarginsPreview = Static<typeof MarginsPreview>;
