import Type, { type Static } from "typebox";
import { ATTRIBUTE_DATATYPES, type AttributeDatatype, FeedbackService } from "./feedback.ts";
import { LocalizedText } from "./localized-text.ts";

// Staff define the categories residents report in (issue 6 §2): names and questions in fi/sv/en, routing to
// a unit (whose handlers' queue receives the requests) and the response-time promise in working hours.

/** A service code: lower-case letters, digits and inner hyphens, 2–64 characters; stable once created. */
export const SERVICE_CODE_PATTERN = "^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$";
/** A question's code or a list value's key (the Open311 attribute[code]=key wire names). */
export const ATTRIBUTE_CODE_PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$";
/** A unit (the scope of its staff role): the same slug the identity module gives roles. */
export const UNIT_PATTERN = "^[a-z0-9][a-z0-9-]{0,79}$";
/** Codes the web addresses use themselves (/feedback/handling/services/new). */
export const RESERVED_SERVICE_CODES: readonly string[] = ["new"];
/** The longest promise accepted: a year of working days. */
export const MAX_PROMISE_HOURS = 2000;

/** Service types of Open311: realtime answers an id at once, batch a token, blackbox neither. */
export const SERVICE_TYPES = ["realtime", "batch", "blackbox"] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** One choice of a list question. */
export const ServiceValueInput = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 64 }),
    name: LocalizedText,
  },
  { additionalProperties: false },
);

/** One extra question as staff write it; its order is its place in the list. */
export const ServiceAttributeInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 64 }),
    datatype: Type.Unsafe<AttributeDatatype>(Type.String({ enum: [...ATTRIBUTE_DATATYPES] })),
    required: Type.Boolean(),
    /** False: a notice shown with the form, not a question. */
    variable: Type.Boolean(),
    description: LocalizedText,
    values: Type.Array(ServiceValueInput, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type ServiceAttributeInput = Static<typeof ServiceAttributeInput>;

const serviceFields = {
  name: LocalizedText,
  description: Type.Union([LocalizedText, Type.Null()]),
  group: Type.Union([LocalizedText, Type.Null()]),
  keywords: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 40 }),
  type: Type.Unsafe<ServiceType>(Type.String({ enum: [...SERVICE_TYPES] })),
  unit: Type.String({ minLength: 1, maxLength: 80 }),
  firstResponseHours: Type.Number({ exclusiveMinimum: 0, maximum: MAX_PROMISE_HOURS }),
  resolutionHours: Type.Number({ exclusiveMinimum: 0, maximum: MAX_PROMISE_HOURS }),
  attributes: Type.Array(ServiceAttributeInput, { maxItems: 30 }),
};

/** A service as staff edit it (the code cannot change). */
export const ServiceUpdateBody = Type.Object(
  {
    ...serviceFields,
    /** The updatedAt the editor started from: a change made meanwhile by someone else gives 409. */
    expectedUpdatedAt: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type ServiceUpdateBody = Static<typeof ServiceUpdateBody>;

/** A new service. */
export const ServiceCreateBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }), ...serviceFields },
  { additionalProperties: false },
);
export type ServiceCreateBody = Static<typeof ServiceCreateBody>;

/** Take a service out of use (it vanishes from Open311 and the form) or back into use. */
export const ServiceActivationBody = Type.Object(
  { isActive: Type.Boolean() },
  { additionalProperties: false },
);

/** One recorded change of a service: who (staff name) and when. */
export const ServiceChange = Type.Object({
  at: Type.String(),
  action: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
});
export type ServiceChange = Static<typeof ServiceChange>;

/** A service as staff see it: in use or not, how many requests it has, and its change history. */
export const ManagedService = Type.Object({
  ...FeedbackService.properties,
  isActive: Type.Boolean(),
  requestCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  changes: Type.Array(ServiceChange),
});
export type ManagedService = Static<typeof ManagedService>;
