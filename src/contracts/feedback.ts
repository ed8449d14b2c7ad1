import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

// Feedback and service requests (issue 6): the web JSON API's shapes. The Open311 GeoReport v2 API has its
// own wire format (open311.md) and is not described here.

/** Handling states of the 6Aika request history (received → allocated → handling → done), or closed. */
export const REQUEST_STATUSES = ["received", "allocated", "handling", "done", "closed"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RequestStatusSchema = Type.Unsafe<RequestStatus>(Type.String({ enum: [...REQUEST_STATUSES] }));

/** How a request reached the city; staff record the non-web ones. */
export const CHANNELS = ["web", "open311", "phone", "email", "desk"] as const;
export type Channel = (typeof CHANNELS)[number];
export const ChannelSchema = Type.Unsafe<Channel>(Type.String({ enum: [...CHANNELS] }));

/** Whether the request's text is shown publicly: waiting for moderation, published, or hidden by staff. */
export const VISIBILITIES = ["pending", "published", "hidden"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VisibilitySchema = Type.Unsafe<Visibility>(Type.String({ enum: [...VISIBILITIES] }));

/** The six Open311 attribute datatypes. */
export const ATTRIBUTE_DATATYPES = [
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist",
] as const;
export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

/** Longest description accepted (open311.md: refused with 400 beyond it, never truncated). */
export const MAX_DESCRIPTION = 4000;
/** Photos per request and bytes per photo (after base64 decoding). */
export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** An extra question of a service (an Open311 attribute). */
export const ServiceAttribute = Type.Object({
  code: Type.String(),
  order: Type.Integer(),
  datatype: Type.Unsafe<AttributeDatatype>(Type.String({ enum: [...ATTRIBUTE_DATATYPES] })),
  required: Type.Boolean(),
  /** False: informational text only, no answer expected. */
  variable: Type.Boolean(),
  description: LocalizedText,
  values: Type.Array(Type.Object({ key: Type.String(), name: LocalizedText })),
});
export type ServiceAttribute = Static<typeof ServiceAttribute>;

/** A category residents can report in, with its response-time promise in working hours. */
export const FeedbackService = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  description: Type.Union([LocalizedText, Type.Null()]),
  group: Type.Union([LocalizedText, Type.Null()]),
  keywords: Type.Array(Type.String()),
  type: Type.Unsafe<"realtime" | "batch" | "blackbox">(
    Type.String({ enum: ["realtime", "batch", "blackbox"] }),
  ),
  unit: Type.String(),
  firstResponseHours: Type.Number(),
  resolutionHours: Type.Number(),
  attributes: Type.Array(ServiceAttribute),
  isExampleData: Type.Boolean(),
});
export type FeedbackService = Static<typeof FeedbackService>;

/** A photo sent with a new request: JPEG or PNG as base64 (metadata is stripped on the server). */
export const NewPhoto = Type.Object(
  {
    contentType: Type.Unsafe<"image/jpeg" | "image/png">(Type.String({ enum: ["image/jpeg", "image/png"] })),
    /** Base64, optionally as a data: URL. */
    data: Type.String({ minLength: 1, maxLength: Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 64 }),
    /** What the photo shows, for people who cannot see it. */
    altText: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type NewPhoto = Static<typeof NewPhoto>;

/** Where the problem is: a point, an address, or nowhere in particular. */
export const NewLocation = Type.Union([
  Type.Object(
    {
      lat: Type.Number({ minimum: -90, maximum: 90 }),
      long: Type.Number({ minimum: -180, maximum: 180 }),
      address: Type.Optional(Type.String({ maxLength: 300 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ address: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
  Type.Null(),
]);
export type NewLocation = Static<typeof NewLocation>;

/** A report from the web form, or one that staff record from another channel. */
export const CreateRequestBody = Type.Object(
  {
    serviceCode: Type.String({ minLength: 1, maxLength: 80 }),
    description: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    location: NewLocation,
    /** Contact details are optional; an e-mail address receives status updates. */
    email: Type.Optional(Type.String({ format: "email", maxLength: 254 })),
    name: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    /** The reporter lets the city publish the description (after moderation). */
    publishConsent: Type.Boolean(),
    /** Answers to the service's extra questions: a string, or a list of keys for a multivaluelist. */
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String())])),
    ),
    photos: Type.Optional(Type.Array(NewPhoto, { maxItems: MAX_PHOTOS })),
    /** Only staff may record another channel than web. */
    channel: Type.Optional(ChannelSchema),
    locale: Type.Optional(Type.Unsafe<"fi" | "sv" | "en">(Type.String({ enum: ["fi", "sv", "en"] }))),
  },
  { additionalProperties: false },
);
export type CreateRequestBody = Static<typeof CreateRequestBody>;

/** What the reporter gets back: the reference number and when to expect a first answer. */
export const CreatedRequest = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: RequestStatusSchema,
  requestedAt: Type.String(),
  expectedFirstResponseAt: Type.String(),
  expectedResolutionAt: Type.String(),
});
export type CreatedRequest = Static<typeof CreatedRequest>;

