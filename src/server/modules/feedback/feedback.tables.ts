import type { Generated, Insertable, Selectable } from "kysely";

// Kysely table interfaces of the feedback module. JSON columns are typed as the JSON string the repository
// writes and read through readJson (SQLite returns text, PostgreSQL a parsed value). Booleans are 0/1.

/** feedback_service: a category residents report in, routed to a unit, with its response-time promise. */
export interface ServiceTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  groupName: string | null;
  keywords: string;
  type: string;
  unit: string;
  firstResponseHours: number;
  resolutionHours: number;
  position: number;
  isActive: number;
  isExample: number;
  createdAt: string;
  updatedAt: string;
}
export type ServiceRow = Selectable<ServiceTable>;

/** feedback_service_attribute: an extra question of a service (Open311 attribute). */
export interface ServiceAttributeTable {
  serviceId: string;
  code: string;
  position: number;
  datatype: string;
  isRequired: number;
  isVariable: number;
  description: string;
  datatypeDescription: string | null;
  values: string;
}
export type ServiceAttributeRow = Selectable<ServiceAttributeTable>;

/** feedback_api_key: an Open311 client's key, kept only as its SHA-256. */
export interface ApiKeyTable {
  id: string;
  name: string;
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
}
export type ApiKeyRow = Selectable<ApiKeyTable>;

/** feedback_request: one service request (palaute) with its handling state. */
export interface RequestTable {
  id: string;
  reference: string;
  token: string | null;
  serviceId: string;
  unit: string;
  channel: string;
  apiKeyId: string | null;
  status: string;
  closeReason: string | null;
  title: string | null;
  description: string;
  publicDescription: string | null;
  publishConsent: number;
  visibility: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  addressId: string | null;
  attributes: string;
  mediaUrl: string | null;
  serviceObjectId: string | null;
  serviceObjectType: string | null;
  locale: string;
  reporterId: string | null;
  contactEmail: string | null;
  contactName: string | null;
  contactPhone: string | null;
  deviceId: string | null;
  accountId: string | null;
  assigneeId: string | null;
  duplicateOf: string | null;
  publicAnswer: string | null;
  answeredAt: string | null;
  requestedAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  closedAt: string | null;
  expectedFirstResponseAt: string;
  expectedResolutionAt: string;
  isExample: number;
  /** 0 none, 1 raised to the unit's handlers, 2 also to the unit's lead (domain/escalation.ts). */
  escalationLevel: Generated<number>;
  escalationBreach: string | null;
  escalatedAt: string | null;
}
export type RequestRow = Selectable<RequestTable>;
export type NewRequestRow = Insertable<RequestTable>;

/** feedback_event: the request's history; internal notes are flagged and never shown outside. */
export interface EventTable {
  id: string;
  requestId: string;
  at: string;
  kind: string;
  status: string | null;
  note: string | null;
  isInternal: number;
  actorId: string | null;
}
export type EventRow = Selectable<EventTable>;

/** feedback_photo: a photo of a request, with its metadata already stripped. */
export interface PhotoTable {
  id: string;
  requestId: string;
  position: number;
  contentType: string;
  byteSize: number;
  altText: string | null;
  content: Buffer;
  createdAt: string;
}

/** feedback_digest: which handler got the overdue digest on which Helsinki day (the person's id only). */
export interface DigestTable {
  day: string;
  personId: string;
  items: number;
  sentAt: string;
}

/** The feedback module's own tables. */
export interface FeedbackTables {
  feedbackService: ServiceTable;
  feedbackServiceAttribute: ServiceAttributeTable;
  feedbackApiKey: ApiKeyTable;
  feedbackRequest: RequestTable;
  feedbackEvent: EventTable;
  feedbackPhoto: PhotoTable;
  feedbackDigest: DigestTable;
}
