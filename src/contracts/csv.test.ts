import { describe, expect, it } from "vitest";
import { csvCell, formatCsvRows } from "./csv.ts";

describe("CSV", () => {
  it("quotes only what needs it and doubles quotes", () => {
    expect(csvCell("Kauppakatu 5")).toBe("Kauppakatu 5");
    expect(csvCell('Sanoi "hei", lähti')).toBe('"Sanoi ""hei"", lähti"');
    expect(csvCell("rivi 1\nrivi 2")).toBe('"rivi 1\nrivi 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("keeps spreadsheets from running a cell as a formula, but writes numbers as numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+358 40 123")).toBe("'+358 40 123");
    expect(csvCell("@lähde")).toBe("'@lähde");
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("writes a header and rows with CRLF line ends", () => {
    expect(
      formatCsvRows(
        ["label", "code"],
        [
          ["A", "K7QX-2M"],
          ["B, C", null],
        ],
      ),
    ).toBe('label,code\r\nA,K7QX-2M\r\n"B, C",\r\n');
  });
});
