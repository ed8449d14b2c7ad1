// Method of Equal Shares, fast: floating point with exact arithmetic where exactness decides, and (for the add1
// completion) the range of voter budgets over which the outcome provably stays the same.
//
// The rule is the one of equal-shares-exact.ts (Peters, Pierczyński & Skowron 2021; pabutools'
// method_of_equal_shares): each round selects the affordable project with the least ρ, where
// Σ_supporters min(budget_i, ρ·u_i) = cost, ties by the tie-break ranks. Engineering:
//
// 1. Lazy evaluation. A project's ρ never decreases from one round to the next (budgets only shrink), so the ρ
//    from an earlier round is a lower bound. Each round visits projects by increasing bound and stops once the bound
//    exceeds the best ρ found (as pabutools and the equalshares.net tool do).
// 2. ρ by "poor/rich" iteration (pabutools' affordability_poor_rich): start with ρ = cost / Σ w·u; voters with
//    budget < ρ·u pay everything they have; recompute ρ with the rest; repeat until nobody new runs out. No sort.
// 3. Exact where it matters. Every decision whose float margin is below TOL (relative 1e-9, while float error here is
//    below ~1e-12) is decided again in exact rational arithmetic by an "exact shadow": the same run replayed in
//    bigint rationals along the (so far certified) sequence of selected projects. Near-ties, including genuine ties
//    between projects with equal support, are therefore decided exactly, and a float run returns the exact outcome.
// 4. Change points for add1 (after Kraiczy, Robinson & Elkind, "Streamlining Equal Shares", 2025: the outcome of
//    MES as a function of the initial per-voter budget b is piecewise constant, and one run can report where its
//    piece ends). Along a run every quantity is an affine function of b as long as every discrete decision (which
//    project wins each round, which supporters run out of money, which projects are unaffordable) stays the same:
//    budgets β_i(b), ρ_j(b) = (cost − Σ_poor w·β)/Σ_rich w·u. We carry the derivative d/db beside each value and,
//    for each decision, the largest step Δ for which its affine inequality still holds:
//      - the winner's ρ stays below every other candidate's lower bound (for a project not re-evaluated this round,
//        its ρ from an earlier round at the same partition, still a lower bound: ρ with any partition is ≤ the
//        true ρ, because Σ min(β, ρu) ≤ Σ_poor β + ρ Σ_rich u);
//      - the winner's partition stays consistent (poor: β ≤ ρu, rich: β ≥ ρu), so its ρ(b) and the payments are
//        the affine functions used;
//      - projects found unaffordable stay so (cost − Σ β > 0).
//    The run's outcome is then the same for every b' in [b, b + Δ). Constraints tight at b are resolved with the
//    exact shadow (exact values and slopes) where that is cheap, else Δ = 0 (the next run simply comes one step
//    later). The add1 driver (completion.ts) jumps from one piece to the next instead of re-running MES for each
//    +1 of budget. The paper computes the exact next change only for Exact Equal Shares, not for MES; these pieces
//    are conservative (a change in who runs out of money ends a piece even when the outcome stays), and on real
//    elections they are often shorter than one unit, so jumps save few runs there (Wieliczka 2023: 160 runs where
//    stepping unit by unit takes 166). What makes add1 fast in practice is the cost of one run (well under a millisecond for Wieliczka).
// 5. Consecutive add1 runs are alike: each round first evaluates the previous run's winner of that round, which
//    usually is the winner again and lets the lazy scan stop early. It only changes the order of evaluation.
// 6. Two projects in which nobody is short of money have ρ = cost / Σ w·u exactly, so their ties are compared
//    as integers without the shadow (the common case: equal numbers of supporters in the first rounds).

import type { CountingProfile } from "./election.ts";
import { cmpQ, divQ, makeRational, mulQ, negQ, type Rational, subQ, toNumberQ, ZERO } from "./rational.ts";

const TOL = 1e-9;
const SAFETY = 1 - 1e-7;

