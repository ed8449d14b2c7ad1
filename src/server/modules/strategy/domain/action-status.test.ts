import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateActionStatus, type Milestone, summarizeMilestones } from "./action-status.ts";
import { fromDayNumber, toDayNumber } from "./calendar-date.ts";
import { statusRank } from "./indicator-status.ts";
import {
  activityNoData,
  employmentFarBehind,
  employmentOnPath,
  lonelinessRising,
  volunteeringSlightlyBehind,
} from "./test-indicators.ts";

const milestone = (key: string, due: string, doneOn: string | null = null): Milestone => ({
  key,
  title: { fi: `Välitavoite ${key}`, en: `Milestone ${key}` },
  due,
  doneOn,
});

describe("milestones on a given day", () => {
  const plan = [
    milestone("a", "2025-01-31", "2025-01-20"),
    milestone("b", "2025-03-31", "2025-04-10"),
    milestone("c", "2025-06-30"),
    milestone("d", "2025-12-31"),
  ];

  it("are on track when nothing open is past its due date; the due date itself is not late", () => {
    expect(summarizeMilestones(plan, "2025-06-30")).toMatchObject({
      status: "on_track",
      total: 4,
      done: 2,
      doneLate: 1,
      overdue: 0,
      upcoming: 2,
      mostOverdue: null,
      nextDue: { key: "c" },
    });
  });

  it("are at risk from the day after a due date, and off track after 90 days overdue", () => {
    expect(summarizeMilestones(plan, "2025-07-01")).toMatchObject({
      status: "at_risk",
      overdue: 1,
      mostOverdue: { milestone: { key: "c" }, daysOverdue: 1 },
      nextDue: { key: "d" },
    });
    expect(summarizeMilestones(plan, "2025-09-28").status).toBe("at_risk"); // 90 days
    expect(summarizeMilestones(plan, "2025-09-29")).toMatchObject({
      status: "off_track",
      mostOverdue: { daysOverdue: 91 },
    });
    expect(summarizeMilestones(plan, "2025-09-29", { offTrackAfterOverdueDays: 120 }).status).toBe("at_risk");
  });

  it("pick the oldest open milestone as the most overdue", () => {
    const late = [milestone("x", "2025-05-01"), milestone("y", "2025-02-01"), milestone("z", "2025-04-01")];
    expect(summarizeMilestones(late, "2025-05-10").mostOverdue).toMatchObject({
      milestone: { key: "y" },
      daysOverdue: 98,
    });
  });

  it("have no data when there are none, and reject malformed dates", () => {
    expect(summarizeMilestones([], "2025-01-01").status).toBe("no_data");
    expect(() => summarizeMilestones([milestone("a", "2025-02-30")], "2025-01-01")).toThrow(RangeError);
    expect(() => summarizeMilestones([], "1.1.2025")).toThrow(RangeError);
  });
});

describe("action status from milestones and indicators", () => {
  const onSchedule = [milestone("a", "2025-01-31", "2025-01-30"), milestone("b", "2025-12-31")];
  const slipping = [milestone("a", "2025-01-31"), milestone("b", "2025-12-31")];
  const today = "2025-03-01"; // "a" is 29 days late in `slipping`

  it("has no data with neither milestones nor judged indicators", () => {
    expect(evaluateActionStatus({ milestones: [], indicators: [], today })).toMatchObject({
      status: "no_data",
      driver: "none",
    });
    expect(evaluateActionStatus({ milestones: [], indicators: [activityNoData], today }).status).toBe(
      "no_data",
    );
  });

  it("follows the indicators alone when there are no milestones, off track included", () => {
    expect(evaluateActionStatus({ milestones: [], indicators: [lonelinessRising], today })).toMatchObject({
      status: "off_track",
      driver: "indicators",
    });
  });

  it("follows the milestones alone when no indicator has data", () => {
    expect(evaluateActionStatus({ milestones: slipping, indicators: [activityNoData], today })).toMatchObject(
      {
        status: "at_risk",
        driver: "milestones",
      },
    );
  });

  it("takes the worse part, both when they agree", () => {
    expect(
      evaluateActionStatus({ milestones: onSchedule, indicators: [employmentOnPath], today }),
    ).toMatchObject({
      status: "on_track",
      driver: "both",
    });
    expect(
      evaluateActionStatus({ milestones: onSchedule, indicators: [volunteeringSlightlyBehind], today }),
    ).toMatchObject({ status: "at_risk", driver: "indicators" });
    expect(
      evaluateActionStatus({ milestones: slipping, indicators: [employmentOnPath], today: "2025-06-01" }),
    ).toMatchObject({ status: "off_track", driver: "milestones" });
  });

  it("lets indicators lower an action on schedule only to at risk, unless configured otherwise", () => {
    const input = { milestones: onSchedule, indicators: [lonelinessRising, employmentFarBehind], today };
    expect(evaluateActionStatus(input)).toMatchObject({ status: "at_risk", driver: "indicators" });
    expect(evaluateActionStatus(input).indicators.status).toBe("off_track");
    expect(evaluateActionStatus(input, { worstIndicatorStatusWithMilestones: "off_track" }).status).toBe(
      "off_track",
    );
  });
});

describe("action status (properties)", () => {
  const day0 = toDayNumber("2025-01-01");
  const milestoneArb = fc
    .record({
      due: fc.integer({ min: 0, max: 400 }),
      done: fc.option(fc.integer({ min: -30, max: 200 }), { nil: null }),
    })
    .map(({ due, done }) => ({
      due: fromDayNumber(day0 + due),
      doneOn: done === null ? null : fromDayNumber(day0 + due + done),
    }));
  const planArb = fc
    .array(milestoneArb, { maxLength: 8 })
    .map((list) => list.map((m, i) => ({ ...m, key: `m${i}`, title: { fi: `M${i}` } })));

  it("never gets better as days pass with nothing done", () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 200 }),
        (plan, t, wait) => {
          const earlier = summarizeMilestones(plan, fromDayNumber(day0 + t));
          const later = summarizeMilestones(plan, fromDayNumber(day0 + t + wait));
          expect(statusRank(later.status)).toBeLessThanOrEqual(statusRank(earlier.status));
        },
      ),
    );
  });

  it("never gets worse when an open milestone is marked done", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 500 }), fc.nat(), (plan, t, n) => {
        const open = plan.filter((m) => !m.doneOn);
        const target = open[n % Math.max(1, open.length)];
        if (!target) return;
        const today = fromDayNumber(day0 + t);
        const done = plan.map((m) => (m.key === target.key ? { ...m, doneOn: today } : m));
        expect(statusRank(summarizeMilestones(done, today).status)).toBeGreaterThanOrEqual(
          statusRank(summarizeMilestones(plan, today).status),
        );
      }),
    );
  });

  it("keeps the counts consistent", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 0, max: 500 }), (plan, t) => {
        const s = summarizeMilestones(plan, fromDayNumber(day0 + t));
        expect(s.done + s.overdue + s.upcoming).toBe(s.total);
        expect(s.doneLate).toBeLessThanOrEqual(s.done);
      }),
    );
  });
});
