import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import { negotiateLocale } from "../../../contracts/localized-text.ts";
import {
  BookingDecision,
  BookingInput,
  BookingView,
  EventInput,
  EventSaved,
  EventView,
  ExceptionInput,
  ExceptionView,
  SpaceDetail,
  SpaceInput,
  SpaceSummary,
  StaffBookingView,
  WeeklyHoursInput,
} from "../../../contracts/spaces.ts";
import { publicRead, rolesOnly, signedIn } from "../../platform/policy.ts";
import {
  eventsCsv,
  hoursCsv,
  OPEN_DATA_PATHS,
  openEventsJson,
  openSpacesJson,
  spacesCsv,
} from "./domain/open-data.ts";
import type { Actor, SpacesService } from "./spaces.service.ts";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
};
const IdPattern = "^[0-9a-f-]{8,64}$";
const Id = Type.Object({ id: Type.String({ pattern: IdPattern }) });
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';
// Staff of any unit run the spaces' desk; administrators too (identity's roles: staff, admin).
const staff = rolesOnly("staff", "admin");
const Ok = Type.Object({ status: Type.Literal("ok") });

const OpenSpace = Type.Pick(SpaceDetail, [
  "id",
  "name",
  "description",
  "address",
  "location",
  "capacity",
  "accessibility",
  "weeklyHours",
  "exceptions",
  "isExample",
]);
const OpenEvent = Type.Omit(EventView, ["organiser"]);

function actorOf(request: FastifyRequest): Actor {
  // The staff policy has run: a principal is there.
  return { personId: request.principal?.personId ?? "", requestId: request.id };
}

function sendCalendar(reply: FastifyReply, body: string, filename: string) {
  reply.header("content-disposition", `inline; filename="${filename}"`).header("cache-control", "no-cache");
  return reply.type("text/calendar; charset=utf-8").send(body);
}

function sendCsv(reply: FastifyReply, body: string, filename: string) {
  reply.header("link", LICENCE_LINK).header("content-disposition", `attachment; filename="${filename}"`);
  return reply.type("text/csv; charset=utf-8").send(body);
}

