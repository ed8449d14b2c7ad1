import type { FastifyRequest } from "fastify";
import type { RoleGrant } from "../../contracts/identity.ts";

/** Who is making a request, as the identity module resolved it from the session cookie. */
export interface Principal {
  personId: string;
  roles: readonly RoleGrant[];
  /** SHA-256 of the session token: binds CSRF tokens to this session without storing the token. */
  sessionKey: string;
}

/** Resolves the principal of a request; provided by the identity module's manifest. */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

/** The session cookie's name; the platform reads it for CSRF binding, the identity module owns its content. */
export const SESSION_COOKIE = "keskio_session";
/** The CSRF cookie (readable by the app's script, by design of the signed double-submit pattern). */
export const CSRF_COOKIE = "keskio_csrf";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The principal, or an error for code paths that the policy already restricted to signed-in callers. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal)
    throw new Error("route policy let an anonymous request through to a signed-in handler");
  return request.principal;
}
