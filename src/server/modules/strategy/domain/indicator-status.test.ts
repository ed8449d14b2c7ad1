import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DesiredDirection,
  effectiveTolerance,
  evaluateIndicatorStatus,
  type IndicatorObservation,
  type IndicatorSeries,
  pathValue,
  statusRank,
  totalSeries,
} from "./indicator-status.ts";

const yearly = (values: Record<number, number | null>): IndicatorObservation[] =>
  Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));

// More is better: 50 (2020) → 70 (2030), so the path rises 2 a year and the default tolerance is 2.
const employment = (
  values: Record<number, number | null>,
  extra: Partial<IndicatorSeries> = {},
): IndicatorSeries => ({
  direction: "increase",
  baseline: { year: 2020, value: 50 },
  target: { year: 2030, value: 70 },
  values: yearly(values),
  ...extra,
});

// Less is better: 32 % (2020) → 25 % (2030); path −0.7 a year, default tolerance 0.7.
const loneliness = (values: Record<number, number | null>): IndicatorSeries => ({
  direction: "decrease",
  baseline: { year: 2020, value: 32 },
  target: { year: 2030, value: 25 },
  values: yearly(values),
});

describe("the straight path and the tolerance", () => {
  it("interpolates between baseline and target and stays flat outside them", () => {
    const def = employment({});
    expect(pathValue(def, 2024)).toBe(58);
    expect(pathValue(def, 2015)).toBe(50);
    expect(pathValue(def, 2035)).toBe(70);
  });

  it("defaults the tolerance to 10 % of the planned change, or 2 % of the level to maintain", () => {
    expect(effectiveTolerance(employment({}))).toBe(2);
    expect(effectiveTolerance(employment({}, { tolerance: 0.5 }))).toBe(0.5);
    expect(
      effectiveTolerance({
        direction: "maintain",
        baseline: { year: 2020, value: 70 },
        target: { year: 2030, value: 70 },
      }),
    ).toBeCloseTo(1.4, 12);
  });
});

describe("status of an indicator that should rise", () => {
  it.each([
    ["on the path", 58, "on_track", "on_or_ahead_of_path", "right"],
    ["ahead of the path", 60, "on_track", "on_or_ahead_of_path", "right"],
    ["behind by less than the tolerance", 57, "at_risk", "slightly_behind_path", "right"],
    ["behind, but with over half the expected change", 54.5, "at_risk", "behind_path", "right"],
    ["rising far too slowly", 53, "off_track", "far_behind_path", "right"],
    ["flat", 51, "off_track", "no_progress", "flat"],
    ["falling", 47, "off_track", "wrong_direction", "wrong"],
    ["past the target before the target year", 71, "on_track", "target_reached", "right"],
  ] as const)("%s (2024: %d)", (_label, value, status, reasonCode, direction) => {
    const result = evaluateIndicatorStatus(employment({ 2021: 51, 2022: 53, 2024: value }));
    expect(result).toMatchObject({ status, reasonCode, direction, latest: { year: 2024, value } });
    expect(result.expectedOnPath).toBe(58);
    expect(result.changeSinceBaseline).toBeCloseTo(value - 50, 12);
    expect(result.targetReached).toBe(reasonCode === "target_reached");
  });

  it("judges against the target itself after the target year", () => {
    expect(evaluateIndicatorStatus(employment({ 2032: 69 }))).toMatchObject({
      status: "at_risk",
      expectedOnPath: 70,
    });
    expect(evaluateIndicatorStatus(employment({ 2032: 70 }))).toMatchObject({
      status: "on_track",
      reasonCode: "target_reached",
      targetReached: true,
    });
  });

  it("uses the latest year when years are missing, and skips null values", () => {
    expect(evaluateIndicatorStatus(employment({ 2021: 52, 2023: 55 }))).toMatchObject({
      latest: { year: 2023, value: 55 },
      expectedOnPath: 56,
      status: "at_risk",
      reasonCode: "slightly_behind_path",
    });
    expect(evaluateIndicatorStatus(employment({ 2021: 52, 2025: 60 }))).toMatchObject({
      latest: { year: 2025, value: 60 },
      status: "on_track",
    });
    expect(evaluateIndicatorStatus(employment({ 2024: 58, 2025: null }))).toMatchObject({
      latest: { year: 2024, value: 58 },
    });
  });

  it("judges a single value after the baseline", () => {
    expect(evaluateIndicatorStatus(employment({ 2022: 54 }))).toMatchObject({
      status: "on_track",
      latest: { year: 2022, value: 54 },
      expectedOnPath: 54,
    });
  });

  it("has no data without a value after the baseline year; older values do not count", () => {
    const cases: Record<number, number | null>[] = [{}, { 2015: 40, 2019: 45 }, { 2020: 50 }, { 2021: null }];
    for (const values of cases) {
      expect(evaluateIndicatorStatus(employment(values))).toMatchObject({
        status: "no_data",
        reasonCode: "no_values_after_baseline",
        latest: null,
        direction: null,
      });
    }
    const withHistory = evaluateIndicatorStatus(employment({ 2010: 100, 2019: 20, 2024: 58 }));
    expect(withHistory).toEqual(evaluateIndicatorStatus(employment({ 2024: 58 })));
  });

  it("uses the total series only and says when only breakdowns exist", () => {
    const split: IndicatorObservation[] = [
      { year: 2024, value: 58, area: "Jyränkö" },
      { year: 2024, value: 30, sex: "female" },
      { year: 2025, value: 10, ageGroup: "75+" },
    ];
    expect(evaluateIndicatorStatus({ ...employment({}), values: split })).toMatchObject({
      status: "no_data",
      reasonCode: "only_breakdowns",
    });
    expect(
      evaluateIndicatorStatus({ ...employment({}), values: [...split, { year: 2023, value: 56 }] }),
    ).toMatchObject({ status: "on_track", latest: { year: 2023, value: 56 } });
  });

  it("treats a latest value more than three years older than asOfYear as stale, keeping its figures", () => {
    const series = employment({ 2021: 52 });
    expect(evaluateIndicatorStatus(series, { asOfYear: 2024 }).status).toBe("on_track");
    expect(evaluateIndicatorStatus(series, { asOfYear: 2025 })).toMatchObject({
      status: "no_data",
      reasonCode: "stale",
      latest: { year: 2021, value: 52 },
      direction: "flat",
      expectedOnPath: 52,
    });
    expect(evaluateIndicatorStatus(series, { asOfYear: 2025, staleAfterYears: 5 }).status).toBe("on_track");
  });

  it("honours configured thresholds", () => {
    const series = employment({ 2024: 53 });
    expect(evaluateIndicatorStatus(series).status).toBe("off_track");
    expect(evaluateIndicatorStatus(series, { atRiskMinProgressShare: 0.3 }).status).toBe("at_risk");
    expect(evaluateIndicatorStatus({ ...series, tolerance: 5 }).reasonCode).toBe("slightly_behind_path");
  });
});