/** Outcome of one run at a fixed per-voter budget. */
export interface EqualSharesRun {
  /** Selected project indices, in order of selection (supported zero-cost projects first). */
  readonly selected: number[];
  /** With region tracking: the run (hence the outcome) is the same for every per-voter budget in [b, b + Δ). */
  readonly stableFor: number;
  /** Decisions that were too close for floating point and were taken in exact arithmetic. */
  readonly exactDecisions: number;
}

interface ExactRho {
  readonly value: Rational;
  readonly slope: Rational;
  readonly rich: Uint8Array; // per supporter entry (k - s0): 1 when rich
}

/**
 * Exact replay of a run. Budgets are exact affine functions of b: value at the current b and slope d/db.
 * Activated only when a decision is too close for floats; then kept in step with the float run.
 */
class ExactShadow {
  private value: (Rational | null)[] = [];
  private slope: (Rational | null)[] = [];
  private rhoCache = new Map<number, ExactRho | null>();
  active = false;

  private readonly profile: CountingProfile;
  private readonly b: Rational;

  constructor(profile: CountingProfile, b: Rational) {
    this.profile = profile;
    this.b = b;
  }

  activate(history: readonly number[]): void {
    this.value = new Array<Rational | null>(this.profile.groupCount).fill(null);
    this.slope = new Array<Rational | null>(this.profile.groupCount).fill(null);
    this.rhoCache.clear();
    this.active = true;
    for (const j of history) this.pay(j);
  }

  private budget(g: number): Rational {
    return this.value[g] ?? this.b;
  }

  private budgetSlope(g: number): Rational {
    return this.slope[g] ?? { num: 1n, den: 1n };
  }

  /** Σ w·β over the supporters of j, and its slope. */
  available(j: number): { value: Rational; slope: Rational } {
    const p = this.profile;
    let v: Rational = ZERO;
    let s: Rational = ZERO;
    for (let k = p.supStart[j] as number; k < (p.supStart[j + 1] as number); k++) {
      const g = p.supGroup[k] as number;
      const w = BigInt(p.groupWeight[g] as number);
      const bv = this.budget(g);
      const bs = this.budgetSlope(g);
      v = makeRational(v.num * bv.den + w * bv.num * v.den, v.den * bv.den);
      s = makeRational(s.num * bs.den + w * bs.num * s.den, s.den * bs.den);
    }
    return { value: v, slope: s };
  }

  /** Exact ρ of j (value and slope) with the current budgets, or null when unaffordable. */
  rho(j: number): ExactRho | null {
    const cached = this.rhoCache.get(j);
    if (cached !== undefined) return cached;
    const p = this.profile;
    const s0 = p.supStart[j] as number;
    const s1 = p.supStart[j + 1] as number;
    const cost: Rational = { num: p.costExact[j] as bigint, den: 1n };
    const rich = new Uint8Array(s1 - s0).fill(1);
    let richWU = 0n;
    for (let k = s0; k < s1; k++) {
      richWU += BigInt(p.groupWeight[p.supGroup[k] as number] as number) * BigInt(p.supUtil[k] as number);
    }
    let paid: Rational = ZERO;
    let paidSlope: Rational = ZERO;
    let result: ExactRho | null = null;
    for (;;) {
      if (richWU === 0n) break;
      const rho = divQ(subQ(cost, paid), { num: richWU, den: 1n });
      let changed = false;
      for (let k = s0; k < s1; k++) {
        if (!rich[k - s0]) continue;
        const g = p.supGroup[k] as number;
        const u = BigInt(p.supUtil[k] as number);
        const bv = this.budget(g);
        if (cmpQ(bv, mulQ(rho, { num: u, den: 1n })) < 0) {
          const w = BigInt(p.groupWeight[g] as number);
          rich[k - s0] = 0;
          changed = true;
          richWU -= w * u;
          paid = makeRational(paid.num * bv.den + w * bv.num * paid.den, paid.den * bv.den);
          const bs = this.budgetSlope(g);
          paidSlope = makeRational(
            paidSlope.num * bs.den + w * bs.num * paidSlope.den,
            paidSlope.den * bs.den,
          );
        }
      }
      if (!changed) {
        result = { value: rho, slope: divQ(negQ(paidSlope), { num: richWU, den: 1n }), rich };
        break;
      }
    }
    this.rhoCache.set(j, result);
    return result;
  }

