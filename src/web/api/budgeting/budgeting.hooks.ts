import type {
  BallotReceipt,
  Proposal,
  ProposalDetail,
  Round,
  RoundResults,
} from "../../../contracts/budgeting.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import {
  fetchMyBallot,
  fetchProposal,
  fetchProposals,
  fetchResults,
  fetchRound,
  fetchRounds,
} from "./budgeting.api.ts";

/** Every round. */
export function useRounds(): ApiResource<Round[]> {
  return useApiResource("budgeting-rounds", useLocale(), fetchRounds);
}

/** One round. */
export function useRound(id: string): ApiResource<Round> {
  return useApiResource(`budgeting-round:${id}`, useLocale(), (o) => fetchRound(id, o));
}

/** The proposals of a round. */
export function useProposals(roundId: string): ApiResource<Proposal[]> {
  return useApiResource(`budgeting-proposals:${roundId}`, useLocale(), (o) => fetchProposals(roundId, o));
}

/** One proposal with its comments. */
export function useProposal(id: string): ApiResource<ProposalDetail> {
  return useApiResource(`budgeting-proposal:${id}`, useLocale(), (o) => fetchProposal(id, o));
}

/** The signed-in voter's own ballot (404 when none); `key` changes reload it. */
export function useMyBallot(roundId: string, key: string): ApiResource<BallotReceipt> {
  return useApiResource(`budgeting-ballot:${roundId}:${key}`, useLocale(), (o) => fetchMyBallot(roundId, o));
}

/** Published results (409 until published). */
export function useResults(roundId: string): ApiResource<RoundResults> {
  return useApiResource(`budgeting-results:${roundId}`, useLocale(), (o) => fetchResults(roundId, o));
}
