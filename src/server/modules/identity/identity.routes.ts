import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import {
  Accepted,
  AuditEntry,
  CreateOrganisationRequest,
  DeleteMeRequest,
  GrantRoleRequest,
  Me,
  Organisation,
  PersonSummary,
  PrivacyNotice,
  RegisterRequest,
  ResetConfirmRequest,
  ResetRequest,
  RoleSchema,
  SessionInfo,
  SignInRequest,
  TokenRequest,
  UpdateMeRequest,
  VerifyInPersonRequest,
} from "../../../contracts/identity.ts";
import { negotiateLocale } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import { auditToCsv } from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import type { ModuleContext } from "../../platform/module.ts";
import { publicRead, publicWrite, rolesOnly, signedIn } from "../../platform/policy.ts";
import { requirePrincipal, SESSION_COOKIE } from "../../platform/principal.ts";
import type { OidcClient } from "./identity.oidc.ts";
import { PRIVACY_NOTICES } from "./identity.privacy.ts";
import type { IdentityService, RequestMeta } from "./identity.service.ts";

function metaOf(request: FastifyRequest): RequestMeta {
  return {
    ip: request.ip,
    requestId: request.id,
    locale: negotiateLocale(request.headers["accept-language"]),
  };
}

/** A same-site path to return to after identification; anything else becomes the profile page. */
export function safeReturnPath(value: string | undefined): string {
  const isSameSitePath =
    value?.startsWith("/") === true &&
    !value.startsWith("//") &&
    !value.includes("\\") &&
    value.length <= 200;
  return isSameSitePath && value ? value : WEB_ROUTES.profile;
}

const ErrorResponses = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
  429: ProblemDetails,
};

