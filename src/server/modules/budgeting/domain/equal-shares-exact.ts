// Method of Equal Shares in exact rational arithmetic, written to follow the definition as plainly as possible
// (Peters, Pierczyński & Skowron, "Proportional Participatory Budgeting with Additive Utilities", NeurIPS 2021;
// equalshares.net/implementation/computation). It is the yardstick the fast engine (equal-shares.ts) is tested
// against, and what `--arithmetic exact` runs. Slow on large elections: O(rounds × projects × supporters) bigint work.
//
// The rule, with every voter starting from the same budget b:
//   repeat: among projects not yet selected whose supporters together still hold at least the cost, find the one
//   with the least ρ such that Σ_supporters min(budget_i, ρ·u_i) = cost (supporters with budget below ρ·u_i pay all
//   they have); select it (ties: tie-break ranks), charge min(budget_i, ρ·u_i) to each supporter; until none is left.
// Projects of zero cost that someone supports are selected up front, as pabutools does.

import type { CountingProfile } from "./election.ts";
import { cmpQ, makeRational, mulQ, type Rational, subQ, ZERO } from "./rational.ts";

/** Least ρ at which the supporters of j can pay its cost; null when they cannot. */
function affordability(profile: CountingProfile, budgets: Rational[], j: number): Rational | null {
  const s0 = profile.supStart[j] as number;
  const s1 = profile.supStart[j + 1] as number;
  const cost = profile.costExact[j] as bigint;
  const entries: { g: number; u: bigint; w: bigint }[] = [];
  let available: Rational = ZERO;
  let weightedUtility = 0n;
  for (let k = s0; k < s1; k++) {
    const g = profile.supGroup[k] as number;
    const w = BigInt(profile.groupWeight[g] as number);
    const u = BigInt(profile.supUtil[k] as number);
    entries.push({ g, u, w });
    const b = budgets[g] as Rational;
    available = makeRational(available.num * b.den + w * b.num * available.den, available.den * b.den);
    weightedUtility += w * u;
  }
  if (cmpQ(available, { num: cost, den: 1n }) < 0) return null;
  // Ascending budget per utility: those who run out first come first.
  entries.sort((x, y) => {
    const bx = budgets[x.g] as Rational;
    const by = budgets[y.g] as Rational;
    const l = bx.num * by.den * y.u;
    const r = by.num * bx.den * x.u;
    return l < r ? -1 : l > r ? 1 : 0;
  });
  let paid: Rational = ZERO;
  let rest = weightedUtility;
  for (const e of entries) {
    const rho = makeRational((cost * paid.den - paid.num) as bigint, paid.den * rest);
    const b = budgets[e.g] as Rational;
    if (cmpQ(mulQ(rho, { num: e.u, den: 1n }), b) <= 0) return rho;
    paid = makeRational(paid.num * b.den + e.w * b.num * paid.den, paid.den * b.den);
    rest -= e.w * e.u;
  }
  return null;
}

/**
 * Runs MES with per-voter budget `budgetPerVoter` (scaled money, see CountingProfile); returns the selected
 * project indices in the order of selection.
 */
export function countEqualSharesExact(
  profile: CountingProfile,
  rank: Int32Array,
  budgetPerVoter: Rational,
): number[] {
  const m = profile.projectCount;
  const budgets: Rational[] = new Array<Rational>(profile.groupCount).fill(budgetPerVoter);
  const selected: number[] = [];
  const remaining = new Set<number>();
  for (let j = 0; j < m; j++) {
    const supported = (profile.supStart[j + 1] as number) > (profile.supStart[j] as number);
    if (!supported) continue;
    if ((profile.costExact[j] as bigint) === 0n) selected.push(j);
    else remaining.add(j);
  }
  for (;;) {
    let best = -1;
    let bestRho: Rational | null = null;
    for (const j of [...remaining]) {
      const rho = affordability(profile, budgets, j);
      if (rho === null) {
        remaining.delete(j); // budgets only shrink: it can never become affordable again
        continue;
      }
      const c = bestRho === null ? -1 : cmpQ(rho, bestRho);
      if (c < 0 || (c === 0 && (rank[j] as number) < (rank[best] as number))) {
        best = j;
        bestRho = rho;
      }
    }
    if (best < 0 || bestRho === null) return selected;
    selected.push(best);
    remaining.delete(best);
    for (let k = profile.supStart[best] as number; k < (profile.supStart[best + 1] as number); k++) {
      const g = profile.supGroup[k] as number;
      const due = mulQ(bestRho, { num: BigInt(profile.supUtil[k] as number), den: 1n });
      const b = budgets[g] as Rational;
      budgets[g] = cmpQ(due, b) >= 0 ? ZERO : subQ(b, due);
    }
  }
}
