// Completions of the Method of Equal Shares (MES spends only part of the budget on its own) and the comparison step.
//
// add1 (equalshares.net/implementation/completion; pabutools method_of_equal_shares with
// voter_budget_increment=1): run MES with per-voter budget B/n, B/n + 1, B/n + 2, … (one unit of money at a time).
// Two stopping rules exist and decide real outcomes (see ../shared/pabulib/expected/README.md):
//   - `exhaustive` (pabutools, the default): stop at the first outcome that is exhaustive — no supported project
//     of positive cost left out still fits — and return it; return the previous outcome as soon as one overspends.
//   - `overspend` (equalshares.net without its "exhaustive" option; what Wieliczka, Świecie and Assen used): keep
//     raising while the next outcome fits the budget; return the last one that fits.
// Instead of one MES run per unit, the fast driver asks each run how far the budget can grow with the same run
// (EqualSharesEngine.run with stability, after Kraiczy, Robinson & Elkind 2025) and jumps to the first unit past
// that point. Runs are then counted in tens, not thousands; the result is the same as stepping one unit at a time
// (tested against both the naive float loop and the exact loop).
//
// add1u: add1, then utilitarian greedy fill with the same utility (pabutools completion_by_rule_combination).
// utilitarian: MES at B/n, then the greedy fill.
// Comparison (equalshares.net, used by Wieliczka 2023): the MES outcome is kept unless more voters prefer the
// greedy-by-votes outcome (more approved projects selected, or — `exclusion` — at least one versus none).

import type { CountingProfile } from "./election.ts";
import { EqualSharesEngine, equalShareOf } from "./equal-shares.ts";
import { countEqualSharesExact } from "./equal-shares-exact.ts";
import { addQ, makeRational, type Rational } from "./rational.ts";

/** Stopping rule of add1. */
export type Add1Stop = "exhaustive" | "overspend";

/** How add1 steps through budgets: jumps (default), every unit with the fast engine, every unit exactly. */
export type Add1Method = "fast" | "naive" | "exact";

/** Result of MES with add1. */
export interface Add1Result {
  readonly selected: number[];
  /** Per-voter budget (scaled money) of the returned outcome. */
  readonly perVoterBudget: Rational;
  /** MES runs performed. */
  readonly runs: number;
  readonly exactDecisions: number;
}

function costOf(profile: CountingProfile, selected: readonly number[]): bigint {
  let t = 0n;
  for (const j of selected) t += profile.costExact[j] as bigint;
  return t;
}

/** True when no supported project of positive cost outside `selected` still fits the budget. */
export function isExhaustiveFor(
  profile: CountingProfile,
  candidates: readonly number[],
  selected: readonly number[],
): boolean {
  const chosen = new Set(selected);
  const left = profile.budgetExact - costOf(profile, selected);
  for (const j of candidates) {
    if (!chosen.has(j) && (profile.costExact[j] as bigint) <= left) return false;
  }
  return true;
}

/** MES with the add1 completion. */
export function countEqualSharesAdd1(
  profile: CountingProfile,
  rank: Int32Array,
  stop: Add1Stop,
  method: Add1Method = "fast",
): Add1Result {
  const engine = new EqualSharesEngine(profile, rank);
  const candidates = engine.candidates;
  const b0 = equalShareOf(profile);
  const unit = Number(profile.scale);
  const budgetAt = (k: number): Rational => addQ(b0, makeRational(BigInt(k) * profile.scale));
  // Beyond this many units every voter alone can pay for all projects, so the outcome no longer changes.
  let total = 0n;
  for (const j of candidates) total += profile.costExact[j] as bigint;
  const lastUseful = Number(total / profile.scale) + 1;

  // pabutools starts from the supported zero-cost projects ("previous outcome" if the very first run overspent).
  let previous: number[] = [...engine.upfront];
  let k = 0;
  let runs = 0;
  let streakKey = "";
  let streakStart = 0;
  let exactDecisions = 0;
  for (;;) {
    const b = budgetAt(k);
    let selected: number[];
    let nextK: number;
    runs++;
    if (method === "exact") {
      selected = countEqualSharesExact(profile, rank, b);
      nextK = k + 1;
    } else {
      const run = engine.run(b, method === "fast");
      selected = run.selected;
      exactDecisions += run.exactDecisions;
      nextK = method === "fast" ? k + Math.max(1, Math.ceil(run.stableFor / unit)) : k + 1;
      if (!Number.isFinite(run.stableFor) && method === "fast") nextK = Number.POSITIVE_INFINITY;
    }
    if (costOf(profile, selected) > profile.budgetExact) {
      // Both stopping rules return the last outcome that fit; it held up to the unit before this one.
      return { selected: previous, perVoterBudget: budgetAt(Math.max(0, k - 1)), runs, exactDecisions };
    }
    if (stop === "exhaustive" && isExhaustiveFor(profile, candidates, selected)) {
      return { selected, perVoterBudget: b, runs, exactDecisions };
    }
    const key = [...selected].sort((x, y) => x - y).join();
    if (key !== streakKey) {
      streakKey = key;
      streakStart = k;
    }
    if (selected.length - engine.upfront.length === candidates.length) {
      // Every supported project is in: a larger budget cannot add anything (for `overspend` the loop of
      // equalshares.net would never end here).
      return { selected, perVoterBudget: budgetAt(streakStart), runs, exactDecisions };
    }
    if (!Number.isFinite(nextK) || nextK > lastUseful) {
      // The same outcome for every larger budget (pabutools would loop for ever): return it, with the first
      // budget at which it appeared.
      return { selected, perVoterBudget: budgetAt(streakStart), runs, exactDecisions };
    }
    previous = selected;
    k = nextK;
  }
}

/** Voter groups' count of selected projects they support. */
function supportCounts(profile: CountingProfile, selected: readonly number[]): Float64Array {
  const counts = new Float64Array(profile.groupCount);
  for (const j of selected) {
    for (let k = profile.supStart[j] as number; k < (profile.supStart[j + 1] as number); k++) {
      const g = profile.supGroup[k] as number;
      counts[g] = (counts[g] as number) + 1;
    }
  }
  return counts;
}

/** Comparison rule of the comparison step. */
export type ComparisonMode = "satisfaction" | "exclusion";

/** Voters preferring each outcome; MES is kept unless strictly more voters prefer greedy. */
export function compareWithGreedy(
  profile: CountingProfile,
  mes: readonly number[],
  greedy: readonly number[],
  mode: ComparisonMode,
): { prefersMes: number; prefersGreedy: number; keepMes: boolean } {
  const a = supportCounts(profile, mes);
  const g = supportCounts(profile, greedy);
  let prefersMes = 0;
  let prefersGreedy = 0;
  for (let i = 0; i < profile.groupCount; i++) {
    const w = profile.groupWeight[i] as number;
    const x = mode === "satisfaction" ? (a[i] as number) : Math.min(1, a[i] as number);
    const y = mode === "satisfaction" ? (g[i] as number) : Math.min(1, g[i] as number);
    if (x > y) prefersMes += w;
    else if (y > x) prefersGreedy += w;
  }
  return { prefersMes, prefersGreedy, keepMes: prefersGreedy <= prefersMes };
}
