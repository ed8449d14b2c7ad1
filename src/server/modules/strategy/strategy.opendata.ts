import type { IndicatorDetail, IndicatorSummary } from "../../../contracts/strategy.ts";

// The strategy's open data (CC BY 4.0): CSV with a header row and a data dictionary describing each column.
// Indicator values are aggregate statistics, never personal data.

export const LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  attribution: "Heinolan kaupunki, Keskiö",
};

function field(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return `${[header.join(","), ...rows.map((r) => r.map(field).join(","))].join("\r\n")}\r\n`;
}

/** indicators.csv: one row per indicator with its baseline, target, latest value and status. */
export function indicatorsCsv(indicators: readonly IndicatorSummary[]): string {
  return csv(
    [
      "key",
      "name_fi",
      "name_sv",
      "name_en",
      "unit",
      "direction",
      "baseline_year",
      "baseline_value",
      "target_year",
      "target_value",
      "latest_year",
      "latest_value",
      "status",
      "example_data",
    ],
    indicators.map((i) => [
      i.key,
      i.name.fi,
      i.name.sv ?? "",
      i.name.en ?? "",
      i.unit.fi,
      i.direction,
      i.baseline.year,
      i.baseline.value,
      i.target.year,
      i.target.value,
      i.latest?.year ?? null,
      i.latest?.value ?? null,
      i.status.status,
      i.isExampleData,
    ]),
  );
}

/** values.csv: every stored value with its breakdown and source. */
export function valuesCsv(indicators: readonly IndicatorDetail[]): string {
  return csv(
    ["indicator", "year", "period", "area", "age_group", "sex", "value", "source", "example_data"],
    indicators.flatMap((i) =>
      i.values.map((v) => [
        i.key,
        v.year,
        v.period,
        v.area,
        v.ageGroup,
        v.sex,
        v.value,
        v.source,
        i.isExampleData,
      ]),
    ),
  );
}

/** The data dictionary of both files. */
export function dataDictionary() {
  return {
    licence: LICENCE,
    files: {
      "indicators.csv": {
        key: "Stable identifier of the indicator",
        name_fi: "Name in Finnish",
        name_sv: "Name in Swedish (empty when not translated)",
        name_en: "Name in English (empty when not translated)",
        unit: "Unit of the values, in Finnish",
        direction: "Desired direction: increase, decrease or maintain",
        baseline_year: "Year of the baseline value",
        baseline_value: "Value at the start of the follow-up",
        target_year: "Year by which the target should be reached",
        target_value: "Target value",
        latest_year: "Year of the latest total value (empty when none)",
        latest_value: "Latest total value (empty when none)",
        status:
          "on_track, at_risk, off_track or no_data: the latest value against the straight path from baseline to target",
        example_data:
          "true when the values are labelled example data (esimerkkiaineisto), not real statistics",
      },
      "values.csv": {
        indicator: "Indicator key (see indicators.csv)",
        year: "Calendar year of the value",
        period: "The period: 2024, 2024-Q3 or 2024-07",
        area: "District; empty for the whole city",
        age_group: "Age group; empty for all ages",
        sex: "male or female; empty for everyone",
        value: "The value, in the indicator's unit (decimal point)",
        source: "Where it came from: manual, csv, sotkanet, or module:<figure> computed by Keskiö",
        example_data: "true when the value is labelled example data",
      },
    },
  };
}
