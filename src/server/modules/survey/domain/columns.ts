/** A column of respondent data: one cell per respondent, `null` where the answer is missing. */
export type Column = readonly (string | null)[];

/** A table of respondent columns by name, as read from an export (e.g. a LimeSurvey CSV). */
export type ColumnTable = ReadonlyMap<string, Column>;

/** A categorical variable coded 0..levels.length-1 per respondent, ready for the weighting loops. */
export interface Factor {
  readonly name: string;
  readonly levels: readonly string[];
  readonly codes: Int32Array;
}

/** Input the survey domain cannot work with; the message is meant for the operator as it is. */
export class SurveyInputError extends Error {
  override name = "SurveyInputError";
}

/** The named column, or an input error that says which one is missing. */
export function requireColumn(table: ColumnTable, name: string): Column {
  const column = table.get(name);
  if (!column) throw new SurveyInputError(`column "${name}" is missing from the respondents`);
  return column;
}

/** The distinct non-missing values in order of first appearance. */
export function distinctValues(values: Column): string[] {
  const seen = new Set<string>();
  for (const value of values) if (value !== null) seen.add(value);
  return [...seen];
}

/**
 * Codes a column against the given levels (first-appearance order if none are given). Weighting variables
 * cannot be missing, and a value outside the levels is a data error rather than something to drop quietly.
 */
export function encodeFactor(name: string, values: Column, levels?: readonly string[]): Factor {
  const ordered = levels ?? distinctValues(values);
  const index = new Map<string, number>();
  ordered.forEach((level, i) => {
    if (index.has(level)) throw new SurveyInputError(`category "${level}" of "${name}" is listed twice`);
    index.set(level, i);
  });
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (value === null) throw new SurveyInputError(`respondent ${i + 1} has no value for "${name}"`);
    const code = index.get(value);
    if (code === undefined) {
      throw new SurveyInputError(
        `respondent ${i + 1} has "${name}" = "${value}", which has no population figure`,
      );
    }
    codes[i] = code;
  }
  return { name, levels: ordered, codes };
}

/** Numeric answers with NaN for missing; anything that is not a finite number is an input error. */
export function numericColumn(name: string, values: Column): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    if (value === null || value.trim() === "") {
      out[i] = Number.NaN;
      continue;
    }
    const number = Number(value);
    if (!Number.isFinite(number)) {
      throw new SurveyInputError(`respondent ${i + 1} has "${name}" = "${value}", which is not a number`);
    }
    out[i] = number;
  }
  return out;
}

/** 1 where the answer is one of `success`, 0 for any other answer, NaN where it is missing. */
export function indicatorColumn(values: Column, success: ReadonlySet<string>): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    out[i] = value === null ? Number.NaN : success.has(value) ? 1 : 0;
  }
  return out;
}

/** A domain mask: 1 for respondents whose `values` equal `level`. */
export function domainMask(values: Column, level: string): Uint8Array {
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) mask[i] = values[i] === level ? 1 : 0;
  return mask;
}
