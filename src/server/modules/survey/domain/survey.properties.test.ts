// Property tests of the weighting and estimation domain (DESIGN rule 7), on random samples in which every
// cross-cell of the margins has a respondent, so that raking has a solution.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Factor } from "./columns.ts";
import { estimateMean, estimateNps, influenceOfMean } from "./estimation.ts";
import {
  covarianceOfInfluences,
  createDesign,
  domainRows,
  withoutCalibration,
  withWeights,
} from "./linearization.ts";
import { postStratify, rakeFactors, trimWeights, weightedTotals } from "./weighting.ts";

interface RakingProblem {
  readonly factors: Factor[];
  readonly targets: number[][];
}

function decode(cell: number, levels: readonly number[]): number[] {
  const codes: number[] = [];
  let rest = cell;
  for (const count of levels) {
    codes.push(rest % count);
    rest = Math.floor(rest / count);
  }
  return codes;
}

const rakingProblem: fc.Arbitrary<RakingProblem> = fc
  .array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 })
  .chain((levels) => {
    const cellCount = levels.reduce((a, b) => a * b, 1);
    return fc.record({
      levels: fc.constant(levels),
      extra: fc.array(fc.integer({ min: 0, max: cellCount - 1 }), { maxLength: 80 }),
      shares: fc.tuple(
        ...levels.map((count) =>
          fc.array(fc.integer({ min: 1, max: 50 }), { minLength: count, maxLength: count }),
        ),
      ),
      total: fc.integer({ min: 100, max: 1_000_000 }),
    });
  })
  .map(({ levels, extra, shares, total }) => {
    const cellCount = levels.reduce((a, b) => a * b, 1);
    const rows = [...Array.from({ length: cellCount }, (_, c) => c), ...extra].map((cell) =>
      decode(cell, levels),
    );
    const factors = levels.map((count, m) => ({
      name: `v${m}`,
      levels: Array.from({ length: count }, (_, c) => `c${c}`),
      codes: Int32Array.from(rows, (row) => row[m] as number),
    }));
    const targets = (shares as number[][]).map((share) => {
      const sum = share.reduce((a, b) => a + b, 0);
      return share.map((s) => (total * s) / sum);
    });
    return { factors, targets };
  });

/** Answers for a problem's respondents: a 1..5 scale with some missing, and a domain mask. */
const withAnswers = rakingProblem.chain((problem) => {
  const n = problem.factors[0]?.codes.length ?? 0;
  return fc.record({
    problem: fc.constant(problem),
    answers: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 8 }), { minLength: n, maxLength: n }),
    domain: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  });
});

const TIGHT = { tolerance: 1e-12, maxCycles: 20_000 };

