import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CsvError,
  csvColumns,
  formatCsv,
  parseCsv,
  populationCells,
  populationFigures,
  readCsvFile,
  selectYear,
} from "./survey.csv.ts";

describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and CRLF line ends", () => {
    const table = parseCsv('"id","note",n\r\n"a","x, ""y""",1\r\n"b","two\r\nlines",2\r\n');
    expect(table.header).toEqual(["id", "note", "n"]);
    expect(table.rows).toEqual([
      ["a", 'x, "y"', "1"],
      ["b", "two\r\nlines", "2"],
    ]);
  });

  it("keeps non-ASCII text, drops a byte order mark and a missing final line end", () => {
    const table = parseCsv('\ufeffarea,q1\n"Jyränkö",3\nVierumäki,');
    expect(table.header).toEqual(["area", "q1"]);
    expect(table.rows).toEqual([
      ["Jyränkö", "3"],
      ["Vierumäki", ""],
    ]);
  });

  it("treats an empty field as missing in columns", () => {
    const columns = csvColumns(parseCsv('id,q1,q3\n1,,"yes"\n2,4,\n'));
    expect(columns.get("q1")).toEqual([null, "4"]);
    expect(columns.get("q3")).toEqual(["yes", null]);
  });

  it("rejects malformed input with the line", () => {
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseCsv("a,b\n1,2,3\n")).toThrow(/record 2 has 3 fields but the header has 2/);
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrow(/unexpected text after a closing quote/);
    expect(() => parseCsv('a,b\nx"y,2\n')).toThrow(/quote inside an unquoted field/);
    expect(() => parseCsv("a,a\n1,2\n")).toThrow(/appears twice/);
    expect(() => parseCsv("")).toThrow(CsvError);
  });

  it("round-trips through formatCsv", () => {
    const rows = [
      ["H25-0001", 'say "hi"', "1,5"],
      ["H25-0002", "line\nbreak", ""],
    ];
    expect(parseCsv(formatCsv(["id", "text", "value"], rows)).rows).toEqual(rows);
  });
});

describe("population files", () => {
  const margins = parseCsv(
    '"year","variable","category","population"\n2025,"sex","female",10\n2025,"sex","male",12\n2024,"sex","female",9\n',
  );

  it("selects one year and insists on a choice when several are present", () => {
    expect(populationFigures(selectYear(margins, 2025, "m.csv"), "m.csv")).toEqual([
      { variable: "sex", category: "female", population: 10 },
      { variable: "sex", category: "male", population: 12 },
    ]);
    expect(() => selectYear(margins, undefined, "m.csv")).toThrow(/holds years 2024, 2025/);
    expect(() => selectYear(margins, 2023, "m.csv")).toThrow(/no rows for year 2023/);
  });

  it("reads post-stratification cells with every non-year column as a variable", () => {
    const cells = populationCells(parseCsv("age,sex,population\n15-29,female,1100\n"), "c.csv");
    expect(cells).toEqual({
      variables: ["age", "sex"],
      cells: [{ categories: ["15-29", "female"], population: 1100 }],
    });
    expect(() =>
      populationFigures(parseCsv("variable,category,population\nsex,female,lots\n"), "m.csv"),
    ).toThrow(/population "lots" is not a number/);
  });

  it("reads files and says plainly when one is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "keskio-csv-"));
    writeFileSync(join(dir, "a.csv"), "x,y\n1,2\n");
    expect(readCsvFile(join(dir, "a.csv")).rows).toEqual([["1", "2"]]);
    expect(() => readCsvFile(join(dir, "missing.csv"))).toThrow(/cannot read .*missing.csv: no such file/);
  });
});