/** A stored photo: where to fetch it and its text alternative. */
export const PhotoRef = Type.Object({
  id: Type.String(),
  url: Type.String(),
  contentType: Type.String(),
  altText: Type.Union([Type.String(), Type.Null()]),
});
export type PhotoRef = Static<typeof PhotoRef>;

/** One entry of a request's public history (no handler names, no internal notes). */
export const PublicEvent = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  status: Type.Union([RequestStatusSchema, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type PublicEvent = Static<typeof PublicEvent>;

/** A request as anyone may see it: no contact details, text only when published. */
export const PublicRequest = Type.Object({
  reference: Type.String(),
  serviceCode: Type.String(),
  serviceName: LocalizedText,
  status: RequestStatusSchema,
  closeReason: Type.Union([Type.String(), Type.Null()]),
  /** The (moderated) description, or null while unpublished or without the reporter's consent. */
  description: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  long: Type.Union([Type.Number(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String(),
  updatedAt: Type.String(),
  expectedFirstResponseAt: Type.String(),
  expectedResolutionAt: Type.String(),
  firstResponseAt: Type.Union([Type.String(), Type.Null()]),
  publicAnswer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
  duplicateOf: Type.Union([Type.String(), Type.Null()]),
  isPublished: Type.Boolean(),
  /** Photos of a published request (empty otherwise); photoUrls lists the same addresses. */
  photos: Type.Array(PhotoRef),
  photoUrls: Type.Array(Type.String()),
});
export type PublicRequest = Static<typeof PublicRequest>;

/** The public status page of one request. */
export const PublicRequestDetail = Type.Object({
  ...PublicRequest.properties,
  history: Type.Array(PublicEvent),
});
export type PublicRequestDetail = Static<typeof PublicRequestDetail>;

/** Filters of the public list (published requests only). */
export const PublicListQuery = Type.Object({
  service: Type.Optional(Type.String({ maxLength: 400 })),
  status: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ format: "date-time" })),
  to: Type.Optional(Type.String({ format: "date-time" })),
  /** One of the areas of GET /api/v1/feedback/areas. */
  area: Type.Optional(Type.String({ maxLength: 40 })),
  /** Bounding box "minLat,minLong,maxLat,maxLong". */
  bbox: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type PublicListQuery = Static<typeof PublicListQuery>;

/** A page of public requests. */
export const PublicRequestPage = Type.Object({
  items: Type.Array(PublicRequest),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type PublicRequestPage = Static<typeof PublicRequestPage>;

/** A signed-in resident's own request, with their own text whatever its moderation. */
export const OwnRequest = Type.Object({
  ...PublicRequest.properties,
  ownDescription: Type.String(),
});
export type OwnRequest = Static<typeof OwnRequest>;

/** A request in a handler's queue: contact details are there, because handlers answer the reporter. */
export const QueueItem = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  serviceCode: Type.String(),
  serviceName: LocalizedText,
  unit: Type.String(),
  channel: ChannelSchema,
  status: RequestStatusSchema,
  visibility: VisibilitySchema,
  description: Type.String(),
  assigneeId: Type.Union([Type.String(), Type.Null()]),
  /** The handler's display name (staff names only). */
  assigneeName: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  requestedAt: Type.String(),
  updatedAt: Type.String(),
  expectedFirstResponseAt: Type.String(),
  expectedResolutionAt: Type.String(),
  firstResponseAt: Type.Union([Type.String(), Type.Null()]),
  /** No first response and the promise has passed, or open past the resolution target. */
  isOverdue: Type.Boolean(),
  /** How far a broken promise was raised: 0 not at all, 1 to the unit's handlers, 2 also to its lead. */
  escalationLevel: Type.Integer({ minimum: 0, maximum: 2 }),
});
export type QueueItem = Static<typeof QueueItem>;

/** Filters of the handler queue. */
export const QueueQuery = Type.Object({
  unit: Type.Optional(Type.String({ maxLength: 80 })),
  status: Type.Optional(Type.String({ maxLength: 100 })),
  service: Type.Optional(Type.String({ maxLength: 400 })),
  assignee: Type.Optional(Type.String({ maxLength: 64, description: "a person id, 'me' or 'none'" })),
  overdue: Type.Optional(Type.Boolean()),
  /** Only requests whose broken promise was escalated (by `keskio feedback digest`), open or not. */
  escalated: Type.Optional(Type.Boolean()),
  /** "newest" (default) or "overdue": overdue first, then by the earliest promised response. */
  sort: Type.Optional(Type.Unsafe<"newest" | "overdue">(Type.String({ enum: ["newest", "overdue"] }))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type QueueQuery = Static<typeof QueueQuery>;

/** A page of the handler queue. */
export const QueuePage = Type.Object({
  items: Type.Array(QueueItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type QueuePage = Static<typeof QueuePage>;

/** One entry of the full history a handler sees, with internal notes and who did what. */
export const HandlerEvent = Type.Object({
  id: Type.String(),
  at: Type.String(),
  kind: Type.String(),
  status: Type.Union([RequestStatusSchema, Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  isInternal: Type.Boolean(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  /** The staff member who acted; null for the reporter's own entries (residents are never named). */
  actorName: Type.Union([Type.String(), Type.Null()]),
});
export type HandlerEvent = Static<typeof HandlerEvent>;

/** Everything a handler sees of one request. */
export const HandlerRequestDetail = Type.Object({
  ...QueueItem.properties,
  title: Type.Union([Type.String(), Type.Null()]),
  publicDescription: Type.Union([Type.String(), Type.Null()]),
  publishConsent: Type.Boolean(),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  long: Type.Union([Type.Number(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())])),
  contact: Type.Object({
    email: Type.Union([Type.String(), Type.Null()]),
    name: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    isSignedInReporter: Type.Boolean(),
  }),
  publicAnswer: Type.Union([Type.String(), Type.Null()]),
  answeredAt: Type.Union([Type.String(), Type.Null()]),
  duplicateOf: Type.Union([Type.String(), Type.Null()]),
  duplicates: Type.Array(Type.String()),
  photos: Type.Array(PhotoRef),
  history: Type.Array(HandlerEvent),
  /** Who can be assigned: staff of the request's unit (and of every unit). */
  assignable: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
});
export type HandlerRequestDetail = Static<typeof HandlerRequestDetail>;

/** A likely duplicate: same service, open, nearby. */
export const DuplicateSuggestion = Type.Object({
  reference: Type.String(),
  status: RequestStatusSchema,
  description: Type.String(),
  requestedAt: Type.String(),
  distanceMetres: Type.Union([Type.Number(), Type.Null()]),
});
export type DuplicateSuggestion = Static<typeof DuplicateSuggestion>;

/** Assign to a handler (a person id) or unassign (null). */
export const AssignBody = Type.Object(
  { assigneeId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]) },
  { additionalProperties: false },
);
/** Change the status; a reason is required for "closed", a public note is optional. */
export const StatusBody = Type.Object(
  {
    status: RequestStatusSchema,
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION })),
  },
  { additionalProperties: false },
);
/** A public answer to the reporter (shown on the status page and sent by e-mail). */
export const AnswerBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }) },
  { additionalProperties: false },
);
/** An internal note, never shown outside the city. */
export const NoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }) },
  { additionalProperties: false },
);
/** Publish or hide the text; the public description replaces the reporter's (e.g. names removed). */
export const ModerationBody = Type.Object(
  {
    visibility: VisibilitySchema,
    publicDescription: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
/** Mark as a duplicate of another request (by reference); this one is closed with reason "duplicate". */
export const DuplicateBody = Type.Object(
  { duplicateOf: Type.String({ minLength: 1, maxLength: 40 }) },
  { additionalProperties: false },
);

/** An area residents can filter the public list by (a box, so that the list works without a map). */
export const FeedbackArea = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  /** "minLat,minLong,maxLat,maxLong" (WGS84). */
  bbox: Type.String(),
});
export type FeedbackArea = Static<typeof FeedbackArea>;
