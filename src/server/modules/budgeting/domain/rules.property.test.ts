// Property tests on random small elections. Small integer costs and budgets split among 1–9 voters make exact
// ties and knife-edge affordability frequent, which is what the exact-arithmetic paths are for.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countEqualSharesAdd1 } from "./completion.ts";
import { allowedUtilities, type BudgetElection, buildProfile, type UtilityKind } from "./election.ts";
import type { PbVoteType } from "./pabulib.ts";
import { makeRational } from "./rational.ts";
import { type CountOptions, countElection } from "./rules.ts";
import { makeElection, type TestBallot } from "./test-elections.ts";
import { rankProjects } from "./tie-breaking.ts";

const IDS = ["1", "2", "10", "a", "B", "7", "x"];

interface Spec {
  voteType: PbVoteType;
  costs: number[];
  budget: number;
  /** Per voter: indices of projects (order = ranking), points 1–3. */
  ballots: { projects: number[]; points: number[] }[];
  /** Cost denominator: 1 for integers, 100 for cents. */
  cents: boolean;
}

const specArb: fc.Arbitrary<Spec> = fc
  .record({
    voteType: fc.constantFrom<PbVoteType>("approval", "approval", "cumulative", "ordinal"),
    costs: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
    budget: fc.integer({ min: 0, max: 45 }),
    voters: fc.integer({ min: 1, max: 9 }),
    cents: fc.boolean(),
  })
  .chain(({ voteType, costs, budget, voters, cents }) =>
    fc
      .array(
        fc.record({
          projects: fc.uniqueArray(fc.integer({ min: 0, max: costs.length - 1 }), {
            maxLength: costs.length,
          }),
          points: fc.array(fc.integer({ min: 1, max: 3 }), {
            minLength: costs.length,
            maxLength: costs.length,
          }),
        }),
        { minLength: voters, maxLength: voters },
      )
      .map((ballots) => ({ voteType, costs, budget, ballots, cents })),
  );

function toElection(spec: Spec, voterOrder?: readonly number[]): BudgetElection {
  const money = (v: number) => (spec.cents ? makeRational(BigInt(v * 37), 100n) : makeRational(BigInt(v)));
  const order = voterOrder ?? spec.ballots.map((_, i) => i);
  const ballots: TestBallot[] = order.map((i) => {
    const b = spec.ballots[i] as Spec["ballots"][number];
    return {
      projects: b.projects.map((j) => IDS[j] as string),
      points: b.projects.map((_, k) => b.points[k] as number),
    };
  });
  return makeElection(
    money(spec.budget),
    spec.costs.map((c, j) => [IDS[j] as string, money(c)] as const),
    ballots,
    spec.voteType,
  );
}

const utilityArb = (spec: Spec) => fc.constantFrom<UtilityKind>(...allowedUtilities(spec.voteType));

/** Every rule configuration worth checking. */
const CONFIGS: Partial<CountOptions>[] = [
  { rule: "greedy" },
  { rule: "greedy", greedyVariant: "no-skip" },
  { rule: "mes", completion: "none" },
  { rule: "mes", completion: "add1", add1Stop: "exhaustive" },
  { rule: "mes", completion: "add1", add1Stop: "overspend" },
  { rule: "mes", completion: "add1u" },
  { rule: "mes", completion: "utilitarian" },
  { rule: "mes", completion: "add1", add1Stop: "overspend", comparison: "satisfaction" },
];

const configArb = fc.constantFrom(...CONFIGS);
const tieArb = fc.constantFrom<CountOptions["tieBreak"]>(
  ["votes", "cost", "id"],
  ["id"],
  ["cost-desc", "id"],
);

