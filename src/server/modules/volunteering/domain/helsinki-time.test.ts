import { describe, expect, it } from "vitest";
import { daypartOf, helsinkiToUtc, isCalendarDate, slotOf, weeklyOccurrences } from "./helsinki-time.ts";

describe("Helsinki wall-clock time", () => {
  it("converts winter (UTC+2) and summer (UTC+3) times", () => {
    expect(helsinkiToUtc("2026-12-05", "10:00").toISOString()).toBe("2026-12-05T08:00:00.000Z");
    expect(helsinkiToUtc("2026-07-04", "10:00").toISOString()).toBe("2026-07-04T07:00:00.000Z");
  });

  it("moves a time skipped in spring an hour later and takes the first of an ambiguous autumn hour", () => {
    // 29.3.2026 03:30 does not exist in Helsinki (clocks go from 03:00 to 04:00).
    expect(helsinkiToUtc("2026-03-29", "03:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 25.10.2026 03:30 happens twice; the first is summer time (UTC+3).
    expect(helsinkiToUtc("2026-10-25", "03:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("keeps a weekly shift at the same local time across the change to summer time", () => {
    const shifts = weeklyOccurrences({ date: "2026-03-21", startTime: "10:00", endTime: "12:00", weeks: 3 });
    expect(shifts.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-21T08:00:00.000Z",
      "2026-03-28T08:00:00.000Z",
      "2026-04-04T07:00:00.000Z",
    ]);
    expect(shifts.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 2 * 3_600_000)).toBe(true);
  });

  it("ends an overnight shift on the next day", () => {
    const [night] = weeklyOccurrences({ date: "2026-12-31", startTime: "22:00", endTime: "02:00", weeks: 1 });
    expect(night?.startsAt.toISOString()).toBe("2026-12-31T20:00:00.000Z");
    expect(night?.endsAt.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("names the slot of a shift in Helsinki time, not UTC", () => {
    // Saturday 23:30 UTC is already Sunday morning in Helsinki.
    expect(slotOf(new Date("2026-12-05T23:30:00Z"))).toBe("sun-morning");
    expect(daypartOf(11)).toBe("morning");
    expect(daypartOf(12)).toBe("afternoon");
    expect(daypartOf(17)).toBe("evening");
  });

  it("accepts only real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
  });
});