  /** Charges the supporters of the selected project j. */
  pay(j: number): void {
    const r = this.rho(j);
    if (r === null) throw new Error(`internal: exact shadow finds project ${j} unaffordable`);
    const p = this.profile;
    const s0 = p.supStart[j] as number;
    for (let k = s0; k < (p.supStart[j + 1] as number); k++) {
      const g = p.supGroup[k] as number;
      if (r.rich[k - s0]) {
        const u: Rational = { num: BigInt(p.supUtil[k] as number), den: 1n };
        this.value[g] = subQ(this.budget(g), mulQ(r.value, u));
        this.slope[g] = subQ(this.budgetSlope(g), mulQ(r.slope, u));
      } else {
        this.value[g] = ZERO;
        this.slope[g] = ZERO;
      }
    }
    this.rhoCache.clear();
  }
}

/** Largest Δ ≥ 0 such that value + slope·δ keeps its sign for δ in [0, Δ); value ≥ 0 expected. */
function stepLimit(value: number, slope: number): number {
  if (slope >= 0) return Number.POSITIVE_INFINITY;
  if (value <= 0) return 0;
  return (value / -slope) * SAFETY;
}

/** Same, exactly, then rounded down to a float. */
function stepLimitExact(value: Rational, slope: Rational): number {
  if (slope.num >= 0n) return Number.POSITIVE_INFINITY;
  if (value.num <= 0n) return 0;
  return toNumberQ(divQ(value, negQ(slope))) * SAFETY;
}

/**
 * The fast MES engine for one profile and tie-break; `run` may be called many times (add1) and reuses its buffers.
 */
export class EqualSharesEngine {
  private readonly profile: CountingProfile;
  private readonly rank: Int32Array;
  private readonly beta: Float64Array;
  private readonly dbeta: Float64Array;
  private readonly bound: Float64Array;
  private readonly boundSlope: Float64Array;
  private readonly boundRound: Int32Array;
  /** Evaluated with every supporter clearly able to pay: ρ = cost / Σ w·u exactly, slope 0. */
  private readonly clean: Uint8Array;
  private readonly status: Uint8Array; // 0 candidate, 1 selected, 2 unaffordable
  private readonly totalWU: Float64Array;
  private readonly scratch: Int32Array;
  private readonly order: Int32Array;
  private readonly eligible: number[];
  private readonly zeroCost: number[];
  /** Winners of the previous run, round by round: evaluated first, as consecutive add1 runs are alike. */
  private hints: number[] = [];
  // Result of the last `evaluate`.
  private evalRho = 0;
  private evalSlope = 0;
  private evalClean = false;
  // Per-run state.
  private shadow: ExactShadow | null = null;
  private history: number[] = [];
  private exactDecisions = 0;
  private stable = Number.POSITIVE_INFINITY;
  private tracking = false;

  constructor(profile: CountingProfile, rank: Int32Array) {
    this.profile = profile;
    this.rank = rank;
    const m = profile.projectCount;
    this.beta = new Float64Array(profile.groupCount);
    this.dbeta = new Float64Array(profile.groupCount);
    this.bound = new Float64Array(m);
    this.boundSlope = new Float64Array(m);
    this.boundRound = new Int32Array(m);
    this.clean = new Uint8Array(m);
    this.status = new Uint8Array(m);
    this.totalWU = new Float64Array(m);
    this.eligible = [];
    this.zeroCost = [];
    let maxSup = 0;
    for (let j = 0; j < m; j++) {
      const s0 = profile.supStart[j] as number;
      const s1 = profile.supStart[j + 1] as number;
      maxSup = Math.max(maxSup, s1 - s0);
      let t = 0;
      for (let k = s0; k < s1; k++) {
        t += (profile.groupWeight[profile.supGroup[k] as number] as number) * (profile.supUtil[k] as number);
      }
      this.totalWU[j] = t;
      if (s1 === s0) continue;
      if ((profile.costExact[j] as bigint) === 0n) this.zeroCost.push(j);
      else this.eligible.push(j);
    }
    this.scratch = new Int32Array(maxSup);
    this.order = new Int32Array(this.eligible.length);
  }