/** The spaces API under /api/v1/spaces. */
export async function spacesRoutes(app: FastifyInstance, service: SpacesService): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ["spaces"];

  // ---- public ----

  api.get(
    "/api/v1/spaces",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "The shared living rooms, each with its status now and today's hours",
        response: { 200: Type.Array(SpaceSummary), ...Errors },
      },
    },
    () => service.listSpaces(),
  );

  api.get(
    "/api/v1/spaces/events",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Events of every space not yet ended (next 180 days), by start",
        response: { 200: Type.Array(EventView), ...Errors },
      },
    },
    () => service.listEvents(),
  );

  api.get(
    "/api/v1/spaces/events.ics",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "iCalendar feed (RFC 5545) of every space's events",
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.calendar(null, negotiateLocale(request.headers["accept-language"])),
        "keskio-spaces.ics",
      ),
  );

  api.get(
    "/api/v1/spaces/:id",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "One space: this week's hours, exceptions ahead, accessibility and events",
        params: Id,
        response: { 200: SpaceDetail, ...Errors },
      },
    },
    (request) => service.getSpace(request.params.id),
  );

  api.get(
    "/api/v1/spaces/:id/events.ics",
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "iCalendar feed (RFC 5545) of one space's events",
        params: Id,
        response: { 200: Type.String(), ...Errors },
      },
    },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.calendar(request.params.id, negotiateLocale(request.headers["accept-language"])),
        "keskio-space.ics",
      ),
  );

  // ---- staff desk ----

  api.post(
    "/api/v1/spaces",
    {
      config: { policy: staff },
      schema: { tags, summary: "Add a space", body: SpaceInput, response: { 201: SpaceDetail, ...Errors } },
    },
    async (request, reply) => reply.code(201).send(await service.createSpace(actorOf(request), request.body)),
  );

  api.put(
    "/api/v1/spaces/:id",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Change a space's details",
        params: Id,
        body: SpaceInput,
        response: { 200: SpaceDetail, ...Errors },
      },
    },
    (request) => service.updateSpace(actorOf(request), request.params.id, request.body),
  );

  api.put(
    "/api/v1/spaces/:id/hours",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Replace the regular weekly hours (no interval ending before it starts, no overlaps)",
        params: Id,
        body: WeeklyHoursInput,
        response: { 200: SpaceDetail, ...Errors },
      },
    },
    (request) => service.setWeeklyHours(actorOf(request), request.params.id, request.body.intervals),
  );

  api.post(
    "/api/v1/spaces/:id/exceptions",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Set one date's hours (closed, or other hours); replaces an exception of the same date",
        params: Id,
        body: ExceptionInput,
        response: { 201: ExceptionView, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.setException(actorOf(request), request.params.id, request.body)),
  );

  api.delete(
    "/api/v1/spaces/:id/exceptions/:exceptionId",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Remove an exception",
        params: Type.Object({
          id: Type.String({ pattern: IdPattern }),
          exceptionId: Type.String({ pattern: IdPattern }),
        }),
        response: { 200: Ok, ...Errors },
      },
    },
    async (request) => {
      await service.deleteException(actorOf(request), request.params.id, request.params.exceptionId);
      return { status: "ok" as const };
    },
  );

  api.post(
    "/api/v1/spaces/:id/events",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Publish an event in a space (outside the space's hours is allowed, with a warning)",
        params: Id,
        body: EventInput,
        response: { 201: EventSaved, ...Errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createEvent(actorOf(request), request.params.id, request.body)),
  );

  api.put(
    "/api/v1/spaces/events/:id",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Change an event",
        params: Id,
        body: EventInput,
        response: { 200: EventSaved, ...Errors },
      },
    },
    (request) => service.updateEvent(actorOf(request), request.params.id, request.body),
  );

  api.delete(
    "/api/v1/spaces/events/:id",
    {
      config: { policy: staff },
      schema: { tags, summary: "Remove an event", params: Id, response: { 200: Ok, ...Errors } },
    },
    async (request) => {
      await service.deleteEvent(actorOf(request), request.params.id);
      return { status: "ok" as const };
    },
  );

  // ---- bookings: residents ask and cancel their own; staff confirm or refuse ----

  api.post(
    "/api/v1/spaces/:id/bookings",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary:
          "Ask to book a time of a bookable space (inside its hours, not overlapping a confirmed booking or event)",
        params: Id,
        body: BookingInput,
        response: { 201: BookingView, ...Errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await service.requestBooking(actorOf(request).personId, request.params.id, request.body)),
  );

  api.get(
    "/api/v1/spaces/bookings/mine",
    {
      config: { policy: signedIn },
      schema: { tags, summary: "My bookings", response: { 200: Type.Array(BookingView), ...Errors } },
    },
    (request) => service.myBookings(actorOf(request).personId),
  );

  api.post(
    "/api/v1/spaces/bookings/:id/cancel",
    {
      config: { policy: signedIn },
      schema: {
        tags,
        summary: "Cancel my booking that has not ended",
        params: Id,
        response: { 200: BookingView, ...Errors },
      },
    },
    (request) => service.cancelBooking(actorOf(request).personId, request.params.id),
  );

  api.get(
    "/api/v1/spaces/bookings",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Requests waiting and confirmed bookings not yet ended, with who asked",
        response: { 200: Type.Array(StaffBookingView), ...Errors },
      },
    },
    () => service.staffBookings(),
  );

  api.post(
    "/api/v1/spaces/bookings/:id/decision",
    {
      config: { policy: staff },
      schema: {
        tags,
        summary: "Confirm a request, or refuse it with a reason",
        params: Id,
        body: BookingDecision,
        response: { 200: BookingView, ...Errors },
      },
    },
    (request) => service.decideBooking(actorOf(request), request.params.id, request.body),
  );

  // ---- open data (CC BY 4.0; no contact details, no organiser names) ----

  api.get(
    OPEN_DATA_PATHS.spacesJson,
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Spaces with hours (JSON, CC BY 4.0)",
        response: { 200: Type.Array(OpenSpace) },
      },
    },
    async (_request, reply) => {
      reply.header("link", LICENCE_LINK);
      return openSpacesJson((await service.openSpaces()).spaces);
    },
  );

  api.get(
    OPEN_DATA_PATHS.spacesCsv,
    {
      config: { policy: publicRead },
      schema: { tags, summary: "Spaces (CSV, CC BY 4.0)", response: { 200: Type.String() } },
    },
    async (_request, reply) =>
      sendCsv(reply, spacesCsv((await service.openSpaces()).spaces), "keskio-spaces.csv"),
  );

  api.get(
    OPEN_DATA_PATHS.hoursCsv,
    {
      config: { policy: publicRead },
      schema: { tags, summary: "Regular weekly hours (CSV, CC BY 4.0)", response: { 200: Type.String() } },
    },
    async (_request, reply) =>
      sendCsv(reply, hoursCsv((await service.openSpaces()).spaces), "keskio-spaces-hours.csv"),
  );

  api.get(
    OPEN_DATA_PATHS.eventsJson,
    {
      config: { policy: publicRead },
      schema: {
        tags,
        summary: "Upcoming events (JSON, CC BY 4.0)",
        response: { 200: Type.Array(OpenEvent) },
      },
    },
    async (_request, reply) => {
      reply.header("link", LICENCE_LINK);
      return openEventsJson(await service.listEvents());
    },
  );

  api.get(
    OPEN_DATA_PATHS.eventsCsv,
    {
      config: { policy: publicRead },
      schema: { tags, summary: "Upcoming events (CSV, CC BY 4.0)", response: { 200: Type.String() } },
    },
    async (_request, reply) =>
      sendCsv(reply, eventsCsv(await service.listEvents()), "keskio-spaces-events.csv"),
  );
}
