import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../contracts/identity.ts";
import { AppError } from "./errors.ts";

/**
 * Who may call a route. Every /api route declares one (deny by default): the server refuses to start when
 * one has none. `csrf: false` exempts a write from the CSRF check only where no cookie authenticates it
 * (e.g. Open311 with an API key) or where it starts a session (sign-in checks Origin instead).
 */
export type RoutePolicy =
  | { access: "public"; reason: string; csrf?: false }
  | { access: "signed_in"; csrf?: false }
  | { access: "roles"; roles: readonly Role[]; csrf?: false };

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Anyone, signed in or not: published, non-personal information. */
export const publicRead: RoutePolicy = { access: "public", reason: "published, non-personal information" };
/** Anyone may try (sign-in, registration, reset): protected by rate limits rather than by identity. */
export const publicWrite: RoutePolicy = { access: "public", reason: "open to everyone, rate-limited" };
/** Any signed-in person, acting on their own data. */
export const signedIn: RoutePolicy = { access: "signed_in" };
/** Only the given roles. */
export function rolesOnly(...roles: Role[]): RoutePolicy {
  return { access: "roles", roles };
}

/** Routes the platform itself answers without a policy (documentation and problem descriptions). */
const PLATFORM_PREFIXES = ["/api/docs", "/api/openapi.json", "/api/problems/"];

/** Every route declared with a policy, for the role × route matrix test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/** Makes a route without a declared policy a start-up error; returns the list it fills as routes are added. */
export function enforceRoutePolicies(app: FastifyInstance): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.addHook("onRoute", (route) => {
    const url = route.url;
    if (!url.startsWith("/api/") && !url.startsWith("/open311/")) return;
    if (PLATFORM_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) throw new Error(`route ${String(route.method)} ${url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") declared.push({ method: String(method), url, policy });
    }
  });
  return declared;
}

/**
 * Throws 401 or 403 when the request's principal does not satisfy its route's policy. Runs in onRequest,
 * before the body is parsed or validated, so that nobody without access learns anything from a route.
 */
export function authorise(request: FastifyRequest): void {
  const policy = request.routeOptions.config.policy;
  if (!policy || policy.access === "public") return;
  if (!request.principal) throw new AppError("unauthenticated");
  if (policy.access === "signed_in") return;
  const held = new Set(request.principal.roles.map((r) => r.role));
  if (!policy.roles.some((role) => held.has(role))) throw new AppError("forbidden");
}
