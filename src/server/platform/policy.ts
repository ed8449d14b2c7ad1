import type { FastifyInstance } from "fastify";

/**
 * Who may call a route. Every route declares one (deny by default): the server refuses to start when an
 * /api route has none. The identity module adds the role-based kinds.
 */
export type RoutePolicy = { access: "public"; reason: string };

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Anyone, signed in or not: published, non-personal information. */
export const publicRead: RoutePolicy = { access: "public", reason: "published, non-personal information" };

/** Routes the platform itself answers without a policy (probes, documentation, the web app). */
const PLATFORM_PREFIXES = ["/api/docs", "/api/openapi.json", "/api/problems/"];

/** Makes a route without a declared policy a start-up error rather than an open door. */
export function requireRoutePolicies(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const url = route.url;
    if (!url.startsWith("/api/") && !url.startsWith("/open311/")) return;
    if (PLATFORM_PREFIXES.some((prefix) => url.startsWith(prefix))) return;
    const policy = (route.config as { policy?: RoutePolicy } | undefined)?.policy;
    if (!policy) {
      throw new Error(`route ${String(route.method)} ${url} declares no access policy`);
    }
  });
}
