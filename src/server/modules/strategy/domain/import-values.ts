// Parsing and validation of indicator value imports (issue 4, item 2): a CSV file or THL Sotkanet JSON rows
// become either a complete preview of the change (new / changed / unchanged per row) or a list of errors
// per row, never both, so that an import is all or nothing. No I/O: the service reads the file and the
// existing values, shows the preview, and writes it in one transaction when staff confirm.
import type { Locale } from "../../../../contracts/localized-text.ts";

/** Which value a row addresses: the indicator, the year and the breakdown (null = the total). */
export interface ValueKey {
  readonly indicator: string;
  readonly year: number;
  readonly area: string | null;
  readonly ageGroup: string | null;
  readonly sex: Sex | null;
}

/** Breakdown by sex; "total" rows are stored without a sex (sex null). */
export type Sex = "male" | "female";

/** A value already stored, to compare the import with. */
export interface ExistingValue extends ValueKey {
  readonly value: number;
}

/** What an imported row would do. */
export type ChangeKind = "new" | "changed" | "unchanged";

/** One valid row of the import and what it would change. `row` is 1-based (CSV: the header is row 1). */
export interface PreviewRow extends ValueKey {
  readonly row: number;
  readonly value: number;
  readonly change: ChangeKind;
  /** The stored value it replaces; null when new. */
  readonly previous: number | null;
}

/** The full change an import would make. */
export interface ImportPreview {
  readonly rows: readonly PreviewRow[];
  readonly counts: Readonly<Record<ChangeKind, number>>;
  /** Sotkanet rows deliberately left out: other regions, and suppressed (null) values. */
  readonly skipped: { readonly otherRegion: number; readonly noValue: number };
}

/** The closed set of import errors; each has a message in every language (importErrorMessage). */
export type ImportErrorCode =
  | "empty_file"
  | "too_many_rows"
  | "missing_column"
  | "unknown_column"
  | "duplicate_column"
  | "field_count"
  | "bad_quote"
  | "unterminated_quote"
  | "not_a_list"
  | "not_a_row"
  | "missing_field"
  | "invalid_year"
  | "year_out_of_range"
  | "invalid_number"
  | "invalid_sex"
  | "unknown_indicator"
  | "unmapped_sotkanet_indicator"
  | "duplicate_row";

/** Parameters a message may mention. */
export interface ImportErrorParams {
  readonly field?: string;
  readonly value?: string;
  readonly expected?: number;
  readonly found?: number;
  readonly firstRow?: number;
  readonly min?: number;
  readonly max?: number;
}

/** One problem. `row` is null for a problem with the whole file (e.g. JSON that is not a list). */
export interface ImportError {
  readonly row: number | null;
  readonly code: ImportErrorCode;
  readonly field: string | null;
  readonly params: ImportErrorParams;
  readonly message: Readonly<Record<Locale, string>>;
}

/** Either everything that would change, or why nothing will. */
export type ImportResult =
  | { readonly ok: true; readonly preview: ImportPreview }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

/** What every import is checked against. */
export interface ImportContext {
  /** Keskiö indicator keys that accept values. */
  readonly knownIndicators: ReadonlySet<string>;
  readonly existing: readonly ExistingValue[];
  /** Accepted years, inclusive; 1900–2100 by default. */
  readonly minYear?: number;
  readonly maxYear?: number;
  /** A bound on the work one request may cause; 100 000 rows by default (20 years × 100 indicators × 50 splits). */
  readonly maxRows?: number;
}

const DEFAULT_MIN_YEAR = 1900;
const DEFAULT_MAX_YEAR = 2100;
const DEFAULT_MAX_ROWS = 100_000;

// Messages quote user input; a 40-character cut keeps a pasted paragraph from flooding the error list.
const MAX_QUOTED = 40;

