import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

// Shared living rooms (yhteiset olohuoneet): spaces open to everyone, their opening hours and events.
// Times of day are Helsinki wall-clock "HH:MM"; instants are ISO-8601 UTC (DESIGN rule 9).

const Timestamp = Type.String({ format: "date-time" });
const CalendarDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
/** "HH:MM" from 00:00 to 24:00 (24:00: until midnight). */
export const TimeOfDay = Type.String({ pattern: "^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$" });

/** One opening interval of a day. */
export const Interval = Type.Object({ opens: TimeOfDay, closes: TimeOfDay }, { additionalProperties: false });
export type Interval = Static<typeof Interval>;

/** A regular weekly interval; weekday 1 = Monday … 7 = Sunday (ISO 8601). */
export const WeeklyInterval = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7 }), opens: TimeOfDay, closes: TimeOfDay },
  { additionalProperties: false },
);
export type WeeklyInterval = Static<typeof WeeklyInterval>;

/** The facts a visitor needs before coming (asked of every space, answered yes or no). */
export const Accessibility = Type.Object(
  {
    stepFree: Type.Boolean(),
    accessibleToilet: Type.Boolean(),
    inductionLoop: Type.Boolean(),
    notes: Type.Union([LocalizedText, Type.Null()]),
  },
  { additionalProperties: false },
);
export type Accessibility = Static<typeof Accessibility>;

/** A map point in WGS84 degrees. */
export const MapPoint = Type.Object(
  { lat: Type.Number({ minimum: -90, maximum: 90 }), lon: Type.Number({ minimum: -180, maximum: 180 }) },
  { additionalProperties: false },
);
export type MapPoint = Static<typeof MapPoint>;

