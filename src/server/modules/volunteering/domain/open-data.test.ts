import { describe, expect, it } from "vitest";
import { suppressCount, suppressHours, toCsv } from "./open-data.ts";

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
