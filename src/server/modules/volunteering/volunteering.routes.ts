import { randomBytes } from "node:crypto";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { negotiateLocale } from "../../../contracts/localized-text.ts";
import {
  AreaSchema,
  GroupHoursView,
  HoursView,
  MatchResult,
  NewGroupHours,
  NewOpportunity,
  NewOrganisation,
  NewShifts,
  OpportunityChangeResult,
  OpportunityChanges,
  OpportunityView,
  OrganisationDashboard,
  OrganisationView,
  ShiftChangeResult,
  ShiftChanges,
  ShiftView,
  SignupView,
  SuggestedVolunteer,
  ThemeSchema,
  VolunteerMe,
  VolunteerProfile,
} from "../../../contracts/volunteering.ts";
import type { RoutePolicy } from "../../platform/policy.ts";
import { publicRead, rolesOnly, signedIn } from "../../platform/policy.ts";
import type { Caller, VolunteeringService } from "./volunteering.service.ts";

/** The light profile's browser key (HttpOnly; only this module's API reads it). */
export const VOLUNTEER_COOKIE = "keskio_volunteer";
const COOKIE_PATH = "/api/v1/volunteering";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
  429: ProblemDetails,
};
const Id = Type.Object({ id: Type.String({ pattern: "^[0-9a-f-]{8,64}$" }) });
const Email = Type.String({
  minLength: 3,
  maxLength: 254,
  pattern: "^[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]{2,}$",
});
const Name = Type.String({ minLength: 1, maxLength: 100 });
const LocaleSchema = Type.Union([Type.Literal("fi"), Type.Literal("sv"), Type.Literal("en")]);
const Ok = Type.Object({ status: Type.Literal("ok") });
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

/** A volunteer acts on their own profile and sign-ups: identified by the session or a confirmed light-profile key. */
const volunteerSelf: RoutePolicy = {
  access: "public",
  reason: "a volunteer acts on their own data, identified by session or confirmed light-profile key",
};
const staff = rolesOnly("staff", "admin");

function callerOf(request: FastifyRequest): Caller {
  const key = request.cookies[VOLUNTEER_COOKIE];
  return {
    personId: request.principal?.personId ?? null,
    roles: request.principal?.roles ?? [],
    accessKey: typeof key === "string" && key.length > 0 ? key : null,
  };
}

function localeOf(request: FastifyRequest) {
  return negotiateLocale(request.headers["accept-language"]);
}

function sendCalendar(reply: FastifyReply, body: string, filename: string) {
  reply
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "no-store");
  return reply.type("text/calendar; charset=utf-8").send(body);
}

