import type {
  BallotChoice,
  BallotReceipt,
  NewProposalImage,
  Phase,
  Proposal,
  ProposalDetail,
  ProposalInput,
  ReceiptCheck,
  ReviewInput,
  Round,
  RoundResults,
} from "../../../contracts/budgeting.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const BASE = "/api/v1/budgeting";

/** GET /budgeting/rounds */
export function fetchRounds(options: RequestOptions): Promise<Round[]> {
  return getJson(`${BASE}/rounds`, options);
}

/** GET /budgeting/rounds/:id */
export function fetchRound(id: string, options: RequestOptions): Promise<Round> {
  return getJson(`${BASE}/rounds/${encodeURIComponent(id)}`, options);
}

/** GET /budgeting/rounds/:id/proposals */
export function fetchProposals(roundId: string, options: RequestOptions): Promise<Proposal[]> {
  return getJson(`${BASE}/rounds/${encodeURIComponent(roundId)}/proposals`, options);
}

/** GET /budgeting/proposals/:id */
export function fetchProposal(id: string, options: RequestOptions): Promise<ProposalDetail> {
  return getJson(`${BASE}/proposals/${encodeURIComponent(id)}`, options);
}

/** POST /budgeting/rounds/:id/proposals */
export function submitProposal(
  roundId: string,
  input: ProposalInput,
  options: RequestOptions,
): Promise<ProposalDetail> {
  return sendJson("POST", `${BASE}/rounds/${encodeURIComponent(roundId)}/proposals`, input, options);
}

/** POST /budgeting/proposals/:id/comments */
export function postComment(
  proposalId: string,
  body: string,
  options: RequestOptions,
): Promise<ProposalDetail> {
  return sendJson("POST", `${BASE}/proposals/${encodeURIComponent(proposalId)}/comments`, { body }, options);
}

/** POST /budgeting/proposals/:id/images (staff; the server removes the photo's metadata) */
export function addProposalImage(
  proposalId: string,
  image: NewProposalImage,
  options: RequestOptions,
): Promise<ProposalDetail> {
  return sendJson("POST", `${BASE}/proposals/${encodeURIComponent(proposalId)}/images`, image, options);
}

/** DELETE /budgeting/proposals/:id/images/:imageId (staff) */
export function removeProposalImage(
  proposalId: string,
  imageId: string,
  options: RequestOptions,
): Promise<ProposalDetail> {
  const path = `${BASE}/proposals/${encodeURIComponent(proposalId)}/images/${encodeURIComponent(imageId)}`;
  return sendJson("DELETE", path, undefined, options);
}

/** GET /budgeting/rounds/:id/ballot (one's own; 404 when none) */
export function fetchMyBallot(roundId: string, options: RequestOptions): Promise<BallotReceipt> {
  return getJson(`${BASE}/rounds/${encodeURIComponent(roundId)}/ballot`, options);
}

/** PUT /budgeting/rounds/:id/ballot */
export function castBallot(
  roundId: string,
  choices: BallotChoice[],
  options: RequestOptions,
): Promise<BallotReceipt> {
  return sendJson("PUT", `${BASE}/rounds/${encodeURIComponent(roundId)}/ballot`, { choices }, options);
}

/** POST /budgeting/rounds/:id/paper-ballots (staff) */
export function enterPaperBallot(
  roundId: string,
  input: { henkilotunnus: string; residencyChecked: boolean; choices: BallotChoice[] },
  options: RequestOptions,
): Promise<BallotReceipt> {
  return sendJson("POST", `${BASE}/rounds/${encodeURIComponent(roundId)}/paper-ballots`, input, options);
}

/** POST /budgeting/proposals/:id/review (staff) */
export function reviewProposal(
  id: string,
  input: ReviewInput,
  options: RequestOptions,
): Promise<ProposalDetail> {
  return sendJson("POST", `${BASE}/proposals/${encodeURIComponent(id)}/review`, input, options);
}

/** POST /budgeting/proposals/:id/merge (staff) */
export function mergeProposal(id: string, into: string, options: RequestOptions): Promise<ProposalDetail> {
  return sendJson("POST", `${BASE}/proposals/${encodeURIComponent(id)}/merge`, { into }, options);
}

/** PUT /budgeting/rounds/:id/phase (staff) */
export function setPhase(roundId: string, phase: Phase, options: RequestOptions): Promise<Round> {
  return sendJson("PUT", `${BASE}/rounds/${encodeURIComponent(roundId)}/phase`, { phase }, options);
}

/** POST /budgeting/rounds/:id/results (staff) */
export function publishResults(roundId: string, options: RequestOptions): Promise<RoundResults> {
  return sendJson("POST", `${BASE}/rounds/${encodeURIComponent(roundId)}/results`, undefined, options);
}

/** GET /budgeting/rounds/:id/results (409 until published) */
export function fetchResults(roundId: string, options: RequestOptions): Promise<RoundResults> {
  return getJson(`${BASE}/rounds/${encodeURIComponent(roundId)}/results`, options);
}

/** GET /budgeting/receipts/:code */
export function checkReceipt(code: string, options: RequestOptions): Promise<ReceiptCheck> {
  return getJson(`${BASE}/receipts/${encodeURIComponent(code.trim())}`, options);
}