describe("status of an indicator that should fall", () => {
  it("counts a value exactly on an interpolated path as on it, despite floating point", () => {
    // 20 + (13 − 20) × 0.8 is 14.399999999999999 in binary floating point, a hair below 14.4.
    const series: IndicatorSeries = {
      direction: "decrease",
      baseline: { year: 2020, value: 20 },
      target: { year: 2030, value: 13 },
      values: [{ year: 2028, value: 14.4 }],
    };
    const result = evaluateIndicatorStatus(series);
    expect(result.expectedOnPath).toBeLessThan(14.4);
    expect(result).toMatchObject({
      status: "on_track",
      reasonCode: "on_or_ahead_of_path",
      direction: "right",
    });
  });

  it("judges 29.2 in 2024 as on the path 32 → 25", () => {
    expect(evaluateIndicatorStatus(loneliness({ 2024: 29.2 }))).toMatchObject({
      status: "on_track",
      expectedOnPath: 29.2,
    });
  });

  it.each([
    [35, "off_track", "wrong_direction", "wrong"],
    [30, "at_risk", "behind_path", "right"],
    [31.5, "off_track", "no_progress", "flat"],
    [29.8, "at_risk", "slightly_behind_path", "right"],
    [24, "on_track", "target_reached", "right"],
  ] as const)("2024: %d → %s", (value, status, reasonCode, direction) => {
    expect(evaluateIndicatorStatus(loneliness({ 2022: 31, 2024: value }))).toMatchObject({
      status,
      reasonCode,
      direction,
    });
  });
});

describe("status of an indicator to maintain", () => {
  const keep = (value: number, tolerance?: number): IndicatorSeries => ({
    direction: "maintain",
    baseline: { year: 2020, value: 70 },
    target: { year: 2030, value: 70 },
    tolerance,
    values: [{ year: 2024, value }],
  });
  it.each([
    [70.5, undefined, "on_track", "held_within_tolerance", "flat"],
    [72, undefined, "at_risk", "drifting", "wrong"],
    [66, undefined, "off_track", "drifted", "wrong"],
    [66, 5, "on_track", "held_within_tolerance", "flat"],
  ] as const)("%d (tolerance %s) → %s", (value, tolerance, status, reasonCode, direction) => {
    expect(evaluateIndicatorStatus(keep(value, tolerance))).toMatchObject({ status, reasonCode, direction });
  });
});

describe("a target that is a floor below the baseline (slowing a decline)", () => {
  // Population: more is better, but the plan accepts a fall from 100 to 90 by 2030 (path −1 a year, tolerance 1).
  const population = (year: number, value: number): IndicatorSeries => ({
    direction: "increase",
    baseline: { year: 2020, value: 100 },
    target: { year: 2030, value: 90 },
    values: [{ year, value }],
  });
  it("judges against the declining path and counts the floor as reached only from the target year", () => {
    expect(evaluateIndicatorStatus(population(2025, 96))).toMatchObject({
      status: "on_track",
      reasonCode: "on_or_ahead_of_path",
      direction: "wrong",
      targetReached: false,
    });
    expect(evaluateIndicatorStatus(population(2025, 94)).reasonCode).toBe("slightly_behind_path");
    expect(evaluateIndicatorStatus(population(2025, 92))).toMatchObject({
      status: "off_track",
      reasonCode: "wrong_direction",
    });
    expect(evaluateIndicatorStatus(population(2030, 91))).toMatchObject({
      status: "on_track",
      reasonCode: "target_reached",
    });
  });
});

