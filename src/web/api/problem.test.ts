import { describe, expect, it } from "vitest";
import { problemToError } from "./problem.ts";

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
