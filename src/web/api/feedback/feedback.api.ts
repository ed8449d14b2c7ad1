import type {
  CreatedRequest,
  CreateRequestBody,
  DuplicateSuggestion,
  FeedbackArea,
  FeedbackService,
  HandlerRequestDetail,
  OwnRequest,
  PublicRequestDetail,
  PublicRequestPage,
  QueuePage,
  RequestStatus,
} from "../../../contracts/feedback.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const BASE = "/api/v1/feedback";

/** The public list's filters as the page's URL and the API name them; an empty value means "any". */
export type PublicFilter = { service: string; status: RequestStatus | ""; area: string; page: number };

/** The handler queue's filters; `assignee` is "", "me", "none" or a person id. */
export type QueueFilter = {
  service: string;
  status: RequestStatus | "";
  assignee: string;
  overdue: boolean;
  escalated: boolean;
  page: number;
};

/** The query string of a set of filters (only what narrows anything), without "?". */
export function filterQuery(filter: Record<string, string | number | boolean>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === "" || value === false) continue;
    if (name === "page" && value === 1) continue;
    params.set(name, String(value));
  }
  return params.toString();
}

function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** GET the services residents can report in, with their response-time promises. */
export function fetchServices(options: RequestOptions): Promise<FeedbackService[]> {
  return getJson<FeedbackService[]>(`${BASE}/services`, options);
}

/** GET the areas the public list can be narrowed to (boxes, so that the list works without a map). */
export function fetchAreas(options: RequestOptions): Promise<FeedbackArea[]> {
  return getJson<FeedbackArea[]>(`${BASE}/areas`, options);
}

/** POST a new request; resolves after the server has committed it, with its reference and promise. */
export function createRequest(body: CreateRequestBody, options: RequestOptions): Promise<CreatedRequest> {
  return sendJson<CreatedRequest>("POST", `${BASE}/requests`, body, options);
}

/** GET the public status of one request by its reference. */
export function fetchPublicRequest(reference: string, options: RequestOptions): Promise<PublicRequestDetail> {
  return getJson<PublicRequestDetail>(`${BASE}/requests/${encodeURIComponent(reference)}`, options);
}

/** GET the signed-in person's own requests, with their own text whatever its moderation. */
export function fetchMyRequests(options: RequestOptions): Promise<OwnRequest[]> {
  return getJson<OwnRequest[]>(`${BASE}/my-requests`, options);
}

/** GET a page of published requests, newest first. */
export function fetchPublicRequests(
  filter: PublicFilter,
  pageSize: number,
  options: RequestOptions,
): Promise<PublicRequestPage> {
  return getJson<PublicRequestPage>(
    withQuery(`${BASE}/requests`, filterQuery({ ...filter, pageSize })),
    options,
  );
}

/** GET a page of the handler queue (staff only), overdue first. */
export function fetchQueue(
  filter: QueueFilter,
  pageSize: number,
  options: RequestOptions,
): Promise<QueuePage> {
  return getJson<QueuePage>(
    withQuery(`${BASE}/handling/requests`, filterQuery({ ...filter, pageSize, sort: "overdue" })),
    options,
  );
}

/** GET everything a handler sees of one request. */
export function fetchHandlerRequest(id: string, options: RequestOptions): Promise<HandlerRequestDetail> {
  return getJson<HandlerRequestDetail>(`${BASE}/handling/requests/${encodeURIComponent(id)}`, options);
}

/** GET likely duplicates of a request: open ones of the same service nearby. */
export function fetchDuplicateSuggestions(
  id: string,
  options: RequestOptions,
): Promise<DuplicateSuggestion[]> {
  return getJson<DuplicateSuggestion[]>(
    `${BASE}/handling/requests/${encodeURIComponent(id)}/duplicate-suggestions`,
    options,
  );
}

/** The handling actions of one request, each a POST with its own body. */
export type HandlingAction =
  | { kind: "assign"; body: { assigneeId: string | null } }
  | { kind: "status"; body: { status: RequestStatus; reason?: string; note?: string } }
  | { kind: "answer"; body: { text: string } }
  | { kind: "notes"; body: { text: string } }
  | {
      kind: "moderation";
      body: { visibility: "pending" | "published" | "hidden"; publicDescription?: string | null };
    }
  | { kind: "duplicate"; body: { duplicateOf: string } };

/** Runs one handling action; resolves with the request as it is after the change. */
export function runHandlingAction(
  id: string,
  action: HandlingAction,
  options: RequestOptions,
): Promise<HandlerRequestDetail> {
  return sendJson<HandlerRequestDetail>(
    "POST",
    `${BASE}/handling/requests/${encodeURIComponent(id)}/${action.kind}`,
    action.body,
    options,
  );
}
