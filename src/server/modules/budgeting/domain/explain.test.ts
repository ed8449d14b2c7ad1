import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainEqualShares, explainGreedy } from "./explain.ts";
import { toNumberQ } from "./rational.ts";
import { countElection } from "./rules.ts";
import { makeElection } from "./test-elections.ts";

describe("explanations", () => {
  it("greedy: the budget left at each project's turn", () => {
    const election = makeElection(
      10,
      [
        ["a", 6],
        ["b", 5],
        ["c", 3],
      ],
      [["a", "b"], ["a", "b"], ["a", "c"], ["b"]],
    );
    const outcome = countElection(election, { rule: "greedy" });
    // a and b have 3 votes each; the tie goes to the cheaper b, after which a no longer fits.
    expect(outcome.selected).toEqual(["b", "c"]);
    const facts = explainGreedy(election, "cost", outcome.selected);
    expect(facts.get("b")).toEqual({ kind: "greedy", selected: true, place: 1, budgetLeft: 10 });
    expect(facts.get("a")).toEqual({ kind: "greedy", selected: false, place: 2, budgetLeft: 5 });
    expect(facts.get("c")).toEqual({ kind: "greedy", selected: true, place: 3, budgetLeft: 5 });
  });

  it("MES: supporters' remaining money, effective votes and the project that beat it", () => {
    // 3 voters want a (cost 6), 1 wants b (cost 6), 2 want c (cost 3); budget 8, so 2 each.
    const election = makeElection(
      8,
      [
        ["a", 6],
        ["b", 6],
        ["c", 3],
      ],
      [["a"], ["a"], ["a", "c"], ["b", "c"]],
    );
    const { explanations, replayed } = explainEqualShares(election, 2);
    expect(replayed).toEqual(["a"]);
    expect(explanations.get("a")).toMatchObject({
      kind: "mes_selected",
      step: 1,
      supporters: 3,
      effectiveVotes: 3,
    });
    expect(explanations.get("b")).toMatchObject({
      kind: "mes_rejected",
      supportersMoney: 2,
      effectiveVotes: null,
    });
    // c was affordable at first (2 supporters × 2 ≥ 3, each paying 1.5: 2 effective votes) but a went first.
    expect(explanations.get("c")).toEqual({
      kind: "mes_rejected",
      supporters: 2,
      supportersMoney: 2,
      effectiveVotes: 2,
      beatenBy: "a",
      beatenByEffectiveVotes: 3,
    });
  });

  it("MES replay at the count's per-voter budget reproduces the library's outcome on random elections", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 5, max: 60 }),
        (costs, rawBallots, budget) => {
          const projects = costs.map((c, i) => [`p${i}`, c] as const);
          const ballots = rawBallots
            .map((b) => [...new Set(b.filter((j) => j < costs.length).map((j) => `p${j}`))])
            .filter((b) => b.length > 0);
          if (ballots.length === 0) return;
          const election = makeElection(budget, projects, ballots);
          const outcome = countElection(election, { rule: "mes", completion: "none" });
          const replay = explainEqualShares(
            election,
            toNumberQ(outcome.perVoterBudget ?? { num: 0n, den: 1n }),
          );
          expect([...replay.replayed].sort()).toEqual([...outcome.selected].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
