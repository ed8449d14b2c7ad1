import { describe, expect, it } from "vitest";
import { parseRetryAfter, problemFieldNames, problemToError } from "./problem.ts";

describe("problemToError", () => {
  it("keeps the server's localized title, detail, code and status", () => {
    const error = problemToError(
      {
        type: "/api/problems/not-found",
        title: "Hittades inte",
        status: 404,
        code: "not_found",
        detail: "Det finns inget sådant program i strategin.",
      },
      404,
    );
    expect(error).toMatchObject({
      status: 404,
      code: "not_found",
      title: "Hittades inte",
      detail: "Det finns inget sådant program i strategin.",
      isProblem: true,
    });
  });

  it("leaves out an empty detail", () => {
    expect(
      problemToError({ title: "Ristiriita", code: "conflict", detail: " " }, 409).detail,
    ).toBeUndefined();
  });

  it("turns anything that is not a problem document into an unexpected error", () => {
    for (const body of [undefined, null, "<html>Bad gateway</html>", { message: "x" }, { title: "" }]) {
      const error = problemToError(body, 502);
      expect(error.code).toBe("unexpected");
      expect(error.status).toBe(502);
      expect(error.isProblem).toBe(false);
    }
  });
});

describe("field errors and Retry-After", () => {
  const validation = problemToError(
    {
      title: "Pyynnön tiedot eivät kelpaa",
      code: "validation_failed",
      errors: [
        { path: "/body/email", message: "must match pattern" },
        { path: "/body/email", message: "must NOT have fewer than 3 characters" },
        { path: "/body/password", message: "must NOT have fewer than 10 characters" },
        { path: "/querystring/from", message: "must match format" },
        { path: "/body/roles/0", message: "must be equal to one of the allowed values" },
        { path: "/body/a~1b", message: "escaped pointer" },
        { path: "", message: "the whole body" },
        { message: "no path" },
        "not an object",
      ],
    },
    400,
  );

  it("keeps the problem's field pointers", () => {
    expect(validation.fields.map((f) => f.path)).toEqual([
      "/body/email",
      "/body/email",
      "/body/password",
      "/querystring/from",
      "/body/roles/0",
      "/body/a~1b",
      "",
    ]);
  });

  it("names each form field once, in the form's order, ignoring fields the form does not have", () => {
    expect(problemFieldNames(validation, ["displayName", "password", "email"] as const)).toEqual([
      "password",
      "email",
    ]);
    expect(problemFieldNames(validation, ["from", "to"] as const)).toEqual(["from"]);
    expect(problemFieldNames(validation, ["roles"] as const)).toEqual(["roles"]);
    expect(problemFieldNames(validation, ["a/b"] as const)).toEqual(["a/b"]);
    expect(problemFieldNames(validation, ["confirm"] as const)).toEqual([]);
  });

  it("names no field for an error without field pointers, or for no error", () => {
    expect(problemFieldNames(problemToError({ title: "Ristiriita" }, 409), ["email"] as const)).toEqual([]);
    expect(problemFieldNames(undefined, ["email"] as const)).toEqual([]);
  });

  it("reads Retry-After in seconds and ignores anything else", () => {
    expect(parseRetryAfter("60")).toBe(60);
    expect(parseRetryAfter(" 120 ")).toBe(120);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).toBeUndefined();
    expect(parseRetryAfter("-1")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(problemToError({ title: "Liian monta pyyntöä" }, 429, 60).retryAfterSeconds).toBe(60);
  });
});
