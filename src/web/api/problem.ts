import type { ProblemField } from "../../contracts/errors.ts";

/**
 * What the interface needs from a failed request. Server errors arrive as RFC 9457 problem+json whose
 * title and detail are already localized (Accept-Language); "network" and "unexpected" are failures the
 * browser sees without a usable problem document, and the interface words them itself.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** The fields the server found fault with (JSON pointers such as /body/email). */
  readonly fields: readonly ProblemField[];
  /** Seconds to wait before trying again, from a 429's Retry-After. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    fields?: readonly ProblemField[] | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** Whether the server gave a problem document of its own (so its title and detail can be shown). */
  get isProblem(): boolean {
    return this.code !== "network" && this.code !== "unexpected";
  }
}

function problemFields(errors: unknown): ProblemField[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { path, message } = entry as Record<string, unknown>;
    return typeof path === "string" ? [{ path, message: typeof message === "string" ? message : "" }] : [];
  });
}

/** Reads a Retry-After header given in seconds (the HTTP-date form is not used by Keskiö). */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

/** Reads a problem+json body into an ApiError; anything not shaped like one becomes "unexpected". */
export function problemToError(body: unknown, status: number, retryAfterSeconds?: number): ApiError {
  if (typeof body === "object" && body !== null) {
    const { title, detail, code, errors } = body as Record<string, unknown>;
    if (typeof title === "string" && title.trim() !== "") {
      return new ApiError({
        status,
        code: typeof code === "string" && code !== "" ? code : "unknown",
        title,
        detail: typeof detail === "string" && detail.trim() !== "" ? detail : undefined,
        fields: problemFields(errors),
        retryAfterSeconds,
      });
    }
  }
  return new ApiError({ status, code: "unexpected", title: `HTTP ${status}`, retryAfterSeconds });
}

/**
 * The form fields a problem names, out of those a form has. A pointer /body/email names "email" (and
 * /body/roles/0 names "roles"); pointers into the query string count too (/querystring/from). The server's
 * messages for the fields are the validator's, in English, so forms word the fix themselves.
 */
export function problemFieldNames<F extends string>(error: ApiError | undefined, known: readonly F[]): F[] {
  if (!error) return [];
  const named = new Set<F>();
  for (const { path } of error.fields) {
    const [, location, field] = path.split("/");
    if (!location || !field) continue;
    const name = field.replaceAll("~1", "/").replaceAll("~0", "~");
    const match = known.find((k) => k === name);
    if (match) named.add(match);
  }
  return known.filter((k) => named.has(k));
}
