import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, helsinkiParts, helsinkiToUtc } from "../../../lib/helsinki-time.ts";
import {
  findIntervalProblems,
  hoursForDays,
  hoursOn,
  isWithinOpenHours,
  openStatusAt,
  type Schedule,
  type WeeklyInterval,
} from "./opening-hours.ts";

// Monday–Friday 10–20, Saturday 10–16, Sunday closed: the shape of a library week.
const LIBRARY: Schedule = {
  weekly: [
    ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: "10:00", closes: "20:00" })),
    { weekday: 6, opens: "10:00", closes: "16:00" },
  ],
  exceptions: [],
};

function at(iso: string): Date {
  return new Date(iso);
}

describe("Helsinki time", () => {
  it("maps wall-clock times to instants on both sides of the 2027 spring change (28 March, 01:00 UTC)", () => {
    expect(helsinkiToUtc("2027-03-27", "10:00").toISOString()).toBe("2027-03-27T08:00:00.000Z");
    expect(helsinkiToUtc("2027-03-29", "10:00").toISOString()).toBe("2027-03-29T07:00:00.000Z");
    // 03:30 does not exist that night: read with the winter offset it is 04:30 summer time.
    expect(helsinkiToUtc("2027-03-28", "03:30").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(helsinkiParts(at("2027-03-28T01:30:00Z"))).toMatchObject({ date: "2027-03-28", time: "04:30" });
  });

  it("takes the first of the two 03:30s of the 2026 autumn change (25 October) and reads 24:00 as midnight", () => {
    expect(helsinkiToUtc("2026-10-25", "03:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(helsinkiToUtc("2026-10-25", "05:00").toISOString()).toBe("2026-10-25T03:00:00.000Z");
    expect(helsinkiToUtc("2026-12-31", "24:00").toISOString()).toBe("2026-12-31T22:00:00.000Z");
  });
});

describe("interval problems", () => {
  it("names an end before its start, overlaps and malformed times; touching intervals are fine", () => {
    const weekly: WeeklyInterval[] = [
      { weekday: 1, opens: "10:00", closes: "12:00" },
      { weekday: 1, opens: "12:00", closes: "16:00" },
      { weekday: 1, opens: "15:00", closes: "17:00" },
      { weekday: 2, opens: "18:00", closes: "09:00" },
      { weekday: 2, opens: "25:00", closes: "26:00" },
      { weekday: 3, opens: "15:00", closes: "17:00" },
      { weekday: 4, opens: "00:00", closes: "24:00" },
    ];
    expect(findIntervalProblems(weekly)).toEqual([
      { index: 1, problem: "overlaps" },
      { index: 2, problem: "overlaps" },
      { index: 3, problem: "ends_before_start" },
      { index: 4, problem: "bad_time" },
    ]);
  });
});

describe("hours of a date", () => {
  it("closes on holidays and customary eves unless an exception opens the space", () => {
    const schedule: Schedule<string> = {
      weekly: LIBRARY.weekly,
      exceptions: [
        {
          date: "2026-12-23",
          closed: false,
          intervals: [{ opens: "10:00", closes: "15:00" }],
          reason: "aatonaatto",
        },
      ],
    };
    const week = hoursForDays(schedule, "2026-12-21", 7);
    expect(week.map((d) => [d.date, d.source, d.intervals.length])).toEqual([
      ["2026-12-21", "regular", 1],
      ["2026-12-22", "regular", 1],
      ["2026-12-23", "exception", 1],
      ["2026-12-24", "holiday", 0],
      ["2026-12-25", "holiday", 0],
      ["2026-12-26", "holiday", 0],
      ["2026-12-27", "regular", 0],
    ]);
    expect(week[3]?.holiday).toBe("christmasEve");
    const opened: Schedule<string> = {
      weekly: LIBRARY.weekly,
      exceptions: [
        {
          date: "2026-12-24",
          closed: false,
          intervals: [{ opens: "09:00", closes: "12:00" }],
          reason: "joulupuuro",
        },
      ],
    };
    expect(hoursOn(opened, "2026-12-24")).toMatchObject({
      source: "exception",
      holiday: "christmasEve",
      reason: "joulupuuro",
      intervals: [{ opens: "09:00", closes: "12:00" }],
    });
    const closed: Schedule<string> = {
      weekly: LIBRARY.weekly,
      exceptions: [{ date: "2026-12-01", closed: true, intervals: [], reason: "inventaario" }],
    };
    expect(hoursOn(closed, "2026-12-01")).toMatchObject({ source: "exception", intervals: [] });
  });
});

describe("open now", () => {
  it("is open until 20:00 on a Friday evening and opens on Saturday at 10:00 after closing", () => {
    expect(openStatusAt(LIBRARY, at("2026-12-04T17:00:00Z"))).toEqual({
      isOpen: true,
      closesAt: at("2026-12-04T18:00:00Z"),
    });
    expect(openStatusAt(LIBRARY, at("2026-12-04T18:30:00Z"))).toEqual({
      isOpen: false,
      opensAt: at("2026-12-05T08:00:00Z"),
    });
  });

  it("skips Sunday and Independence Day: after Saturday's closing it opens on Monday 7 December", () => {
    expect(openStatusAt(LIBRARY, at("2026-12-05T15:00:00Z"))).toEqual({
      isOpen: false,
      opensAt: at("2026-12-07T08:00:00Z"),
    });
  });

  it("keeps 10:00 local across the spring change and skips Easter Monday (2027-03-29)", () => {
    // Saturday 27 March closes at 16:00 winter time; 10:00 on Tuesday is 07:00 UTC in summer time.
    expect(openStatusAt(LIBRARY, at("2027-03-27T15:00:00Z"))).toEqual({
      isOpen: false,
      opensAt: at("2027-03-30T07:00:00Z"),
    });
  });

  it("joins an evening to midnight with the night after it", () => {
    const late: Schedule = {
      weekly: [
        { weekday: 5, opens: "20:00", closes: "24:00" },
        { weekday: 6, opens: "00:00", closes: "02:00" },
      ],
      exceptions: [],
    };
    expect(openStatusAt(late, at("2026-12-04T21:00:00Z"))).toEqual({
      isOpen: true,
      closesAt: at("2026-12-05T00:00:00Z"),
    });
  });

  it("has no next opening when nothing opens within four weeks", () => {
    expect(openStatusAt({ weekly: [], exceptions: [] }, at("2026-12-04T12:00:00Z"))).toEqual({
      isOpen: false,
      opensAt: null,
    });
  });

  it("tells whether an event lies inside the open hours", () => {
    expect(isWithinOpenHours(LIBRARY, at("2026-12-04T10:00:00Z"), at("2026-12-04T12:00:00Z"))).toBe(true);
    expect(isWithinOpenHours(LIBRARY, at("2026-12-04T17:00:00Z"), at("2026-12-04T19:00:00Z"))).toBe(false);
    expect(isWithinOpenHours(LIBRARY, at("2026-12-06T10:00:00Z"), at("2026-12-06T11:00:00Z"))).toBe(false);
  });
});

// A random week: per day up to three sorted, non-overlapping intervals on a 15-minute grid.
const dayIntervals = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const out: { opens: string; closes: string }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      out.push({ opens: quarter(sorted[i] ?? 0), closes: quarter(sorted[i + 1] ?? 0) });
    }
    return out;
  });
