import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import Type from "typebox";
import { ProblemDetails } from "../../../contracts/errors.ts";
import {
  AnswerBody,
  AssignBody,
  CreatedRequest,
  CreateRequestBody,
  DuplicateBody,
  DuplicateSuggestion,
  FeedbackArea,
  FeedbackService,
  HandlerRequestDetail,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  ModerationBody,
  NoteBody,
  OwnRequest,
  PublicListQuery,
  PublicRequestDetail,
  PublicRequestPage,
  QueuePage,
  QueueQuery,
  StatusBody,
} from "../../../contracts/feedback.ts";
import { negotiateLocale } from "../../../contracts/localized-text.ts";
import { decodeBase64Image } from "../../lib/images/base64.ts";
import { AppError } from "../../platform/errors.ts";
import { publicRead, publicWrite, rolesOnly, signedIn } from "../../platform/policy.ts";
import { requirePrincipal } from "../../platform/principal.ts";
import { buildProblem, sendProblem } from "../../platform/problem.ts";
import { AREAS } from "./feedback.areas.ts";
import { type ReportLimits, tooManyReports } from "./feedback.limits.ts";
import type { FeedbackNotifier } from "./feedback.notify.ts";
import { type FeedbackDesk, isStaff, type NewRequest, PHOTO_PATH } from "./feedback.service.ts";

const Errors = {
  400: ProblemDetails,
  401: ProblemDetails,
  403: ProblemDetails,
  404: ProblemDetails,
  409: ProblemDetails,
};
const Id = Type.Object({ id: Type.String({ pattern: "^[0-9a-f-]{8,64}$" }) });
const Reference = Type.Object({ reference: Type.String({ minLength: 1, maxLength: 20 }) });
/** Handlers: city staff of the request's unit (or of every unit) and administrators. */
const handlers = rolesOnly("staff", "admin");
/** Moderation may also be done by moderators, for any unit. */
const moderators = rolesOnly("staff", "admin", "moderator");
// Base64 inflates by 4/3; room for every photo plus the rest of the form.
const CREATE_BODY_LIMIT = Math.ceil((MAX_PHOTOS * MAX_PHOTO_BYTES * 4) / 3) + 256 * 1024;

const PHOTO_POLICY = {
  access: "public",
  reason: "photos of published requests; handlers of the unit also see unpublished ones",
} as const;

