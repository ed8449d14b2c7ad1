import type { Locale } from "../../contracts/localized-text.ts";
import { ApiError, problemToError } from "./problem.ts";

/** Options of every API call: the interface language (sent as Accept-Language) and cancellation. */
export type RequestOptions = { locale: Locale; signal?: AbortSignal | undefined };

function isJson(response: Response): boolean {
  const type = response.headers.get("content-type") ?? "";
  return /^application\/([\w.+-]+\+)?json\b/i.test(type);
}

/**
 * GET a JSON resource of the API. Errors are thrown as ApiError: the server's localized problem document
 * when there is one, otherwise a "network" or "unexpected" error for the interface to word.
 */
export async function getJson<T>(path: string, { locale, signal }: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: "application/json, application/problem+json", "Accept-Language": locale },
      credentials: "same-origin",
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: "network", title: "Network error" });
  }
  const body: unknown = isJson(response) ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) throw problemToError(body, response.status);
  if (body === undefined) {
    throw new ApiError({ status: response.status, code: "unexpected", title: "Not JSON" });
  }
  return body as T;
}
