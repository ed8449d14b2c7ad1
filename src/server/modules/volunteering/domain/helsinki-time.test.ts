import { describe, expect, it } from "vitest";
import { daypartOf, slotOf, weeklyOccurrences } from "./helsinki-time.ts";

describe("weekly shifts in Helsinki time", () => {
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
});
