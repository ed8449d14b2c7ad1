import { describe, expect, it } from "vitest";
import { addDays, helsinkiParts, helsinkiToUtc, isCalendarDate, isoWeekday } from "./helsinki-time.ts";

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

  it("reads 24:00 as the next day's midnight, also on the night the clocks change", () => {
    expect(helsinkiToUtc("2026-12-05", "24:00").toISOString()).toBe("2026-12-05T22:00:00.000Z");
    // Summer time ends during the night after 24.10.2026: its midnight is still summer time (UTC+3).
    expect(helsinkiToUtc("2026-10-24", "24:00").toISOString()).toBe("2026-10-24T21:00:00.000Z");
  });

  it("gives an instant's Helsinki date, time and weekday, not UTC's", () => {
    // Saturday 23:30 UTC is already Sunday 01:30 in Helsinki (winter, UTC+2).
    expect(helsinkiParts(new Date("2026-12-05T23:30:00Z"))).toEqual({
      date: "2026-12-06",
      time: "01:30",
      weekday: "sun",
      hour: 1,
    });
  });

  it("moves dates by days across months and years, and names ISO weekdays", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
  });

  it("accepts only real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
  });
});
