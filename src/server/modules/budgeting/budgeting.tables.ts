import type { Selectable } from "kysely";

// Kysely table interfaces of the budgeting module. JSON columns hold what the repository writes (a JSON
// string) and are read through readJson (SQLite returns text, PostgreSQL a parsed value).

/** budgeting_round: one round of participatory budgeting with its phases, ballot type and rule. */
export interface RoundTable {
  id: string;
  title: string;
  description: string;
  phase: string;
  ideasStart: string;
  reviewStart: string;
  votingStart: string;
  votingEnd: string;
  ballotType: string;
  maxChoices: number | null;
  pointsTotal: number | null;
  minAge: number;
  rule: string;
  isExample: number;
  resultsPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** budgeting_area: an area or theme of a round with its own budget (whole euros). */
export interface AreaTable {
  id: string;
  roundId: string;
  position: number;
  name: string;
  budget: number;
}

/** budgeting_proposal: a resident's idea; after review, a project on the ballot or a rejection with reasons. */
export interface ProposalTable {
  id: string;
  roundId: string;
  areaId: string;
  authorId: string | null;
  title: string;
  description: string;
  language: string;
  locationText: string | null;
  latitude: number | null;
  longitude: number | null;
  costEstimate: number | null;
  status: string;
  mergedInto: string | null;
  reviewCost: number | null;
  reviewReason: string | null;
  reviewedAt: string | null;
  strategyActionId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** budgeting_comment: a comment on a proposal. */
export interface CommentTable {
  id: string;
  proposalId: string;
  authorId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

/** budgeting_image: a photo of a proposal, its metadata already stripped; added_by is who attached it. */
export interface ImageTable {
  id: string;
  proposalId: string;
  position: number;
  contentType: string;
  byteSize: number;
  altText: string;
  content: Buffer;
  addedBy: string | null;
  createdAt: string;
}

/** budgeting_ballot: one person's ballot of a round; voter_key is the HMAC of the henkilötunnus, never the number. */
export interface BallotTable {
  id: string;
  roundId: string;
  voterKey: string;
  channel: string;
  receiptCode: string;
  choices: string;
  enteredBy: string | null;
  castAt: string;
}

/** budgeting_result: the published count of an area and its anonymised Pabulib ballot file. */
export interface ResultTable {
  roundId: string;
  areaId: string;
  outcome: string;
  ballotFile: string;
  countedAt: string;
}

/** The tables this module owns. */
export interface BudgetingTables {
  budgetingRound: RoundTable;
  budgetingArea: AreaTable;
  budgetingProposal: ProposalTable;
  budgetingComment: CommentTable;
  budgetingImage: ImageTable;
  budgetingBallot: BallotTable;
  budgetingResult: ResultTable;
}

export type RoundRow = Selectable<RoundTable>;
export type AreaRow = Selectable<AreaTable>;
export type ProposalRow = Selectable<ProposalTable>;
export type CommentRow = Selectable<CommentTable>;
export type ImageRow = Selectable<ImageTable>;
/** A photo without its bytes, as lists and pages need it. */
export type ImageInfo = Omit<ImageRow, "content">;
export type BallotRow = Selectable<BallotTable>;
export type ResultRow = Selectable<ResultTable>;
