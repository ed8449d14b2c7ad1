import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";
import { CSRF_COOKIE, CSRF_HEADER } from "./principal.ts";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const DETAIL = {
  fi: "Lomakkeen suojaustunniste puuttuu tai on vanhentunut. Lataa sivu uudelleen ja yritä uudestaan.",
  sv: "Formulärets skyddskod saknas eller har gått ut. Ladda om sidan och försök igen.",
  en: "The form's protection token is missing or out of date. Reload the page and try again.",
};

/**
 * CSRF protection by the signed double-submit cookie (OWASP CSRF Prevention Cheat Sheet): the token is a
 * random value with an HMAC binding it to the session ("anon" before sign-in). A write must send the token
 * in a header equal to the cookie; another site can neither read the cookie nor forge the HMAC.
 */
export class Csrf {
  readonly #secret: string;
  readonly #secure: boolean;

  constructor(secret: string, secure: boolean) {
    this.#secret = secret;
    this.#secure = secure;
  }

  #sign(value: string, sessionKey: string | null): string {
    return createHmac("sha256", this.#secret)
      .update(`csrf|${sessionKey ?? "anon"}|${value}`)
      .digest("base64url");
  }

  /** Issues a token for the given session (or none), sets its cookie and returns it for the app. */
  issue(reply: FastifyReply, sessionKey: string | null): string {
    const value = randomBytes(18).toString("base64url");
    const token = `${value}.${this.#sign(value, sessionKey)}`;
    reply.setCookie(CSRF_COOKIE, token, {
      path: "/",
      sameSite: "lax",
      secure: this.#secure,
      httpOnly: false,
    });
    return token;
  }

  /** Whether a token is genuine for the session. */
  isValid(token: string | undefined, sessionKey: string | null): boolean {
    if (!token) return false;
    const [value, mac] = token.split(".");
    if (!value || !mac) return false;
    const expected = Buffer.from(this.#sign(value, sessionKey));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Throws when an unsafe request to a route that does not opt out lacks a genuine token. */
  check(request: FastifyRequest): void {
    if (!UNSAFE.has(request.method)) return;
    const policy = request.routeOptions.config.policy;
    if (!policy || policy.csrf === false) return;
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    const sessionKey = request.principal?.sessionKey ?? null;
    if (typeof header !== "string" || header !== cookie || !this.isValid(header, sessionKey)) {
      throw new AppError("forbidden", DETAIL);
    }
  }
}