/** The volunteering API under /api/v1/volunteering. */
export async function volunteeringRoutes(
  app: FastifyInstance,
  service: VolunteeringService,
  secureCookies: boolean,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ["volunteering"];

  // ---- public: opportunities and matching ----

  api.get(
    "/api/v1/volunteering/opportunities",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Published opportunities with upcoming shifts; filter by words, theme or area",
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          theme: Type.Optional(ThemeSchema),
          area: Type.Optional(AreaSchema),
        }),
        response: { 200: Type.Array(OpportunityView), ...Errors },
      },
    },
    (request) => service.listOpportunities(request.query),
  );

  api.get(
    "/api/v1/volunteering/opportunities/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "One published opportunity",
        params: Id,
        response: { 200: OpportunityView, ...Errors },
      },
    },
    (request) => service.getOpportunity(request.params.id),
  );

  api.post(
    "/api/v1/volunteering/match",
    {
      config: {
        policy: {
          access: "public",
          reason: "matching reads a profile sent with the request and stores nothing",
        },
      },
      schema: {
        tags,
        summary: "What could I do? Opportunities ranked for a profile, with reasons (nothing is stored)",
        body: VolunteerProfile,
        response: { 200: Type.Array(MatchResult), ...Errors },
      },
    },
    (request) => service.match(request.body, localeOf(request)),
  );

  // ---- volunteers ----

  api.get(
    "/api/v1/volunteering/me",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "My volunteer profile, sign-ups and hours",
        response: { 200: VolunteerMe, ...Errors },
      },
    },
    (request) => service.me(callerOf(request)),
  );

  api.post(
    "/api/v1/volunteering/me",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Save the signed-in person's volunteer profile",
        body: Type.Object(
          { displayName: Name, profile: VolunteerProfile, locale: Type.Optional(LocaleSchema) },
          { additionalProperties: false },
        ),
        response: { 200: VolunteerMe, ...Errors },
      },
    },
    (request) =>
      service.saveAccountProfile(callerOf(request), {
        displayName: request.body.displayName,
        profile: request.body.profile,
        locale: request.body.locale ?? localeOf(request),
      }),
  );

  api.put(
    "/api/v1/volunteering/me/suggestions",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "Allow or stop organisations suggesting tasks to me (off by default)",
        body: Type.Object({ allow: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: VolunteerMe, ...Errors },
      },
    },
    (request) => service.setSuggestions(callerOf(request), request.body.allow),
  );

  api.post(
    "/api/v1/volunteering/suggestions/opt-out",
    {
      config: { policy: { access: "public", reason: "the token mailed with an invitation is the proof" } },
      schema: {
        tags,
        summary: "Stop suggestions with the link of an invitation e-mail",
        body: Type.Object(
          { token: Type.String({ minLength: 20, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }) },
          { additionalProperties: false },
        ),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      await service.stopSuggestionsByLink(request.body.token);
      return { status: "ok" as const };
    },
  );

  api.post(
    "/api/v1/volunteering/light-profiles",
    {
      config: {
        policy: { access: "public", reason: "anyone may offer help; rate-limited, confirmed by e-mail" },
      },
      schema: {
        tags,
        summary: "Create a light profile without an account; a confirmation link is mailed",
        body: Type.Object(
          { email: Email, displayName: Name, profile: VolunteerProfile, locale: Type.Optional(LocaleSchema) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ status: Type.Literal("accepted") }), ...Errors },
      },
    },
    async (request, reply) => {
      await service.startLightProfile(
        { ...request.body, locale: request.body.locale ?? localeOf(request) },
        request.ip,
      );
      return reply.code(202).send({ status: "accepted" as const });
    },
  );

  api.post(
    "/api/v1/volunteering/light-profiles/confirm",
    {
      config: { policy: { access: "public", reason: "the mailed one-time token is the proof" } },
      schema: {
        tags,
        summary: "Confirm a light profile with the mailed token; this browser then acts for it",
        body: Type.Object(
          { token: Type.String({ minLength: 20, maxLength: 100, pattern: "^[A-Za-z0-9_-]+$" }) },
          { additionalProperties: false },
        ),
        response: { 200: VolunteerMe, ...Errors },
      },
    },
    async (request, reply) => {
      const key = await service.confirmLightProfile(request.body.token);
      reply.setCookie(VOLUNTEER_COOKIE, key, {
        path: COOKIE_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        maxAge: 365 * 86_400,
      });
      return service.me({ personId: null, roles: [], accessKey: key });
    },
  );

  api.delete(
    "/api/v1/volunteering/me",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary:
          "Erase my volunteer data (sign-ups are cancelled; confirmed hours stay as anonymous figures)",
        response: { 200: Ok, ...Errors },
      },
    },
    async (request, reply) => {
      await service.eraseMine(callerOf(request));
      reply.clearCookie(VOLUNTEER_COOKIE, { path: COOKIE_PATH });
      return { status: "ok" as const };
    },
  );

  api.get(
    "/api/v1/volunteering/me/export",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "Everything held about me as a volunteer (JSON)",
        response: { 200: Type.Object({}, { additionalProperties: true }), ...Errors },
      },
    },
    async (request, reply) => {
      reply.header("content-disposition", 'attachment; filename="keskio-volunteering-my-data.json"');
      return service.exportMine(callerOf(request));
    },
  );

  api.get(
    "/api/v1/volunteering/me/certificate.html",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "A printable certificate of my confirmed hours",
        querystring: Type.Object({ lang: Type.Optional(LocaleSchema) }),
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) => {
      const nonce = randomBytes(16).toString("base64");
      const html = await service.certificate(
        callerOf(request),
        request.query.lang ?? localeOf(request),
        nonce,
      );
      reply.header(
        "content-security-policy",
        `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      );
      return reply.type("text/html; charset=utf-8").send(html);
    },
  );

  api.post(
    "/api/v1/volunteering/shifts/:id/signups",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "Sign up for a shift: confirmed while places last, otherwise waitlisted",
        params: Id,
        response: { 201: SignupView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.signUp(callerOf(request), request.params.id)),
  );

  api.delete(
    "/api/v1/volunteering/signups/:id",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "Cancel my sign-up; the first on the waitlist gets the place and an e-mail",
        params: Id,
        response: { 200: Type.Object({ promoted: Type.Integer() }), ...Errors },
      },
    },
    (request) => service.cancelSignup(callerOf(request), request.params.id),
  );

  api.get(
    "/api/v1/volunteering/signups/:id/calendar.ics",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "My shift as an iCalendar file",
        params: Id,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.signupCalendar(callerOf(request), request.params.id),
        "keskio-vuoro.ics",
      ),
  );

  api.get(
    "/api/v1/volunteering/calendar/:token",
    {
      config: { policy: { access: "public", reason: "the unguessable token in the feed URL is the key" } },
      schema: {
        tags,
        summary: "A volunteer's personal calendar feed (subscribe in a calendar app)",
        params: Type.Object({ token: Type.String({ pattern: "^[A-Za-z0-9_-]{20,100}\\.ics$" }) }),
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.calendarFeed(request.params.token.replace(/\.ics$/, "")),
        "keskio-vapaaehtoisvuorot.ics",
      ),
  );

  api.post(
    "/api/v1/volunteering/hours",
    {
      config: { policy: volunteerSelf },
      schema: {
        tags,
        summary: "Log hours I worked (the organisation confirms them)",
        body: Type.Object(
          {
            opportunityId: Id.properties.id,
            shiftId: Type.Optional(Id.properties.id),
            workDate: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
            minutes: Type.Integer({ minimum: 15, maximum: 1440 }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: HoursView, ...Errors },
      },
    },
    async (request, reply) => reply.code(201).send(await service.logHours(callerOf(request), request.body)),
  );

  // ---- representatives ----

  api.get(
    "/api/v1/volunteering/organisations/mine",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Organisations I represent",
        response: { 200: Type.Array(OrganisationView), ...Errors },
      },
    },
    (request) => service.myOrganisations(callerOf(request)),
  );

  api.post(
    "/api/v1/volunteering/organisations",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Register an organisation (Y-tunnus optional, check digit validated); the city approves it",
        body: NewOrganisation,
        response: { 201: OrganisationView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.registerOrganisation(callerOf(request), request.body)),
  );

  api.get(
    "/api/v1/volunteering/organisations/:id/dashboard",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Representative's dashboard: tasks, shifts with sign-ups and waitlists, hours to confirm",
        params: Id,
        response: { 200: OrganisationDashboard, ...Errors },
      },
    },
    (request) => service.dashboard(callerOf(request), request.params.id),
  );

  api.post(
    "/api/v1/volunteering/organisations/:id/opportunities",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Publish an opportunity (approved organisations only)",
        params: Id,
        body: NewOpportunity,
        response: { 201: OpportunityView, ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.createOpportunity(callerOf(request), request.params.id, request.body)),
  );

  api.post(
    "/api/v1/volunteering/opportunities/:id/shifts",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Add a shift, or a weekly series at the same Helsinki time",
        params: Id,
        body: NewShifts,
        response: { 201: Type.Array(ShiftView), ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addShifts(callerOf(request), request.params.id, request.body)),
  );

  api.patch(
    "/api/v1/volunteering/shifts/:id",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary:
          "Change a shift's places or time, or cancel it (those signed up are told by e-mail; places below the confirmed count are refused; a new time that overlaps someone's other shift is allowed, told to them and listed)",
        params: Id,
        body: ShiftChanges,
        response: { 200: ShiftChangeResult, ...Errors },
      },
    },
    (request) => service.updateShift(callerOf(request), request.params.id, request.body),
  );

  api.patch(
    "/api/v1/volunteering/opportunities/:id",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary:
          "Edit a task's texts, place or area, skills, age limit, accessibility, record extract need or contact (a new place is mailed to those signed up)",
        params: Id,
        body: OpportunityChanges,
        response: { 200: OpportunityChangeResult, ...Errors },
      },
    },
    (request) => service.updateOpportunity(callerOf(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/volunteering/opportunities/:id/group-hours",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary:
          "Record hours of people who helped without a volunteer record (how many, hours each; no names), confirmed at once",
        params: Id,
        body: NewGroupHours,
        response: { 201: GroupHoursView, ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.recordGroupHours(callerOf(request), request.params.id, request.body)),
  );

  api.delete(
    "/api/v1/volunteering/group-hours/:id",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Remove a mistaken entry of hours without a record (audited)",
        params: Id,
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      await service.removeGroupHours(callerOf(request), request.params.id);
      return { status: "ok" as const };
    },
  );

  api.get(
    "/api/v1/volunteering/opportunities/:id/suggestions",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary:
          "Volunteers suggested for a task, with reasons (only those who allowed suggestions; first name only)",
        params: Id,
        response: { 200: Type.Array(SuggestedVolunteer), ...Errors },
      },
    },
    (request) => service.suggestVolunteers(callerOf(request), request.params.id),
  );

  api.post(
    "/api/v1/volunteering/opportunities/:id/invitations",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Invite a suggested volunteer by e-mail (once per task; limited per day and per volunteer)",
        params: Id,
        body: Type.Object({ volunteerId: Id.properties.id }, { additionalProperties: false }),
        response: { 201: SuggestedVolunteer, ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.invite(callerOf(request), request.params.id, request.body.volunteerId)),
  );

  api.post(
    "/api/v1/volunteering/signups/:id/hours",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "A representative records (and so confirms) hours for a confirmed sign-up",
        params: Id,
        body: Type.Object(
          {
            minutes: Type.Integer({ minimum: 15, maximum: 1440 }),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: HoursView, ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await service.logHoursForSignup(
            callerOf(request),
            request.params.id,
            request.body.minutes,
            request.body.note ?? "",
          ),
        ),
  );

  api.post(
    "/api/v1/volunteering/hours/:id/decision",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Confirm or reject logged hours",
        params: Id,
        body: Type.Object({ confirm: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: HoursView, ...Errors },
      },
    },
    (request) => service.decideHours(callerOf(request), request.params.id, request.body.confirm),
  );

  // ---- city staff ----

  api.get(
    "/api/v1/volunteering/organisations",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Every organisation, pending first",
        response: { 200: Type.Array(OrganisationView), ...Errors },
      },
    },
    () => service.listOrganisations(),
  );

  api.post(
    "/api/v1/volunteering/organisations/:id/decision",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Approve or reject an organisation",
        params: Id,
        body: Type.Object({ approve: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: OrganisationView, ...Errors },
      },
    },
    (request) => service.decideOrganisation(callerOf(request), request.params.id, request.body.approve),
  );

  // ---- open data (CC BY 4.0, counts under five suppressed) ----

  api.get(
    "/api/v1/volunteering/open-data/hours.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Confirmed hours by month and area (CSV, CC BY 4.0)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-volunteering-hours.csv"');
      return reply.type("text/csv; charset=utf-8").send(await service.hoursCsv());
    },
  );

  api.get(
    "/api/v1/volunteering/open-data/hours-by-theme.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Confirmed hours by month and theme (CSV, CC BY 4.0; a task's hours count in each theme)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-volunteering-hours-by-theme.csv"');
      return reply.type("text/csv; charset=utf-8").send(await service.hoursByThemeCsv());
    },
  );

  api.get(
    "/api/v1/volunteering/open-data/opportunities.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Opportunities and shifts by month and area (CSV, CC BY 4.0)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-volunteering-opportunities.csv"');
      return reply.type("text/csv; charset=utf-8").send(await service.opportunitiesCsv());
    },
  );
}