type Template = (p: ImportErrorParams) => string;
const MESSAGES: Record<ImportErrorCode, Record<Locale, Template>> = {
  empty_file: {
    fi: () => "Tiedosto on tyhjä: otsikkorivi puuttuu.",
    sv: () => "Filen är tom: rubrikraden saknas.",
    en: () => "The file is empty: the header row is missing.",
  },
  too_many_rows: {
    fi: (p) => `Tiedostossa on yli ${p.max} riviä; jaa se osiin.`,
    sv: (p) => `Filen har fler än ${p.max} rader; dela upp den.`,
    en: (p) => `The file has more than ${p.max} rows; split it.`,
  },
  missing_column: {
    fi: (p) => `Otsikkorivistä puuttuu sarake ${p.field}.`,
    sv: (p) => `Rubrikraden saknar kolumnen ${p.field}.`,
    en: (p) => `The header row lacks the column ${p.field}.`,
  },
  unknown_column: {
    fi: (p) =>
      `Tuntematon sarake ”${p.value}”; sallitut ovat indicator, year, value, area, age_group ja sex.`,
    sv: (p) => `Okänd kolumn ”${p.value}”; tillåtna är indicator, year, value, area, age_group och sex.`,
    en: (p) => `Unknown column “${p.value}”; allowed are indicator, year, value, area, age_group and sex.`,
  },
  duplicate_column: {
    fi: (p) => `Sarake ${p.field} on otsikkorivillä kahdesti.`,
    sv: (p) => `Kolumnen ${p.field} finns två gånger på rubrikraden.`,
    en: (p) => `The column ${p.field} appears twice in the header row.`,
  },
  field_count: {
    fi: (p) => `Rivillä on ${p.found} kenttää, otsikkorivillä ${p.expected}.`,
    sv: (p) => `Raden har ${p.found} fält, rubrikraden ${p.expected}.`,
    en: (p) => `The row has ${p.found} fields; the header has ${p.expected}.`,
  },
  bad_quote: {
    fi: () => "Lainausmerkkien välisen kentän jälkeen tulee muuta kuin erotin tai rivinvaihto.",
    sv: () => "Efter ett citerat fält följer något annat än avgränsare eller radbrytning.",
    en: () => "A quoted field is followed by something other than a delimiter or line break.",
  },
  unterminated_quote: {
    fi: () => "Lainausmerkki jää sulkematta tiedoston loppuun asti.",
    sv: () => "Ett citattecken stängs aldrig före filens slut.",
    en: () => "A quotation mark is never closed before the end of the file.",
  },
  not_a_list: {
    fi: () => "Sotkanet-tiedoston pitää olla JSON-taulukko rivejä.",
    sv: () => "Sotkanet-filen ska vara en JSON-lista med rader.",
    en: () => "A Sotkanet file must be a JSON list of rows.",
  },
  not_a_row: {
    fi: () => "Rivi ei ole JSON-olio.",
    sv: () => "Raden är inte ett JSON-objekt.",
    en: () => "The row is not a JSON object.",
  },
  missing_field: {
    fi: (p) => `Kenttä ${p.field} puuttuu.`,
    sv: (p) => `Fältet ${p.field} saknas.`,
    en: (p) => `The field ${p.field} is missing.`,
  },
  invalid_year: {
    fi: (p) => `Vuosi ”${p.value}” ei ole kokonaisluku.`,
    sv: (p) => `Året ”${p.value}” är inte ett heltal.`,
    en: (p) => `The year “${p.value}” is not a whole number.`,
  },
  year_out_of_range: {
    fi: (p) => `Vuosi ${p.value} ei ole välillä ${p.min}–${p.max}.`,
    sv: (p) => `Året ${p.value} ligger inte mellan ${p.min} och ${p.max}.`,
    en: (p) => `The year ${p.value} is not between ${p.min} and ${p.max}.`,
  },
  invalid_number: {
    fi: (p) => `Arvo ”${p.value}” ei ole luku.`,
    sv: (p) => `Värdet ”${p.value}” är inte ett tal.`,
    en: (p) => `The value “${p.value}” is not a number.`,
  },
  invalid_sex: {
    fi: (p) => `Sukupuoli ”${p.value}” ei ole male, female tai total.`,
    sv: (p) => `Kön ”${p.value}” är inte male, female eller total.`,
    en: (p) => `The sex “${p.value}” is not male, female or total.`,
  },
  unknown_indicator: {
    fi: (p) => `Tuntematon mittari ”${p.value}”.`,
    sv: (p) => `Okänd indikator ”${p.value}”.`,
    en: (p) => `Unknown indicator “${p.value}”.`,
  },
  unmapped_sotkanet_indicator: {
    fi: (p) => `Sotkanet-indikaattorille ${p.value} ei ole määritetty Keskiön mittaria.`,
    sv: (p) => `Sotkanet-indikatorn ${p.value} är inte kopplad till någon indikator i Keskiö.`,
    en: (p) => `Sotkanet indicator ${p.value} is not mapped to a Keskiö indicator.`,
  },
  duplicate_row: {
    fi: (p) => `Sama mittari, vuosi ja ryhmä on jo rivillä ${p.firstRow}.`,
    sv: (p) => `Samma indikator, år och grupp finns redan på rad ${p.firstRow}.`,
    en: (p) => `The same indicator, year and group is already on row ${p.firstRow}.`,
  },
};

