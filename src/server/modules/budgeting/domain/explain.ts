// Why each project won or lost, as figures a resident can follow. Greedy: the budget left when its turn came
// (the order is the library's own, orderByDensity). MES (cost utilities, the rule at the final per-voter budget
// of the count): the run is replayed step by step to record each project's supporters' remaining money, its
// effective vote count (cost divided by the most any supporter pays, the measure equalshares.net reports) and
// the selected project that beat it while it was still affordable. Pure, no I/O.

import { type BudgetElection, buildProfile, type UtilityKind } from "./election.ts";
import { orderByDensity } from "./greedy.ts";
import { type Rational, toNumberQ } from "./rational.ts";
import { compareCodePoints, DEFAULT_TIE_BREAK, rankProjects } from "./tie-breaking.ts";

/** The facts behind one project's outcome. */
export type ProjectExplanation =
  | {
      readonly kind: "greedy";
      readonly selected: boolean;
      /** 1-based place in the order greedy considered projects (by votes or points). */
      readonly place: number;
      /** Budget left when its turn came (before paying for it). */
      readonly budgetLeft: number;
    }
  | {
      readonly kind: "mes_selected";
      /** 1-based step of the run at which it was bought. */
      readonly step: number;
      readonly supporters: number;
      readonly effectiveVotes: number;
      /** The most one supporter paid for it. */
      readonly maxPayment: number;
    }
  | {
      readonly kind: "mes_rejected";
      readonly supporters: number;
      /** What its supporters had left when the run ended. */
      readonly supportersMoney: number;
      /** Its effective vote count at the last step it was still affordable (null: never affordable). */
      readonly effectiveVotes: number | null;
      /** The project bought at that step instead, with its effective vote count. */
      readonly beatenBy: string | null;
      readonly beatenByEffectiveVotes: number | null;
    }
  | { readonly kind: "completion"; readonly selected: boolean };

/** Greedy: each project's place in the order and the budget left at its turn. */
export function explainGreedy(
  election: BudgetElection,
  utility: UtilityKind,
  selected: readonly string[],
): Map<string, ProjectExplanation> {
  const profile = buildProfile(election, utility);
  const order = orderByDensity(profile, rankProjects(profile, DEFAULT_TIE_BREAK));
  const chosen = new Set(selected);
  const out = new Map<string, ProjectExplanation>();
  let left = toNumberQ(election.budget);
  order.forEach((j, k) => {
    const id = profile.ids[j] as string;
    const cost = toNumberQ((election.projects[j] as { cost: Rational }).cost);
    out.set(id, { kind: "greedy", selected: chosen.has(id), place: k + 1, budgetLeft: left });
    if (chosen.has(id)) left -= cost;
  });
  return out;
}

/**
 * MES with cost utilities at the given per-voter budget (real money). Returns the explanations and the
 * replayed outcome, which the caller compares with the count (a completion may have added projects).
 */
