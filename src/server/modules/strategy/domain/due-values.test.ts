import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "./calendar-date.ts";
import { listDueValues, periodContaining, type TimeResolution, type ValueSchedule } from "./due-values.ts";

interface Reminder extends ValueSchedule {
  readonly key: string;
  readonly responsible: string;
}
const schedule = (
  key: string,
  resolution: TimeResolution,
  latestValueDate: string | null,
  extra: Partial<Reminder> = {},
): Reminder => ({
  key,
  responsible: `${key}@heinola.fi`,
  resolution,
  latestValueDate,
  ...extra,
});

describe("periods", () => {
  it("label and bound years, quarters and months, leap days included", () => {
    expect(periodContaining("year", "2024-06-15")).toEqual({
      resolution: "year",
      label: "2024",
      start: "2024-01-01",
      end: "2024-12-31",
    });
    expect(periodContaining("quarter", "2024-05-15")).toMatchObject({
      label: "2024-Q2",
      start: "2024-04-01",
      end: "2024-06-30",
    });
    expect(periodContaining("quarter", "2024-12-31")).toMatchObject({ label: "2024-Q4", end: "2024-12-31" });
    expect(periodContaining("month", "2024-02-10")).toMatchObject({ label: "2024-02", end: "2024-02-29" });
    expect(periodContaining("month", "2025-02-10")).toMatchObject({ end: "2025-02-28" });
  });
});

describe("values due", () => {
  const annual = schedule("unemployment", "year", "2023-01-01");

  it("makes an annual value due 120 days after its year ends, overdue 30 days later", () => {
    expect(listDueValues([annual], "2025-04-29")).toEqual([]);
    expect(listDueValues([annual], "2025-04-30")).toEqual([
      {
        indicator: annual,
        state: "due",
        period: { resolution: "year", label: "2024", start: "2024-01-01", end: "2024-12-31" },
        dueOn: "2025-04-30",
        daysPastDue: 0,
        missingPeriods: 1,
      },
    ]);
    expect(listDueValues([annual], "2025-05-30")[0]).toMatchObject({ state: "due", daysPastDue: 30 });
    expect(listDueValues([annual], "2025-05-31")[0]).toMatchObject({ state: "overdue", daysPastDue: 31 });
  });

  it("counts every period already due", () => {
    const old = schedule("old", "year", "2021-12-31");
    expect(listDueValues([old], "2025-06-01")[0]).toMatchObject({
      period: { label: "2022" },
      dueOn: "2023-04-30",
      missingPeriods: 3,
      state: "overdue",
    });
  });

  it("handles quarters and months", () => {
    const quarterly = schedule("q", "quarter", "2024-05-15");
    expect(listDueValues([quarterly], "2024-11-13")).toEqual([]);
    expect(listDueValues([quarterly], "2024-11-14")[0]).toMatchObject({
      period: { label: "2024-Q3" },
      dueOn: "2024-11-14",
    });
    const monthly = schedule("m", "month", "2024-12-01");
    expect(listDueValues([monthly], "2025-03-02")[0]).toMatchObject({
      period: { label: "2025-01" },
      dueOn: "2025-03-02",
    });
    expect(listDueValues([monthly], "2025-06-15")[0]).toMatchObject({ missingPeriods: 4, state: "overdue" });
  });

  it("uses expectedFrom when there is no value yet, and says so when nothing says since when", () => {
    const fresh = schedule("fresh", "year", null, { expectedFrom: "2021-01-01" });
    expect(listDueValues([fresh], "2025-06-01")[0]).toMatchObject({
      period: { label: "2021" },
      missingPeriods: 4,
    });
    const unknown = schedule("unknown", "year", null);
    expect(listDueValues([unknown], "2025-06-01")).toEqual([
      { indicator: unknown, state: "due", period: null, dueOn: null, daysPastDue: 0, missingPeriods: 0 },
    ]);
  });

  it("honours a per-indicator lag and configured defaults", () => {
    const sotkanet = schedule("sotkanet", "year", "2023-01-01", { lagDays: 400 });
    expect(listDueValues([sotkanet], "2025-06-01")).toEqual([]);
    expect(listDueValues([annual], "2025-04-30", { lagDays: { year: 200, quarter: 45, month: 30 } })).toEqual(
      [],
    );
    expect(listDueValues([annual], "2025-05-10", { graceDays: 5 })[0]?.state).toBe("overdue");
  });

  it("lists the most overdue first and passes the caller's object through", () => {
    const list = [
      schedule("a", "year", "2023-01-01"),
      schedule("b", "year", "2020-01-01"),
      schedule("c", "month", "2025-08-01"),
      schedule("d", "month", "2025-03-01"),
    ];
    const due = listDueValues(list, "2025-06-01");
    // b: 2021 due 2022-04-30 (1128 days); a: 2024 due 2025-04-30 (32 days); d: April due 2025-05-30 (2 days); c: not yet.
    expect(due.map((d) => [d.indicator.key, d.indicator.responsible, d.daysPastDue])).toEqual([
      ["b", "b@heinola.fi", 1128],
      ["a", "a@heinola.fi", 32],
      ["d", "d@heinola.fi", 2],
    ]);
  });

  it("rejects malformed dates", () => {
    expect(() => listDueValues([annual], "2025-13-01")).toThrow(RangeError);
    expect(() => listDueValues([schedule("x", "year", "2023")], "2025-01-01")).toThrow(RangeError);
  });
});

describe("values due (properties)", () => {
  const day0 = toDayNumber("2015-01-01");
  const scheduleArb = fc.record({
    resolution: fc.constantFrom<TimeResolution>("year", "quarter", "month"),
    latest: fc.integer({ min: 0, max: 3650 }),
    lag: fc.integer({ min: 0, max: 400 }),
    today: fc.integer({ min: 0, max: 4000 }),
  });

  it("counts the same missing periods as walking period by period", () => {
    fc.assert(
      fc.property(scheduleArb, ({ resolution, latest, lag, today }) => {
        const item = schedule("x", resolution, fromDayNumber(day0 + latest), { lagDays: lag });
        const todayDate = fromDayNumber(day0 + today);
        // Walk: the period after the latest, then each next one, while its due date has come.
        let missing = 0;
        let period = periodContaining(
          resolution,
          fromDayNumber(toDayNumber(periodContaining(resolution, item.latestValueDate as string).end) + 1),
        );
        const first = period;
        while (toDayNumber(period.end) + lag <= day0 + today) {
          missing++;
          period = periodContaining(resolution, fromDayNumber(toDayNumber(period.end) + 1));
        }
        const due = listDueValues([item], todayDate);
        if (missing === 0) {
          expect(due).toEqual([]);
        } else {
          expect(due[0]).toMatchObject({ missingPeriods: missing, period: first });
          expect(toDayNumber(due[0]?.dueOn as string)).toBe(toDayNumber(first.end) + lag);
        }
      }),
    );
  });
});