/** The message of an error code in one language. */
export function importErrorMessage(code: ImportErrorCode, params: ImportErrorParams, locale: Locale): string {
  return MESSAGES[code][locale](params);
}

function quoted(value: string): string {
  return value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
}

function makeError(
  row: number | null,
  code: ImportErrorCode,
  field: string | null,
  params: ImportErrorParams = {},
) {
  const safe = params.value === undefined ? params : { ...params, value: quoted(params.value) };
  const message = { fi: MESSAGES[code].fi(safe), sv: MESSAGES[code].sv(safe), en: MESSAGES[code].en(safe) };
  return { row, code, field, params: safe, message } satisfies ImportError;
}

// ---------------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/** A parsed CSV record; `row` is its 1-based position, as a spreadsheet would number it. */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/** Records of a CSV text, or the first syntax error (a broken quote makes every later row unreliable). */
export type CsvParse =
  | { readonly ok: true; readonly records: readonly CsvRecord[] }
  | { readonly ok: false; readonly row: number; readonly code: "bad_quote" | "unterminated_quote" };

/**
 * The delimiter of a file: whichever of ";" and "," occurs more often outside quotes in the first record.
 * Finnish Excel writes ";" (because "," is the decimal separator); everything else writes ",".
 */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) break;
    else if (!inQuotes && char === ";") semicolons++;
    else if (!inQuotes && char === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Splits CSV text into records by RFC 4180: quoted fields may hold delimiters, line breaks and doubled quotes.
 * Leniencies, for files saved by hand: LF or CR line ends as well as CRLF, a byte-order mark, spaces around a
 * quoted field, and a stray quote inside an unquoted field kept as a character (as Excel does). Unquoted
 * fields are trimmed.
 */
export function parseCsv(text: string, delimiter: ";" | ","): CsvParse {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let wasQuoted = false;
  let row = 1;
  let i = 0;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ row, fields });
    fields = [];
    row++;
  };
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '"' && !wasQuoted && field.trim() === "") {
      // A quoted field: read to the closing quote.
      const startRow = row;
      field = "";
      wasQuoted = true;
      i++;
      for (;;) {
        if (i >= source.length) return { ok: false, row: startRow, code: "unterminated_quote" };
        const c = source[i] as string;
        if (c === '"') {
          if (source[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      while (source[i] === " " || source[i] === "\t") i++;
      const next = source[i];
      if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
        return { ok: false, row: startRow, code: "bad_quote" };
      }
      continue;
    }
    if (char === delimiter) {
      endField();
      i++;
    } else if (char === "\r" || char === "\n") {
      endRecord();
      i += char === "\r" && source[i + 1] === "\n" ? 2 : 1;
    } else {
      if (wasQuoted) return { ok: false, row, code: "bad_quote" };
      field += char;
      i++;
    }
  }
  // The last record needs no line break; a final line break does not start an empty record.
  if (field !== "" || wasQuoted || fields.length > 0) endRecord();
  return { ok: true, records };
}

const CSV_COLUMNS = ["indicator", "year", "value", "area", "age_group", "sex"] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ["indicator", "year", "value"];

/**
 * A number as staff write it. With ";" as delimiter the Finnish forms are accepted too: a decimal comma,
 * a Unicode minus, and spaces (also no-break spaces) between groups of three digits ("17 827,5"). With ","
 * a comma cannot be a decimal separator (it could as well be an English thousands separator), so "9,8"
 * is rejected rather than guessed.
 */
export function parseNumber(text: string, delimiter: ";" | ","): number | null {
  let t = text.trim().replace(/^\u2212/, "-");
  if (delimiter === ";") {
    if (/^-?\d{1,3}([ \u00A0\u202F]\d{3})+([.,]\d+)?$/.test(t)) t = t.replace(/[ \u00A0\u202F]/g, "");
    t = t.replace(",", ".");
  }
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

interface CandidateRow extends ValueKey {
  readonly row: number;
  readonly value: number;
}

function checkYear(
  raw: string,
  row: number,
  field: string,
  context: ImportContext,
  errors: ImportError[],
): number | null {
  const min = context.minYear ?? DEFAULT_MIN_YEAR;
  const max = context.maxYear ?? DEFAULT_MAX_YEAR;
  if (!/^-?\d+$/.test(raw.trim())) {
    errors.push(makeError(row, "invalid_year", field, { value: raw }));
    return null;
  }
  const year = Number(raw);
  if (year < min || year > max) {
    errors.push(makeError(row, "year_out_of_range", field, { value: raw.trim(), min, max }));
    return null;
  }
  return year;
}

function parseSex(raw: string): Sex | null | undefined {
  const t = raw.trim().toLowerCase();
  if (t === "" || t === "total") return null;
  if (t === "male" || t === "female") return t;
  return undefined;
}

/** Validates a CSV import and previews it; see the file comment. The header is `indicator,year,value[,area,age_group,sex]`. */
export function previewCsvImport(text: string, context: ImportContext): ImportResult {
  const delimiter = detectDelimiter(text);
  const parsed = parseCsv(text, delimiter);
  if (!parsed.ok) return { ok: false, errors: [makeError(parsed.row, parsed.code, null)] };
  const records = parsed.records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
  const header = records[0];
  if (!header) return { ok: false, errors: [makeError(1, "empty_file", null)] };
  const maxRows = context.maxRows ?? DEFAULT_MAX_ROWS;
  if (records.length - 1 > maxRows)
    return { ok: false, errors: [makeError(null, "too_many_rows", null, { max: maxRows })] };

  const errors: ImportError[] = [];
  const columns = new Map<CsvColumn, number>();
  header.fields.forEach((name, index) => {
    const column = name.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
      errors.push(makeError(header.row, "unknown_column", null, { value: name }));
    } else if (columns.has(column as CsvColumn)) {
      errors.push(makeError(header.row, "duplicate_column", column, { field: column }));
    } else {
      columns.set(column as CsvColumn, index);
    }
  });
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.has(column)) errors.push(makeError(header.row, "missing_column", column, { field: column }));
  }
  if (errors.length > 0) return { ok: false, errors };

  const candidates: CandidateRow[] = [];
  for (const record of records.slice(1)) {
    const { row, fields } = record;
    if (fields.length !== header.fields.length) {
      errors.push(
        makeError(row, "field_count", null, { found: fields.length, expected: header.fields.length }),
      );
      continue;
    }
    const get = (column: CsvColumn) => {
      const index = columns.get(column);
      return index === undefined ? "" : (fields[index] ?? "");
    };
    const before = errors.length;
    for (const column of REQUIRED_COLUMNS) {
      if (get(column) === "") errors.push(makeError(row, "missing_field", column, { field: column }));
    }
    if (errors.length > before) continue;
    const indicator = get("indicator");
    if (!context.knownIndicators.has(indicator)) {
      errors.push(makeError(row, "unknown_indicator", "indicator", { value: indicator }));
    }
    const year = checkYear(get("year"), row, "year", context, errors);
    const value = parseNumber(get("value"), delimiter);
    if (value === null) errors.push(makeError(row, "invalid_number", "value", { value: get("value") }));
    const sex = parseSex(get("sex"));
    if (sex === undefined) errors.push(makeError(row, "invalid_sex", "sex", { value: get("sex") }));
    if (errors.length > before || year === null || value === null || sex === undefined) continue;
    candidates.push({
      row,
      indicator,
      year,
      value,
      area: get("area") || null,
      ageGroup: get("age_group") || null,
      sex,
    });
  }
  return finish(candidates, errors, context, { otherRegion: 0, noValue: 0 });
}

