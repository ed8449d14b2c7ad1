// The counting model shared by every rule: projects with exact costs, and voters reduced to groups of identical
// ballots with a utility for each project they support. Money is scaled by one common denominator so that every
// cost and the budget are integers; the rules are invariant under such scaling.

import type { PbVoteType } from "./pabulib.ts";
import { commonDenominator, makeRational, type Rational } from "./rational.ts";

/**
 * How much a voter gains from a selected project (the "satisfaction measure" of pabutools):
 * - `cost`: the project's cost if it is on the ballot (pabutools Cost_Sat; greedy then ranks by number of votes);
 * - `approval`: 1 if it is on the ballot (Cardinality_Sat; greedy ranks by votes per unit of cost);
 * - `points`: the points given (cumulative, scoring); for ordinal ballots the positional score L − position,
 *   with L = META max_length (else the longest ballot), as Kraków counts 3-2-1;
 * - `borda`: ballot length − position − 1 for ordinal ballots (pabutools Additive_Borda_Sat);
 * - `points-cost`: points × cost, so that greedy ranks by total points (what cities with cumulative or ordinal
 *   ballots do when their rule is "greedy").
 * For cost and approval utilities, "on the ballot" counts as approval for every ballot type, as in pabutools.
 */
export type UtilityKind = "cost" | "approval" | "points" | "borda" | "points-cost";

/** What a rule needs from an election; a parsed `.pb` file (PbElection) satisfies it. */
export interface BudgetElection {
  readonly budget: Rational;
  readonly voteType: PbVoteType;
  readonly projects: readonly { readonly id: string; readonly cost: Rational }[];
  readonly votes: {
    readonly count: number;
    readonly offsets: Int32Array;
    readonly projects: Int32Array;
    readonly points: Float64Array | null;
    /** Points are integers; the real value is points / pointsScale (1 when absent). */
    readonly pointsScale?: number;
  };
  readonly meta?: Readonly<Record<string, string>>;
}

/**
 * An election prepared for counting with one utility. Voters with identical ballots form one group (they are
 * indistinguishable to every rule here, so grouping is exact). For project j, its supporters (groups with
 * positive utility) are `supGroup[supStart[j] .. supStart[j+1])` with utilities `supUtil[…]` (integers).
 */
export interface CountingProfile {
  readonly utility: UtilityKind;
  readonly projectCount: number;
  readonly voterCount: number;
  readonly ids: readonly string[];
  /** Costs scaled by `scale` (integers), exact and as floats. */
  readonly costExact: readonly bigint[];
  readonly cost: Float64Array;
  /** Budget × scale (integer). */
  readonly budgetExact: bigint;
  readonly budget: number;
  /** Money scale: one unit of real money is `scale` units here. */
  readonly scale: bigint;
  readonly groupCount: number;
  readonly groupWeight: Float64Array;
  readonly supStart: Int32Array;
  readonly supGroup: Int32Array;
  readonly supUtil: Float64Array;
  /** Number of voters with the project on their ballot (whatever the utility). */
  readonly votes: Float64Array;
  /** Σ over voters of the utility, exact. */
  readonly totalUtility: readonly bigint[];
  /** The project's score for thresholds: votes for approval ballots, total points otherwise (× pointsScale). */
  readonly score: readonly bigint[];
  readonly pointsScale: number;
}

/** Utilities a vote type allows. */
export function allowedUtilities(voteType: PbVoteType): UtilityKind[] {
  switch (voteType) {
    case "approval":
    case "choose-1":
      return ["cost", "approval"];
    case "cumulative":
    case "scoring":
      return ["cost", "approval", "points", "points-cost"];
    case "ordinal":
      return ["cost", "approval", "points", "borda", "points-cost"];
  }
}

/** Raised when an election and a utility do not fit together. */
export class CountingError extends Error {
  override readonly name = "CountingError";
}

function safeNumber(v: bigint, what: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new CountingError(`${what} too large to count (${v})`);
  return n;
}

