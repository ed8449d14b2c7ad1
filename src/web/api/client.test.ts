import { afterEach, describe, expect, it, vi } from "vitest";
import { getJson, readCookie, rememberCsrfToken, sendJson } from "./client.ts";
import { ApiError } from "./problem.ts";

describe("readCookie", () => {
  it("finds a cookie by its exact name among others", () => {
    const cookies = "keskio_csrf_old=x; keskio_csrf=abc.def; other=1";
    expect(readCookie(cookies, "keskio_csrf")).toBe("abc.def");
    expect(readCookie(cookies, "other")).toBe("1");
  });

  it("decodes a percent-encoded value and keeps a malformed one as it is", () => {
    expect(readCookie("a=b%3Dc", "a")).toBe("b=c");
    expect(readCookie("a=%E0%A4%A", "a")).toBe("%E0%A4%A");
  });

  it("is undefined when the cookie is not there", () => {
    expect(readCookie("", "keskio_csrf")).toBeUndefined();
    expect(readCookie("keskio_csrf_old=x", "keskio_csrf")).toBeUndefined();
  });
});

function answer(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? headers : { "content-type": type, ...headers },
  });
}

describe("sendJson", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sends the CSRF token, the language and a JSON body, and reads the answer", async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => answer(200, { status: "accepted" }));
    vi.stubGlobal("fetch", fetchMock);
    rememberCsrfToken("token-1");
    await expect(sendJson("POST", "/api/v1/x", { a: 1 }, { locale: "sv" })).resolves.toEqual({
      status: "accepted",
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/x");
    expect(init?.method).toBe("POST");
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({
      "x-csrf-token": "token-1",
      "Accept-Language": "sv",
      "Content-Type": "application/json",
    });
  });

  it("sends no body or content type when there is none, and gives undefined for 204", async () => {
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => answer(204));
    vi.stubGlobal("fetch", fetchMock);
    await expect(
      sendJson("POST", "/api/v1/auth/sign-out", undefined, { locale: "fi" }),
    ).resolves.toBeUndefined();
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBeUndefined();
    expect(init?.headers).not.toHaveProperty("Content-Type");
  });

  it("throws the problem with its fields and Retry-After", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        answer(429, { title: "Liian monta pyyntöä", code: "rate_limited" }, { "retry-after": "60" }),
      ),
    );
    const error = await sendJson("POST", "/api/v1/auth/sign-in", {}, { locale: "fi" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 60 });
  });

  it("words a failed connection as a network error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    await expect(getJson("/api/v1/meta", { locale: "fi" })).rejects.toMatchObject({ code: "network" });
  });
});
