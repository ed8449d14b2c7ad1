import { ERROR_CODES, type ErrorCode, type ProblemField } from "../../contracts/errors.ts";
import type { Locale } from "../../contracts/localized-text.ts";

/** A localized explanation: Finnish always, Swedish and English where written. */
export type LocalizedDetail = { fi: string; sv?: string; en?: string };

/**
 * The one error type services and routes throw (DESIGN rule 5). The handler turns it into RFC 9457
 * problem+json; anything else becomes a generic 500.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: LocalizedDetail | undefined;
  readonly fields: ProblemField[] | undefined;

  constructor(code: ErrorCode, detail?: LocalizedDetail, fields?: ProblemField[]) {
    super(detail?.en ?? detail?.fi ?? code);
    this.code = code;
    this.status = ERROR_CODES[code];
    this.detail = detail;
    this.fields = fields;
  }
}

/** The detail in the wanted language, falling back to Finnish. */
export function localizeDetail(detail: LocalizedDetail | undefined, locale: Locale): string | undefined {
  if (!detail) return undefined;
  return detail[locale] ?? detail.fi;
}

/** Shorthand for the common "that thing does not exist" error. */
export function notFound(detail?: LocalizedDetail): AppError {
  return new AppError("not_found", detail);
}
