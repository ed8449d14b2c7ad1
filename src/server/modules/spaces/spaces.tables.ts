import type { Insertable, Selectable } from "kysely";

/** spaces_space: a shared living room; weekly hours as JSON (WeeklyInterval[]), replaced whole. */
export interface SpaceTable {
  id: string;
  name: string;
  /** LocalizedText as JSON. */
  description: unknown;
  address: string;
  latitude: number | null;
  longitude: number | null;
  capacity: number;
  stepFree: number;
  accessibleToilet: number;
  inductionLoop: number;
  /** LocalizedText or null, as JSON. */
  accessibilityNotes: unknown;
  contactEmail: string | null;
  contactPhone: string | null;
  weeklyHours: unknown;
  /** 1 when residents may ask to book it. */
  bookable: number;
  isExample: number;
  createdAt: string;
  updatedAt: string;
}

/** spaces_exception: one date of a space closed or open at other hours. */
export interface ExceptionTable {
  id: string;
  spaceId: string;
  date: string;
  closed: number;
  /** Interval[] as JSON. */
  intervals: unknown;
  reason: unknown;
  createdAt: string;
}

/** spaces_event: an event in a space, public. */
export interface EventTable {
  id: string;
  spaceId: string;
  title: unknown;
  description: unknown;
  startsAt: string;
  endsAt: string;
  organiser: string;
  price: unknown;
  signUpUrl: string | null;
  isExample: number;
  createdAt: string;
  updatedAt: string;
}

/** spaces_booking: a resident's request for a time of a space, and staff's decision. */
export interface BookingTable {
  id: string;
  spaceId: string;
  personId: string;
  startsAt: string;
  endsAt: string;
  purpose: string;
  attendees: number;
  /** requested | confirmed | refused | cancelled */
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  refusalReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The module's tables as Kysely sees them (CamelCasePlugin maps the snake_case columns). */
export interface SpacesTables {
  spacesSpace: SpaceTable;
  spacesException: ExceptionTable;
  spacesEvent: EventTable;
  spacesBooking: BookingTable;
}

export type SpaceRow = Selectable<SpaceTable>;
export type NewSpaceRow = Insertable<SpaceTable>;
export type ExceptionRow = Selectable<ExceptionTable>;
export type NewExceptionRow = Insertable<ExceptionTable>;
export type EventRow = Selectable<EventTable>;
export type NewEventRow = Insertable<EventTable>;
export type BookingRow = Selectable<BookingTable>;
export type NewBookingRow = Insertable<BookingTable>;
