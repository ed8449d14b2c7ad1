import { readFileSync } from "node:fs";
import type { Column } from "./domain/columns.ts";
import type { PopulationCell, PopulationFigure } from "./domain/weighting.ts";

/** A parsed CSV file: the header and the records, every field as its text. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Whether each field was quoted, to tell an empty string ("") from an empty field. */
  readonly quoted: readonly (readonly boolean[])[];
}

/** A CSV that cannot be read or does not have the expected shape; the message names the file and line. */
export class CsvError extends Error {
  override name = "CsvError";
}

/**
 * Parses RFC 4180 CSV: comma separator, fields optionally in double quotes with "" for a quote, CRLF or LF
 * line ends, quoted fields may span lines. A UTF-8 byte order mark is dropped. Every record must have as many
 * fields as the header.
 */
export function parseCsv(text: string, source = "CSV"): CsvTable {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const quotedFlags: boolean[][] = [];
  let fields: string[] = [];
  let flags: boolean[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const length = input.length;
  const endRecord = () => {
    records.push(fields);
    quotedFlags.push(flags);
    fields = [];
    flags = [];
  };
  if (length === 0) throw new CsvError(`${source} is empty`);
  for (;;) {
    // One field starts at i.
    let value = "";
    let isQuoted = false;
    if (input[i] === '"') {
      isQuoted = true;
      i++;
      let start = i;
      for (;;) {
        if (i >= length) throw new CsvError(`${source} line ${recordLine}: a quoted field is not closed`);
        const ch = input[i];
        if (ch === '"') {
          if (input[i + 1] === '"') {
            value += `${input.slice(start, i)}"`;
            i += 2;
            start = i;
            continue;
          }
          value += input.slice(start, i);
          i++;
          break;
        }
        if (ch === "\n") line++;
        i++;
      }
      const next = input[i];
      if (i < length && next !== "," && next !== "\n" && next !== "\r") {
        throw new CsvError(`${source} line ${line}: unexpected text after a closing quote`);
      }
    } else {
      const start = i;
      while (i < length) {
        const ch = input[i];
        if (ch === "," || ch === "\n" || ch === "\r") break;
        if (ch === '"') throw new CsvError(`${source} line ${line}: a quote inside an unquoted field`);
        i++;
      }
      value = input.slice(start, i);
    }
    fields.push(value);
    flags.push(isQuoted);
    if (i >= length) {
      endRecord();
      break;
    }
    const ch = input[i];
    if (ch === ",") {
      i++;
      continue;
    }
    // Line end: CRLF or LF (a lone CR is taken as a line end too).
    i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
    line++;
    endRecord();
    recordLine = line;
    if (i >= length) break;
  }
  const header = records[0] ?? [];
  const rows: string[][] = [];
  const quoted: boolean[][] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as string[];
    // A blank line (e.g. a trailing one) is no record unless the file has a single column.
    if (record.length === 1 && record[0] === "" && !quotedFlags[r]?.[0] && header.length > 1) continue;
    if (record.length !== header.length) {
      throw new CsvError(
        `${source} record ${r + 1} has ${record.length} fields but the header has ${header.length}`,
      );
    }
    rows.push(record);
    quoted.push(quotedFlags[r] as boolean[]);
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(`${source}: column "${name}" appears twice in the header`);
    seen.add(name);
  }
  return { header, rows, quoted };
}

/** Reads and parses a CSV file (UTF-8). */
export function readCsvFile(path: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (code ?? "unreadable");
    throw new CsvError(`cannot read ${path}: ${reason}`);
  }
  return parseCsv(text, path);
}

/** The table as columns; an empty field means missing (README: "an empty field means missing (NA)"). */
export function csvColumns(table: CsvTable): Map<string, Column> {
  const columns = new Map<string, Column>();
  table.header.forEach((name, c) => {
    columns.set(
      name,
      table.rows.map((row) => {
        const value = row[c] as string;
        return value === "" ? null : value;
      }),
    );
  });
  return columns;
}

/** Keeps the rows whose `year` column equals `year` (the reference files carry a year per row). */
export function selectYear(
  table: CsvTable,
  year: number | undefined,
  source: string,
  yearOption = "--year",
): CsvTable {
  const c = table.header.indexOf("year");
  if (c < 0) return table;
  const years = [...new Set(table.rows.map((row) => row[c] as string))];
  if (year === undefined) {
    if (years.length > 1)
      throw new CsvError(`${source} holds years ${years.sort().join(", ")}: choose one with ${yearOption}`);
    return table;
  }
  const keep = table.rows.map((row) => Number(row[c]) === year);
  const rows = table.rows.filter((_, r) => keep[r]);
  if (rows.length === 0) throw new CsvError(`${source} has no rows for year ${year}`);
  return { header: table.header, rows, quoted: table.quoted.filter((_, r) => keep[r]) };
}

function columnIndex(table: CsvTable, name: string, source: string): number {
  const c = table.header.indexOf(name);
  if (c < 0) throw new CsvError(`${source} has no "${name}" column`);
  return c;
}

function population(value: string, source: string, record: number): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number)) {
    throw new CsvError(`${source} record ${record}: population "${value}" is not a number`);
  }
  return number;
}

/** Margins as `variable,category,population` rows (plus an optional `year`, already selected). */
export function populationFigures(table: CsvTable, source: string): PopulationFigure[] {
  const v = columnIndex(table, "variable", source);
  const c = columnIndex(table, "category", source);
  const p = columnIndex(table, "population", source);
  return table.rows.map((row, r) => ({
    variable: row[v] as string,
    category: row[c] as string,
    population: population(row[p] as string, source, r + 2),
  }));
}

/** Cross-classified cells: every column except `year` and `population` is a post-stratification variable. */
export function populationCells(
  table: CsvTable,
  source: string,
): { variables: string[]; cells: PopulationCell[] } {
  const p = columnIndex(table, "population", source);
  const variableColumns = table.header
    .map((name, c) => ({ name, c }))
    .filter(({ name }) => name !== "year" && name !== "population");
  if (variableColumns.length === 0)
    throw new CsvError(`${source} has no variable columns besides population`);
  return {
    variables: variableColumns.map(({ name }) => name),
    cells: table.rows.map((row, r) => ({
      categories: variableColumns.map(({ c }) => row[c] as string),
      population: population(row[p] as string, source, r + 2),
    })),
  };
}

/** Formats one CSV field, quoting it when it holds a comma, quote or line break. */
function formatField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Formats rows as RFC 4180 CSV with LF line ends. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(formatField).join(","))
    .join("\n")
    .concat("\n");
}