export function explainEqualShares(
  election: BudgetElection,
  perVoterBudget: number,
): { explanations: Map<string, ProjectExplanation>; replayed: string[] } {
  const m = election.projects.length;
  const n = election.votes.count;
  const cost = election.projects.map((p) => toNumberQ(p.cost));
  const ids = election.projects.map((p) => p.id);
  const supporters: number[][] = Array.from({ length: m }, () => []);
  for (let v = 0; v < n; v++) {
    for (let k = election.votes.offsets[v] as number; k < (election.votes.offsets[v + 1] as number); k++) {
      (supporters[election.votes.projects[k] as number] as number[]).push(v);
    }
  }
  const money = new Float64Array(n).fill(perVoterBudget);
  const votes = supporters.map((s) => s.length);
  // Ties as the library breaks them: more votes, then lower cost, then id.
  const prefer = (a: number, b: number) =>
    (votes[b] as number) - (votes[a] as number) ||
    (cost[a] as number) - (cost[b] as number) ||
    compareCodePoints(ids[a] as string, ids[b] as string);
  const bought = new Uint8Array(m);
  const lastSeen = new Map<number, { effective: number; beatenBy: number }>();
  const selectedAt = new Map<number, { step: number; effective: number; maxPayment: number }>();
  const replayed: string[] = [];
  const EPS = 1e-9;
  for (let step = 1; ; step++) {
    // MES buys the project with the least payment per unit of utility ρ; with cost utilities ρ = payment / cost.
    let best = -1;
    let bestRho = Number.POSITIVE_INFINITY;
    let bestPay = 0;
    const affordable: { j: number; pay: number }[] = [];
    for (let j = 0; j < m; j++) {
      if (bought[j] || (votes[j] as number) === 0) continue;
      const pay = maxPaymentFor(cost[j] as number, supporters[j] as number[], money);
      if (pay === null) continue;
      affordable.push({ j, pay });
      const rho = (cost[j] as number) === 0 ? 0 : pay / (cost[j] as number);
      if (
        rho < bestRho - EPS * rho ||
        (Math.abs(rho - bestRho) <= EPS * rho && best >= 0 && prefer(j, best) < 0)
      ) {
        best = j;
        bestRho = rho;
        bestPay = pay;
      }
    }
    if (best < 0) break;
    for (const { j, pay } of affordable) {
      if (j !== best) lastSeen.set(j, { effective: effectiveVotes(cost[j] as number, pay), beatenBy: best });
    }
    const c = cost[best] as number;
    selectedAt.set(best, {
      step,
      effective: effectiveVotes(c, bestPay),
      maxPayment: c === 0 ? 0 : bestPay,
    });
    for (const v of supporters[best] as number[])
      money[v] = Math.max(0, (money[v] as number) - Math.min(money[v] as number, bestPay));
    bought[best] = 1;
    replayed.push(ids[best] as string);
  }
  const explanations = new Map<string, ProjectExplanation>();
  for (let j = 0; j < m; j++) {
    const s = selectedAt.get(j);
    if (s) {
      explanations.set(ids[j] as string, {
        kind: "mes_selected",
        step: s.step,
        supporters: votes[j] as number,
        effectiveVotes: s.effective,
        maxPayment: s.maxPayment,
      });
      continue;
    }
    const seen = lastSeen.get(j);
    let left = 0;
    for (const v of supporters[j] as number[]) left += money[v] as number;
    explanations.set(ids[j] as string, {
      kind: "mes_rejected",
      supporters: votes[j] as number,
      supportersMoney: left,
      effectiveVotes: seen ? seen.effective : null,
      beatenBy: seen ? (ids[seen.beatenBy] as string) : null,
      beatenByEffectiveVotes: seen ? (selectedAt.get(seen.beatenBy)?.effective ?? null) : null,
    });
  }
  return { explanations, replayed };
}

/** Cost ÷ the largest single payment: how many voters paying in full it is worth. */
function effectiveVotes(cost: number, maxPayment: number): number {
  return maxPayment <= 0 ? 0 : cost / maxPayment;
}

/**
 * The smallest cap p with Σ min(money_i, p) = cost over the supporters (each pays at most p), or null when
 * they cannot afford it together. Cost utilities make every supporter's utility equal, so the cap is per voter.
 */
function maxPaymentFor(cost: number, supporters: readonly number[], money: Float64Array): number | null {
  if (cost === 0) return 0;
  const have = supporters.map((v) => money[v] as number).sort((a, b) => a - b);
  let total = 0;
  for (const h of have) total += h;
  if (total < cost * (1 - 1e-12)) return null;
  let paid = 0;
  for (let k = 0; k < have.length; k++) {
    const rest = have.length - k;
    const p = (cost - paid) / rest;
    if (p <= (have[k] as number)) return p;
    paid += have[k] as number;
  }
  return have[have.length - 1] ?? null;
}
