import type {
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
  WeeklyInterval,
} from "../../../contracts/spaces.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const BASE = "/api/v1/spaces";
const at = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/** GET /spaces: every space with its status now. */
export function fetchSpaces(options: RequestOptions) {
  return getJson<SpaceSummary[]>(BASE, options);
}

/** GET /spaces/:id: a space with its week, exceptions and events. */
export function fetchSpace(id: string, options: RequestOptions) {
  return getJson<SpaceDetail>(at(id), options);
}

/** GET /spaces/events: upcoming events of every space. */
export function fetchEvents(options: RequestOptions) {
  return getJson<EventView[]>(`${BASE}/events`, options);
}

/** The iCalendar feed of one space, or of all when no id is given. */
export function calendarHref(spaceId?: string): string {
  return spaceId ? `${at(spaceId)}/events.ics` : `${BASE}/events.ics`;
}

/** POST /spaces (staff). */
export function createSpace(input: SpaceInput, options: RequestOptions) {
  return sendJson<SpaceDetail>("POST", BASE, input, options);
}

/** PUT /spaces/:id (staff). */
export function updateSpace(id: string, input: SpaceInput, options: RequestOptions) {
  return sendJson<SpaceDetail>("PUT", at(id), input, options);
}

/** PUT /spaces/:id/hours (staff). */
export function saveWeeklyHours(id: string, intervals: WeeklyInterval[], options: RequestOptions) {
  return sendJson<SpaceDetail>("PUT", `${at(id)}/hours`, { intervals }, options);
}

/** POST /spaces/:id/exceptions (staff). */
export function saveException(id: string, input: ExceptionInput, options: RequestOptions) {
  return sendJson<ExceptionView>("POST", `${at(id)}/exceptions`, input, options);
}

/** DELETE /spaces/:id/exceptions/:exceptionId (staff). */
export function deleteException(id: string, exceptionId: string, options: RequestOptions) {
  return sendJson<{ status: "ok" }>(
    "DELETE",
    `${at(id)}/exceptions/${encodeURIComponent(exceptionId)}`,
    undefined,
    options,
  );
}

/** POST /spaces/:id/events (staff). */
export function createEvent(spaceId: string, input: EventInput, options: RequestOptions) {
  return sendJson<EventSaved>("POST", `${at(spaceId)}/events`, input, options);
}

/** PUT /spaces/events/:id (staff). */
export function updateEvent(eventId: string, input: EventInput, options: RequestOptions) {
  return sendJson<EventSaved>("PUT", `${BASE}/events/${encodeURIComponent(eventId)}`, input, options);
}

/** DELETE /spaces/events/:id (staff). */
export function deleteEvent(eventId: string, options: RequestOptions) {
  return sendJson<{ status: "ok" }>(
    "DELETE",
    `${BASE}/events/${encodeURIComponent(eventId)}`,
    undefined,
    options,
  );
}

/** POST /spaces/:id/bookings: a signed-in resident asks for a time. */
export function requestBooking(spaceId: string, input: BookingInput, options: RequestOptions) {
  return sendJson<BookingView>("POST", `${at(spaceId)}/bookings`, input, options);
}

/** GET /spaces/bookings/mine. */
export function fetchMyBookings(options: RequestOptions) {
  return getJson<BookingView[]>(`${BASE}/bookings/mine`, options);
}

/** POST /spaces/bookings/:id/cancel. */
export function cancelBooking(id: string, options: RequestOptions) {
  return sendJson<BookingView>(
    "POST",
    `${BASE}/bookings/${encodeURIComponent(id)}/cancel`,
    undefined,
    options,
  );
}

/** GET /spaces/bookings (staff): requests waiting and confirmed bookings ahead. */
export function fetchStaffBookings(options: RequestOptions) {
  return getJson<StaffBookingView[]>(`${BASE}/bookings`, options);
}

/** POST /spaces/bookings/:id/decision (staff). */
export function decideBooking(id: string, decision: BookingDecision, options: RequestOptions) {
  return sendJson<BookingView>(
    "POST",
    `${BASE}/bookings/${encodeURIComponent(id)}/decision`,
    decision,
    options,
  );
}