describe("properties of the counting rules", () => {
  it("no outcome exceeds the budget", () => {
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), utilityArb(s), configArb, tieArb)),
        ([spec, utility, config, tieBreak]) => {
          const e = toElection(spec);
          const r = countElection(e, { ...config, utility, tieBreak });
          const total = r.totalCost;
          expect(total.num * e.budget.den <= e.budget.num * total.den).toBe(true);
          expect(new Set(r.selected).size).toBe(r.selected.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("greedy leaves no unselected project that still fits", () => {
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), utilityArb(s), tieArb)),
        ([spec, utility, tieBreak]) => {
          const e = toElection(spec);
          const r = countElection(e, { rule: "greedy", utility, tieBreak });
          const chosen = new Set(r.selected);
          const left = {
            num: e.budget.num * r.totalCost.den - r.totalCost.num * e.budget.den,
            den: e.budget.den * r.totalCost.den,
          };
          for (const p of e.projects) {
            if (chosen.has(p.id)) continue;
            // cost > left
            expect(p.cost.num * left.den > left.num * p.cost.den).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("outcomes do not depend on the order of the voters", () => {
    fc.assert(
      fc.property(
        specArb.chain((s) =>
          fc.tuple(
            fc.constant(s),
            utilityArb(s),
            configArb,
            fc.shuffledSubarray(
              s.ballots.map((_, i) => i),
              { minLength: s.ballots.length, maxLength: s.ballots.length },
            ),
          ),
        ),
        ([spec, utility, config, order]) => {
          const a = countElection(toElection(spec), { ...config, utility });
          const b = countElection(toElection(spec, order), { ...config, utility });
          expect([...b.selected].sort()).toEqual([...a.selected].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("floating point (with exact decisions) and exact arithmetic give the same outcome", () => {
    const mesConfigs = CONFIGS.filter((c) => c.rule === "mes");
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), utilityArb(s), fc.constantFrom(...mesConfigs), tieArb)),
        ([spec, utility, config, tieBreak]) => {
          const e = toElection(spec);
          const float = countElection(e, { ...config, utility, tieBreak, arithmetic: "float" });
          const exact = countElection(e, { ...config, utility, tieBreak, arithmetic: "exact" });
          expect(float.selected).toEqual(exact.selected);
          expect(float.perVoterBudget).toEqual(exact.perVoterBudget);
        },
      ),
      { numRuns: 400 },
    );
  });

  // A fixed seed keeps CI deterministic; the run that first exposed the skipped-candidate defect (fast-check seed
  // -881879126, path "284") is kept below as its own test.
  it("add1 jumping between change points equals stepping one unit at a time (fast engine and exact)", () => {
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), utilityArb(s), tieArb)),
        ([spec, utility, tieBreak]) => {
          const profile = buildProfile(toElection(spec), utility);
          const rank = rankProjects(profile, tieBreak);
          for (const stop of ["exhaustive", "overspend"] as const) {
            const fast = countEqualSharesAdd1(profile, rank, stop, "fast");
            const naive = countEqualSharesAdd1(profile, rank, stop, "naive");
            const exact = countEqualSharesAdd1(profile, rank, stop, "exact");
            expect(fast.selected).toEqual(exact.selected);
            expect(naive.selected).toEqual(exact.selected);
            expect(fast.perVoterBudget).toEqual(exact.perVoterBudget);
            expect(fast.runs).toBeLessThanOrEqual(naive.runs);
          }
        },
      ),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it("add1 evaluates a candidate whose bound sorts after this round's re-evaluated hint (regression)", () => {
    // At budget step 5 the previous run's winner of round 4 was re-evaluated first; its new, larger ρ stopped the
    // scan before the project of cost 1 (same ρ as the winner, better tie-break rank) was looked at.
    const spec: Spec = {
      voteType: "approval",
      costs: [11, 3, 2, 12, 11, 1],
      budget: 45,
      ballots: [
        { projects: [5, 4, 3, 0], points: [1, 1, 1, 1] },
        { projects: [4], points: [1] },
        { projects: [0, 3, 1, 5, 4, 2], points: [1, 1, 1, 1, 1, 1] },
        { projects: [3, 1, 2], points: [1, 1, 1] },
        { projects: [], points: [] },
      ],
      cents: false,
    };
    const profile = buildProfile(toElection(spec), "cost");
    const rank = rankProjects(profile, ["id"]);
    for (const stop of ["exhaustive", "overspend"] as const) {
      const exact = countEqualSharesAdd1(profile, rank, stop, "exact");
      expect(exact.selected).toEqual([4, 3, 0, 5, 2, 1]);
      for (const method of ["fast", "naive"] as const) {
        const run = countEqualSharesAdd1(profile, rank, stop, method);
        expect(run.selected).toEqual(exact.selected);
        expect(run.perVoterBudget).toEqual(exact.perVoterBudget);
      }
    }
  });

  it("scaling all money by the same factor changes nothing (add1 excepted: it adds one unit of money)", () => {
    const scaleFree = CONFIGS.filter((c) => c.completion !== "add1" && c.completion !== "add1u");
    fc.assert(
      fc.property(
        specArb.chain((s) => fc.tuple(fc.constant(s), utilityArb(s), fc.constantFrom(...scaleFree))),
        ([spec, utility, config]) => {
          const integer = countElection(toElection({ ...spec, cents: false }), { ...config, utility });
          const cents = countElection(toElection({ ...spec, cents: true }), { ...config, utility });
          expect(cents.selected).toEqual(integer.selected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
