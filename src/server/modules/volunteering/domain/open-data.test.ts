import { describe, expect, it } from "vitest";
import {
  addGroupCells,
  hoursByMonthAndTheme,
  suppressCell,
  suppressCount,
  suppressHours,
  toCsv,
} from "./open-data.ts";

describe("open data suppression", () => {
  it("hides cells with fewer than five volunteers, hours included", () => {
    expect(
      suppressHours([
        { month: "2026-12", area: "keskusta", volunteers: 4, minutes: 600 },
        { month: "2026-12", area: "jyranko", volunteers: 5, minutes: 630 },
      ]),
    ).toEqual([
      { month: "2026-12", area: "keskusta", volunteers: null, hours: null },
      { month: "2026-12", area: "jyranko", volunteers: 5, hours: 10.5 },
    ]);
    expect(suppressCount(4)).toBeNull();
    expect(suppressCount(5)).toBe(5);
  });

  it("writes RFC 4180 CSV with empty suppressed fields", () => {
    expect(toCsv(["a", "b"], [["x,y", null]])).toBe('a,b\r\n"x,y",\r\n');
  });
});

describe("hours by month and theme", () => {
  const entry = (volunteerId: string, minutes: number, themes: string[], month = "2026-12") => ({
    month,
    volunteerId,
    minutes,
    themes,
  });

  it("counts distinct volunteers per theme and counts a two-theme task's hours in both", () => {
    const people = ["a", "b", "c", "d", "e"];
    const cells = hoursByMonthAndTheme([
      ...people.map((p) => entry(p, 60, ["culture", "children_youth"])),
      entry("a", 30, ["culture"]),
      entry("f", 120, ["elderly"]),
      entry("g", 60, ["elderly"], "2027-01"),
    ]);
    expect(cells).toEqual([
      { month: "2026-12", theme: "children_youth", volunteers: 5, minutes: 300 },
      { month: "2026-12", theme: "culture", volunteers: 5, minutes: 330 },
      { month: "2026-12", theme: "elderly", volunteers: 1, minutes: 120 },
      { month: "2027-01", theme: "elderly", volunteers: 1, minutes: 60 },
    ]);
    expect(cells.map(suppressCell)).toEqual([
      { month: "2026-12", theme: "children_youth", volunteers: 5, hours: 5 },
      { month: "2026-12", theme: "culture", volunteers: 5, hours: 5.5 },
      { month: "2026-12", theme: "elderly", volunteers: null, hours: null },
      { month: "2027-01", theme: "elderly", volunteers: null, hours: null },
    ]);
  });

  it("suppresses at four volunteers however many hours they did, and publishes at five", () => {
    const four = ["a", "b", "c", "d"].map((p) => entry(p, 6000, ["sports"]));
    expect(hoursByMonthAndTheme(four).map(suppressCell)).toEqual([
      { month: "2026-12", theme: "sports", volunteers: null, hours: null },
    ]);
    expect(hoursByMonthAndTheme([...four, entry("e", 60, ["sports"])]).map(suppressCell)).toEqual([
      { month: "2026-12", theme: "sports", volunteers: 5, hours: 401 },
    ]);
  });

  it("does not count one person twice in a theme when a task repeats a theme", () => {
    const cells = hoursByMonthAndTheme([entry("a", 60, ["events", "events"])]);
    expect(cells).toEqual([{ month: "2026-12", theme: "events", volunteers: 1, minutes: 60 }]);
  });
});

describe("hours of people without a volunteer record", () => {
  it("adds each entry's people and minutes to the registered cell of the same month and area", () => {
    const cells = addGroupCells(
      [{ month: "2026-12", area: "keskusta", volunteers: 2, minutes: 240 }],
      [
        { month: "2026-12", area: "keskusta", volunteers: 4, minutes: 720 },
        { month: "2026-11", area: "lusi", volunteers: 3, minutes: 180 },
      ],
    );
    expect(cells).toEqual([
      { month: "2026-11", area: "lusi", volunteers: 3, minutes: 180 },
      { month: "2026-12", area: "keskusta", volunteers: 6, minutes: 960 },
    ]);
    // Two registered and four walk-ins reach the threshold together; three walk-ins alone stay hidden.
    expect(suppressHours(cells)).toEqual([
      { month: "2026-11", area: "lusi", volunteers: null, hours: null },
      { month: "2026-12", area: "keskusta", volunteers: 6, hours: 16 },
    ]);
  });

  it("counts a group's people in each of its task's themes, beside the distinct registered volunteers", () => {
    const cells = hoursByMonthAndTheme([
      { month: "2026-12", volunteerId: "a", minutes: 60, themes: ["events"] },
      { month: "2026-12", volunteerId: "a", minutes: 60, themes: ["events"] },
      { month: "2026-12", volunteerId: null, people: 4, minutes: 480, themes: ["events", "sports"] },
    ]);
    expect(cells).toEqual([
      { month: "2026-12", theme: "events", volunteers: 5, minutes: 600 },
      { month: "2026-12", theme: "sports", volunteers: 4, minutes: 480 },
    ]);
  });
});