/** Builds the counting profile of an election for one utility. */
export function buildProfile(election: BudgetElection, utility: UtilityKind): CountingProfile {
  if (!allowedUtilities(election.voteType).includes(utility)) {
    throw new CountingError(`utility "${utility}" does not apply to ${election.voteType} ballots`);
  }
  const m = election.projects.length;
  const scale = commonDenominator([election.budget, ...election.projects.map((p) => p.cost)]);
  const costExact = election.projects.map((p) => (p.cost.num * scale) / p.cost.den);
  const cost = Float64Array.from(costExact, (c) => Number(c));
  const budgetExact = (election.budget.num * scale) / election.budget.den;
  const { count, offsets, projects, points } = election.votes;

  // Positional length for ordinal points: META max_length, or the longest ballot when that is longer.
  const metaMax = Number(election.meta?.max_length ?? Number.NaN);
  let positional = Number.isInteger(metaMax) && metaMax > 0 ? metaMax : 0;
  if (election.voteType === "ordinal") {
    for (let v = 0; v < count; v++) {
      positional = Math.max(positional, (offsets[v + 1] as number) - (offsets[v] as number));
    }
  }
  const unitUtility: number[] = [];
  if (utility === "cost" || utility === "points-cost") {
    for (let j = 0; j < m; j++) unitUtility.push(safeNumber(costExact[j] as bigint, "scaled cost"));
  }

  // Utility of the k-th entry of voter v's ballot (0 means not a supporter).
  const entryUtility = (v: number, k: number): number => {
    const start = offsets[v] as number;
    const len = (offsets[v + 1] as number) - start;
    const j = projects[k] as number;
    const pos = k - start;
    switch (utility) {
      case "approval":
        return 1;
      case "cost":
        return unitUtility[j] as number;
      case "borda":
        return len - pos - 1;
      case "points":
      case "points-cost": {
        const p = election.voteType === "ordinal" ? positional - pos : (points?.[k] ?? 0);
        return utility === "points" ? p : p * (unitUtility[j] as number);
      }
    }
  };

  // Group identical ballots. For set-like utilities the key is the sorted project list.
  const setLike = utility === "cost" || utility === "approval";
  const groupOf = new Map<string, number>();
  const groupWeight: number[] = [];
  const groupEntries: number[][] = []; // flattened (project, utility) pairs per group
  const votes = new Float64Array(m);
  const score: bigint[] = new Array<bigint>(m).fill(0n);
  const scratch: number[] = [];
  for (let v = 0; v < count; v++) {
    const start = offsets[v] as number;
    const end = offsets[v + 1] as number;
    scratch.length = 0;
    for (let k = start; k < end; k++) {
      const j = projects[k] as number;
      votes[j] = (votes[j] as number) + 1;
      if (election.voteType === "approval" || election.voteType === "choose-1") {
        score[j] = (score[j] as bigint) + 1n;
      } else if (election.voteType === "ordinal") {
        score[j] = (score[j] as bigint) + BigInt(positional - (k - start));
      } else {
        score[j] = (score[j] as bigint) + BigInt(points?.[k] ?? 0);
      }
      const u = entryUtility(v, k);
      if (u > 0) scratch.push(j, u);
    }
    let key: string;
    if (setLike) {
      const ids: number[] = [];
      for (let i = 0; i < scratch.length; i += 2) ids.push(scratch[i] as number);
      ids.sort((a, b) => a - b);
      key = ids.join(",");
    } else {
      const pairs: [number, number][] = [];
      for (let i = 0; i < scratch.length; i += 2)
        pairs.push([scratch[i] as number, scratch[i + 1] as number]);
      pairs.sort((a, b) => a[0] - b[0]);
      key = pairs.map((p) => `${p[0]}:${p[1]}`).join(",");
    }
    const g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, groupWeight.length);
      groupWeight.push(1);
      groupEntries.push(scratch.slice());
    } else {
      groupWeight[g] = (groupWeight[g] as number) + 1;
    }
  }

  // Supporter lists per project (CSR).
  const G = groupWeight.length;
  const supCount = new Int32Array(m + 1);
  for (const entries of groupEntries) {
    for (let i = 0; i < entries.length; i += 2) {
      const at = (entries[i] as number) + 1;
      supCount[at] = (supCount[at] as number) + 1;
    }
  }
  const supStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) supStart[j + 1] = (supStart[j] as number) + (supCount[j + 1] as number);
  const fill = supStart.slice(0, m);
  const supGroup = new Int32Array(supStart[m] as number);
  const supUtil = new Float64Array(supStart[m] as number);
  const totalUtility: bigint[] = new Array<bigint>(m).fill(0n);
  for (let g = 0; g < G; g++) {
    const entries = groupEntries[g] as number[];
    const w = BigInt(groupWeight[g] as number);
    for (let i = 0; i < entries.length; i += 2) {
      const j = entries[i] as number;
      const at = fill[j] as number;
      fill[j] = at + 1;
      supGroup[at] = g;
      supUtil[at] = entries[i + 1] as number;
      totalUtility[j] = (totalUtility[j] as bigint) + w * BigInt(entries[i + 1] as number);
    }
  }

  return {
    utility,
    projectCount: m,
    voterCount: count,
    ids: election.projects.map((p) => p.id),
    costExact,
    cost,
    budgetExact,
    budget: Number(budgetExact),
    scale,
    groupCount: G,
    groupWeight: Float64Array.from(groupWeight),
    supStart,
    supGroup,
    supUtil,
    votes,
    totalUtility,
    score,
    pointsScale: election.voteType === "ordinal" ? 1 : (election.votes.pointsScale ?? 1),
  };
}

/** Real-money value of scaled money. */
export function unscale(profile: CountingProfile, scaled: bigint): Rational {
  return makeRational(scaled, profile.scale);
}
