import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectDelimiter,
  type ExistingValue,
  findSotkanetRegionId,
  type ImportContext,
  type ImportResult,
  importErrorMessage,
  parseCsv,
  parseNumber,
  previewCsvImport,
  previewSotkanetImport,
  type SotkanetMapping,
} from "./import-values.ts";

const existing: ExistingValue[] = [
  { indicator: "unemployment", year: 2022, area: null, ageGroup: null, sex: null, value: 11.2 },
  { indicator: "unemployment", year: 2023, area: null, ageGroup: null, sex: null, value: 10.9 },
  { indicator: "loneliness-75", year: 2022, area: null, ageGroup: null, sex: "female", value: 36 },
];
const context: ImportContext = {
  knownIndicators: new Set(["unemployment", "loneliness-75", "youth-activity"]),
  existing,
};

function errorsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected errors, got a preview");
  return result.errors.map((e) => ({ row: e.row, code: e.code, field: e.field }));
}
function previewOf(result: ImportResult) {
  if (!result.ok)
    throw new Error(`expected a preview, got ${JSON.stringify(result.errors.map((e) => e.message.en))}`);
  return result.preview;
}

describe("CSV syntax (RFC 4180)", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, and numbers records by row", () => {
    const parsed = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\n', ",");
    expect(parsed).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ["a", "b"] },
        { row: 2, fields: ["x, y", 'say "hi"'] },
        { row: 3, fields: ["two\nlines", "z"] },
      ],
    });
  });

  it("accepts LF and CR line ends, a byte-order mark, and a missing final line break", () => {
    expect(parseCsv("\uFEFFa;b\rc;d", ";")).toEqual({
      ok: true,
      records: [
        { row: 1, fields: ["a", "b"] },
        { row: 2, fields: ["c", "d"] },
      ],
    });
  });

  it("reports an unclosed quote and text after a closing quote", () => {
    expect(parseCsv('a,b\n"open,1\n2,3\n', ",")).toEqual({ ok: false, row: 2, code: "unterminated_quote" });
    expect(parseCsv('a,b\n"x"y,1\n', ",")).toEqual({ ok: false, row: 2, code: "bad_quote" });
  });

  it("detects the delimiter from the header outside quotes", () => {
    expect(detectDelimiter("indicator;year;value\nx;2020;1,5")).toBe(";");
    expect(detectDelimiter("indicator,year,value\nx,2020,1.5")).toBe(",");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
  });

  it("round-trips arbitrary fields written with RFC 4180 quoting (property)", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "ä", " ", ",", ";", '"', "\n", "\r\n", "1") });
    fc.assert(
      fc.property(
        fc.constantFrom<";" | ",">(";", ","),
        fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (delimiter, rows) => {
          const text = rows
            .map((r) => r.map((f) => `"${f.replaceAll('"', '""')}"`).join(delimiter))
            .join("\r\n");
          const parsed = parseCsv(text, delimiter);
          expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});

describe("numbers in imports", () => {
  it.each([
    ["9.8", ",", 9.8],
    ["-3", ",", -3],
    ["9,8", ";", 9.8],
    ["9.8", ";", 9.8],
    ["17 827,5", ";", 17827.5],
    ["17\u00A0827", ";", 17827],
    ["\u22122,5", ";", -2.5],
    [".5", ",", 0.5],
  ] as const)("%j with %j → %d", (text, delimiter, value) => {
    expect(parseNumber(text, delimiter)).toBe(value);
  });

  it.each([
    ["9,8", ","],
    ["n/a", ";"],
    ["12 %", ";"],
    ["1e3", ","],
    ["1 2", ";"],
    ["1,234.5", ";"],
    ["", ","],
    ["0x10", ","],
  ] as const)("rejects %j with %j", (text, delimiter) => {
    expect(parseNumber(text, delimiter)).toBeNull();
  });
});

describe("CSV import", () => {
  it("previews every row as new, changed or unchanged against the stored values", () => {
    const csv = [
      "indicator,year,value,area,age_group,sex",
      "unemployment,2022,11.2,,,",
      "unemployment,2023,10.4,,,",
      "unemployment,2024,9.9,,,",
      "loneliness-75,2022,37,,,female",
      "loneliness-75,2022,30,,,male",
      'youth-activity,2023,41.5,"Jyränkö, Rautsalo",13-15,total',
    ].join("\r\n");
    const preview = previewOf(previewCsvImport(csv, context));
    expect(preview.counts).toEqual({ new: 3, changed: 2, unchanged: 1 });
    expect(preview.rows.map((r) => [r.row, r.change, r.previous, r.value])).toEqual([
      [2, "unchanged", 11.2, 11.2],
      [3, "changed", 10.9, 10.4],
      [4, "new", null, 9.9],
      [5, "changed", 36, 37],
      [6, "new", null, 30],
      [7, "new", null, 41.5],
    ]);
    expect(preview.rows[5]).toMatchObject({ area: "Jyränkö, Rautsalo", ageGroup: "13-15", sex: null });
  });

  it("reads a Finnish Excel file: semicolons, decimal commas, columns in any order, blank lines", () => {
    const csv = '\uFEFFYear;Indicator;Value\n2023;unemployment;10,9\n\n2024;unemployment;"9,9"\n';
    const preview = previewOf(previewCsvImport(csv, context));
    expect(preview.rows.map((r) => [r.row, r.year, r.value, r.change])).toEqual([
      [2, 2023, 10.9, "unchanged"],
      [4, 2024, 9.9, "new"],
    ]);
  });

  it("reports each bad row with its row number and imports nothing", () => {
    const csv = [
      "indicator,year,value",
      "unemployment,2024,9.9", // fine, but the file as a whole is rejected
      "unemployment,20x4,9.9", // wrong year
      "unemployment,1850,9.9", // year out of range
      "unemployment,2020.5,9.9", // not an integer
      "unemployment,2021,ten", // text in a number
      'unemployment,2019,"9,9"', // decimal comma with a comma delimiter
      "employment-rate,2024,70", // unknown indicator
      "unemployment,2024,9.8", // duplicate of row 2
      "unemployment,,9.8", // missing field
      "unemployment,2018", // too few fields
    ].join("\n");
    const result = previewCsvImport(csv, context);
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      { row: 3, code: "invalid_year", field: "year" },
      { row: 4, code: "year_out_of_range", field: "year" },
      { row: 5, code: "invalid_year", field: "year" },
      { row: 6, code: "invalid_number", field: "value" },
      { row: 7, code: "invalid_number", field: "value" },
      { row: 8, code: "unknown_indicator", field: "indicator" },
      { row: 9, code: "duplicate_row", field: null },
      { row: 10, code: "missing_field", field: "year" },
      { row: 11, code: "field_count", field: null },
    ]);
    expect("preview" in result).toBe(false);
  });

  it("reports several problems of one row together", () => {
    const result = previewCsvImport("indicator;year;value;sex\nnope;3000;abc;both\n", context);
    expect(errorsOf(result)).toEqual([
      { row: 2, code: "unknown_indicator", field: "indicator" },
      { row: 2, code: "year_out_of_range", field: "year" },
      { row: 2, code: "invalid_number", field: "value" },
      { row: 2, code: "invalid_sex", field: "sex" },
    ]);
  });

  it("words every error in Finnish, Swedish and English, quoting what was wrong", () => {
    const result = previewCsvImport("indicator,year,value\nunemployment,2021,ten\nmystery,2021,1\n", context);
    if (result.ok) throw new Error("expected errors");
    expect(result.errors[0]?.message).toEqual({
      fi: "Arvo ”ten” ei ole luku.",
      sv: "Värdet ”ten” är inte ett tal.",
      en: "The value “ten” is not a number.",
    });
    expect(result.errors[1]?.message.fi).toBe("Tuntematon mittari ”mystery”.");
    expect(importErrorMessage("duplicate_row", { firstRow: 4 }, "sv")).toBe(
      "Samma indikator, år och grupp finns redan på rad 4.",
    );
    const long = previewCsvImport(`indicator,year,value\nunemployment,2021,${"x".repeat(100)}\n`, context);
    expect(long.ok || long.errors[0]?.message.en).toBe(`The value “${"x".repeat(40)}…” is not a number.`);
  });

  it("checks the header", () => {
    expect(errorsOf(previewCsvImport("", context))).toEqual([{ row: 1, code: "empty_file", field: null }]);
    expect(errorsOf(previewCsvImport("indicator,value,region\nx,1,2\n", context))).toEqual([
      { row: 1, code: "unknown_column", field: null },
      { row: 1, code: "missing_column", field: "year" },
    ]);
    expect(errorsOf(previewCsvImport("indicator,year,value,year\n", context))).toEqual([
      { row: 1, code: "duplicate_column", field: "year" },
    ]);
  });

  it("reports broken quoting as one error and limits the number of rows", () => {
    expect(errorsOf(previewCsvImport('indicator,year,value\nunemployment,2021,"1\n', context))).toEqual([
      { row: 2, code: "unterminated_quote", field: null },
    ]);
    const rows = [
      "indicator,year,value",
      "unemployment,2021,1",
      "unemployment,2022,1",
      "unemployment,2023,1",
    ];
    expect(errorsOf(previewCsvImport(rows.join("\n"), { ...context, maxRows: 2 }))).toEqual([
      { row: null, code: "too_many_rows", field: null },
    ]);
    expect(previewCsvImport(rows.join("\n"), { ...context, maxRows: 3 }).ok).toBe(true);
  });

  it("accepts a header alone as an empty import", () => {
    expect(previewOf(previewCsvImport("indicator,year,value\n", context)).rows).toEqual([]);
  });

  it("imports all rows of a valid file or none of any file with a bad row (property)", () => {
    const goodRow = fc.record({
      indicator: fc.constantFrom("unemployment", "loneliness-75"),
      year: fc.integer({ min: 1900, max: 2100 }),
      value: fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(goodRow, { selector: (r) => `${r.indicator}/${r.year}`, maxLength: 20 }),
        fc.option(fc.constantFrom("x,2020,1", "unemployment,99,1", "unemployment,2020,abc"), {
          nil: undefined,
        }),
        fc.nat(),
        (rows, bad, at) => {
          const lines = rows.map((r) => `${r.indicator};${r.year};${String(r.value).replace(".", ",")}`);
          if (bad !== undefined) lines.splice(at % (lines.length + 1), 0, bad.replaceAll(",", ";"));
          const result = previewCsvImport(["indicator;year;value", ...lines].join("\n"), context);
          if (bad === undefined) {
            expect(
              previewOf(result).rows.map((r) => ({ indicator: r.indicator, year: r.year, value: r.value })),
            ).toEqual(rows);
          } else {
            expect(errorsOf(result)).toHaveLength(1);
          }
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Sotkanet. The rows have the shape of https://sotkanet.fi/rest/1.1/json (see shared/finland.md §2a); the
// region ids here are made up for the test, since the real id is looked up from /regions at sync time.

const HEINOLA = 9111;
const LAHTI = 9398;
const mapping: SotkanetMapping = {
  indicators: new Map([
    [181, "unemployment"],
    [3136, "loneliness-75"],
  ]),
  regionId: HEINOLA,
};
const sotkanetSample = [
  { indicator: 181, region: HEINOLA, year: 2022, gender: "total", value: 11.2, absValue: 870 },
  { indicator: 181, region: HEINOLA, year: 2023, gender: "total", value: 10.6, absValue: 812 },
  { indicator: 181, region: LAHTI, year: 2023, gender: "total", value: 13.9, absValue: 8402 },
  { indicator: 3136, region: HEINOLA, year: 2022, gender: "female", value: 36 },
  { indicator: 3136, region: HEINOLA, year: 2022, gender: "male", value: null },
  { indicator: 3136, region: HEINOLA, year: 2024, gender: "total", value: 33.5 },
];

describe("Sotkanet import", () => {
  it("takes the one region, maps indicators and genders, skips withheld values, and previews the change", () => {
    const preview = previewOf(previewSotkanetImport(sotkanetSample, mapping, context));
    expect(preview.skipped).toEqual({ otherRegion: 1, noValue: 1 });
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 2 });
    expect(preview.rows).toEqual([
      {
        row: 1,
        indicator: "unemployment",
        year: 2022,
        area: null,
        ageGroup: null,
        sex: null,
        value: 11.2,
        change: "unchanged",
        previous: 11.2,
      },
      {
        row: 2,
        indicator: "unemployment",
        year: 2023,
        area: null,
        ageGroup: null,
        sex: null,
        value: 10.6,
        change: "changed",
        previous: 10.9,
      },
      {
        row: 4,
        indicator: "loneliness-75",
        year: 2022,
        area: null,
        ageGroup: null,
        sex: "female",
        value: 36,
        change: "unchanged",
        previous: 36,
      },
      {
        row: 6,
        indicator: "loneliness-75",
        year: 2024,
        area: null,
        ageGroup: null,
        sex: null,
        value: 33.5,
        change: "new",
        previous: null,
      },
    ]);
  });

  it("reports bad rows of its region and imports nothing", () => {
    const rows = [
      ...sotkanetSample,
      { indicator: 9999, region: HEINOLA, year: 2023, gender: "total", value: 1 }, // 7: not mapped
      { indicator: 181, region: HEINOLA, year: 2024, gender: "total", value: "9,8" }, // 8: text in a number
      { indicator: 181, region: HEINOLA, year: 2024.5, gender: "total", value: 9.8 }, // 9: wrong year
      { indicator: 181, region: HEINOLA, year: "2024", gender: "total", value: 9.8 }, // 10: year as text
      { indicator: 181, region: HEINOLA, year: 2024, gender: "both", value: 9.8 }, // 11: unknown gender
      { indicator: 181, region: HEINOLA, year: 2022, gender: "total", value: 11.3 }, // 12: duplicate of row 1
      { indicator: 181, region: HEINOLA, year: 2024, gender: "total" }, // 13: no value field
      "181;46;2024", // 14: not an object
      { indicator: 9999, region: LAHTI, year: 2023, gender: "total", value: 1 }, // other region: skipped unchecked
    ];
    expect(errorsOf(previewSotkanetImport(rows, mapping, context))).toEqual([
      { row: 7, code: "unmapped_sotkanet_indicator", field: "indicator" },
      { row: 8, code: "invalid_number", field: "value" },
      { row: 9, code: "invalid_year", field: "year" },
      { row: 10, code: "invalid_year", field: "year" },
      { row: 11, code: "invalid_sex", field: "gender" },
      { row: 12, code: "duplicate_row", field: null },
      { row: 13, code: "missing_field", field: "value" },
      { row: 14, code: "not_a_row", field: null },
    ]);
  });

  it("rejects a mapping to an indicator Keskiö does not have, and a file that is not a list", () => {
    const stale = { ...mapping, indicators: new Map([[181, "retired-indicator"]]) };
    const rows = [{ indicator: 181, region: HEINOLA, year: 2023, gender: "total", value: 10 }];
    expect(errorsOf(previewSotkanetImport(rows, stale, context))).toEqual([
      { row: 1, code: "unknown_indicator", field: "indicator" },
    ]);
    expect(errorsOf(previewSotkanetImport({ rows }, mapping, context))).toEqual([
      { row: null, code: "not_a_list", field: null },
    ]);
  });

  it("finds a municipality's internal region id by its code", () => {
    const regions = [
      { id: 5, code: "111", category: "SAIRAANHOITOPIIRI" },
      { id: HEINOLA, code: "111", category: "KUNTA" },
      { id: LAHTI, code: "398", category: "KUNTA" },
    ];
    expect(findSotkanetRegionId(regions, "111")).toBe(HEINOLA);
    expect(findSotkanetRegionId(regions, "0111")).toBe(HEINOLA);
    expect(findSotkanetRegionId(regions, "091")).toBeNull();
  });
});
