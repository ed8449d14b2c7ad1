// Entry point of the counting library: one options object names the rule, and countElection returns the outcome.
// Also maps the `rule` field of Pabulib META to these options, for verifying cities' published outcomes.

import { type Add1Stop, type ComparisonMode, compareWithGreedy, countEqualSharesAdd1 } from "./completion.ts";
import { type BudgetElection, buildProfile, CountingError, type UtilityKind, unscale } from "./election.ts";
import { countEqualShares, equalShareOf } from "./equal-shares.ts";
import { countEqualSharesExact } from "./equal-shares-exact.ts";
import { countGreedy } from "./greedy.ts";
import type { PbVoteType } from "./pabulib.ts";
import { parseRational, type Rational } from "./rational.ts";
import { DEFAULT_TIE_BREAK, rankProjects, type TieBreakKey } from "./tie-breaking.ts";

/** Counting rule: utilitarian greedy or the Method of Equal Shares. */
export type RuleKind = "greedy" | "mes";

/** Completion of MES (ignored by greedy). */
export type CompletionKind = "none" | "add1" | "add1u" | "utilitarian";

/** Everything that defines a count. */
export interface CountOptions {
  readonly rule: RuleKind;
  readonly utility: UtilityKind;
  readonly completion: CompletionKind;
  /** Stopping rule of add1 (see completion.ts). */
  readonly add1Stop: Add1Stop;
  /** equalshares.net comparison step after MES. */
  readonly comparison: "none" | ComparisonMode;
  readonly tieBreak: readonly TieBreakKey[];
  /** Greedy: skip projects that do not fit (`skip`) or stop at the first one (`no-skip`). */
  readonly greedyVariant: "skip" | "no-skip";
  /** Greedy: minimum score (votes, or points) a project needs; null for none. */
  readonly minScore: Rational | null;
  /** `float`: fast engine, exact where a decision is close (same outcome); `exact`: bigint rationals throughout. */
  readonly arithmetic: "float" | "exact";
}

/** Defaults: greedy by votes, the default tie-break, float arithmetic with exact decisions. */
export const DEFAULT_COUNT_OPTIONS: CountOptions = {
  rule: "greedy",
  utility: "cost",
  completion: "none",
  add1Stop: "exhaustive",
  comparison: "none",
  tieBreak: DEFAULT_TIE_BREAK,
  greedyVariant: "skip",
  minScore: null,
  arithmetic: "float",
};

/** The outcome of a count. */
export interface CountResult {
  /** Selected project ids, in the order the rule selected them. */
  readonly selected: readonly string[];
  readonly totalCost: Rational;
  readonly budget: Rational;
  /** MES: the per-voter budget of the final run (real money). */
  readonly perVoterBudget: Rational | null;
  /** MES: number of MES runs (add1 performs several). */
  readonly runs: number;
  /** Comparison step, when used. */
  readonly comparison: {
    readonly prefersMes: number;
    readonly prefersGreedy: number;
    readonly keptMes: boolean;
  } | null;
  readonly options: CountOptions;
}

