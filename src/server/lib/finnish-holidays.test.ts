import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeEasterSunday,
  type FinnishHolidayKey,
  findFinnishHolidays,
  HOLIDAY_YEAR_RANGE,
  isFinnishHoliday,
  listFinnishHolidays,
} from "./finnish-holidays.ts";

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
const dateOf = (year: number, key: FinnishHolidayKey): string => {
  const found = listFinnishHolidays(year).find((h) => h.key === key);
  if (!found) throw new Error(`no ${key} in ${year}`);
  return found.date;
};

describe("computeEasterSunday", () => {
  // Western (Gregorian) Easter from published tables; the extremes are 22 March and 25 April.
  it.each([
    [1818, "1818-03-22"],
    [1900, "1900-04-15"],
    [1943, "1943-04-25"],
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2020, "2020-04-12"],
    [2021, "2021-04-04"],
    [2022, "2022-04-17"],
    [2023, "2023-04-09"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2028, "2028-04-16"],
    [2029, "2029-04-01"],
    [2030, "2030-04-21"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, date) => {
    expect(computeEasterSunday(year)).toBe(date);
  });

  it("always gives a Sunday from 22 March to 25 April", () => {
    fc.assert(
      fc.property(fc.integer(HOLIDAY_YEAR_RANGE), (year) => {
        const easter = computeEasterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter.slice(5) >= "03-22" && easter.slice(5) <= "04-25").toBe(true);
        expect(easter.slice(0, 4)).toBe(String(year));
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses years outside the Gregorian four-digit range", () => {
    expect(() => computeEasterSunday(1582)).toThrow(RangeError);
    expect(() => computeEasterSunday(10_000)).toThrow(RangeError);
    expect(() => computeEasterSunday(2025.5)).toThrow(RangeError);
  });
});

describe("listFinnishHolidays", () => {
  const expected: Record<number, Array<[FinnishHolidayKey, string]>> = {
    2024: [
      ["newYearsDay", "2024-01-01"],
      ["epiphany", "2024-01-06"],
      ["goodFriday", "2024-03-29"],
      ["easterSunday", "2024-03-31"],
      ["easterMonday", "2024-04-01"],
      ["mayDay", "2024-05-01"],
      ["ascensionDay", "2024-05-09"],
      ["pentecost", "2024-05-19"],
      ["midsummerEve", "2024-06-21"],
      ["midsummerDay", "2024-06-22"],
      ["allSaintsDay", "2024-11-02"],
      ["independenceDay", "2024-12-06"],
      ["christmasEve", "2024-12-24"],
      ["christmasDay", "2024-12-25"],
      ["boxingDay", "2024-12-26"],
    ],
    2025: [
      ["newYearsDay", "2025-01-01"],
      ["epiphany", "2025-01-06"],
      ["goodFriday", "2025-04-18"],
      ["easterSunday", "2025-04-20"],
      ["easterMonday", "2025-04-21"],
      ["mayDay", "2025-05-01"],
      ["ascensionDay", "2025-05-29"],
      ["pentecost", "2025-06-08"],
      ["midsummerEve", "2025-06-20"],
      ["midsummerDay", "2025-06-21"],
      ["allSaintsDay", "2025-11-01"],
      ["independenceDay", "2025-12-06"],
      ["christmasEve", "2025-12-24"],
      ["christmasDay", "2025-12-25"],
      ["boxingDay", "2025-12-26"],
    ],
    2026: [
      ["newYearsDay", "2026-01-01"],
      ["epiphany", "2026-01-06"],
      ["goodFriday", "2026-04-03"],
      ["easterSunday", "2026-04-05"],
      ["easterMonday", "2026-04-06"],
      ["mayDay", "2026-05-01"],
      ["ascensionDay", "2026-05-14"],
      ["pentecost", "2026-05-24"],
      ["midsummerEve", "2026-06-19"],
      ["midsummerDay", "2026-06-20"],
      ["allSaintsDay", "2026-10-31"],
      ["independenceDay", "2026-12-06"],
      ["christmasEve", "2026-12-24"],
      ["christmasDay", "2026-12-25"],
      ["boxingDay", "2026-12-26"],
    ],
    2027: [
      ["newYearsDay", "2027-01-01"],
      ["epiphany", "2027-01-06"],
      ["goodFriday", "2027-03-26"],
      ["easterSunday", "2027-03-28"],
      ["easterMonday", "2027-03-29"],
      ["mayDay", "2027-05-01"],
      ["ascensionDay", "2027-05-06"],
      ["pentecost", "2027-05-16"],
      ["midsummerEve", "2027-06-25"],
      ["midsummerDay", "2027-06-26"],
      ["allSaintsDay", "2027-11-06"],
      ["independenceDay", "2027-12-06"],
      ["christmasEve", "2027-12-24"],
      ["christmasDay", "2027-12-25"],
      ["boxingDay", "2027-12-26"],
    ],
  };

  it.each([2024, 2025, 2026, 2027])("lists the holidays of %i in date order", (year) => {
    const customary = new Set<FinnishHolidayKey>(["midsummerEve", "christmasEve"]);
    expect(listFinnishHolidays(year)).toEqual(
      (expected[year] ?? []).map(([key, date]) => ({
        key,
        date,
        kind: customary.has(key) ? "customary" : "public",
      })),
    );
  });

  it("puts every movable holiday on its weekday and in its window, in any year", () => {
    fc.assert(
      fc.property(fc.integer(HOLIDAY_YEAR_RANGE), (year) => {
        const easter = new Date(`${computeEasterSunday(year)}T00:00:00Z`).getTime();
        const plusDays = (n: number): string => new Date(easter + n * 86_400_000).toISOString().slice(0, 10);
        expect(dateOf(year, "goodFriday")).toBe(plusDays(-2));
        expect(dateOf(year, "easterMonday")).toBe(plusDays(1));
        expect(dateOf(year, "ascensionDay")).toBe(plusDays(39));
        expect(weekday(dateOf(year, "ascensionDay"))).toBe(4);
        expect(dateOf(year, "pentecost")).toBe(plusDays(49));

        const eve = dateOf(year, "midsummerEve");
        expect(weekday(eve)).toBe(5);
        expect(eve >= `${year}-06-19` && eve <= `${year}-06-25`).toBe(true);
        const midsummer = dateOf(year, "midsummerDay");
        expect(weekday(midsummer)).toBe(6);
        expect(midsummer >= `${year}-06-20` && midsummer <= `${year}-06-26`).toBe(true);
        const allSaints = dateOf(year, "allSaintsDay");
        expect(weekday(allSaints)).toBe(6);
        expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);

        const list = listFinnishHolidays(year);
        expect(list).toHaveLength(15);
        expect(list.map((h) => h.date)).toEqual(list.map((h) => h.date).sort());
      }),
      { numRuns: 500 },
    );
  });

  it("marks only Midsummer Eve and Christmas Eve as customary", () => {
    const customary = listFinnishHolidays(2025)
      .filter((h) => h.kind === "customary")
      .map((h) => h.key);
    expect(customary).toEqual(["midsummerEve", "christmasEve"]);
  });

  it("returns the same frozen list on repeated calls", () => {
    const first = listFinnishHolidays(2031);
    expect(listFinnishHolidays(2031)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
  });
});

describe("findFinnishHolidays and isFinnishHoliday", () => {
  it("finds both holidays when Ascension Day falls on May Day (2008)", () => {
    expect(findFinnishHolidays("2008-05-01").map((h) => h.key)).toEqual(["mayDay", "ascensionDay"]);
  });

  it.each([
    "2025-01-01",
    "2025-01-06",
    "2025-04-18",
    "2025-04-20",
    "2025-04-21",
    "2025-05-01",
    "2025-05-29",
    "2025-06-08",
    "2025-06-20",
    "2025-06-21",
    "2025-11-01",
    "2025-12-06",
    "2025-12-24",
    "2025-12-25",
    "2025-12-26",
  ])("counts %s as a holiday", (date) => {
    expect(isFinnishHoliday(date)).toBe(true);
  });

  it.each([
    ["2025-12-31", "New Year's Eve"],
    ["2025-04-17", "Maundy Thursday"],
    ["2025-04-30", "May Day Eve"],
    ["2025-06-09", "Whit Monday, abolished in 1973"],
    ["2025-12-23", "an ordinary Tuesday"],
    ["2025-06-19", "the Thursday before Midsummer Eve"],
    ["2025-10-31", "the Friday before All Saints' Day"],
  ])("does not count %s (%s)", (date) => {
    expect(isFinnishHoliday(date)).toBe(false);
  });

  it("refuses malformed dates", () => {
    expect(() => findFinnishHolidays("2025-1-1")).toThrow(RangeError);
    expect(() => isFinnishHoliday("1.1.2025")).toThrow(RangeError);
  });
});