  /** Supported projects of zero cost, selected before the first round. */
  get upfront(): readonly number[] {
    return this.zeroCost;
  }

  /** Supported projects of positive cost: those MES can select (and add1 checks exhaustiveness against). */
  get candidates(): readonly number[] {
    return this.eligible;
  }

  private exactShadow(): ExactShadow {
    const shadow = this.shadow as ExactShadow;
    if (!shadow.active) shadow.activate(this.history);
    return shadow;
  }

  private limit(step: number): void {
    if (step < this.stable) this.stable = step;
  }

  /** Evaluates ρ of j into evalRho/evalSlope/evalClean; returns false (and marks j) when unaffordable. */
  private evaluate(j: number): boolean {
    const p = this.profile;
    const { beta, dbeta, scratch } = this;
    const supGroup = p.supGroup;
    const supUtil = p.supUtil;
    const weight = p.groupWeight;
    const s0 = p.supStart[j] as number;
    const s1 = p.supStart[j + 1] as number;
    const cost = p.cost[j] as number;
    let richWU = this.totalWU[j] as number;
    let rho = cost / richWU;
    const cleanLimit = rho * (1 + TOL);
    // First pass: money available, and who cannot pay ρ = cost / Σ w·u.
    let avail = 0;
    let availSlope = 0;
    let paid = 0;
    let paidSlope = 0;
    let n = 0;
    let clean = true;
    for (let k = s0; k < s1; k++) {
      const g = supGroup[k] as number;
      const w = weight[g] as number;
      const bg = beta[g] as number;
      const u = supUtil[k] as number;
      avail += w * bg;
      availSlope += w * (dbeta[g] as number);
      if (bg < cleanLimit * u) {
        clean = false;
        if (bg < rho * u) {
          paid += w * bg;
          paidSlope += w * (dbeta[g] as number);
          richWU -= w * u;
          continue;
        }
      }
      scratch[n++] = k;
    }
    const margin = avail - cost;
    let affordable = margin >= 0;
    if (Math.abs(margin) <= TOL * cost) {
      this.exactDecisions++;
      const ex = this.exactShadow().available(j);
      const exMargin = subQ(ex.value, { num: p.costExact[j] as bigint, den: 1n });
      affordable = exMargin.num >= 0n;
      if (!affordable && this.tracking) this.limit(stepLimitExact(negQ(exMargin), negQ(ex.slope)));
    } else if (!affordable && this.tracking) {
      this.limit(stepLimit(-margin, -availSlope));
    }
    if (!affordable) {
      this.status[j] = 2;
      return false;
    }
    // Poor/rich iteration on those still able to pay.
    let changed = !clean && n < s1 - s0;
    while (changed) {
      if (n === 0 || richWU <= 0) {
        // Float says nobody can pay while the affordability test passed: a knife edge, settle it exactly.
        this.exactDecisions++;
        const ex = this.exactShadow().rho(j);
        if (ex === null) {
          this.status[j] = 2;
          return false;
        }
        this.evalRho = toNumberQ(ex.value);
        this.evalSlope = toNumberQ(ex.slope);
        this.evalClean = false;
        return true;
      }
      rho = (cost - paid) / richWU;
      changed = false;
      let write = 0;
      for (let i = 0; i < n; i++) {
        const k = scratch[i] as number;
        const g = supGroup[k] as number;
        const u = supUtil[k] as number;
        const bg = beta[g] as number;
        if (bg < rho * u) {
          const w = weight[g] as number;
          paid += w * bg;
          paidSlope += w * (dbeta[g] as number);
          richWU -= w * u;
          changed = true;
        } else {
          scratch[write++] = k;
        }
      }
      n = write;
    }
    this.evalRho = rho;
    this.evalSlope = richWU > 0 ? -paidSlope / richWU : 0;
    this.evalClean = clean;
    return true;
  }

