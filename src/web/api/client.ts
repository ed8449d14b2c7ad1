import type { Locale } from "../../contracts/localized-text.ts";
import { ApiError, parseRetryAfter, problemToError } from "./problem.ts";

/** Options of every API call: the interface language (sent as Accept-Language) and cancellation. */
export type RequestOptions = { locale: Locale; signal?: AbortSignal | undefined };

/** The cookie and header of the server's CSRF protection (signed double submit). */
export const CSRF_COOKIE = "keskio_csrf";
export const CSRF_HEADER = "x-csrf-token";

function isJson(response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return /^application\/([\w.+-]+\+)?json\b/i.test(type);
}

/** The value of a cookie in a `document.cookie` string, or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const index = part.indexOf("=");
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

// The token a write must carry is the one in the cookie: it is what the server compares the header with, and
// it stays right when another tab signs in or out. The session's own token is the fallback.
let fallbackCsrfToken: string | undefined;

/** Remembers the CSRF token of the latest session answer (for browsers that hide the cookie). */
export function rememberCsrfToken(token: string): void {
  fallbackCsrfToken = token;
}

function csrfToken(): string | undefined {
  const fromCookie = typeof document === "undefined" ? undefined : readCookie(document.cookie, CSRF_COOKIE);
  return fromCookie ?? fallbackCsrfToken;
}

async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  { locale, signal }: RequestOptions,
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": locale,
  };
  if (method !== "GET") {
    const token = csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      signal: signal ?? null,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: "network", title: "Network error" });
  }
  const json: unknown = isJson(response) ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    throw problemToError(json, response.status, parseRetryAfter(response.headers.get("retry-after")));
  }
  if (response.status === 204) return undefined as T;
  if (json === undefined) {
    throw new ApiError({ status: response.status, code: "unexpected", title: "Not JSON" });
  }
  return json as T;
}

/**
 * GET a JSON resource of the API. Errors are thrown as ApiError: the server's localized problem document
 * when there is one, otherwise a "network" or "unexpected" error for the interface to word.
 */
export function getJson<T>(path: string, options: RequestOptions): Promise<T> {
  return request<T>("GET", path, undefined, options);
}

/**
 * A write (POST, PUT, PATCH, DELETE) with a JSON body, carrying the CSRF token. Resolves with the JSON
 * answer, or undefined for 204 No Content; errors as for getJson.
 */
export function sendJson<T = undefined>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<T> {
  return request<T>(method, path, body, options);
}
