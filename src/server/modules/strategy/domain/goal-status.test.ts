import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countIndicators, evaluateGoalStatus, type RatedIndicator, rollUpIndicators } from "./goal-status.ts";
import { type Status, statusRank } from "./indicator-status.ts";
import {
  activityNoData,
  employmentFarBehind,
  employmentOnPath,
  influenceHeld,
  lonelinessRising,
  rate,
  unemploymentOnPath,
  volunteeringSlightlyBehind,
} from "./test-indicators.ts";

const withKey = (indicator: RatedIndicator, key: string): RatedIndicator => ({ ...indicator, key });

describe("fixtures", () => {
  it("have the statuses the roll-up tests rely on", () => {
    expect(lonelinessRising.result).toMatchObject({ status: "off_track", direction: "wrong" });
    expect(employmentOnPath.result).toMatchObject({ status: "on_track", direction: "right" });
    expect(unemploymentOnPath.result).toMatchObject({ status: "on_track", direction: "right" });
    expect(volunteeringSlightlyBehind.result).toMatchObject({ status: "at_risk", direction: "right" });
    expect(activityNoData.result.status).toBe("no_data");
    expect(influenceHeld.result).toMatchObject({ status: "on_track", direction: "flat" });
    expect(employmentFarBehind.result).toMatchObject({ status: "off_track", direction: "right" });
  });
});

describe("goal status from its indicators", () => {
  it("is at risk with one of four off track, and names that one", () => {
    const goal = evaluateGoalStatus([
      employmentOnPath,
      lonelinessRising,
      unemploymentOnPath,
      volunteeringSlightlyBehind,
    ]);
    expect(goal.status).toBe("at_risk");
    expect(goal.reasonCode).toBe("mixed");
    expect(goal.counts).toEqual({
      total: 4,
      judged: 4,
      noData: 0,
      onTrack: 2,
      atRisk: 1,
      offTrack: 1,
      movingRightWay: 3,
      movingWrongWay: 1,
      flat: 0,
    });
    expect(goal.notable?.key).toBe("loneliness-75");
  });

  it("is on track with at least 75 % on track and none off track", () => {
    expect(
      evaluateGoalStatus([employmentOnPath, unemploymentOnPath, influenceHeld, volunteeringSlightlyBehind])
        .status,
    ).toBe("on_track");
    expect(evaluateGoalStatus([employmentOnPath, volunteeringSlightlyBehind]).status).toBe("at_risk");
    expect(evaluateGoalStatus([employmentOnPath]).status).toBe("on_track");
  });

  it("is off track only when most judged indicators are off track", () => {
    expect(evaluateGoalStatus([lonelinessRising, employmentOnPath]).status).toBe("at_risk");
    const majority = evaluateGoalStatus([lonelinessRising, employmentFarBehind, employmentOnPath]);
    expect(majority).toMatchObject({ status: "off_track", reasonCode: "majority_off_track" });
    expect(evaluateGoalStatus([lonelinessRising]).status).toBe("off_track");
  });

  it("leaves indicators without data out of the shares, but counts them", () => {
    const goal = evaluateGoalStatus([employmentOnPath, activityNoData]);
    expect(goal.status).toBe("on_track");
    expect(goal.counts).toMatchObject({ total: 2, judged: 1, noData: 1 });
  });

  it("has no data without indicators or without current values", () => {
    expect(evaluateGoalStatus([])).toMatchObject({
      status: "no_data",
      reasonCode: "no_indicators",
      notable: null,
    });
    expect(evaluateGoalStatus([activityNoData])).toMatchObject({
      status: "no_data",
      reasonCode: "no_current_data",
      notable: null,
    });
  });

  it("counts a held level as moving the right way", () => {
    expect(countIndicators([influenceHeld])).toMatchObject({ movingRightWay: 1, flat: 0 });
  });

  it("names the biggest improvement, relative to its planned change, when on track", () => {
    // Employment made 10 of a planned 20 (0.5); unemployment 1.6 of a planned 4 (0.4); influence held (0).
    const employmentAhead = rate("employment-ahead", employmentOnPath.name, {
      direction: "increase",
      baseline: { year: 2020, value: 50 },
      target: { year: 2030, value: 70 },
      values: [{ year: 2024, value: 60 }],
    });
    const bigger = rollUpIndicators([influenceHeld, unemploymentOnPath, employmentAhead]);
    expect(bigger.status).toBe("on_track");
    expect(bigger.notable?.key).toBe("employment-ahead");
  });

  it("honours configured shares", () => {
    const indicators = [lonelinessRising, employmentOnPath];
    expect(rollUpIndicators(indicators, { offTrackShareAbove: 0.4 }).status).toBe("off_track");
    expect(
      rollUpIndicators([employmentOnPath, volunteeringSlightlyBehind], { onTrackShareAtLeast: 0.5 }).status,
    ).toBe("on_track");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties, over a pool of real results of each status.

const pool: Record<Status, RatedIndicator[]> = {
  on_track: [employmentOnPath, unemploymentOnPath, influenceHeld],
  at_risk: [volunteeringSlightlyBehind],
  off_track: [lonelinessRising, employmentFarBehind],
  no_data: [activityNoData],
};
const statuses: Status[] = ["on_track", "at_risk", "off_track", "no_data"];
const UPGRADE: Partial<Record<Status, Status>> = { off_track: "at_risk", at_risk: "on_track" };
const pick = fc
  .record({ status: fc.constantFrom(...statuses), index: fc.nat() })
  .map(({ status, index }) => pool[status][index % pool[status].length] as RatedIndicator);
const goalArb = fc
  .array(pick, { maxLength: 9 })
  .map((list) => list.map((i, n) => withKey(i, `${i.key}-${n}`)));

describe("goal roll-up (properties)", () => {
  it("does not depend on the order of the indicators", () => {
    fc.assert(
      fc.property(
        goalArb.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const a = rollUpIndicators(list);
          const b = rollUpIndicators(shuffled);
          expect([b.status, b.counts, b.notable?.key]).toEqual([a.status, a.counts, a.notable?.key]);
        },
      ),
    );
  });

  it("never gets worse when one judged indicator gets better", () => {
    fc.assert(
      fc.property(goalArb, fc.nat(), (list, n) => {
        if (list.length === 0) return;
        const index = n % list.length;
        const current = list[index] as RatedIndicator;
        const better = UPGRADE[current.result.status];
        if (!better) return;
        const replaced = list.map((item, i) =>
          i === index ? withKey(pool[better][0] as RatedIndicator, item.key) : item,
        );
        expect(statusRank(rollUpIndicators(replaced).status)).toBeGreaterThanOrEqual(
          statusRank(rollUpIndicators(list).status),
        );
      }),
    );
  });

  it("keeps the counts consistent", () => {
    fc.assert(
      fc.property(goalArb, (list) => {
        const { counts } = rollUpIndicators(list);
        expect(counts.onTrack + counts.atRisk + counts.offTrack).toBe(counts.judged);
        expect(counts.movingRightWay + counts.movingWrongWay + counts.flat).toBe(counts.judged);
        expect(counts.judged + counts.noData).toBe(list.length);
      }),
    );
  });
});