  /**
   * Exact comparison of ρ_a and ρ_c (both evaluated this round): sign of ρ_a − ρ_c, the difference and its slope.
   * Two clean projects compare as integers (cost_a·W_c vs cost_c·W_a); otherwise the exact shadow decides.
   */
  private compareExact(a: number, c: number): { cmp: number; diff: Rational; diffSlope: Rational } {
    const p = this.profile;
    this.exactDecisions++;
    if (this.clean[a] && this.clean[c]) {
      const ra = makeRational(p.costExact[a] as bigint, p.totalUtility[a] as bigint);
      const rc = makeRational(p.costExact[c] as bigint, p.totalUtility[c] as bigint);
      return { cmp: cmpQ(ra, rc), diff: subQ(ra, rc), diffSlope: ZERO };
    }
    const shadow = this.exactShadow();
    const ra = shadow.rho(a);
    const rc = shadow.rho(c);
    if (ra === null || rc === null) throw new Error("internal: exact shadow disagrees on affordability");
    return {
      cmp: cmpQ(ra.value, rc.value),
      diff: subQ(ra.value, rc.value),
      diffSlope: subQ(ra.slope, rc.slope),
    };
  }

  // Winner of the current round.
  private best = -1;
  private bestRho = 0;
  private bestSlope = 0;

  /** Evaluates j in round `round` and makes it the round's winner if it beats the current one. */
  private consider(j: number, round: number): void {
    if (!this.evaluate(j)) return;
    const rho = this.evalRho;
    this.bound[j] = rho;
    this.boundSlope[j] = this.evalSlope;
    this.boundRound[j] = round;
    this.clean[j] = this.evalClean ? 1 : 0;
    const best = this.best;
    if (best < 0 || rho < this.bestRho * (1 - TOL)) {
      this.best = j;
      this.bestRho = rho;
      this.bestSlope = this.evalSlope;
    } else if (rho <= this.bestRho * (1 + TOL)) {
      const { cmp } = this.compareExact(j, best);
      if (cmp < 0 || (cmp === 0 && (this.rank[j] as number) < (this.rank[best] as number))) {
        this.best = j;
        this.bestRho = rho;
        this.bestSlope = this.evalSlope;
      }
    }
  }

  /** Stability: the winner must stay ahead of every other live candidate. */
  private trackWinner(live: number, round: number): void {
    const { order, bound, boundSlope, boundRound, status, rank } = this;
    const best = this.best;
    const bestRho = this.bestRho;
    const bestSlope = this.bestSlope;
    for (let i = 0; i < live; i++) {
      const j = order[i] as number;
      if (j === best || status[j] !== 0) continue;
      const value = (bound[j] as number) - bestRho;
      if (Math.abs(value) <= TOL * bestRho) {
        if (boundRound[j] !== round) {
          this.stable = 0; // a stale near bound: do not extrapolate
          continue;
        }
        const ex = this.compareExact(j, best);
        if (ex.diff.num === 0n) {
          // Tied now: the tie-break decided; it keeps deciding while the slopes agree, or while j falls behind.
          const keeps =
            (rank[j] as number) < (rank[best] as number) ? ex.diffSlope.num > 0n : ex.diffSlope.num >= 0n;
          if (!keeps) this.stable = 0;
        } else {
          this.limit(stepLimitExact(ex.diff, ex.diffSlope));
        }
      } else {
        this.limit(stepLimit(value, (boundSlope[j] as number) - bestSlope));
      }
    }
  }

  /** Charges the supporters of the winner. */
  private charge(): void {
    const p = this.profile;
    const { beta, dbeta } = this;
    const best = this.best;
    const bestRho = this.bestRho;
    const bestSlope = this.bestSlope;
    const tracking = this.tracking;
    const supGroup = p.supGroup;
    const supUtil = p.supUtil;
    for (let k = p.supStart[best] as number; k < (p.supStart[best + 1] as number); k++) {
      const g = supGroup[k] as number;
      const u = supUtil[k] as number;
      const bg = beta[g] as number;
      const due = bestRho * u;
      const oldSlope = dbeta[g] as number;
      if (tracking && this.stable > 0) {
        // The winner's partition must stay as it is (poor: β ≤ ρu, rich: β ≥ ρu).
        const gap = bg - due;
        const gapSlope = oldSlope - bestSlope * u;
        if (Math.abs(gap) <= TOL * Math.max(bg, due)) this.stable = 0;
        else if (gap < 0) this.limit(stepLimit(-gap, -gapSlope));
        else this.limit(stepLimit(gap, gapSlope));
      }
      if (bg >= due) {
        beta[g] = bg - due;
        dbeta[g] = oldSlope - bestSlope * u;
      } else {
        beta[g] = 0;
        dbeta[g] = 0;
      }
    }
    const shadow = this.shadow as ExactShadow;
    if (shadow.active) shadow.pay(best);
  }

