import { describe, expect, it } from "vitest";
import { indicatorColumn } from "./columns.ts";
import {
  compareIndependent,
  estimateDistribution,
  estimateMean,
  estimateNps,
  estimateShare,
  estimateUnweightedMean,
  isSmallCell,
  logitInterval,
  suppressSmallCells,
  Z_975,
} from "./estimation.ts";
import { createDesign } from "./linearization.ts";

const NaN_ = Number.NaN;

describe("estimateMean", () => {
  it("with equal fixed weights gives the plain mean and the SE sd/√n", () => {
    const y = [1, 2, 3, 4, 10];
    const design = createDesign([2, 2, 2, 2, 2]);
    const weighted = estimateMean(design, y);
    const plain = estimateUnweightedMean(y);
    expect(weighted.estimate).toBeCloseTo(4, 14);
    expect(weighted.se).toBeCloseTo(plain.se, 14);
    expect(weighted.ciHigh - weighted.estimate).toBeCloseTo(Z_975 * weighted.se, 14);
  });

  it("keeps respondents with a missing answer in n: the SE is that of a domain mean", () => {
    const design = createDesign([1, 1, 1, 1]);
    const estimate = estimateMean(design, [1, 3, NaN_, NaN_]);
    expect(estimate.estimate).toBe(2);
    expect(estimate.nUsed).toBe(2);
    // z = (−0.5, 0.5, 0, 0), mean 0: var = 4/3 · 0.5 = 2/3.
    expect(estimate.se).toBeCloseTo(Math.sqrt(2 / 3), 14);
  });

  it("returns NaN for an empty domain instead of a number", () => {
    const estimate = estimateMean(createDesign([1, 1]), [1, 2], { domain: [0, 0] });
    expect(estimate.nUsed).toBe(0);
    expect(estimate.estimate).toBeNaN();
    expect(estimate.se).toBeNaN();
  });
});

describe("estimateNps", () => {
  it("is 100 · (promoters − detractors) in points", () => {
    const design = createDesign([1, 1, 1, 1]);
    const nps = estimateNps(design, [10, 10, 9, 3]);
    expect(nps.estimate).toBe(50);
    expect(nps.promoterShare).toBe(0.75);
    expect(nps.detractorShare).toBe(0.25);
    expect(estimateNps(design, [10, 8, 7, 0]).estimate).toBe(0);
  });

  it("ignores missing answers and rejects scores outside 0..10", () => {
    const design = createDesign([1, 1, 1]);
    expect(estimateNps(design, [10, NaN_, 0]).nUsed).toBe(2);
    expect(() => estimateNps(design, [11, 5, 5])).toThrow(/whole numbers 0..10/);
    expect(() => estimateNps(design, [9.5, 5, 5])).toThrow(/whole numbers 0..10/);
  });
});

describe("shares and distributions", () => {
  it("a share is the weighted mean of the indicator, with the logit interval inside (0, 1)", () => {
    const design = createDesign([1, 2, 1, 2, 1, 3]);
    const share = estimateShare(
      design,
      indicatorColumn(["4", "5", "2", null, "3", "5"], new Set(["4", "5"])),
    );
    expect(share.estimate).toBeCloseTo(6 / 8, 14);
    expect(share.ciLogitLow).toBeGreaterThan(0);
    expect(share.ciLogitHigh).toBeLessThan(1);
    expect(share.logitDf).toBe(5);
  });

  it("the logit interval is expit(logit p ∓ t·SE/(p(1−p)))", () => {
    // df = 1: t_{0.975} = tan(0.475π).
    const { low, high } = logitInterval(0.5, 0.1, 1);
    const half = (Math.tan(0.475 * Math.PI) * 0.1) / 0.25;
    expect(low).toBeCloseTo(1 / (1 + Math.exp(half)), 12);
    expect(high).toBeCloseTo(1 / (1 + Math.exp(-half)), 12);
  });

  it("a distribution sums to one over those who answered and rejects unknown answers", () => {
    const design = createDesign([1, 2, 3, 4]);
    const rows = estimateDistribution(design, ["a", "b", null, "a"], ["a", "b", "c"]);
    expect(rows.map((r) => r.estimate)).toEqual([5 / 7, 2 / 7, 0]);
    expect(() => estimateDistribution(design, ["a", "x", null, "a"], ["a", "b"])).toThrow(
      /"x", which is not one/,
    );
  });
});

describe("compareIndependent (year-over-year z-test)", () => {
  it("adds the variances of independent samples and gives a two-sided normal p-value", () => {
    const result = compareIndependent({ estimate: 0.5, se: 0.03 }, { estimate: 0.4, se: 0.04 });
    expect(result.difference).toBeCloseTo(0.1, 15);
    expect(result.se).toBeCloseTo(0.05, 15);
    expect(result.z).toBeCloseTo(2, 13);
    expect(result.pValue).toBeCloseTo(0.0455002638963584, 12);
    expect(result.ciLow).toBeCloseTo(0.1 - Z_975 * 0.05, 14);
  });

  it("is symmetric in sign", () => {
    const a = compareIndependent({ estimate: 3.1, se: 0.2 }, { estimate: 3.3, se: 0.1 });
    const b = compareIndependent({ estimate: 3.3, se: 0.1 }, { estimate: 3.1, se: 0.2 });
    expect(a.z).toBeCloseTo(-b.z, 14);
    expect(a.pValue).toBeCloseTo(b.pValue, 14);
  });
});

describe("suppressSmallCells", () => {
  const rows = [
    { domain: "Keskusta", estimate: 3.4, se: 0.1, nUsed: 246 },
    { domain: "Tiny", estimate: 4.5, se: 0.5, nUsed: 4 },
    { domain: "Five", estimate: 2.9, se: 0.4, nUsed: 5 },
  ];

  it("blanks every number, the count included, of cells under 5 and keeps the rest", () => {
    const published = suppressSmallCells(rows);
    expect(published[0]).toEqual({ ...rows[0], suppressed: false });
    expect(published[1]).toEqual({ domain: "Tiny", estimate: null, se: null, nUsed: null, suppressed: true });
    expect(published[2]?.suppressed).toBe(false);
  });

  it("takes another threshold and flags single cells", () => {
    expect(suppressSmallCells(rows, 10).map((r) => r.suppressed)).toEqual([false, true, true]);
    expect(isSmallCell(4)).toBe(true);
    expect(isSmallCell(5)).toBe(false);
    expect(() => suppressSmallCells(rows, 0)).toThrow(/positive integer/);
  });
});
