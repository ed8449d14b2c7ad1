import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFinnishHoliday, listFinnishHolidays } from "../../../lib/finnish-holidays.ts";
import {
  addWorkingHours,
  defineWorkingCalendar,
  getWallTime,
  HELSINKI_OFFICE_HOURS,
  resolveWallTime,
  type WorkingCalendar,
  workingHoursBetween,
} from "./working-hours.ts";

// Expected instants are written in UTC with the Helsinki wall time beside them: EET = UTC+2 in winter,
// EEST = UTC+3 from the last Sunday of March 03:00 to the last Sunday of October 04:00 (2025: 30.3 and 26.10).
const utc = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;

const noHolidays = (calendar: Partial<WorkingCalendar> = {}): WorkingCalendar =>
  defineWorkingCalendar({ isDayOff: () => false, ...calendar });
const allDay = defineWorkingCalendar({
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  dayStart: "00:00",
  dayEnd: "24:00",
  isDayOff: () => false,
});

describe("getWallTime and resolveWallTime", () => {
  it("answers each zone and millisecond on its own when one second is asked about repeatedly", () => {
    // The wall time of the last second is remembered per zone; zones, milliseconds and the next second differ.
    const at = Date.parse("2025-03-30T00:59:59.250Z"); // 02:59:59 EET, one second before summer time
    expect(getWallTime(new Date(at), "Europe/Helsinki")).toMatchObject({
      hour: 2,
      second: 59,
      millisecond: 250,
    });
    expect(getWallTime(new Date(at + 500), "Europe/Helsinki")).toMatchObject({ hour: 2, millisecond: 750 });
    expect(getWallTime(new Date(at + 500), "America/New_York")).toMatchObject({ day: 29, hour: 20 });
    expect(getWallTime(new Date(at + 750), "Europe/Helsinki")).toMatchObject({
      hour: 4,
      second: 0,
      millisecond: 0,
    });
    expect(getWallTime(new Date(at), "Europe/Helsinki")).toMatchObject({ hour: 2, millisecond: 250 });
    expect(addWorkingHours(new Date(at), 1, allDay).toISOString()).toBe("2025-03-30T01:59:59.250Z");
  });

  it("reads Helsinki winter and summer time", () => {
    expect(getWallTime(utc("2025-01-15T10:00:00Z"), "Europe/Helsinki")).toMatchObject({
      hour: 12,
      minute: 0,
    });
    expect(getWallTime(utc("2025-07-15T10:00:00Z"), "Europe/Helsinki")).toMatchObject({
      hour: 13,
      minute: 0,
    });
    expect(getWallTime(utc("2025-03-30T00:59:59.999Z"), "Europe/Helsinki")).toEqual({
      year: 2025,
      month: 3,
      day: 30,
      hour: 2,
      minute: 59,
      second: 59,
      millisecond: 999,
    });
    expect(getWallTime(utc("2025-03-30T01:00:00Z"), "Europe/Helsinki")).toMatchObject({ hour: 4, minute: 0 });
  });

  it("moves a skipped wall time forward by the gap (spring)", () => {
    const t = resolveWallTime({ year: 2025, month: 3, day: 30, hour: 3, minute: 30 }, "Europe/Helsinki");
    expect(t).toEqual(utc("2025-03-30T01:30:00Z")); // 04:30 EEST
  });

  it("takes the earlier instant of a repeated wall time (autumn)", () => {
    const zone = "Europe/Helsinki";
    expect(resolveWallTime({ year: 2025, month: 10, day: 26, hour: 3, minute: 30 }, zone)).toEqual(
      utc("2025-10-26T00:30:00Z"), // 03:30 EEST, not 03:30 EET (01:30Z)
    );
    expect(resolveWallTime({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, zone)).toEqual(
      utc("2025-10-25T23:30:00Z"),
    );
    expect(resolveWallTime({ year: 2025, month: 10, day: 26, hour: 4, minute: 30 }, zone)).toEqual(
      utc("2025-10-26T02:30:00Z"),
    );
  });

  it("works for other zones: New York, a midnight gap in Santiago, half-hour Lord Howe, +05:45 Kathmandu", () => {
    expect(
      resolveWallTime({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, "America/New_York"),
    ).toEqual(utc("2025-03-09T07:30:00Z"));
    expect(resolveWallTime({ year: 2025, month: 9, day: 7 }, "America/Santiago")).toEqual(
      utc("2025-09-07T04:00:00Z"), // 00:00 does not exist that day; 01:00 -03
    );
    expect(
      resolveWallTime({ year: 2025, month: 10, day: 5, hour: 2, minute: 15 }, "Australia/Lord_Howe"),
    ).toEqual(utc("2025-10-04T15:45:00Z")); // 02:45 +11:00
    expect(getWallTime(utc("2025-01-01T00:00:00Z"), "Asia/Kathmandu")).toMatchObject({ hour: 5, minute: 45 });
  });

  it("keeps seconds of historical offsets (Helsinki mean time, UTC+1:39:49 in 1900)", () => {
    expect(getWallTime(utc("1900-06-01T12:00:00Z"), "Europe/Helsinki")).toMatchObject({
      hour: 13,
      minute: 39,
      second: 49,
    });
  });

  it("round-trips every instant, up to the repeated hour of autumn", () => {
    const zones = fc.constantFrom("Europe/Helsinki", "America/New_York", "Australia/Lord_Howe", "UTC");
    const instant = fc.date({
      min: utc("2020-01-01T00:00:00Z"),
      max: utc("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, zones, (t, zone) => {
        const wall = getWallTime(t, zone);
        const back = resolveWallTime(wall, zone);
        expect(getWallTime(back, zone)).toEqual(wall);
        expect(back.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(t.getTime() - back.getTime()).toBeLessThanOrEqual(HOUR);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("addWorkingHours on the default calendar (Mon–Fri 08:00–16:00 Helsinki)", () => {
  it.each([
    ["inside a day", "2025-01-15T07:00:00Z", 2, "2025-01-15T09:00:00Z"], // Wed 09:00 → 11:00
    ["exactly to closing time", "2025-01-15T06:00:00Z", 8, "2025-01-15T14:00:00Z"], // 08:00 → 16:00
    ["over closing time", "2025-01-15T13:00:00Z", 2, "2025-01-16T07:00:00Z"], // Wed 15:00 → Thu 09:00
    ["from before opening", "2025-01-15T04:00:00Z", 1, "2025-01-15T07:00:00Z"], // 06:00 → 09:00
    ["from after closing", "2025-01-15T15:00:00Z", 1, "2025-01-16T07:00:00Z"], // 17:00 → Thu 09:00
    ["from a Saturday", "2025-01-18T10:00:00Z", 1, "2025-01-20T07:00:00Z"], // Sat → Mon 09:00
    ["over a weekend", "2025-01-17T13:30:00Z", 1, "2025-01-20T06:30:00Z"], // Fri 15:30 → Mon 08:30
    ["a quarter of an hour", "2025-01-15T07:00:00Z", 0.25, "2025-01-15T07:15:00Z"],
    ["a whole week", "2025-01-13T06:00:00Z", 40, "2025-01-17T14:00:00Z"], // Mon 08:00 → Fri 16:00
    ["more than a week", "2025-01-13T06:00:00Z", 41, "2025-01-20T07:00:00Z"], // → Mon 09:00
  ])("%s", (_label, start, hours, due) => {
    expect(addWorkingHours(utc(start), hours)).toEqual(utc(due));
  });

  it("returns the start itself for zero hours, even outside working time", () => {
    const saturday = utc("2025-01-18T10:00:00Z");
    expect(addWorkingHours(saturday, 0)).toEqual(saturday);
    expect(addWorkingHours(saturday, 0)).not.toBe(saturday);
  });

  it("skips a start on a holiday (Good Friday 2025) and Easter Monday", () => {
    // Fri 18.4. 10:00 EEST → Tue 22.4. 09:00 EEST
    expect(addWorkingHours(utc("2025-04-18T07:00:00Z"), 1)).toEqual(utc("2025-04-22T06:00:00Z"));
  });

  // Thursday before Good Friday, 15:00 local, plus two hours: due Tuesday after Easter Monday at 09:00.
  it.each([
    ["2024", "2024-03-28T13:00:00Z", "2024-04-02T06:00:00Z"], // EET → EEST: summer time starts Easter Sunday 31.3.
    ["2025", "2025-04-17T12:00:00Z", "2025-04-22T06:00:00Z"],
    ["2026", "2026-04-02T12:00:00Z", "2026-04-07T06:00:00Z"],
    ["2027", "2027-03-25T13:00:00Z", "2027-03-30T06:00:00Z"], // EET → EEST: summer time starts Easter Sunday 28.3.
  ])("skips the Easter holidays of %s", (_year, start, due) => {
    expect(addWorkingHours(utc(start), 2)).toEqual(utc(due));
    expect(workingHoursBetween(utc(start), utc(due))).toBe(2);
  });

  // Wednesday before Ascension Day, 15:00 EEST, plus two hours: due Friday 09:00 EEST.
  it.each([
    ["2024", "2024-05-08T12:00:00Z", "2024-05-10T06:00:00Z"],
    ["2025", "2025-05-28T12:00:00Z", "2025-05-30T06:00:00Z"],
    ["2026", "2026-05-13T12:00:00Z", "2026-05-15T06:00:00Z"],
    ["2027", "2027-05-05T12:00:00Z", "2027-05-07T06:00:00Z"],
  ])("skips Ascension Day %s", (_year, start, due) => {
    expect(addWorkingHours(utc(start), 2)).toEqual(utc(due));
  });

  it("skips Christmas Eve, Christmas Day and Boxing Day (2025: Wed–Fri)", () => {
    // Tue 23.12. 15:00 EET → Mon 29.12. 09:00 EET
    expect(addWorkingHours(utc("2025-12-23T13:00:00Z"), 2)).toEqual(utc("2025-12-29T07:00:00Z"));
  });

  it("skips Midsummer Eve (2025: Friday 20.6.)", () => {
    // Thu 19.6. 15:00 EEST → Mon 23.6. 09:00 EEST
    expect(addWorkingHours(utc("2025-06-19T12:00:00Z"), 2)).toEqual(utc("2025-06-23T06:00:00Z"));
  });

  it("skips Independence Day (2024: Friday 6.12.) and May Day (2025: Thursday)", () => {
    expect(addWorkingHours(utc("2024-12-05T13:00:00Z"), 2)).toEqual(utc("2024-12-09T07:00:00Z"));
    expect(addWorkingHours(utc("2025-04-30T12:00:00Z"), 2)).toEqual(utc("2025-05-02T06:00:00Z"));
  });

  it("skips New Year's Day and Epiphany but works on New Year's Eve (2025/26)", () => {
    // Wed 31.12.2025 15:00 EET + 2 → Fri 2.1.2026 09:00; Mon 5.1.2026 15:00 + 2 → Wed 7.1. 09:00 (Tue 6.1. off)
    expect(addWorkingHours(utc("2025-12-31T13:00:00Z"), 2)).toEqual(utc("2026-01-02T07:00:00Z"));
    expect(addWorkingHours(utc("2026-01-05T13:00:00Z"), 2)).toEqual(utc("2026-01-07T07:00:00Z"));
  });

  it("crosses the change to summer time (Fri 28.3.2025 → Mon 31.3.2025)", () => {
    const start = utc("2025-03-28T13:00:00Z"); // Fri 15:00 EET
    const due = utc("2025-03-31T06:00:00Z"); // Mon 09:00 EEST
    expect(addWorkingHours(start, 2)).toEqual(due);
    expect(workingHoursBetween(start, due)).toBe(2);
  });

  it("crosses the change back to winter time (Fri 24.10.2025 → Mon 27.10.2025)", () => {
    const start = utc("2025-10-24T12:00:00Z"); // Fri 15:00 EEST
    const due = utc("2025-10-27T07:00:00Z"); // Mon 09:00 EET
    expect(addWorkingHours(start, 2)).toEqual(due);
    expect(workingHoursBetween(start, due)).toBe(2);
  });

  it("refuses negative, non-finite hours and invalid dates", () => {
    const start = utc("2025-01-15T07:00:00Z");
    expect(() => addWorkingHours(start, -1)).toThrow(RangeError);
    expect(() => addWorkingHours(start, Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingHours(start, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => workingHoursBetween(start, new Date("not a date"))).toThrow(RangeError);
  });

  it("gives up on a calendar with no working time instead of looping", () => {
    const never = defineWorkingCalendar({ isDayOff: () => true });
    expect(() => addWorkingHours(utc("2025-01-15T07:00:00Z"), 1, never)).toThrow(RangeError);
    expect(workingHoursBetween(utc("2025-01-01T00:00:00Z"), utc("2026-01-01T00:00:00Z"), never)).toBe(0);
  });
});

describe("workingHoursBetween", () => {
  it("counts 8 hours on an ordinary weekday and none at the weekend", () => {
    expect(workingHoursBetween(utc("2025-01-14T22:00:00Z"), utc("2025-01-15T22:00:00Z"))).toBe(8);
    expect(workingHoursBetween(utc("2025-01-17T22:00:00Z"), utc("2025-01-19T22:00:00Z"))).toBe(0);
    expect(workingHoursBetween(utc("2025-01-13T00:00:00Z"), utc("2025-01-20T00:00:00Z"))).toBe(40);
  });

  it("counts fractions and clips to the window", () => {
    // Wed 07:30 → 08:45 local: 0.75 h; 15:45 → 17:00: 0.25 h
    expect(workingHoursBetween(utc("2025-01-15T05:30:00Z"), utc("2025-01-15T06:45:00Z"))).toBe(0.75);
    expect(workingHoursBetween(utc("2025-01-15T13:45:00Z"), utc("2025-01-15T15:00:00Z"))).toBe(0.25);
  });

  it("is zero for equal instants and negative when the end comes first", () => {
    const a = utc("2025-01-15T07:00:00Z");
    const b = utc("2025-01-16T09:30:00Z");
    expect(workingHoursBetween(a, a)).toBe(0);
    expect(workingHoursBetween(b, a)).toBe(-workingHoursBetween(a, b));
    expect(workingHoursBetween(a, b)).toBe(10.5);
    // No working time between: +0, not -0.
    expect(workingHoursBetween(utc("2025-01-19T10:00:00Z"), utc("2025-01-18T10:00:00Z"))).toBe(0);
  });

  // Each holiday that falls on a weekday in 2024–2027 removes exactly that day's 8 hours.
  const weekdayHolidays = [2024, 2025, 2026, 2027].flatMap((year) =>
    listFinnishHolidays(year)
      .filter((h) => {
        const day = new Date(`${h.date}T00:00:00Z`).getUTCDay();
        return day >= 1 && day <= 5;
      })
      .map((h) => [h.date, h.key] as const),
  );

  it("covers every kind of weekday holiday across the four years", () => {
    expect(new Set(weekdayHolidays.map(([, key]) => key))).toEqual(
      new Set([
        "newYearsDay",
        "epiphany",
        "goodFriday",
        "easterMonday",
        "mayDay",
        "ascensionDay",
        "midsummerEve",
        "independenceDay",
        "christmasEve",
        "christmasDay",
        "boxingDay",
      ]),
    );
  });

  it.each(weekdayHolidays)("has no working hours on %s (%s)", (date) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const from = resolveWallTime({ year, month, day }, "Europe/Helsinki");
    const to = resolveWallTime({ year, month, day: day + 1 }, "Europe/Helsinki");
    expect(workingHoursBetween(from, to)).toBe(0);
    expect(workingHoursBetween(from, to, noHolidays())).toBe(8);
  });

  it("still honours holidays on a Saturday when Saturdays are working days (All Saints' Day 2025)", () => {
    const withSaturday = defineWorkingCalendar({ workingDays: [1, 2, 3, 4, 5, 6] });
    // Sat 1.11.2025 is All Saints' Day; Sat 8.11.2025 is an ordinary Saturday.
    expect(workingHoursBetween(utc("2025-10-31T22:00:00Z"), utc("2025-11-01T22:00:00Z"), withSaturday)).toBe(
      0,
    );
    expect(workingHoursBetween(utc("2025-11-07T22:00:00Z"), utc("2025-11-08T22:00:00Z"), withSaturday)).toBe(
      8,
    );
  });

  it("measures real elapsed time on the summer-time days: 23 h in spring, 25 h in autumn", () => {
    // Local midnights: 30.3.2025 00:00 EET = 29.3. 22:00Z; 31.3. 00:00 EEST = 30.3. 21:00Z
    expect(workingHoursBetween(utc("2025-03-29T22:00:00Z"), utc("2025-03-30T21:00:00Z"), allDay)).toBe(23);
    // 26.10.2025 00:00 EEST = 25.10. 21:00Z; 27.10. 00:00 EET = 26.10. 22:00Z
    expect(workingHoursBetween(utc("2025-10-25T21:00:00Z"), utc("2025-10-26T22:00:00Z"), allDay)).toBe(25);
    expect(addWorkingHours(utc("2025-03-29T22:00:00Z"), 24, allDay)).toEqual(utc("2025-03-30T22:00:00Z"));
  });

  it("handles a window that spans the clock change itself", () => {
    const night = defineWorkingCalendar({
      workingDays: [7],
      dayStart: "02:00",
      dayEnd: "05:00",
      isDayOff: () => false,
    });
    // Sun 30.3.2025 02:00 EET (00:00Z) → 05:00 EEST (02:00Z): two real hours
    expect(workingHoursBetween(utc("2025-03-29T00:00:00Z"), utc("2025-03-31T00:00:00Z"), night)).toBe(2);
    expect(addWorkingHours(utc("2025-03-29T00:00:00Z"), 2, night)).toEqual(utc("2025-03-30T02:00:00Z"));
    // Sun 26.10.2025 02:00 EEST (25.10. 23:00Z) → 05:00 EET (03:00Z): four real hours
    expect(workingHoursBetween(utc("2025-10-25T00:00:00Z"), utc("2025-10-27T00:00:00Z"), night)).toBe(4);
    // A window opening inside the spring gap opens when the clocks reach it: 04:30 EEST (01:30Z).
    const gap = defineWorkingCalendar({
      workingDays: [7],
      dayStart: "03:30",
      dayEnd: "05:00",
      isDayOff: () => false,
    });
    expect(addWorkingHours(utc("2025-03-29T00:00:00Z"), 0.25, gap)).toEqual(utc("2025-03-30T01:45:00Z"));
  });

  it("works in another zone with its own summer-time date (New York, 9.3.2025)", () => {
    const newYork = noHolidays({ timeZone: "America/New_York", dayStart: "09:00", dayEnd: "17:00" });
    // Fri 7.3. 16:00 EST (21:00Z) + 2 h → Mon 10.3. 10:00 EDT (14:00Z)
    expect(addWorkingHours(utc("2025-03-07T21:00:00Z"), 2, newYork)).toEqual(utc("2025-03-10T14:00:00Z"));
  });
});

describe("defineWorkingCalendar", () => {
  it("keeps the defaults it is not given", () => {
    const calendar = defineWorkingCalendar({ dayEnd: "15:00" });
    expect(calendar).toMatchObject({ timeZone: "Europe/Helsinki", dayStart: "08:00", dayEnd: "15:00" });
    expect(calendar.isDayOff).toBe(isFinnishHoliday);
    expect(HELSINKI_OFFICE_HOURS.workingDays).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }],
    [{ dayStart: "8:00" }],
    [{ dayStart: "24:00" }],
    [{ dayEnd: "24:01" }],
    [{ dayStart: "16:00", dayEnd: "08:00" }],
    [{ dayStart: "08:00", dayEnd: "08:00" }],
    [{ workingDays: [] }],
    [{ workingDays: [0] }],
    [{ workingDays: [8] }],
    [{ workingDays: [1.5] }],
  ])("refuses %j", (overrides) => {
    expect(() => defineWorkingCalendar(overrides as Partial<WorkingCalendar>)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties. Instants are drawn near the hard places (summer-time changes, Easter, Midsummer, Christmas)
// as well as anywhere in 2024–2027.
const ANCHORS = [
  "2024-03-27T00:00:00Z",
  "2024-10-25T00:00:00Z",
  "2025-03-27T00:00:00Z",
  "2025-04-16T00:00:00Z",
  "2025-06-18T00:00:00Z",
  "2025-10-23T00:00:00Z",
  "2025-12-20T00:00:00Z",
  "2027-03-24T00:00:00Z",
].map((iso) => Date.parse(iso));
const anyInstant = fc.oneof(
  fc
    .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 7 * 24 * HOUR }))
    .map(([a, d]) => new Date(a + d)),
  fc.date({ min: utc("2024-01-01T00:00:00Z"), max: utc("2027-12-31T00:00:00Z"), noInvalidDate: true }),
);
const hoursArb = fc.double({ min: 0, max: 300, noNaN: true });

describe("working-hours properties", () => {
  it("workingHoursBetween(a, addWorkingHours(a, h)) ≈ h", () => {
    fc.assert(
      fc.property(anyInstant, hoursArb, (a, h) => {
        expect(workingHoursBetween(a, addWorkingHours(a, h))).toBeCloseTo(h, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("addWorkingHours gives the earliest such instant: a millisecond sooner is not enough", () => {
    fc.assert(
      fc.property(anyInstant, fc.double({ min: 0.001, max: 100, noNaN: true }), (a, h) => {
        const due = addWorkingHours(a, h);
        const sooner = new Date(due.getTime() - 1);
        expect(workingHoursBetween(a, sooner)).toBeLessThan(workingHoursBetween(a, due));
      }),
      { numRuns: 200 },
    );
  });

  it("addWorkingHours is monotonic in the hours and in the start", () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, hoursArb, hoursArb, (a1, a2, h1, h2) => {
        const [early, late] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const [few, many] = h1 <= h2 ? [h1, h2] : [h2, h1];
        expect(addWorkingHours(early, few).getTime()).toBeLessThanOrEqual(
          addWorkingHours(early, many).getTime(),
        );
        expect(addWorkingHours(early, few).getTime()).toBeLessThanOrEqual(
          addWorkingHours(late, few).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("workingHoursBetween is monotonic in its end and additive over a split", () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const ab = workingHoursBetween(a, b);
        const ac = workingHoursBetween(a, c);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(ac);
        expect(ab + workingHoursBetween(b, c)).toBeCloseTo(ac, 9);
      }),
      { numRuns: 200 },
    );
  });

  it("adding in two steps lands where adding at once does (whole minutes)", () => {
    const minutes = fc.integer({ min: 0, max: 60 * 100 });
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (a, m1, m2) => {
        const once = addWorkingHours(a, (m1 + m2) / 60);
        const twice = addWorkingHours(addWorkingHours(a, m1 / 60), m2 / 60);
        expect(twice.getTime()).toBe(once.getTime());
      }),
      { numRuns: 200 },
    );
  });

  // Oracle: walk quarter-hours and ask Intl (not the code under test) for each one's local weekday and time.
  const wallParts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Helsinki",
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const QUARTER = HOUR / 4;
  const isWorkingQuarter = (ms: number): boolean => {
    const p = Object.fromEntries(wallParts.formatToParts(ms).map((part) => [part.type, part.value]));
    if (p.weekday === "Sat" || p.weekday === "Sun") return false;
    if (isFinnishHoliday(`${p.year}-${p.month}-${p.day}`)) return false;
    const minuteOfDay = Number(p.hour) * 60 + Number(p.minute);
    return minuteOfDay >= 8 * 60 && minuteOfDay < 16 * 60;
  };
  const quarterAligned = fc
    .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: 0, max: 4 * 24 * 7 }))
    .map(([anchor, q]) => anchor + q * QUARTER);

  it("agrees with counting working quarter-hours one by one across summer-time changes and holidays", () => {
    fc.assert(
      fc.property(quarterAligned, fc.integer({ min: 0, max: 4 * 24 * 14 }), (from, span) => {
        let count = 0;
        for (let t = from; t < from + span * QUARTER; t += QUARTER) if (isWorkingQuarter(t)) count++;
        expect(workingHoursBetween(new Date(from), new Date(from + span * QUARTER))).toBe(count / 4);
      }),
      { numRuns: 60 },
    );
  });

  it("agrees with the oracle on where the k-th working quarter-hour ends", () => {
    fc.assert(
      fc.property(quarterAligned, fc.integer({ min: 1, max: 4 * 8 * 6 }), (from, k) => {
        let seen = 0;
        let t = from;
        for (; seen < k; t += QUARTER) if (isWorkingQuarter(t)) seen++;
        expect(addWorkingHours(new Date(from), k / 4)).toEqual(new Date(t));
      }),
      { numRuns: 60 },
    );
  });
});
