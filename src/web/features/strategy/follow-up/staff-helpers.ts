import type { ProblemField } from "../../../../contracts/errors.ts";

/** A number as staff type it: a decimal comma or point, spaces as thousands separators; null if not a number. */
export function parseDecimal(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".")
    .replace("\u2212", "-");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** A year between 1900 and 2100 typed with four digits; null otherwise. */
export function parseYear(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= 1900 && year <= 2100 ? year : null;
}

/** A whole number in a range; null otherwise. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const trimmed = text.trim().replace(/[\s\u00a0]/g, "");
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

/** One import problem as the page lists it: the row (null for the whole file) and what is wrong. */
export type RowProblem = { row: number | null; message: string };

/**
 * The import problems of a problem document, in row order: the server names each row in its JSON Pointer
 * ("/rows/3/year") and words the message in the interface language.
 */
export function importProblems(errors: readonly ProblemField[] | undefined): RowProblem[] {
  return (errors ?? [])
    .map((e) => {
      const match = /^\/rows\/(\d+)/.exec(e.path);
      return { row: match ? Number(match[1]) : null, message: e.message };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The Sotkanet mapping of the form: Sotkanet id → Keskiö key, leaving out blank and invalid ids. */
export function sotkanetMapping(ids: Readonly<Record<string, string>>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [key, id] of Object.entries(ids)) {
    const trimmed = id.trim();
    if (/^\d+$/.test(trimmed)) mapping[trimmed] = key;
  }
  return mapping;
}