/** How to reach the space's staff (a service address, not a person's). */
export const Contact = Type.Object(
  {
    email: Type.Union([Type.String({ format: "email", maxLength: 254 }), Type.Null()]),
    phone: Type.Union([Type.String({ pattern: "^[+0-9 ()-]{5,30}$" }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type Contact = Static<typeof Contact>;

/** POST /spaces and PUT /spaces/:id: a space's details (its hours are set separately). */
export const SpaceInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    description: LocalizedText,
    address: Type.String({ minLength: 1, maxLength: 200 }),
    location: Type.Union([MapPoint, Type.Null()]),
    capacity: Type.Integer({ minimum: 1, maximum: 10000 }),
    accessibility: Accessibility,
    contact: Contact,
    bookable: Type.Boolean({ description: "Whether residents may ask to book it" }),
  },
  { additionalProperties: false },
);
export type SpaceInput = Static<typeof SpaceInput>;

/** PUT /spaces/:id/hours: the whole regular week; a weekday without intervals is closed. */
export const WeeklyHoursInput = Type.Object(
  { intervals: Type.Array(WeeklyInterval, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type WeeklyHoursInput = Static<typeof WeeklyHoursInput>;

/** POST /spaces/:id/exceptions: a date closed, or open at other hours; one per date (a new one replaces). */
export const ExceptionInput = Type.Object(
  {
    date: CalendarDate,
    closed: Type.Boolean(),
    intervals: Type.Array(Interval, { maxItems: 10 }),
    reason: Type.Union([LocalizedText, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ExceptionInput = Static<typeof ExceptionInput>;

/** An exception as stored. */
export const ExceptionView = Type.Object({
  id: Type.String(),
  date: CalendarDate,
  closed: Type.Boolean(),
  intervals: Type.Array(Interval),
  reason: Type.Union([LocalizedText, Type.Null()]),
});
export type ExceptionView = Static<typeof ExceptionView>;

/** The Finnish holidays a day can be (keys of web/i18n's `holidays`). */
export const HOLIDAY_KEYS = [
  "newYearsDay",
  "epiphany",
  "goodFriday",
  "easterSunday",
  "easterMonday",
  "mayDay",
  "ascensionDay",
  "pentecost",
  "midsummerEve",
  "midsummerDay",
  "allSaintsDay",
  "independenceDay",
  "christmasEve",
  "christmasDay",
  "boxingDay",
] as const;

/** The hours of one date and why: the regular week, an exception, or a holiday. */
export const DayHoursView = Type.Object({
  date: CalendarDate,
  weekday: Type.Integer({ minimum: 1, maximum: 7 }),
  intervals: Type.Array(Interval),
  source: Type.Unsafe<"regular" | "exception" | "holiday">(
    Type.String({ enum: ["regular", "exception", "holiday"] }),
  ),
  reason: Type.Union([LocalizedText, Type.Null()]),
  holiday: Type.Union([
    Type.Unsafe<(typeof HOLIDAY_KEYS)[number]>(Type.String({ enum: [...HOLIDAY_KEYS] })),
    Type.Null(),
  ]),
});
export type DayHoursView = Static<typeof DayHoursView>;

/** Open now until `closesAt`, or closed and opening at `opensAt` (null: not within four weeks). */
export const OpenStatusView = Type.Object({
  isOpen: Type.Boolean(),
  closesAt: Type.Union([Timestamp, Type.Null()]),
  opensAt: Type.Union([Timestamp, Type.Null()]),
});
export type OpenStatusView = Static<typeof OpenStatusView>;

/** A space in the list, with its status now. */
export const SpaceSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: LocalizedText,
  address: Type.String(),
  capacity: Type.Integer(),
  accessibility: Accessibility,
  status: OpenStatusView,
  today: DayHoursView,
  bookable: Type.Boolean(),
  isExample: Type.Boolean(),
});
export type SpaceSummary = Static<typeof SpaceSummary>;

/** POST /spaces/:id/events and PUT /spaces/events/:id: an event in a space. */
export const EventInput = Type.Object(
  {
    title: LocalizedText,
    description: LocalizedText,
    startsAt: Timestamp,
    endsAt: Timestamp,
    organiser: Type.String({ minLength: 1, maxLength: 120, description: "The organiser's public name" }),
    price: Type.Union([LocalizedText, Type.Null()], { description: "null: free of charge" }),
    signUpUrl: Type.Union([Type.String({ pattern: "^https://[^\\s]+$", maxLength: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type EventInput = Static<typeof EventInput>;

/** An event as published. */
export const EventView = Type.Object({
  id: Type.String(),
  spaceId: Type.String(),
  spaceName: Type.String(),
  title: LocalizedText,
  description: LocalizedText,
  startsAt: Timestamp,
  endsAt: Timestamp,
  organiser: Type.String(),
  price: Type.Union([LocalizedText, Type.Null()]),
  signUpUrl: Type.Union([Type.String(), Type.Null()]),
  isExample: Type.Boolean(),
});
export type EventView = Static<typeof EventView>;

/** What saving an event answers: the event, and warnings that did not stop it (outside the space's hours). */
export const EventSaved = Type.Object({
  event: EventView,
  warnings: Type.Array(Type.Unsafe<"outside_hours">(Type.String({ enum: ["outside_hours"] }))),
});
export type EventSaved = Static<typeof EventSaved>;

/** GET /spaces/:id: everything a visitor needs, with this week's hours and what is ahead. */
export const SpaceDetail = Type.Object({
  ...SpaceSummary.properties,
  location: Type.Union([MapPoint, Type.Null()]),
  contact: Contact,
  weeklyHours: Type.Array(WeeklyInterval),
  week: Type.Array(DayHoursView),
  exceptions: Type.Array(ExceptionView, { description: "Exceptions from today on" }),
  events: Type.Array(EventView, { description: "Events not yet ended" }),
  bookedTimes: Type.Array(Type.Object({ startsAt: Timestamp, endsAt: Timestamp }), {
    description: "Confirmed bookings not yet ended, as times only (who booked is not public)",
  }),
});
export type SpaceDetail = Static<typeof SpaceDetail>;

/** The states of a booking: asked, then confirmed or refused by staff, or cancelled by the resident. */
export const BOOKING_STATUSES = ["requested", "confirmed", "refused", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** POST /spaces/:id/bookings: a resident asks for a time. */
export const BookingInput = Type.Object(
  {
    startsAt: Timestamp,
    endsAt: Timestamp,
    purpose: Type.String({ minLength: 1, maxLength: 200 }),
    attendees: Type.Integer({ minimum: 1, maximum: 10000 }),
  },
  { additionalProperties: false },
);
export type BookingInput = Static<typeof BookingInput>;

/** A booking as its resident sees it. */
export const BookingView = Type.Object({
  id: Type.String(),
  spaceId: Type.String(),
  spaceName: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  purpose: Type.String(),
  attendees: Type.Integer(),
  status: Type.Unsafe<BookingStatus>(Type.String({ enum: [...BOOKING_STATUSES] })),
  refusalReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
});
export type BookingView = Static<typeof BookingView>;

/** A booking as staff see it: with who asked (name and e-mail, to reach them), when they can be reached. */
export const StaffBookingView = Type.Object({
  ...BookingView.properties,
  requester: Type.Union([Type.Object({ displayName: Type.String(), email: Type.String() }), Type.Null()]),
});
export type StaffBookingView = Static<typeof StaffBookingView>;

/** POST /spaces/bookings/:id/decision: confirm, or refuse with a reason the resident sees. */
export const BookingDecision = Type.Object(
  {
    confirm: Type.Boolean(),
    reason: Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type BookingDecision = Static<typeof BookingDecision>;