/** The identity API: accounts, sessions, identification, the person's own data, and administration. */
export async function identityRoutes(
  app: FastifyInstance,
  context: ModuleContext,
  service: IdentityService,
  oidc: OidcClient | null,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { config, csrf } = context;
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.isHttps,
    maxAge: config.auth.sessionAbsoluteHours * 3600,
  };

  const sessionInfo = async (reply: FastifyReply, personId: string | null, sessionKey: string | null) => ({
    person: personId ? await service.me(personId) : null,
    csrfToken: csrf.issue(reply, sessionKey),
    oidcAvailable: oidc !== null,
  });

  api.get(
    "/api/v1/auth/session",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["identity"],
        summary: "Who is signed in, and a CSRF token for writes",
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return sessionInfo(reply, request.principal?.personId ?? null, request.principal?.sessionKey ?? null);
    },
  );

  api.post(
    "/api/v1/auth/register",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["identity"],
        summary: "Register with e-mail and password; a verification link is sent",
        body: RegisterRequest,
        response: { 202: Accepted, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.register(request.body, metaOf(request));
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  api.post(
    "/api/v1/auth/verify-email",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["identity"],
        summary: "Confirm an e-mail address with the one-time link's token",
        body: TokenRequest,
        response: { 200: Accepted, ...ErrorResponses },
      },
    },
    async (request) => {
      await service.verifyEmail(request.body.token, metaOf(request));
      return { status: "accepted" as const };
    },
  );

  api.post(
    "/api/v1/auth/sign-in",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["identity"],
        summary: "Sign in with e-mail and password",
        body: SignInRequest,
        response: { 200: SessionInfo, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      // A new session id on every sign-in (no fixation); the old session, if any, ends.
      if (request.principal) await service.endSession(request.principal.sessionKey);
      const { person, sessionToken } = await service.signIn(request.body, metaOf(request));
      reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions);
      const principal = await service.authenticate(sessionToken);
      return sessionInfo(reply, person.id, principal?.sessionKey ?? null);
    },
  );

  api.post(
    "/api/v1/auth/sign-out",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "End this session",
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.signOut(requirePrincipal(request), metaOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/auth/sign-out-everywhere",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "End every session of this account",
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.signOutEverywhere(requirePrincipal(request), metaOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/auth/password-reset",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["identity"],
        summary: "Ask for a password reset link (same answer whether or not the address is known)",
        body: ResetRequest,
        response: { 202: Accepted, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(request.body.email, metaOf(request));
      return reply.status(202).send({ status: "accepted" as const });
    },
  );

  api.post(
    "/api/v1/auth/password-reset/confirm",
    {
      config: { policy: publicWrite },
      schema: {
        tags: ["identity"],
        summary: "Set a new password with the reset link's token",
        body: ResetConfirmRequest,
        response: { 200: Accepted, ...ErrorResponses },
      },
    },
    async (request) => {
      await service.confirmPasswordReset(request.body.token, request.body.password, metaOf(request));
      return { status: "accepted" as const };
    },
  );

  api.get(
    "/api/v1/auth/oidc/start",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["identity"],
        summary: "Start strong identification (redirects to the identity provider)",
        querystring: Type.Object({
          returnTo: Type.Optional(Type.String({ maxLength: 200 })),
          link: Type.Optional(Type.Boolean()),
        }),
        response: { 303: Type.Null(), ...ErrorResponses, 503: ProblemDetails },
      },
    },
    async (request, reply) => {
      if (!oidc) throw new AppError("not_found");
      if (request.query.link && !request.principal) throw new AppError("unauthenticated");
      let flow: Awaited<ReturnType<OidcClient["start"]>>;
      try {
        flow = await oidc.start();
      } catch (error) {
        request.log.warn({ kind: (error as Error).name }, "identity provider unreachable");
        throw new AppError("unavailable");
      }
      await service.rememberOidcFlow(
        flow,
        request.query.link ? (request.principal?.personId ?? null) : null,
        safeReturnPath(request.query.returnTo),
      );
      return reply.status(303).header("location", flow.authorizationUrl).send(null);
    },
  );

  api.get(
    "/api/v1/auth/oidc/callback",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["identity"],
        summary: "The identity provider's answer; signs in and returns to the app",
        querystring: Type.Object(
          { state: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: true },
        ),
        response: { 303: Type.Null() },
      },
    },
    async (request, reply) => {
      // The browser is mid-redirect: failures go back to the sign-in page with a reason, never as JSON.
      const fail = (reason: string) =>
        reply.status(303).header("location", `${WEB_ROUTES.signIn}?error=${reason}`).send(null);
      if (!oidc) return fail("identification_unavailable");
      const state = request.query.state;
      const flow = state ? await service.takeOidcFlow(state) : undefined;
      if (!flow) return fail("identification_expired");
      try {
        const callbackUrl = new URL(request.url, `${config.publicUrl}/`);
        const claims = await oidc.finish(callbackUrl, flow);
        const { sessionToken } = await service.applyIdentification(
          claims,
          flow.linkPersonId,
          metaOf(request),
        );
        reply.setCookie(SESSION_COOKIE, sessionToken, cookieOptions);
        return reply.status(303).header("location", flow.returnTo).send(null);
      } catch (error) {
        if (error instanceof AppError && error.code === "conflict") return fail("identity_taken");
        request.log.warn({ kind: (error as Error).name }, "identification failed");
        return fail("identification_failed");
      }
    },
  );

  api.get(
    "/api/v1/me",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "The signed-in person",
        response: { 200: Me, ...ErrorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return service.me(requirePrincipal(request).personId);
    },
  );

  api.patch(
    "/api/v1/me",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "Change name or language",
        body: UpdateMeRequest,
        response: { 200: Me, ...ErrorResponses },
      },
    },
    async (request) => service.updateMe(requirePrincipal(request), request.body),
  );

  api.get(
    "/api/v1/me/data",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "Download all data held about me (JSON)",
        response: { 200: Type.Object({}, { additionalProperties: true }), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const data = {
        exportedAt: context.now().toISOString(),
        controller: "Heinolan kaupunki / City of Heinola",
        identity: await service.exportPersonalData(principal.personId),
        ...(await service.exportModuleData(principal.personId)),
      };
      reply.header("cache-control", "no-store");
      reply.header("content-disposition", 'attachment; filename="keskio-my-data.json"');
      return data;
    },
  );

  api.delete(
    "/api/v1/me",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["identity"],
        summary: "Delete my account: personal data is erased",
        body: DeleteMeRequest,
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.eraseAccount(requirePrincipal(request), metaOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  api.get(
    "/api/v1/privacy",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["identity"],
        summary: "Privacy notices (tietosuojaseloste), one per register",
        response: { 200: Type.Array(PrivacyNotice) },
      },
    },
    () => PRIVACY_NOTICES,
  );

  // ---- administration ----

  api.get(
    "/api/v1/admin/people",
    {
      // Staff look people up to verify them in person at a service point; only admins change roles.
      config: { policy: rolesOnly("staff", "admin") },
      schema: {
        tags: ["identity"],
        summary: "People and their roles",
        querystring: Type.Object({ search: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: Type.Array(PersonSummary), ...ErrorResponses },
      },
    },
    async (request) => service.listPeople(request.query.search?.trim() || undefined),
  );

  const PersonParams = Type.Object({
    id: Type.String({ minLength: 1, maxLength: 64, pattern: "^[0-9a-f-]+$" }),
  });

  api.post(
    "/api/v1/admin/people/:id/roles",
    {
      config: { policy: rolesOnly("admin") },
      schema: {
        tags: ["identity"],
        summary: "Grant a role",
        params: PersonParams,
        body: GrantRoleRequest,
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.grantRole(
        requirePrincipal(request),
        request.params.id,
        request.body.role,
        request.body.scope ?? "",
        metaOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.delete(
    "/api/v1/admin/people/:id/roles/:role",
    {
      config: { policy: rolesOnly("admin") },
      schema: {
        tags: ["identity"],
        summary: "Revoke a role",
        params: Type.Object({ ...PersonParams.properties, role: RoleSchema }),
        querystring: Type.Object({ scope: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.revokeRole(
        requirePrincipal(request),
        request.params.id,
        request.params.role,
        request.query.scope ?? "",
        metaOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  api.post(
    "/api/v1/admin/people/:id/verify-in-person",
    {
      config: { policy: rolesOnly("staff", "admin") },
      schema: {
        tags: ["identity"],
        summary: "Record an in-person identity and residency check at a service point",
        params: PersonParams,
        body: VerifyInPersonRequest,
        response: { 204: Type.Null(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      await service.verifyInPerson(
        requirePrincipal(request),
        request.params.id,
        request.body.henkilotunnus,
        request.body.servicePoint,
        metaOf(request),
      );
      return reply.status(204).send(null);
    },
  );

  const AuditQuery = Type.Object({
    from: Type.Optional(Type.String({ format: "date-time" })),
    to: Type.Optional(Type.String({ format: "date-time" })),
    action: Type.Optional(Type.String({ maxLength: 80, pattern: "^[a-z_.]+$" })),
  });

  api.get(
    "/api/v1/admin/audit",
    {
      config: { policy: rolesOnly("admin") },
      schema: {
        tags: ["identity"],
        summary: "The audit log, newest first",
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditEntry), ...ErrorResponses },
      },
    },
    async (request) => service.readAudit({ ...request.query, limit: 1000 }),
  );

  api.get(
    "/api/v1/admin/audit.csv",
    {
      config: { policy: rolesOnly("admin") },
      schema: {
        tags: ["identity"],
        summary: "The audit log as CSV",
        querystring: AuditQuery,
        response: { 200: Type.String(), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const records = await service.readAudit({ ...request.query, limit: 100_000 });
      reply.header("content-disposition", 'attachment; filename="keskio-audit.csv"');
      return reply.type("text/csv; charset=utf-8").send(auditToCsv(records));
    },
  );

  api.get(
    "/api/v1/admin/organisations",
    {
      config: { policy: rolesOnly("staff", "admin") },
      schema: {
        tags: ["identity"],
        summary: "Organisations",
        response: { 200: Type.Array(Organisation), ...ErrorResponses },
      },
    },
    async () => service.listOrganisations(),
  );

  api.post(
    "/api/v1/admin/organisations",
    {
      config: { policy: rolesOnly("staff", "admin") },
      schema: {
        tags: ["identity"],
        summary: "Register an organisation (association or city unit)",
        body: CreateOrganisationRequest,
        response: { 201: Organisation, ...ErrorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createOrganisation(requirePrincipal(request), request.body, metaOf(request))),
  );
}