// ---------------------------------------------------------------------------------------------------------
// THL Sotkanet JSON

/** How Sotkanet rows map onto Keskiö: indicator ids to indicator keys, and the one region to take. */
export interface SotkanetMapping {
  /** Sotkanet indicator id → Keskiö indicator key. */
  readonly indicators: ReadonlyMap<number, string>;
  /**
   * Sotkanet's internal region id (not the municipality code), resolved from /regions at sync time
   * (findSotkanetRegionId): THL has renumbered regions before, so it is never hard-coded.
   */
  readonly regionId: number;
}

/** One region of Sotkanet's /regions list, as far as this file needs it. */
export interface SotkanetRegion {
  readonly id: number;
  readonly code: string;
  readonly category: string;
}

/** The internal Sotkanet id of a municipality (category KUNTA) by its code, e.g. "111" for Heinola. */
export function findSotkanetRegionId(
  regions: readonly SotkanetRegion[],
  municipalityCode: string,
): number | null {
  const code = municipalityCode.replace(/^0+/, "");
  const match = regions.find((r) => r.category === "KUNTA" && String(r.code).replace(/^0+/, "") === code);
  return match ? match.id : null;
}

const SOTKANET_GENDERS: Record<string, Sex | null> = { total: null, male: "male", female: "female" };