const weekArb = fc
  .array(dayIntervals, { minLength: 7, maxLength: 7 })
  .map((days) =>
    days.flatMap((intervals, i) => intervals.map((interval) => ({ weekday: i + 1, ...interval }))),
  );
// Instants from 2026 to 2028, which cover two spring and two autumn changes.
const instantArb = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));

function quarter(n: number): string {
  if (n === 96) return "24:00";
  return `${String(Math.floor(n / 4)).padStart(2, "0")}:${String((n % 4) * 15).padStart(2, "0")}`;
}

// A day on which the clocks change: its midnight-to-midnight length is not 24 hours.
function isChangeDay(date: string): boolean {
  return helsinkiToUtc(date, "24:00").getTime() - helsinkiToUtc(date, "00:00").getTime() !== 86_400_000;
}

describe("open now, for any week (property)", () => {
  it("agrees with the wall clock: open exactly when the local time lies in one of the date's intervals", () => {
    fc.assert(
      fc.property(weekArb, instantArb, (weekly, now) => {
        const local = helsinkiParts(now);
        fc.pre(!isChangeDay(local.date));
        const schedule: Schedule = { weekly, exceptions: [] };
        const inInterval = hoursOn(schedule, local.date).intervals.some(
          (i) => i.opens <= local.time && local.time < i.closes,
        );
        expect(openStatusAt(schedule, now).isOpen).toBe(inInterval);
      }),
      { numRuns: 300 },
    );
  });

  it("closes when it says and opens when it says, across the summer-time changes too", () => {
    fc.assert(
      fc.property(weekArb, instantArb, (weekly, now) => {
        const schedule: Schedule = { weekly, exceptions: [] };
        const status = openStatusAt(schedule, now);
        if (status.isOpen) {
          expect(status.closesAt.getTime()).toBeGreaterThan(now.getTime());
          expect(openStatusAt(schedule, new Date(status.closesAt.getTime() - 60_000)).isOpen).toBe(true);
          expect(openStatusAt(schedule, status.closesAt).isOpen).toBe(false);
        } else if (status.opensAt) {
          expect(status.opensAt.getTime()).toBeGreaterThan(now.getTime());
          expect(openStatusAt(schedule, status.opensAt).isOpen).toBe(true);
          const middle = new Date((now.getTime() + status.opensAt.getTime()) / 2);
          expect(openStatusAt(schedule, middle)).toEqual({ isOpen: false, opensAt: status.opensAt });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("lists a week of seven consecutive dates whatever the start", () => {
    fc.assert(
      fc.property(instantArb, (now) => {
        const from = helsinkiParts(now).date;
        const week = hoursForDays(LIBRARY, from);
        expect(week.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => addDays(from, i)));
      }),
    );
  });
});