/** The feedback module's web JSON API under /api/v1/feedback. */
export async function feedbackRoutes(
  app: FastifyInstance,
  desk: FeedbackDesk,
  notifier: FeedbackNotifier,
  limits: ReportLimits,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Public list pages as sent (through the route's response schema), for as long as the desk keeps the page.
  const serialisedPages = new WeakMap<PublicRequestPage, Buffer>();

  api.get(
    "/api/v1/feedback/services",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["feedback"],
        summary: "The categories residents can report in, with their extra questions and response promise",
        response: { 200: Type.Array(FeedbackService) },
      },
    },
    async () => (await desk.services()).map(({ id: _id, ...service }) => service),
  );

  api.get(
    "/api/v1/feedback/areas",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["feedback"],
        summary: "Areas the public list can be filtered by (approximate boxes)",
        response: { 200: Type.Array(FeedbackArea) },
      },
    },
    () => [...AREAS],
  );

  api.post(
    "/api/v1/feedback/requests",
    {
      config: { policy: publicWrite },
      bodyLimit: CREATE_BODY_LIMIT,
      schema: {
        tags: ["feedback"],
        summary:
          "Report a problem or give feedback (with or without an account); staff record other channels",
        body: CreateRequestBody,
        response: { 201: CreatedRequest, ...Errors, 413: ProblemDetails, 429: ProblemDetails },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const channel = body.channel ?? "web";
      if (channel !== "web" && !isStaff(request.principal)) throw new AppError("forbidden", CHANNEL_STAFF);
      const verdict = limits.forWeb(request.principal, request.ip, desk.now());
      if (!verdict.allowed) {
        const text = tooManyReports(verdict.retryAfterSeconds, request.principal !== null);
        const locale = negotiateLocale(request.headers["accept-language"]);
        reply.header("retry-after", String(verdict.retryAfterSeconds));
        return sendProblem(reply, buildProblem(request, "rate_limited", text[locale]));
      }
      const location = body.location;
      const input: NewRequest = {
        serviceCode: body.serviceCode,
        description: body.description,
        title: body.title ?? null,
        lat: location && "lat" in location ? location.lat : null,
        long: location && "long" in location ? location.long : null,
        address: location?.address ?? null,
        attributes: body.attributes ?? {},
        email: body.email ?? null,
        name: body.name ?? null,
        phone: body.phone ?? null,
        publishConsent: body.publishConsent,
        channel,
        // A request staff record for someone else is not theirs.
        reporterId: channel === "web" ? (request.principal?.personId ?? null) : null,
        locale: body.locale ?? negotiateLocale(request.headers["accept-language"]),
        photos: (body.photos ?? []).map((p) => ({
          contentType: p.contentType,
          bytes: decodeBase64Image(p.data),
          altText: p.altText ?? null,
        })),
      };
      const created = await desk.createRequest(input);
      const { token: _token, serviceType: _type, ...response } = created;
      return reply.status(201).send(response);
    },
  );

  api.get(
    "/api/v1/feedback/requests",
    {
      config: { policy: publicRead },
      serializerCompiler: warmedSerializer(app, EMPTY_FIELDS_PAGE),
      schema: {
        tags: ["feedback"],
        summary: "Published requests, newest first, by category, status, time and area",
        querystring: PublicListQuery,
        response: { 200: PublicRequestPage, 400: ProblemDetails },
      },
    },
    async (request, reply) => {
      const page = await desk.publicList(request.query);
      // A kept page is the same object until the database changes, so its serialised text is kept beside it:
      // serialising 50 requests through the response schema cost more than everything else of a cached read.
      // Kept as bytes: a string would be encoded again for every response.
      let body = serialisedPages.get(page);
      if (body === undefined) {
        body = Buffer.from(reply.serialize(page) as string, "utf8");
        serialisedPages.set(page, body);
      }
      // Bytes with a JSON type are sent as they are (the schema typing only knows the object form).
      return reply.type("application/json; charset=utf-8").send(body as unknown as PublicRequestPage);
    },
  );

  api.get(
    "/api/v1/feedback/requests/:reference",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["feedback"],
        summary: "The public status page of one request: status, answer and history, no personal data",
        params: Reference,
        response: { 200: PublicRequestDetail, 404: ProblemDetails },
      },
    },
    (request) => desk.publicRequest(request.params.reference),
  );

  api.get(
    "/api/v1/feedback/my-requests",
    {
      config: { policy: signedIn },
      schema: {
        tags: ["feedback"],
        summary: "The signed-in resident's own requests",
        response: { 200: Type.Array(OwnRequest), 401: ProblemDetails },
      },
    },
    (request) => desk.ownRequests(requirePrincipal(request).personId),
  );

  api.get(
    `${PHOTO_PATH}/:id`,
    {
      config: { policy: PHOTO_POLICY },
      schema: {
        tags: ["feedback"],
        summary: "A photo of a request (metadata removed)",
        params: Id,
        response: { 200: Type.Unknown({ description: "JPEG or PNG bytes" }), 404: ProblemDetails },
      },
    },
    async (request, reply) => {
      const photo = await desk.photo(request.principal, request.params.id);
      reply.header("cache-control", "private, max-age=300").header("x-content-type-options", "nosniff");
      return reply.type(photo.contentType).send(photo.content);
    },
  );

  // ---- handling (city staff) ----

  api.get(
    "/api/v1/feedback/handling/requests",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "The handler queue of the caller's units, newest first",
        querystring: QueueQuery,
        response: { 200: QueuePage, ...Errors },
      },
    },
    (request) => desk.queue(requirePrincipal(request), request.query),
  );

  api.get(
    "/api/v1/feedback/handling/requests/:id",
    {
      config: { policy: moderators },
      schema: {
        tags: ["feedback"],
        summary: "One request with contact details, internal notes and full history",
        params: Id,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    (request) => desk.handlerDetail(requirePrincipal(request), request.params.id, true),
  );

  api.get(
    "/api/v1/feedback/handling/requests/:id/duplicate-suggestions",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Likely duplicates: open requests of the same category nearby",
        params: Id,
        response: { 200: Type.Array(DuplicateSuggestion), ...Errors },
      },
    },
    (request) => desk.duplicateSuggestions(requirePrincipal(request), request.params.id),
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/assign",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Assign to a handler, or unassign with null",
        params: Id,
        body: AssignBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    (request) => desk.assign(requirePrincipal(request), request.params.id, request.body.assigneeId),
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/status",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Change the status (closing needs a reason)",
        params: Id,
        body: StatusBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    async (request) => {
      const result = await desk.changeStatus(requirePrincipal(request), request.params.id, request.body);
      notifier.afterCommit(result.notify);
      return result.detail;
    },
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/answer",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Answer the reporter publicly (also e-mailed)",
        params: Id,
        body: AnswerBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    async (request) => {
      const result = await desk.answer(requirePrincipal(request), request.params.id, request.body.text);
      notifier.afterCommit(result.notify);
      return result.detail;
    },
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/notes",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Add an internal note",
        params: Id,
        body: NoteBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    (request) => desk.addNote(requirePrincipal(request), request.params.id, request.body.text),
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/moderation",
    {
      config: { policy: moderators },
      schema: {
        tags: ["feedback"],
        summary: "Publish or hide the text, with a cleaned public description",
        params: Id,
        body: ModerationBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    (request) => desk.moderate(requirePrincipal(request), request.params.id, request.body),
  );

  api.post(
    "/api/v1/feedback/handling/requests/:id/duplicate",
    {
      config: { policy: handlers },
      schema: {
        tags: ["feedback"],
        summary: "Mark as a duplicate of another request and close it",
        params: Id,
        body: DuplicateBody,
        response: { 200: HandlerRequestDetail, ...Errors },
      },
    },
    (request) => desk.markDuplicate(requirePrincipal(request), request.params.id, request.body.duplicateOf),
  );
}

// fast-json-stringify checks a nullable field's value against each branch with a validator it compiles on
// first use: some 40 ms for a list page, paid by the first reader after a start and by everyone waiting
// behind them. Serialising a sample page with every nullable field empty when the route is compiled pays it
// at start instead.
type RouteSchemaCompiler = NonNullable<FastifyInstance["serializerCompiler"]>;
function warmedSerializer(app: FastifyInstance, sample: unknown): RouteSchemaCompiler {
  return (routeSchema) => {
    const compile = app.serializerCompiler;
    if (!compile) throw new Error("the app has no serializer compiler");
    const serialise = compile(routeSchema);
    if (routeSchema.httpStatus === "200") serialise(sample);
    return serialise;
  };
}

const EMPTY_FIELDS_PAGE: PublicRequestPage = {
  items: [
    {
      reference: "",
      serviceCode: "",
      serviceName: { fi: "" },
      status: "received",
      closeReason: null,
      description: null,
      title: null,
      lat: null,
      long: null,
      address: null,
      requestedAt: "",
      updatedAt: "",
      expectedFirstResponseAt: "",
      expectedResolutionAt: "",
      firstResponseAt: null,
      publicAnswer: null,
      answeredAt: null,
      duplicateOf: null,
      isPublished: false,
      photos: [{ id: "", url: "", contentType: "", altText: null }],
      photoUrls: [],
    },
  ],
  total: 1,
  page: 1,
  pageSize: 1,
};

const CHANNEL_STAFF = {
  fi: "Vain henkilökunta voi kirjata muun kuin verkkopalautteen.",
  sv: "Endast personalen kan registrera annan än webbrespons.",
  en: "Only staff may record a request from another channel than the web.",
};
