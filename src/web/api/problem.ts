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

  constructor(init: { status: number; code: string; title: string; detail?: string | undefined }) {
    super(init.detail ? `${init.title}: ${init.detail}` : init.title);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
  }

  /** Whether the server gave a problem document of its own (so its title and detail can be shown). */
  get isProblem(): boolean {
    return this.code !== "network" && this.code !== "unexpected";
  }
}

/** Reads a problem+json body into an ApiError; anything not shaped like one becomes "unexpected". */
export function problemToError(body: unknown, status: number): ApiError {
  if (typeof body === "object" && body !== null) {
    const { title, detail, code } = body as Record<string, unknown>;
    if (typeof title === "string" && title.trim() !== "") {
      return new ApiError({
        status,
        code: typeof code === "string" && code !== "" ? code : "unknown",
        title,
        detail: typeof detail === "string" && detail.trim() !== "" ? detail : undefined,
      });
    }
  }
  return new ApiError({ status, code: "unexpected", title: `HTTP ${status}` });
}