  /** Removes decided candidates from `order` and restores its (bound, rank) order; returns the live count. */
  private reorder(live: number): number {
    const { order, bound, rank, status } = this;
    let w = 0;
    for (let i = 0; i < live; i++) {
      const j = order[i] as number;
      if (status[j] !== 0) continue;
      const bj = bound[j] as number;
      const rj = rank[j] as number;
      let at = w++;
      while (at > 0) {
        const prev = order[at - 1] as number;
        const bp = bound[prev] as number;
        if (bj < bp || (bj === bp && rj < (rank[prev] as number))) {
          order[at] = prev;
          at--;
        } else break;
      }
      order[at] = j;
    }
    return w;
  }

  /**
   * One run at per-voter budget `budgetPerVoter` (scaled money, exact). With `trackStability`, also returns how far
   * the budget can grow with the same run.
   */
  run(budgetPerVoter: Rational, trackStability: boolean): EqualSharesRun {
    const p = this.profile;
    const { beta, dbeta, bound, boundSlope, boundRound, status, totalWU, order } = this;
    const b = toNumberQ(budgetPerVoter);
    beta.fill(b);
    dbeta.fill(1);
    this.shadow = new ExactShadow(p, budgetPerVoter);
    this.history = [];
    this.exactDecisions = 0;
    this.stable = Number.POSITIVE_INFINITY;
    this.tracking = trackStability;
    const selected: number[] = [...this.zeroCost];
    const previousHints = this.hints;
    const hints: number[] = [];

    // Candidates, kept sorted by (bound, rank) across rounds; bounds only grow, so insertion sort is cheap.
    let live = 0;
    for (const j of this.eligible) {
      status[j] = 0;
      bound[j] = (p.cost[j] as number) / (totalWU[j] as number);
      boundSlope[j] = 0;
      boundRound[j] = 0;
      order[live++] = j;
    }

    for (let round = 1; ; round++) {
      live = this.reorder(live);
      if (live === 0) break;
      this.best = -1;
      const hint = previousHints[round - 1] ?? -1;
      if (hint >= 0 && status[hint] === 0) this.consider(hint, round);
      for (let i = 0; i < live; i++) {
        const j = order[i] as number;
        // Skip what this round already evaluated (the hint) before the stop test: its bound is now its ρ of
        // this round, no longer the lower bound `order` was sorted by, and stopping on it would pass over a
        // later candidate with a smaller bound.
        if (status[j] !== 0 || boundRound[j] === round) continue;
        if (this.best >= 0 && (bound[j] as number) > this.bestRho * (1 + TOL)) break;
        this.consider(j, round);
      }
      const best = this.best;
      if (best < 0) break; // every candidate was evaluated and found unaffordable
      hints.push(best);
      if (trackStability) this.trackWinner(live, round);
      status[best] = 1;
      selected.push(best);
      this.history.push(best);
      this.charge();
    }
    this.hints = hints;
    return { selected, stableFor: trackStability ? this.stable : 0, exactDecisions: this.exactDecisions };
  }
}

/** Runs MES once (no completion) at per-voter budget `budgetPerVoter` (scaled money). */
export function countEqualShares(
  profile: CountingProfile,
  rank: Int32Array,
  budgetPerVoter: Rational,
): number[] {
  return new EqualSharesEngine(profile, rank).run(budgetPerVoter, false).selected;
}

/** The initial per-voter budget of MES: the budget divided equally among all voters (scaled money). */
export function equalShareOf(profile: CountingProfile): Rational {
  if (profile.voterCount === 0) return ZERO;
  return makeRational(profile.budgetExact, BigInt(profile.voterCount));
}
