// Utilitarian greedy: projects in decreasing order of total utility per unit of cost, each taken when it still
// fits. With cost utilities this is "most votes first", what most cities do. As in pabutools
// (greedy_utilitarian_scheme_additive): a supported zero-cost project ranks first (infinite density), a project
// without support ranks last (density 0) and is still taken when it fits. Comparisons are exact (bigint).

import type { CountingProfile } from "./election.ts";

/** Variants found in city rules (Pabulib META `rule`). */
export interface GreedyOptions {
  /** Tie-break ranks (see tie-breaking.ts). */
  readonly rank: Int32Array;
  /** `greedy-no-skip`: stop at the first project that does not fit instead of skipping it. */
  readonly stopAtFirstMisfit?: boolean;
  /** `greedy-threshold`: only projects whose score reaches this (in profile.score units) may be selected. */
  readonly minScore?: bigint | null;
  /** Projects already selected (a completion); their cost is taken from the budget first. */
  readonly initial?: readonly number[];
}

/** Orders projects by decreasing utility per cost, ties by rank. */
export function orderByDensity(profile: CountingProfile, rank: Int32Array): number[] {
  const m = profile.projectCount;
  const cls = (j: number): number => {
    const t = profile.totalUtility[j] as bigint;
    if (t <= 0n) return 0;
    return (profile.costExact[j] as bigint) === 0n ? 2 : 1;
  };
  const order = Array.from({ length: m }, (_, j) => j);
  order.sort((a, b) => {
    const ca = cls(a);
    const cb = cls(b);
    if (ca !== cb) return cb - ca;
    if (ca === 1) {
      // t_a / c_a vs t_b / c_b, decreasing
      const l = (profile.totalUtility[a] as bigint) * (profile.costExact[b] as bigint);
      const r = (profile.totalUtility[b] as bigint) * (profile.costExact[a] as bigint);
      if (l !== r) return l > r ? -1 : 1;
    }
    return (rank[a] as number) - (rank[b] as number);
  });
  return order;
}

/** Runs greedy; returns the selected project indices in the order they were taken (initial ones first). */
export function countGreedy(profile: CountingProfile, options: GreedyOptions): number[] {
  const selected = [...(options.initial ?? [])];
  const isSelected = new Uint8Array(profile.projectCount);
  let remaining = profile.budgetExact;
  for (const j of selected) {
    isSelected[j] = 1;
    remaining -= profile.costExact[j] as bigint;
  }
  for (const j of orderByDensity(profile, options.rank)) {
    if (isSelected[j]) continue;
    const minScore = options.minScore;
    if (minScore !== undefined && minScore !== null && (profile.score[j] as bigint) < minScore) continue;
    const c = profile.costExact[j] as bigint;
    if (c <= remaining) {
      selected.push(j);
      isSelected[j] = 1;
      remaining -= c;
    } else if (options.stopAtFirstMisfit) {
      break;
    }
  }
  return selected;
}
