import { describe, expect, it } from "vitest";
import { importProblems, parseDecimal, parseWhole, parseYear, sotkanetMapping } from "./staff-helpers.ts";

describe("staff form input", () => {
  it("reads numbers with a decimal comma or point, spaces and a real minus sign", () => {
    expect(parseDecimal("92,4")).toBe(92.4);
    expect(parseDecimal(" 1 250.5 ")).toBe(1250.5);
    expect(parseDecimal("\u22123,5")).toBe(-3.5);
    expect(parseDecimal("kolme")).toBeNull();
    expect(parseDecimal("1,2,3")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });

  it("takes four-digit years between 1900 and 2100 and whole numbers in a range", () => {
    expect(parseYear("2025")).toBe(2025);
    expect(parseYear("20x5")).toBeNull();
    expect(parseYear("1899")).toBeNull();
    expect(parseYear("25")).toBeNull();
    expect(parseWhole("100", 0, 100)).toBe(100);
    expect(parseWhole("101", 0, 100)).toBeNull();
    expect(parseWhole("4.5", 0, 100)).toBeNull();
  });

  it("lists import problems by row, the whole file's first", () => {
    expect(
      importProblems([
        { path: "/rows/5/value", message: "e" },
        { path: "/", message: "file" },
        { path: "/rows/3", message: "c" },
      ]),
    ).toEqual([
      { row: null, message: "file" },
      { row: 3, message: "c" },
      { row: 5, message: "e" },
    ]);
    expect(importProblems(undefined)).toEqual([]);
  });

  it("maps Sotkanet ids to keys, leaving out blank and invalid ones", () => {
    expect(sotkanetMapping({ a: " 164 ", b: "", c: "x1" })).toEqual({ "164": "a" });
  });
});