/** Counts an election with the given rule. Throws CountingError when the options do not fit the election. */
export function countElection(election: BudgetElection, partial: Partial<CountOptions> = {}): CountResult {
  const options: CountOptions = { ...DEFAULT_COUNT_OPTIONS, ...partial };
  const profile = buildProfile(election, options.utility);
  const rank = rankProjects(profile, options.tieBreak);
  let selected: number[];
  let perVoter: Rational | null = null;
  let runs = 0;
  let comparison: CountResult["comparison"] = null;

  if (options.rule === "greedy") {
    let minScore: bigint | null = null;
    if (options.minScore !== null) {
      // score / pointsScale ≥ num / den  ⇔  score·den ≥ num·pointsScale; round the threshold up to whole score units.
      const { num, den } = options.minScore;
      const scaledNum = num * BigInt(profile.pointsScale);
      minScore = scaledNum <= 0n ? 0n : (scaledNum + den - 1n) / den;
    }
    selected = countGreedy(profile, {
      rank,
      stopAtFirstMisfit: options.greedyVariant === "no-skip",
      minScore,
    });
  } else {
    const b0 = equalShareOf(profile);
    if (options.completion === "add1" || options.completion === "add1u") {
      const r = countEqualSharesAdd1(
        profile,
        rank,
        options.add1Stop,
        options.arithmetic === "exact" ? "exact" : "fast",
      );
      selected = r.selected;
      perVoter = r.perVoterBudget;
      runs = r.runs;
    } else {
      selected =
        options.arithmetic === "exact"
          ? countEqualSharesExact(profile, rank, b0)
          : countEqualShares(profile, rank, b0);
      perVoter = b0;
      runs = 1;
    }
    if (options.completion === "add1u" || options.completion === "utilitarian") {
      selected = countGreedy(profile, { rank, initial: selected });
    }
    if (options.comparison !== "none") {
      // equalshares.net compares with the standard rule: greedy by votes.
      const byVotes = buildProfile(election, "cost");
      const greedy = countGreedy(byVotes, { rank: rankProjects(byVotes, options.tieBreak) });
      const c = compareWithGreedy(byVotes, selected, greedy, options.comparison);
      comparison = { prefersMes: c.prefersMes, prefersGreedy: c.prefersGreedy, keptMes: c.keepMes };
      if (!c.keepMes) selected = greedy;
    }
  }
  let total = 0n;
  for (const j of selected) total += profile.costExact[j] as bigint;
  return {
    selected: selected.map((j) => profile.ids[j] as string),
    totalCost: unscale(profile, total),
    budget: election.budget,
    perVoterBudget: perVoter === null ? null : { num: perVoter.num, den: perVoter.den * profile.scale },
    runs,
    comparison,
    options,
  };
}

/** How a city's published rule maps onto ours, or why it cannot be recounted. */
export type MetaRuleMapping =
  | { readonly supported: true; readonly options: Partial<CountOptions>; readonly description: string }
  | { readonly supported: false; readonly reason: string };

/**
 * Maps Pabulib META `rule` to count options (Pabulib format, rule field; equalshares.net for equalshares/*).
 * Greedy rules rank by votes for approval ballots and by total points for cumulative and ordinal ballots (the
 * score Pabulib reports). Unknown or custom rules are reported as unsupported rather than guessed.
 */
export function optionsForMetaRule(
  meta: Readonly<Record<string, string>>,
  voteType: PbVoteType,
): MetaRuleMapping {
  const rule = (meta.rule ?? "").trim();
  const byScore: UtilityKind = voteType === "approval" || voteType === "choose-1" ? "cost" : "points-cost";
  const what = byScore === "cost" ? "votes" : "points";
  switch (rule) {
    case "greedy":
      return {
        supported: true,
        options: { rule: "greedy", utility: byScore, greedyVariant: "skip" },
        description: `greedy by ${what}, skipping projects that do not fit`,
      };
    case "greedy-no-skip":
      return {
        supported: true,
        options: { rule: "greedy", utility: byScore, greedyVariant: "no-skip" },
        description: `greedy by ${what}, stopping at the first project that does not fit`,
      };
    case "greedy-threshold": {
      const t = meta.min_project_score_threshold;
      const threshold = t === undefined ? null : parseRational(t);
      if (threshold === null) {
        return { supported: false, reason: "greedy-threshold without a min_project_score_threshold in META" };
      }
      return {
        supported: true,
        options: { rule: "greedy", utility: byScore, greedyVariant: "skip", minScore: threshold },
        description: `greedy by ${what}, only projects with a score of at least ${t}`,
      };
    }
    case "equalshares/add1":
    case "equalshares/add1-comparison": {
      if (voteType !== "approval" && voteType !== "choose-1") {
        return { supported: false, reason: `${rule} on ${voteType} ballots` };
      }
      const comparison = rule.endsWith("-comparison");
      return {
        supported: true,
        options: {
          rule: "mes",
          utility: "cost",
          completion: "add1",
          add1Stop: "overspend",
          comparison: comparison ? "satisfaction" : "none",
        },
        description: `MES (cost utilities) with add1 until the next step would overspend (equalshares.net)${
          comparison ? ", then the comparison with greedy by votes" : ""
        }`,
      };
    }
    case "":
      return { supported: false, reason: "META has no rule" };
    case "unknown":
      return { supported: false, reason: "META rule is 'unknown'" };
    default:
      return { supported: false, reason: `rule '${rule}' is not one we can recount` };
  }
}

/** Raised when options do not fit the election (re-exported for callers of countElection). */
export { CountingError };
