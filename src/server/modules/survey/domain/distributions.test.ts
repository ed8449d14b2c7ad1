import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  logGamma,
  normalCdf,
  normalQuantile,
  studentCdf,
  studentQuantile,
  twoSidedNormalPValue,
} from "./distributions.ts";

describe("normal distribution", () => {
  it("has R's qnorm(0.975) and known values of Φ", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.959963984540054, 14);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(2)).toBeCloseTo(0.9772498680518208, 15);
    expect(normalCdf(-3) / 0.0013498980316301).toBeCloseTo(1, 12);
    expect(twoSidedNormalPValue(2)).toBeCloseTo(0.0455002638963584, 14);
    expect(twoSidedNormalPValue(-2)).toBe(twoSidedNormalPValue(2));
  });

  it("quantile and distribution function are inverse", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThanOrEqual(1e-14 + 1e-12 * p);
      }),
    );
  });
});

describe("Student t distribution", () => {
  it("matches the closed forms for 1 and 2 degrees of freedom", () => {
    for (const p of [0.6, 0.9, 0.975, 0.995, 0.025]) {
      expect(studentQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 10);
      expect(studentQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 12);
    }
    expect(studentCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(2 + 1.5 ** 2)), 14);
  });

  it("tends to the normal for many degrees of freedom", () => {
    expect(studentQuantile(0.975, 1e9)).toBeCloseTo(normalQuantile(0.975), 7);
    expect(studentQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
  });

  it("quantile and distribution function are inverse", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.integer({ min: 1, max: 5000 }),
        (p, df) => {
          expect(Math.abs(studentCdf(studentQuantile(p, df), df) - p)).toBeLessThanOrEqual(1e-12);
        },
      ),
    );
  });

  it("log-gamma matches factorials and Γ(1/2)", () => {
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
});
