import { describe, expect, it } from "vitest";
import { encodeFactor, SurveyInputError } from "./columns.ts";
import {
  postStratify,
  rakeFactors,
  rakeToMargins,
  summarizeWeights,
  trimWeights,
  weightedTotals,
} from "./weighting.ts";

const table = (columns: Record<string, (string | null)[]>) => new Map(Object.entries(columns));

describe("trimWeights (R survey's trimWeights semantics)", () => {
  it("caps at the bound and adds the excess equally to the untrimmed weights, in one pass", () => {
    const result = trimWeights([1, 1, 1, 10], { upper: 5 });
    expect(Array.from(result.weights)).toEqual([1 + 5 / 3, 1 + 5 / 3, 1 + 5 / 3, 5]);
    expect(result.trimmedIndices).toEqual([3]);
    expect(result.passes).toEqual([{ outsideCount: 1, trimmedAmount: 5, additionPerUntrimmed: 5 / 3 }]);
  });

  it("adds, not multiplies: every untrimmed weight gets the same amount", () => {
    const result = trimWeights([1, 2, 3, 4, 20], { upper: 8 });
    expect(Array.from(result.weights)).toEqual([4, 5, 6, 7, 8]);
  });

  it("lets a single pass push weights past the bound unless strict, as R does", () => {
    const loose = trimWeights([1, 4, 10], { upper: 5 });
    expect(Array.from(loose.weights)).toEqual([3.5, 6.5, 5]);
    const strict = trimWeights([1, 4, 10], { upper: 5, strict: true });
    for (const w of strict.weights) expect(w).toBeLessThanOrEqual(5);
    expect(strict.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(15, 12);
    expect(strict.passes.length).toBeGreaterThan(2);
    expect(strict.trimmedIndices).toEqual([1, 2]);
  });

  it("handles a lower bound, netting weight taken from the top against weight given to the bottom", () => {
    const result = trimWeights([0.5, 2, 3, 4.5], { lower: 1, upper: 4 });
    expect(Array.from(result.weights)).toEqual([1, 2, 3, 4]);
    expect(result.passes[0]?.trimmedAmount).toBe(0);
  });

  it("returns the weights unchanged when none is outside the bounds", () => {
    const result = trimWeights([1, 2, 3], { upper: 10 });
    expect(Array.from(result.weights)).toEqual([1, 2, 3]);
    expect(result.passes).toEqual([]);
  });

  it("refuses bounds that cannot hold the total, and empty intervals", () => {
    expect(() => trimWeights([1, 1, 1, 10], { upper: 2.5, strict: true })).toThrow(SurveyInputError);
    expect(() => trimWeights([5, 6], { upper: 4 })).toThrow(/every weight/);
    expect(() => trimWeights([1, 2], { upper: 1, lower: 2 })).toThrow(/not an interval/);
  });
});

describe("postStratify", () => {
  const respondents = table({
    age: ["young", "young", "old", "old", "old"],
    sex: ["f", "m", "f", "f", "m"],
  });
  const cells = [
    { categories: ["young", "f"], population: 100 },
    { categories: ["young", "m"], population: 120 },
    { categories: ["old", "f"], population: 90 },
    { categories: ["old", "m"], population: 60 },
  ];

  it("gives each respondent N_cell / n_cell", () => {
    const result = postStratify(respondents, ["age", "sex"], cells);
    expect(Array.from(result.weights)).toEqual([100, 120, 45, 45, 60]);
    expect(result.cells.map((c) => c.sampleCount)).toEqual([1, 1, 2, 1]);
    expect(result.calibration.kind).toBe("post-stratification");
  });

  it("uses base weights: w = d · N_cell / Σ_cell d", () => {
    const result = postStratify(respondents, ["age", "sex"], cells, { baseWeights: [1, 1, 1, 2, 1] });
    expect(Array.from(result.weights)).toEqual([100, 120, 30, 60, 60]);
  });

  it("fails on a populated cell without respondents and on a respondent without a cell", () => {
    expect(() =>
      postStratify(respondents, ["age", "sex"], [...cells, { categories: ["mid", "f"], population: 5 }]),
    ).toThrow(/no respondents in cell mid × f/);
    expect(() => postStratify(respondents, ["age", "sex"], cells.slice(0, 3))).toThrow(
      /old × m, which has no population/,
    );
  });
});

describe("rakeFactors", () => {
  const age = encodeFactor("age", ["a", "a", "b", "b", "b", "a"], ["a", "b"]);
  const sex = encodeFactor("sex", ["f", "m", "m", "m", "f", "f"], ["f", "m"]);

  it("meets both margins and reports the cycles and the remaining error", () => {
    const result = rakeFactors(
      [age, sex],
      [
        [60, 40],
        [55, 45],
      ],
    );
    expect(Array.from(weightedTotals(age, result.weights))).toEqual([
      expect.closeTo(60, 8),
      expect.closeTo(40, 8),
    ]);
    expect(Array.from(weightedTotals(sex, result.weights))).toEqual([
      expect.closeTo(55, 8),
      expect.closeTo(45, 8),
    ]);
    expect(result.maxRelativeError).toBeLessThanOrEqual(1e-10);
    expect(result.cycles).toBeGreaterThan(1);
    expect(summarizeWeights(result.weights).sum).toBeCloseTo(100, 9);
  });

  it("equals post-stratification when there is a single margin", () => {
    const result = rakeFactors([age], [[60, 40]]);
    expect(Array.from(result.weights)).toEqual([20, 20, 40 / 3, 40 / 3, 40 / 3, 20]);
    expect(result.cycles).toBe(1);
  });

  it("refuses margins that disagree on the total, empty categories and non-convergence", () => {
    expect(() =>
      rakeFactors(
        [age, sex],
        [
          [60, 40],
          [55, 50],
        ],
      ),
    ).toThrow(/margin totals differ/);
    const lonely = encodeFactor("age", ["a", "a"], ["a", "b"]);
    expect(() => rakeFactors([lonely], [[60, 40]])).toThrow(/no respondents in "b" of "age"/);
    expect(() =>
      rakeFactors(
        [age, sex],
        [
          [60, 40],
          [55, 45],
        ],
        { maxCycles: 1 },
      ),
    ).toThrow(/did not converge in 1 cycles/);
  });

  it("reads margins by variable name from flat population figures", () => {
    const respondents = table({ age: ["a", "b", "b"], sex: ["f", "f", "m"] });
    const figures = [
      { variable: "age", category: "a", population: 50 },
      { variable: "age", category: "b", population: 50 },
      { variable: "sex", category: "f", population: 60 },
      { variable: "sex", category: "m", population: 40 },
    ];
    const result = rakeToMargins(respondents, figures);
    expect(result.weights[0]).toBeCloseTo(50, 8);
    expect(() => rakeToMargins(table({ age: ["a", "c", "b"], sex: ["f", "f", "m"] }), figures)).toThrow(
      /"age" = "c", which has no population figure/,
    );
    expect(() => rakeToMargins(table({ age: ["a", null, "b"], sex: ["f", "f", "m"] }), figures)).toThrow(
      /no value for "age"/,
    );
  });
});

describe("summarizeWeights (Kish)", () => {
  it("computes n_eff = (Σw)²/Σw² and deff = n/n_eff", () => {
    const s = summarizeWeights([1, 1, 2, 4]);
    expect(s.kishEffectiveN).toBeCloseTo(64 / 22, 14);
    expect(s.kishDesignEffect).toBeCloseTo((4 * 22) / 64, 14);
    expect(s.maxOverMean).toBe(2);
    expect(summarizeWeights([3, 3, 3]).kishDesignEffect).toBe(1);
  });
});
