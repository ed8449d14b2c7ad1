import { describe, expect, it } from "vitest";
import { buildProfile } from "./election.ts";
import { EqualSharesEngine, equalShareOf } from "./equal-shares.ts";
import { formatRational, makeRational, parseRational } from "./rational.ts";
import { countElection, optionsForMetaRule } from "./rules.ts";
import { makeElection } from "./test-elections.ts";
import { compareCodePoints, parseTieBreak, rankProjects } from "./tie-breaking.ts";

const sorted = (ids: readonly string[]) => [...ids].sort();

// Three voters, budget 30 (10 each). Z (15) is approved by all, X (20) by v1 and v2, Y (10) by v3.
// MES: Z costs each 5 (ρ = 1/3 per unit of cost), X would cost 10 each (ρ = 1/2), Y 10 (ρ = 1). Z first; then
// v1, v2 hold 10 < 20 and v3 holds 5 < 10: nothing else. add1: at per-voter budget 15 Z and then X are bought,
// 35 > 30, so add1 returns {Z} (the outcome at 14); add1u then adds Y, as does greedy.
const small = makeElection(
  30,
  [
    ["X", 20],
    ["Y", 10],
    ["Z", 15],
  ],
  [
    ["X", "Z"],
    ["X", "Z"],
    ["Y", "Z"],
  ],
);

describe("hand-counted examples", () => {
  it("greedy by votes skips what does not fit", () => {
    expect(countElection(small, { rule: "greedy" }).selected).toEqual(["Z", "Y"]);
    expect(countElection(small, { rule: "greedy", greedyVariant: "no-skip" }).selected).toEqual(["Z"]);
  });

  it("MES without completion, with cost and with approval utilities", () => {
    expect(countElection(small, { rule: "mes", utility: "cost" }).selected).toEqual(["Z"]);
    expect(countElection(small, { rule: "mes", utility: "approval" }).selected).toEqual(["Z"]);
  });

  it("add1 stops before overspending; add1u and utilitarian fill greedily", () => {
    for (const stop of ["exhaustive", "overspend"] as const) {
      const r = countElection(small, { rule: "mes", completion: "add1", add1Stop: stop });
      expect(r.selected).toEqual(["Z"]);
      expect(r.perVoterBudget).toEqual(makeRational(14n));
    }
    expect(countElection(small, { rule: "mes", completion: "add1u" }).selected).toEqual(["Z", "Y"]);
    expect(countElection(small, { rule: "mes", completion: "utilitarian" }).selected).toEqual(["Z", "Y"]);
    expect(formatRational(countElection(small, { rule: "mes", completion: "add1u" }).totalCost)).toBe("25");
  });

  it("cost and approval utilities differ, and ties follow the tie-break", () => {
    // One voter with 10 (budget 20, two voters). A costs 10, B costs 2, both approved by v1 only.
    // Approval utilities: B costs v1 2 per unit of utility, A 10: B, then A is unaffordable.
    // Cost utilities: both cost v1 one unit per unit of cost — a tie. Lower cost wins by default, higher with cost-desc.
    const e = makeElection(
      20,
      [
        ["A", 10],
        ["B", 2],
      ],
      [["A", "B"], []],
    );
    expect(countElection(e, { rule: "mes", utility: "approval" }).selected).toEqual(["B"]);
    expect(countElection(e, { rule: "mes", utility: "cost" }).selected).toEqual(["B"]);
    expect(
      countElection(e, { rule: "mes", utility: "cost", tieBreak: ["cost-desc", "id"] }).selected,
    ).toEqual(["A"]);
  });

  it("settles a tie in exact arithmetic", () => {
    // 3 voters, budget 10: b = 10/3, not a float. P and Q (cost 5, supporters {1,2} and {2,3}) tie exactly.
    const e = makeElection(
      10,
      [
        ["Q", 5],
        ["P", 5],
      ],
      [["P"], ["P", "Q"], ["Q"]],
    );
    const profile = buildProfile(e, "cost");
    const run = new EqualSharesEngine(profile, rankProjects(profile, ["id"])).run(
      equalShareOf(profile),
      false,
    );
    expect(run.exactDecisions).toBeGreaterThan(0);
    expect(run.selected.map((j) => profile.ids[j])).toEqual(["P"]);
    expect(countElection(e, { rule: "mes", tieBreak: ["id"] }).selected).toEqual(["P"]);
    expect(countElection(e, { rule: "mes", tieBreak: ["id"], arithmetic: "exact" }).selected).toEqual(["P"]);
  });

  it("decides a near-tie (relative difference 1e-10, below float tolerance) exactly", () => {
    // Approval utilities: ρ is the payment, 10^10+1 versus 10^10 for the same supporters. Only one fits.
    const big = 10_000_000_000;
    const e = makeElection(
      big + big / 2,
      [
        ["A", big + 1],
        ["B", big],
      ],
      [["A", "B"]],
    );
    // Even with a tie-break that prefers A, B is cheaper per unit of utility and must win.
    const options = { rule: "mes", utility: "approval", tieBreak: ["cost-desc", "id"] } as const;
    expect(countElection(e, options).selected).toEqual(["B"]);
    expect(countElection(e, { ...options, arithmetic: "exact" }).selected).toEqual(["B"]);
  });

  it("puts supported zero-cost projects in first and never unsupported ones (MES); greedy takes any that fit", () => {
    const e = makeElection(
      10,
      [
        ["free", 0],
        ["ghost", 0],
        ["A", 10],
      ],
      [["free", "A"], ["A"]],
    );
    expect(countElection(e, { rule: "mes", utility: "approval" }).selected).toEqual(["free", "A"]);
    // With cost utilities a free project is worth 0 to everyone, so it has no supporters (as in pabutools)…
    expect(countElection(e, { rule: "mes", utility: "cost" }).selected).toEqual(["A"]);
    // …and only a completion adds it.
    expect(sorted(countElection(e, { rule: "mes", completion: "utilitarian" }).selected)).toEqual([
      "A",
      "free",
      "ghost",
    ]);
    expect(sorted(countElection(e, { rule: "greedy" }).selected)).toEqual(["A", "free", "ghost"]);
  });

  it("greedy with a score threshold and with points", () => {
    const e = makeElection(
      100,
      [
        ["a", 50],
        ["b", 30],
        ["c", 20],
      ],
      [
        { projects: ["a", "b"], points: [1, 2] },
        { projects: ["a", "c"], points: [2, 1] },
        { projects: ["b"], points: [3] },
      ],
      "cumulative",
    );
    // Total points: a 3, b 5, c 1. By votes: a and b (2 each; cheaper b first), then c.
    expect(countElection(e, { rule: "greedy", utility: "cost" }).selected).toEqual(["b", "a", "c"]);
    // By points: b (5), a (3), c (1); with threshold 2, c is out.
    expect(
      countElection(e, { rule: "greedy", utility: "points-cost", minScore: makeRational(2n) }).selected,
    ).toEqual(["b", "a"]);
    // Points per cost: b 5/30, c 1/20, a 3/50.
    expect(countElection(e, { rule: "greedy", utility: "points" }).selected).toEqual(["b", "a", "c"]);
  });

  it("positional points for ordinal ballots count max_length − position (3-2-1 in Kraków)", () => {
    const e = makeElection(
      10,
      [
        ["x", 10],
        ["y", 10],
      ],
      [["x", "y"], ["y"], ["x", "y"]],
      "ordinal",
      { max_length: "3" },
    );
    // x: 3 + 3 = 6; y: 2 + 3 + 2 = 7.
    const profile = buildProfile(e, "points-cost");
    expect(profile.score).toEqual([6n, 7n]);
    expect(countElection(e, { rule: "greedy", utility: "points-cost" }).selected).toEqual(["y"]);
    // Borda (pabutools): length − position − 1: x gets 1 + 1, y gets 0 + 0 + 0.
    expect(buildProfile(e, "borda").totalUtility).toEqual([2n, 0n]);
  });
});