/**
 * Validates rows of Sotkanet's /json endpoint (`{indicator, region, year, gender, value}`, extra fields such
 * as absValue ignored) and previews them. Rows of other regions are skipped, since the API returns every
 * region; a null value is THL withholding a figure (e.g. too few cases), so it is skipped and never erases a
 * stored value. `row` is the 1-based position in the list.
 */
export function previewSotkanetImport(
  json: unknown,
  mapping: SotkanetMapping,
  context: ImportContext,
): ImportResult {
  if (!Array.isArray(json)) return { ok: false, errors: [makeError(null, "not_a_list", null)] };
  const maxRows = context.maxRows ?? DEFAULT_MAX_ROWS;
  if (json.length > maxRows)
    return { ok: false, errors: [makeError(null, "too_many_rows", null, { max: maxRows })] };
  const errors: ImportError[] = [];
  const candidates: CandidateRow[] = [];
  let otherRegion = 0;
  let noValue = 0;
  json.forEach((item: unknown, index) => {
    const row = index + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      errors.push(makeError(row, "not_a_row", null));
      return;
    }
    const record = item as Record<string, unknown>;
    const before = errors.length;
    for (const field of ["indicator", "region", "year", "gender", "value"]) {
      if (!(field in record) || record[field] === undefined)
        errors.push(makeError(row, "missing_field", field, { field }));
    }
    if (errors.length > before) return;
    if (record.region !== mapping.regionId) {
      if (typeof record.region !== "number")
        errors.push(makeError(row, "invalid_number", "region", { value: String(record.region) }));
      else otherRegion++;
      return;
    }
    let indicator: string | undefined;
    if (typeof record.indicator !== "number" || !Number.isInteger(record.indicator)) {
      errors.push(makeError(row, "invalid_number", "indicator", { value: String(record.indicator) }));
    } else {
      indicator = mapping.indicators.get(record.indicator);
      if (indicator === undefined) {
        errors.push(
          makeError(row, "unmapped_sotkanet_indicator", "indicator", { value: String(record.indicator) }),
        );
      } else if (!context.knownIndicators.has(indicator)) {
        errors.push(makeError(row, "unknown_indicator", "indicator", { value: indicator }));
      }
    }
    const year =
      typeof record.year === "number" ? checkYear(String(record.year), row, "year", context, errors) : null;
    if (typeof record.year !== "number")
      errors.push(makeError(row, "invalid_year", "year", { value: String(record.year) }));
    const gender = typeof record.gender === "string" ? record.gender : "";
    const sex = Object.hasOwn(SOTKANET_GENDERS, gender) ? SOTKANET_GENDERS[gender] : undefined;
    if (sex === undefined)
      errors.push(makeError(row, "invalid_sex", "gender", { value: String(record.gender) }));
    const value = record.value;
    if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) {
      errors.push(makeError(row, "invalid_number", "value", { value: String(value) }));
    }
    if (errors.length > before || indicator === undefined || year === null || sex === undefined) return;
    if (value === null) {
      noValue++;
      return;
    }
    candidates.push({ row, indicator, year, value: value as number, area: null, ageGroup: null, sex });
  });
  return finish(candidates, errors, context, { otherRegion, noValue });
}

// ---------------------------------------------------------------------------------------------------------

function keyOf(k: ValueKey): string {
  return JSON.stringify([k.indicator, k.year, k.area, k.ageGroup, k.sex]);
}

/** Rejects duplicates, then either returns every error or classifies every row against the stored values. */
function finish(
  candidates: readonly CandidateRow[],
  errors: ImportError[],
  context: ImportContext,
  skipped: ImportPreview["skipped"],
): ImportResult {
  const firstRowOf = new Map<string, number>();
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, candidate.row);
    else errors.push(makeError(candidate.row, "duplicate_row", null, { firstRow: first }));
  }
  if (errors.length > 0) {
    const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return { ok: false, errors: sorted };
  }
  const stored = new Map(context.existing.map((e) => [keyOf(e), e.value]));
  const counts: Record<ChangeKind, number> = { new: 0, changed: 0, unchanged: 0 };
  const rows = candidates.map((candidate): PreviewRow => {
    const previous = stored.get(keyOf(candidate));
    const change: ChangeKind =
      previous === undefined
        ? "new"
        : Object.is(previous, candidate.value) || previous === candidate.value
          ? "unchanged"
          : "changed";
    counts[change]++;
    return { ...candidate, change, previous: previous ?? null };
  });
  return { ok: true, preview: { rows, counts, skipped } };
}
