import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

/** Phases of a round, in order: ideas → co-creation (merging) → city review → voting → results → implementation. */
export const PHASES = ["ideas", "co_creation", "review", "voting", "results", "implementation"] as const;
export type Phase = (typeof PHASES)[number];
export const PhaseSchema = Type.Unsafe<Phase>(Type.String({ enum: [...PHASES] }));

/** Ballot types: approval of at most N, a basket within the area budget, cumulative points, a ranking. */
export const BALLOT_TYPES = ["approval", "basket", "cumulative", "ranking"] as const;
export type BallotType = (typeof BALLOT_TYPES)[number];
export const BallotTypeSchema = Type.Unsafe<BallotType>(Type.String({ enum: [...BALLOT_TYPES] }));

/** Counting rules: greedy by votes (or points), or the Method of Equal Shares with add1 completion. */
export const RULES = ["greedy", "mes"] as const;
export type CountingRule = (typeof RULES)[number];
export const RuleSchema = Type.Unsafe<CountingRule>(Type.String({ enum: [...RULES] }));

/** Status of a proposal: submitted, merged into another, or reviewed by the city (feasible goes on the ballot). */
export const PROPOSAL_STATUSES = ["submitted", "merged", "feasible", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const ProposalStatusSchema = Type.Unsafe<ProposalStatus>(
  Type.String({ enum: [...PROPOSAL_STATUSES] }),
);

const Timestamp = Type.String({ format: "date-time" });
const Euros = Type.Integer({ minimum: 0, maximum: 100_000_000 });

/** An area or theme of a round with its own budget (e.g. citywide, a district). */
export const BudgetArea = Type.Object({ id: Type.String(), name: LocalizedText, budget: Euros });
export type BudgetArea = Static<typeof BudgetArea>;

/** A budgeting round as anyone sees it. */
export const Round = Type.Object({
  id: Type.String(),
  title: LocalizedText,
  description: LocalizedText,
  phase: PhaseSchema,
  ideasStart: Timestamp,
  reviewStart: Timestamp,
  votingStart: Timestamp,
  votingEnd: Timestamp,
  votingOpen: Type.Boolean(),
  ballotType: BallotTypeSchema,
  maxChoices: Type.Union([Type.Integer(), Type.Null()]),
  pointsTotal: Type.Union([Type.Integer(), Type.Null()]),
  minAge: Type.Integer(),
  rule: RuleSchema,
  isExample: Type.Boolean(),
  resultsPublishedAt: Type.Union([Timestamp, Type.Null()]),
  areas: Type.Array(BudgetArea),
});
export type Round = Static<typeof Round>;

/** What staff give to open a round. */
export const RoundInput = Type.Object(
  {
    title: LocalizedText,
    description: LocalizedText,
    ideasStart: Timestamp,
    reviewStart: Timestamp,
    votingStart: Timestamp,
    votingEnd: Timestamp,
    ballotType: BallotTypeSchema,
    maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    pointsTotal: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    minAge: Type.Integer({ minimum: 0, maximum: 120 }),
    rule: RuleSchema,
    areas: Type.Array(
      Type.Object({ name: LocalizedText, budget: Type.Integer({ minimum: 1, maximum: 100_000_000 }) }),
      { minItems: 1, maxItems: 30 },
    ),
  },
  { additionalProperties: false },
);
export type RoundInput = Static<typeof RoundInput>;

/** A comment on a proposal; the author is shown only as "city" or "resident" (no names). */
export const ProposalComment = Type.Object({
  id: Type.String(),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Timestamp,
});
export type ProposalComment = Static<typeof ProposalComment>;

/** Photos per proposal and bytes per photo (after base64 decoding; the browser sends about 0.3–1 MB). */
export const MAX_PROPOSAL_IMAGES = 4;
export const MAX_PROPOSAL_IMAGE_BYTES = 5 * 1024 * 1024;

/** A photo sent with a proposal: JPEG or PNG as base64 (metadata is stripped on the server). */
export const NewProposalImage = Type.Object(
  {
    contentType: Type.Unsafe<"image/jpeg" | "image/png">(Type.String({ enum: ["image/jpeg", "image/png"] })),
    /** Base64, optionally as a data: URL. */
    data: Type.String({ minLength: 1, maxLength: Math.ceil((MAX_PROPOSAL_IMAGE_BYTES * 4) / 3) + 64 }),
    /** What the photo shows, for people who cannot see it; required, in the proposal's language. */
    altText: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { additionalProperties: false },
);
export type NewProposalImage = Static<typeof NewProposalImage>;

/** A photo of a proposal: where it is served and its description. */
export const ProposalImage = Type.Object({
  id: Type.String(),
  url: Type.String(),
  contentType: Type.String(),
  altText: Type.String(),
});
export type ProposalImage = Static<typeof ProposalImage>;

/** A proposal (idea, later a project on the ballot). Vote counts are never part of it. */
export const Proposal = Type.Object({
  id: Type.String(),
  roundId: Type.String(),
  areaId: Type.String(),
  title: Type.String(),
  description: Type.String(),
  language: Type.String(),
  locationText: Type.Union([Type.String(), Type.Null()]),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
  costEstimate: Type.Union([Euros, Type.Null()]),
  status: ProposalStatusSchema,
  mergedInto: Type.Union([Type.String(), Type.Null()]),
  /** The city's cost after review: the cost on the ballot. */
  reviewCost: Type.Union([Euros, Type.Null()]),
  /** Public reasons of the review (required for a rejection). */
  reviewReason: Type.Union([LocalizedText, Type.Null()]),
  reviewedAt: Type.Union([Timestamp, Type.Null()]),
  strategyActionId: Type.Union([Type.String(), Type.Null()]),
  commentCount: Type.Integer(),
  /** Photos in order; those of a rejected proposal only for staff and the proposer. */
  images: Type.Array(ProposalImage),
});
export type Proposal = Static<typeof Proposal>;

/** A proposal with its comments and what was merged into it. */
export const ProposalDetail = Type.Object({
  ...Proposal.properties,
  comments: Type.Array(ProposalComment),
  mergedFrom: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
});
export type ProposalDetail = Static<typeof ProposalDetail>;

/** A resident's proposal. */
export const ProposalInput = Type.Object(
  {
    areaId: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.String({ minLength: 3, maxLength: 120 }),
    description: Type.String({ minLength: 10, maxLength: 4000 }),
    language: Type.Unsafe<"fi" | "sv" | "en">(Type.String({ enum: ["fi", "sv", "en"] })),
    locationText: Type.Optional(Type.String({ maxLength: 200 })),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    costEstimate: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    images: Type.Optional(Type.Array(NewProposalImage, { maxItems: MAX_PROPOSAL_IMAGES })),
  },
  { additionalProperties: false },
);
export type ProposalInput = Static<typeof ProposalInput>;

/** The city's review of a proposal. */
export const ReviewInput = Type.Object(
  {
    status: Type.Unsafe<"feasible" | "rejected">(Type.String({ enum: ["feasible", "rejected"] })),
    cost: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    reason: Type.Optional(LocalizedText),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInput>;

/** One choice of a ballot: a project, with points for cumulative ballots. Ranking ballots list best first. */
export const BallotChoice = Type.Object(
  {
    projectId: Type.String({ minLength: 1, maxLength: 64 }),
    points: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type BallotChoice = Static<typeof BallotChoice>;

export const BallotInput = Type.Object(
  { choices: Type.Array(BallotChoice, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type BallotInput = Static<typeof BallotInput>;

/** A paper or service-point ballot entered by staff after checking the voter's identity. */
export const PaperBallotInput = Type.Object(
  {
    henkilotunnus: Type.String({ minLength: 11, maxLength: 11 }),
    /** Staff confirm they checked residency (e.g. from the population register) when the platform cannot. */
    residencyChecked: Type.Boolean(),
    choices: Type.Array(BallotChoice, { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type PaperBallotInput = Static<typeof PaperBallotInput>;

/** What a voter gets back: the receipt code to look for in the published ballot file. */
export const BallotReceipt = Type.Object({
  receiptCode: Type.String(),
  channel: Type.Unsafe<"web" | "paper">(Type.String({ enum: ["web", "paper"] })),
  castAt: Timestamp,
  choices: Type.Array(BallotChoice),
});
export type BallotReceipt = Static<typeof BallotReceipt>;

/** Why a project won or lost, in words, and the figures behind it. */
export const ProjectResult = Type.Object({
  id: Type.String(),
  title: Type.String(),
  cost: Euros,
  votes: Type.Integer(),
  points: Type.Union([Type.Integer(), Type.Null()]),
  selected: Type.Boolean(),
  explanation: LocalizedText,
});
export type ProjectResult = Static<typeof ProjectResult>;

/** The result of one area. */
export const AreaResult = Type.Object({
  areaId: Type.String(),
  name: LocalizedText,
  budget: Euros,
  voters: Type.Integer(),
  totalCost: Euros,
  ruleDescription: LocalizedText,
  projects: Type.Array(ProjectResult),
  ballotFile: Type.String({ description: "Path of the anonymised Pabulib ballot file" }),
});
export type AreaResult = Static<typeof AreaResult>;

/** Published results of a round. */
export const RoundResults = Type.Object({
  roundId: Type.String(),
  publishedAt: Timestamp,
  voters: Type.Integer(),
  areas: Type.Array(AreaResult),
});
export type RoundResults = Static<typeof RoundResults>;

/** Whether a receipt's ballot is in the published ballot files, and as what. */
export const ReceiptCheck = Type.Object({
  receiptCode: Type.String(),
  found: Type.Boolean(),
  areas: Type.Array(Type.Object({ areaId: Type.String(), projectIds: Type.Array(Type.String()) })),
});
export type ReceiptCheck = Static<typeof ReceiptCheck>;