describe("tie-breaking", () => {
  it("parses key lists and rejects unknown or repeated keys", () => {
    expect(parseTieBreak("votes, cost ,id")).toEqual(["votes", "cost", "id"]);
    expect(parseTieBreak("lot")).toBeNull();
    expect(parseTieBreak("id,id")).toBeNull();
    expect(parseTieBreak("")).toBeNull();
  });
  it("orders ids by code point, as Python does ('10' before '2')", () => {
    expect(compareCodePoints("10", "2")).toBeLessThan(0);
    expect(compareCodePoints("a", "ab")).toBeLessThan(0);
    expect(compareCodePoints("\u{1F600}", "\uFFFF")).toBeGreaterThan(0); // UTF-16 order would say the opposite
  });
});

describe("META rules", () => {
  it("maps the rules we support and refuses the others with a reason", () => {
    expect(optionsForMetaRule({ rule: "greedy" }, "approval")).toMatchObject({ supported: true });
    expect(optionsForMetaRule({ rule: "greedy" }, "cumulative")).toMatchObject({
      supported: true,
      options: { utility: "points-cost" },
    });
    expect(optionsForMetaRule({ rule: "greedy-threshold" }, "approval")).toMatchObject({ supported: false });
    expect(
      optionsForMetaRule({ rule: "greedy-threshold", min_project_score_threshold: "50" }, "approval"),
    ).toMatchObject({
      supported: true,
      options: { minScore: parseRational("50") },
    });
    expect(optionsForMetaRule({ rule: "equalshares/add1-comparison" }, "approval")).toMatchObject({
      supported: true,
      options: { completion: "add1", add1Stop: "overspend", comparison: "satisfaction" },
    });
    expect(optionsForMetaRule({ rule: "greedy-custom" }, "choose-1")).toMatchObject({ supported: false });
    expect(optionsForMetaRule({ rule: "unknown" }, "approval")).toMatchObject({ supported: false });
  });
});