describe("raking (properties)", () => {
  it("reproduces every population margin", () => {
    fc.assert(
      fc.property(rakingProblem, ({ factors, targets }) => {
        const { weights } = rakeFactors(factors, targets);
        factors.forEach((factor, m) => {
          const totals = weightedTotals(factor, weights);
          totals.forEach((total, c) => {
            const target = targets[m]?.[c] as number;
            expect(Math.abs(total - target) / target).toBeLessThanOrEqual(1e-10);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same weights whatever the order of the margins", () => {
    fc.assert(
      fc.property(rakingProblem, fc.nat(), ({ factors, targets }, seed) => {
        const order = factors.map((_, m) => m);
        // A rotation and a reversal cover every order of two or three margins over the runs.
        const rotated = order.map((_, k) => order[(k + seed) % order.length] as number);
        if (seed % 2 === 1) rotated.reverse();
        const a = rakeFactors(factors, targets, TIGHT).weights;
        const b = rakeFactors(
          rotated.map((m) => factors[m] as Factor),
          rotated.map((m) => targets[m] as number[]),
          TIGHT,
        ).weights;
        a.forEach((w, i) => {
          expect(Math.abs(w - (b[i] as number)) / w).toBeLessThanOrEqual(1e-8);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same weights from any constant starting scale", () => {
    fc.assert(
      fc.property(
        rakingProblem,
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        ({ factors, targets }, scale) => {
          const a = rakeFactors(factors, targets, TIGHT).weights;
          const n = a.length;
          const b = rakeFactors(factors, targets, {
            ...TIGHT,
            baseWeights: new Float64Array(n).fill(scale),
          }).weights;
          a.forEach((w, i) => {
            expect(Math.abs(w - (b[i] as number)) / w).toBeLessThanOrEqual(1e-8);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("calibration term of the variance (properties)", () => {
  it("leaves influence values orthogonal to every margin category (the regression residual)", () => {
    fc.assert(
      fc.property(withAnswers, ({ problem, answers, domain }) => {
        const raked = rakeFactors(problem.factors, problem.targets);
        const design = createDesign(raked.weights, raked.calibration);
        const y = Float64Array.from(answers, (a) => (a === null ? Number.NaN : a));
        const mask = Uint8Array.from(domain, (d) => (d ? 1 : 0));
        const { influence, nUsed } = influenceOfMean(design, y, mask);
        fc.pre(nUsed > 0);
        const raw = influenceOfMean(withoutCalibration(design), y, mask).influence;
        let scale = 0;
        raw.forEach((z, i) => {
          scale += Math.abs(z / (raked.weights[i] as number));
        });
        for (const factor of problem.factors) {
          const sums = new Float64Array(factor.levels.length);
          influence.forEach((z, i) => {
            sums[factor.codes[i] as number] =
              (sums[factor.codes[i] as number] as number) +
              z / (raked.calibration.projectionWeights[i] as number);
          });
          for (const sum of sums) expect(Math.abs(sum)).toBeLessThanOrEqual(1e-10 * scale + 1e-300);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("computes the same SE from sums over S (fast form) as from full influence vectors, mask or row list", () => {
    fc.assert(
      fc.property(withAnswers, fc.boolean(), ({ problem, answers, domain }, isPostStratified) => {
        const raked = rakeFactors(problem.factors, problem.targets);
        // Also a design whose projection regression is weighted (post-stratification with base weights).
        const calibration = isPostStratified
          ? {
              ...raked.calibration,
              regressionWeights: Float64Array.from(raked.weights, (w, i) => w / (1 + (i % 3))),
            }
          : raked.calibration;
        // And, for post-stratified runs, trimmed weights: estimates use them, the projection keeps the stored ones.
        const calibrated = createDesign(raked.weights, calibration);
        const design = isPostStratified
          ? withWeights(
              calibrated,
              trimWeights(raked.weights, {
                upper: 1.2 * (raked.weights.reduce((a, b) => a + b, 0) / raked.weights.length),
              }).weights,
            )
          : calibrated;
        const y = Float64Array.from(answers, (a) => (a === null ? Number.NaN : a));
        const mask = Uint8Array.from(domain, (d) => (d ? 1 : 0));
        const exact = influenceOfMean(design, y, mask);
        fc.pre(exact.nUsed > 0);
        const exactSe = Math.sqrt(covarianceOfInfluences(exact.influence, exact.influence));
        const byMask = estimateMean(design, y, { domain: mask });
        const byRows = estimateMean(design, y, { domain: domainRows(mask) });
        expect(byMask.estimate).toBe(exact.estimate);
        expect(byRows).toEqual(byMask);
        expect(Math.abs(byMask.se - exactSe)).toBeLessThanOrEqual(1e-9 * exactSe + 1e-15);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a share of a calibrated category no sampling error", () => {
    fc.assert(
      fc.property(rakingProblem, ({ factors, targets }) => {
        const raked = rakeFactors(factors, targets);
        const design = createDesign(raked.weights, raked.calibration);
        const factor = factors[0] as Factor;
        const y = Float64Array.from(factor.codes, (code) => (code === 0 ? 1 : 0));
        const calibrated = estimateMean(design, y);
        const fixed = estimateMean(withoutCalibration(design), y);
        expect(calibrated.estimate).toBeCloseTo(
          (targets[0]?.[0] as number) / (targets[0] ?? []).reduce((a, b) => a + b, 0),
          9,
        );
        expect(calibrated.se).toBeLessThanOrEqual(1e-7 * fixed.se + 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("computes survey's sweeps and the regression form to the same SE once the sweeps converge", () => {
    fc.assert(
      fc.property(withAnswers, ({ problem, answers }) => {
        const raked = rakeFactors(problem.factors, problem.targets);
        const y = Float64Array.from(answers, (a) => (a === null ? Number.NaN : a));
        const regression = estimateMean(createDesign(raked.weights, raked.calibration), y);
        const sweeps = estimateMean(
          createDesign(raked.weights, raked.calibration, { projection: { kind: "sweeps", sweeps: 3000 } }),
          y,
        );
        fc.pre(regression.nUsed > 1 && regression.se > 1e-12);
        expect(Math.abs(sweeps.se - regression.se) / regression.se).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it("NPS is 100·(promoters − detractors) with the delta-method SE of the contrast", () => {
    const scored = rakingProblem.chain((problem) => {
      const n = problem.factors[0]?.codes.length ?? 0;
      return fc.record({
        problem: fc.constant(problem),
        scores: fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { freq: 10 }), {
          minLength: n,
          maxLength: n,
        }),
      });
    });
    fc.assert(
      fc.property(scored, ({ problem, scores }) => {
        const raked = rakeFactors(problem.factors, problem.targets);
        const design = createDesign(raked.weights, raked.calibration);
        const nps = estimateNps(
          design,
          Float64Array.from(scores, (s) => (s === null ? Number.NaN : s)),
        );
        fc.pre(nps.nUsed > 0);
        expect(nps.estimate).toBeCloseTo(100 * (nps.promoterShare - nps.detractorShare), 9);
        const contrast =
          1e4 * (nps.promoterSe ** 2 + nps.detractorSe ** 2 - 2 * nps.promoterDetractorCovariance);
        expect(Math.abs(nps.se ** 2 - contrast)).toBeLessThanOrEqual(1e-9 * (1 + contrast));
      }),
      { numRuns: 100 },
    );
  });
});

describe("post-stratification and trimming (properties)", () => {
  it("post-stratified weights reproduce every cell population", () => {
    fc.assert(
      fc.property(
        rakingProblem,
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 64, maxLength: 64 }),
        (problem, pops) => {
          const columns = new Map(
            problem.factors.map((factor) => [
              factor.name,
              Array.from(factor.codes, (code) => factor.levels[code] as string),
            ]),
          );
          const variables = problem.factors.map((factor) => factor.name);
          const cellCount = problem.factors.reduce((a, factor) => a * factor.levels.length, 1);
          const sizes = problem.factors.map((factor) => factor.levels.length);
          const cells = Array.from({ length: cellCount }, (_, k) => ({
            categories: decode(k, sizes).map((code) => `c${code}`),
            population: pops[k] as number,
          }));
          const result = postStratify(columns, variables, cells);
          const totals = weightedTotals(result.calibration.factors[0] as Factor, result.weights);
          cells.forEach((cell, k) => {
            expect(Math.abs((totals[k] as number) - cell.population) / cell.population).toBeLessThanOrEqual(
              1e-12,
            );
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it("trimming keeps the total and adds one equal amount to the weights inside the bound", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 1.05, max: 4, noNaN: true }),
        (weights, k) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const upper = (k * total) / weights.length;
          const single = trimWeights(weights, { upper });
          const sum = single.weights.reduce((a, b) => a + b, 0);
          expect(Math.abs(sum - total) / total).toBeLessThanOrEqual(1e-12);
          const addition = single.passes[0]?.additionPerUntrimmed ?? 0;
          weights.forEach((w, i) => {
            const expected = w > upper ? upper : w + addition;
            expect(single.weights[i]).toBeCloseTo(expected, 9);
          });
          const strict = trimWeights(weights, { upper, strict: true });
          expect(Math.abs(strict.weights.reduce((a, b) => a + b, 0) - total) / total).toBeLessThanOrEqual(
            1e-12,
          );
          for (const w of strict.weights) expect(w).toBeLessThanOrEqual(upper);
        },
      ),
      { numRuns: 200 },
    );
  });
});