describe("invalid input", () => {
  it("rejects impossible definitions and contradictory values", () => {
    expect(() => evaluateIndicatorStatus(employment({}, { target: { year: 2020, value: 70 } }))).toThrow(
      RangeError,
    );
    expect(() => evaluateIndicatorStatus(employment({}, { tolerance: -1 }))).toThrow(RangeError);
    expect(() => evaluateIndicatorStatus(employment({ 2024: Number.NaN }))).toThrow(RangeError);
    expect(() =>
      totalSeries([
        { year: 2024, value: 1 },
        { year: 2024, value: 2 },
      ]),
    ).toThrow(/two total values/);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

const seriesArb: fc.Arbitrary<IndicatorSeries> = fc
  .record({
    direction: fc.constantFrom<DesiredDirection>("increase", "decrease", "maintain"),
    baselineYear: fc.integer({ min: 2000, max: 2030 }),
    span: fc.integer({ min: 1, max: 15 }),
    baselineValue: tenths(-100, 100),
    targetValue: tenths(-100, 100),
    tolerance: fc.option(tenths(0, 20), { nil: undefined }),
  })
  .chain(({ direction, baselineYear, span, baselineValue, targetValue, tolerance }) =>
    fc
      .uniqueArray(
        fc.record({
          year: fc.integer({ min: baselineYear - 5, max: baselineYear + span + 5 }),
          value: tenths(-100, 100),
        }),
        {
          selector: (v) => v.year,
          maxLength: 12,
        },
      )
      .map(
        (values): IndicatorSeries => ({
          direction,
          baseline: { year: baselineYear, value: baselineValue },
          target: {
            year: baselineYear + span,
            value: direction === "maintain" && tolerance === undefined ? baselineValue : targetValue,
          },
          tolerance,
          values,
        }),
      ),
  );

/** The same series with its latest total value replaced. */
function withLatest(series: IndicatorSeries, year: number, value: number): IndicatorSeries {
  return { ...series, values: series.values.map((v) => (v.year === year ? { ...v, value } : v)) };
}

describe("status rule (properties)", () => {
  it("does not depend on the order the values come in", () => {
    fc.assert(
      fc.property(
        seriesArb.chain((s) =>
          fc.record({
            series: fc.constant(s),
            shuffled: fc.shuffledSubarray([...s.values], { minLength: s.values.length }),
          }),
        ),
        ({ series, shuffled }) => {
          expect(evaluateIndicatorStatus({ ...series, values: shuffled })).toEqual(
            evaluateIndicatorStatus(series),
          );
        },
      ),
    );
  });

  it("never gets worse when the latest value improves", () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (series, step, share) => {
          const before = evaluateIndicatorStatus(series);
          if (!before.latest || before.expectedOnPath === null) return;
          const { year, value } = before.latest;
          const improved =
            series.direction === "maintain"
              ? value + (before.expectedOnPath - value) * share // closer to the path
              : value + (series.direction === "increase" ? step : -step) / 10;
          const after = evaluateIndicatorStatus(withLatest(series, year, improved));
          expect(statusRank(after.status)).toBeGreaterThanOrEqual(statusRank(before.status));
        },
      ),
    );
  });

  it("treats a falling indicator as the mirror image of a rising one", () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        if (series.direction === "maintain") return;
        const mirror: IndicatorSeries = {
          ...series,
          direction: series.direction === "increase" ? "decrease" : "increase",
          baseline: { ...series.baseline, value: -series.baseline.value },
          target: { ...series.target, value: -series.target.value },
          values: series.values.map((v) => ({ ...v, value: v.value === null ? null : -v.value })),
        };
        const a = evaluateIndicatorStatus(series);
        const b = evaluateIndicatorStatus(mirror);
        expect([b.status, b.reasonCode, b.direction, b.targetReached]).toEqual([
          a.status,
          a.reasonCode,
          a.direction,
          a.targetReached,
        ]);
      }),
    );
  });

  it("ignores breakdowns and values up to the baseline year", () => {
    fc.assert(
      fc.property(seriesArb, tenths(-100, 100), (series, noise) => {
        const { baseline } = series;
        const extra: IndicatorObservation[] = [
          ...series.values.map((v) => ({ ...v, value: noise, area: "Vierumäki" })),
          ...series.values.map((v) => ({ ...v, value: noise, sex: "male" })),
        ];
        const afterBaseline = series.values.filter((v) => v.year > baseline.year);
        const before = evaluateIndicatorStatus({ ...series, values: afterBaseline });
        const after = evaluateIndicatorStatus({ ...series, values: [...series.values, ...extra] });
        expect(after.status).toBe(before.status);
        if (before.latest) expect(after).toEqual(before);
      }),
    );
  });
});
