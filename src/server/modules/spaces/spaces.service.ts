import type { Kysely } from "kysely";
import type { Locale, LocalizedText } from "../../../contracts/localized-text.ts";
import { pickText } from "../../../contracts/localized-text.ts";
import type {
  BookingDecision,
  BookingInput,
  BookingView,
  DayHoursView,
  EventInput,
  EventSaved,
  EventView,
  ExceptionInput,
  ExceptionView,
  Interval,
  SpaceDetail,
  SpaceInput,
  SpaceSummary,
  StaffBookingView,
  WeeklyInterval,
} from "../../../contracts/spaces.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { addDays, helsinkiParts, isCalendarDate } from "../../lib/helsinki-time.ts";
import { newId } from "../../lib/ids.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, type LocalizedDetail, notFound } from "../../platform/errors.ts";
import { type FeedEvent, renderFeed } from "./domain/ics.ts";
import {
  findIntervalProblems,
  hoursForDays,
  hoursOn,
  type IntervalProblem,
  isWithinOpenHours,
  openStatusAt,
  type Schedule,
} from "./domain/opening-hours.ts";
import * as repo from "./spaces.repository.ts";
import type { BookingRow, EventRow, ExceptionRow, SpaceRow, SpacesTables } from "./spaces.tables.ts";

/** Who makes a staff write, for the audit log. */
export interface Actor {
  personId: string;
  requestId: string | null;
}

const M = {
  noSpace: { fi: "Tilaa ei löytynyt.", sv: "Lokalen hittades inte.", en: "The space was not found." },
  noEvent: {
    fi: "Tapahtumaa ei löytynyt.",
    sv: "Evenemanget hittades inte.",
    en: "The event was not found.",
  },
  noException: {
    fi: "Poikkeusaukioloa ei löytynyt.",
    sv: "Undantaget hittades inte.",
    en: "The exception was not found.",
  },
  badDate: {
    fi: "Päivämäärä ei ole oikea kalenteripäivä.",
    sv: "Datumet är inte ett riktigt datum.",
    en: "The date is not a real calendar date.",
  },
  eventEnds: {
    fi: "Tapahtuman on päätyttävä alkamisensa jälkeen.",
    sv: "Evenemanget måste sluta efter att det börjar.",
    en: "The event must end after it starts.",
  },
  eventTooLong: {
    fi: "Tapahtuma voi kestää enintään 14 vuorokautta.",
    sv: "Ett evenemang kan pågå högst 14 dygn.",
    en: "An event can last at most 14 days.",
  },
  closedWithHours: {
    fi: "Suljetulle päivälle ei voi antaa aukioloaikoja.",
    sv: "En stängd dag kan inte ha öppettider.",
    en: "A closed day cannot have opening hours.",
  },
  openWithoutHours: {
    fi: "Anna avoinna olevalle päivälle vähintään yksi aukioloaika.",
    sv: "Ange minst en öppettid för en öppen dag.",
    en: "Give an open day at least one opening interval.",
  },
  notBookable: {
    fi: "Tätä tilaa ei voi varata.",
    sv: "Den här lokalen kan inte bokas.",
    en: "This space cannot be booked.",
  },
  bookingEnds: {
    fi: "Varauksen on päätyttävä alkamisensa jälkeen.",
    sv: "Bokningen måste sluta efter att den börjar.",
    en: "The booking must end after it starts.",
  },
  bookingPast: {
    fi: "Varauksen on alettava tulevaisuudessa.",
    sv: "Bokningen måste börja i framtiden.",
    en: "A booking must start in the future.",
  },
  bookingTooLong: {
    fi: "Varaus voi kestää enintään 12 tuntia.",
    sv: "En bokning kan pågå högst 12 timmar.",
    en: "A booking can last at most 12 hours.",
  },
  bookingOutsideHours: {
    fi: "Varauksen on oltava kokonaan tilan aukioloaikana.",
    sv: "Bokningen måste ligga helt inom lokalens öppettider.",
    en: "A booking must lie wholly within the space's opening hours.",
  },
  bookingOverlap: {
    fi: "Tila on jo varattu tai siellä on tapahtuma osan tästä ajasta.",
    sv: "Lokalen är redan bokad eller har ett evenemang under en del av tiden.",
    en: "The space is already booked, or has an event, for part of this time.",
  },
  overCapacity: {
    fi: "Osallistujia on enemmän kuin tilaan mahtuu.",
    sv: "Deltagarna är fler än lokalen rymmer.",
    en: "There are more attendees than the space holds.",
  },
  noBooking: {
    fi: "Varausta ei löytynyt.",
    sv: "Bokningen hittades inte.",
    en: "The booking was not found.",
  },
  bookingDecided: {
    fi: "Varaus on jo käsitelty tai peruttu.",
    sv: "Bokningen är redan behandlad eller avbokad.",
    en: "The booking has already been decided or cancelled.",
  },
  bookingOver: {
    fi: "Päättynyttä tai peruttua varausta ei voi perua.",
    sv: "En avslutad eller avbokad bokning kan inte avbokas.",
    en: "A booking that has ended or been cancelled cannot be cancelled.",
  },
  reasonNeeded: {
    fi: "Kerro syy, kun hylkäät varauksen.",
    sv: "Ange en orsak när du avslår bokningen.",
    en: "Give a reason when you refuse a booking.",
  },
} satisfies Record<string, LocalizedDetail>;

const MAX_BOOKING_MS = 12 * 3_600_000;

function bookingView(row: BookingRow & { spaceName: string }): BookingView {
  return {
    id: row.id,
    spaceId: row.spaceId,
    spaceName: row.spaceName,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    purpose: row.purpose,
    attendees: row.attendees,
    status: row.status as BookingView["status"],
    refusalReason: row.refusalReason,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function intervalMessage(problem: IntervalProblem): LocalizedDetail {
  const n = problem.index + 1;
  switch (problem.problem) {
    case "bad_time":
      return {
        fi: `Aukioloaika ${n}: kellonaika ei kelpaa (muoto TT:MM, 00:00–24:00).`,
        sv: `Öppettid ${n}: klockslaget är ogiltigt (formen TT:MM, 00:00–24:00).`,
        en: `Opening interval ${n}: the time is not valid (HH:MM, 00:00–24:00).`,
      };
    case "ends_before_start":
      return {
        fi: `Aukioloaika ${n} päättyy ennen kuin se alkaa.`,
        sv: `Öppettid ${n} slutar innan den börjar.`,
        en: `Opening interval ${n} ends before it starts.`,
      };
    case "overlaps":
      return {
        fi: `Aukioloaika ${n} on päällekkäin saman päivän toisen ajan kanssa.`,
        sv: `Öppettid ${n} överlappar en annan tid samma dag.`,
        en: `Opening interval ${n} overlaps another interval of the same day.`,
      };
  }
}

function assertIntervals(intervals: readonly (Interval & { weekday?: number })[]): void {
  const problems = findIntervalProblems(intervals);
  const first = problems[0];
  if (!first) return;
  throw new AppError(
    "validation_failed",
    intervalMessage(first),
    problems.map((p) => ({
      path: `/intervals/${p.index}`,
      message: intervalMessage(p).en ?? p.problem,
      keyword: p.problem,
    })),
  );
}

const text = (value: unknown) => readJson<LocalizedText>(value);
const textOrNull = (value: unknown) => (value === null ? null : readJson<LocalizedText | null>(value));

function scheduleOf(space: SpaceRow, exceptions: readonly ExceptionRow[]): Schedule<LocalizedText> {
  return {
    weekly: readJson<WeeklyInterval[]>(space.weeklyHours),
    exceptions: exceptions
      .filter((e) => e.spaceId === space.id)
      .map((e) => ({
        date: e.date,
        closed: e.closed === 1,
        intervals: readJson<Interval[]>(e.intervals),
        reason: textOrNull(e.reason),
      })),
  };
}

function exceptionView(row: ExceptionRow): ExceptionView {
  return {
    id: row.id,
    date: row.date,
    closed: row.closed === 1,
    intervals: readJson<Interval[]>(row.intervals),
    reason: textOrNull(row.reason),
  };
}

function eventView(row: EventRow & { spaceName: string }): EventView {
  return {
    id: row.id,
    spaceId: row.spaceId,
    spaceName: row.spaceName,
    title: text(row.title),
    description: text(row.description),
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    organiser: row.organiser,
    price: textOrNull(row.price),
    signUpUrl: row.signUpUrl,
    isExample: row.isExample === 1,
  };
}

function dayView(day: ReturnType<typeof hoursOn<LocalizedText>>): DayHoursView {
  return { ...day, reason: day.reason ?? null };
}

const MAX_EVENT_MS = 14 * 86_400_000;

/** Use cases of the shared living rooms: spaces, their hours, exceptions and events (DESIGN rule 3). */
export class SpacesService {
  readonly #db: Kysely<SpacesTables>;
  readonly #now: () => Date;
  readonly #contactOf: (personId: string) => Promise<{ email: string; displayName: string } | null>;

  constructor(deps: {
    db: Kysely<SpacesTables>;
    now: () => Date;
    contactOf: (personId: string) => Promise<{ email: string; displayName: string } | null>;
  }) {
    this.#db = deps.db;
    this.#now = deps.now;
    this.#contactOf = deps.contactOf;
  }

  /** Every space with its status now and today's hours. */
  async listSpaces(): Promise<SpaceSummary[]> {
    const now = this.#now();
    const today = helsinkiParts(now).date;
    const spaces = await repo.listSpaces(this.#db);
    // From yesterday: an evening open to midnight can still be running past it.
    const exceptions = await repo.listExceptions(
      this.#db,
      spaces.map((s) => s.id),
      addDays(today, -1),
    );
    return spaces.map((space) => this.#summary(space, scheduleOf(space, exceptions), now, today));
  }

  /** One space with this week's hours, exceptions ahead and events not yet ended. */
  async getSpace(id: string): Promise<SpaceDetail> {
    const space = await repo.findSpace(this.#db, id);
    if (!space) throw notFound(M.noSpace);
    return this.#detail(space);
  }

  async #detail(space: SpaceRow): Promise<SpaceDetail> {
    const now = this.#now();
    const today = helsinkiParts(now).date;
    const exceptions = await repo.listExceptions(this.#db, [space.id], addDays(today, -1));
    const schedule = scheduleOf(space, exceptions);
    const events = await repo.listEvents(this.#db, {
      spaceId: space.id,
      endsAfter: now.toISOString(),
      limit: 100,
    });
    return {
      ...this.#summary(space, schedule, now, today),
      location:
        space.latitude !== null && space.longitude !== null
          ? { lat: space.latitude, lon: space.longitude }
          : null,
      contact: { email: space.contactEmail, phone: space.contactPhone },
      weeklyHours: readJson<WeeklyInterval[]>(space.weeklyHours),
      week: hoursForDays(schedule, today, 7).map(dayView),
      exceptions: exceptions.filter((e) => e.date >= today).map(exceptionView),
      events: events.map(eventView),
      bookedTimes: (
        await repo.listBookings(this.#db, {
          spaceId: space.id,
          status: "confirmed",
          endsAfter: now.toISOString(),
        })
      ).map((b) => ({
        startsAt: new Date(b.startsAt).toISOString(),
        endsAt: new Date(b.endsAt).toISOString(),
      })),
    };
  }

  #summary(space: SpaceRow, schedule: Schedule<LocalizedText>, now: Date, today: string): SpaceSummary {
    const status = openStatusAt(schedule, now);
    return {
      id: space.id,
      name: space.name,
      description: text(space.description),
      address: space.address,
      capacity: space.capacity,
      accessibility: {
        stepFree: space.stepFree === 1,
        accessibleToilet: space.accessibleToilet === 1,
        inductionLoop: space.inductionLoop === 1,
        notes: textOrNull(space.accessibilityNotes),
      },
      status: status.isOpen
        ? { isOpen: true, closesAt: status.closesAt.toISOString(), opensAt: null }
        : { isOpen: false, closesAt: null, opensAt: status.opensAt?.toISOString() ?? null },
      today: dayView(hoursOn(schedule, today)),
      bookable: space.bookable === 1,
      isExample: space.isExample === 1,
    };
  }

  /** Events not yet ended, of every space, by start (at most 500; the next 180 days). */
  async listEvents(): Promise<EventView[]> {
    const now = this.#now();
    const rows = await repo.listEvents(this.#db, {
      endsAfter: now.toISOString(),
      startsBefore: new Date(now.getTime() + 180 * 86_400_000).toISOString(),
      limit: 500,
    });
    return rows.map(eventView);
  }

  /** The iCalendar feed of one space's events, or of all when `spaceId` is null. */
  async calendar(spaceId: string | null, locale: Locale): Promise<string> {
    const now = this.#now();
    let name = { fi: "Yhteiset olohuoneet", sv: "Gemensamma vardagsrum", en: "Shared living rooms" }[locale];
    const spaces = new Map<string, string>();
    if (spaceId) {
      const space = await repo.findSpace(this.#db, spaceId);
      if (!space) throw notFound(M.noSpace);
      name = space.name;
    }
    for (const space of await repo.listSpaces(this.#db))
      spaces.set(space.id, `${space.name}, ${space.address}`);
    // Events that ended in the last 30 days stay, so that a subscribed calendar keeps its recent past.
    const rows = await repo.listEvents(this.#db, {
      ...(spaceId ? { spaceId } : {}),
      endsAfter: new Date(now.getTime() - 30 * 86_400_000).toISOString(),
      limit: 1000,
    });
    const events: FeedEvent[] = rows.map((row) => {
      const view = eventView(row);
      const price = view.price ? pickText(view.price, locale).text : null;
      const description = [pickText(view.description, locale).text, view.organiser, price]
        .filter((part): part is string => Boolean(part))
        .join("\n");
      return {
        uid: `${view.id}@spaces.keskio`,
        startsAt: new Date(view.startsAt),
        endsAt: new Date(view.endsAt),
        summary: pickText(view.title, locale).text,
        description,
        location: spaces.get(view.spaceId) ?? view.spaceName,
        url: view.signUpUrl,
        lastModified: new Date(row.updatedAt),
      };
    });
    return renderFeed(name, events, now);
  }

  /** Staff add a space (closed every day until its hours are set). */
  async createSpace(actor: Actor, input: SpaceInput): Promise<SpaceDetail> {
    const at = this.#now().toISOString();
    const id = newId();
    await inTransaction(this.#db, async (trx) => {
      await repo.insertSpace(trx, {
        id,
        ...spaceColumns(input),
        weeklyHours: writeJson([]),
        isExample: 0,
        createdAt: at,
        updatedAt: at,
      });
      await this.#audit(trx, actor, "spaces.space.create", "space", id);
    });
    return this.getSpace(id);
  }

  /** Staff change a space's details. */
  async updateSpace(actor: Actor, id: string, input: SpaceInput): Promise<SpaceDetail> {
    await inTransaction(this.#db, async (trx) => {
      const changed = await repo.updateSpace(trx, id, {
        ...spaceColumns(input),
        updatedAt: this.#now().toISOString(),
      });
      if (changed === 0) throw notFound(M.noSpace);
      await this.#audit(trx, actor, "spaces.space.update", "space", id);
    });
    return this.getSpace(id);
  }

  /** Staff replace the regular week; intervals must not end before they start nor overlap on a day. */
  async setWeeklyHours(actor: Actor, id: string, intervals: WeeklyInterval[]): Promise<SpaceDetail> {
    assertIntervals(intervals);
    const sorted = [...intervals].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    await inTransaction(this.#db, async (trx) => {
      const changed = await repo.updateSpace(trx, id, {
        weeklyHours: writeJson(sorted),
        updatedAt: this.#now().toISOString(),
      });
      if (changed === 0) throw notFound(M.noSpace);
      await this.#audit(trx, actor, "spaces.hours.set", "space", id, { intervals: sorted.length });
    });
    return this.getSpace(id);
  }

  /** Staff set the hours of one date (closed, or other hours); a second one for the date replaces the first. */
  async setException(actor: Actor, spaceId: string, input: ExceptionInput): Promise<ExceptionView> {
    if (!isCalendarDate(input.date))
      throw new AppError("validation_failed", M.badDate, [{ path: "/date", message: "not a calendar date" }]);
    if (input.closed && input.intervals.length > 0)
      throw new AppError("validation_failed", M.closedWithHours, [{ path: "/intervals", message: "closed" }]);
    if (!input.closed && input.intervals.length === 0)
      throw new AppError("validation_failed", M.openWithoutHours, [{ path: "/intervals", message: "empty" }]);
    assertIntervals(input.intervals);
    return inTransaction(this.#db, async (trx) => {
      if (!(await repo.findSpace(trx, spaceId))) throw notFound(M.noSpace);
      const intervals = [...input.intervals].sort((a, b) => a.opens.localeCompare(b.opens));
      await repo.upsertException(trx, {
        id: newId(),
        spaceId,
        date: input.date,
        closed: input.closed ? 1 : 0,
        intervals: writeJson(intervals),
        reason: input.reason ? writeJson(input.reason) : null,
        createdAt: this.#now().toISOString(),
      });
      await repo.updateSpace(trx, spaceId, { updatedAt: this.#now().toISOString() });
      const row = await repo.findExceptionByDate(trx, spaceId, input.date);
      if (!row) throw new Error("exception vanished inside its transaction");
      await this.#audit(trx, actor, "spaces.exception.set", "space", spaceId, { date: input.date });
      return exceptionView(row);
    });
  }

  /** Staff remove an exception: the date follows the week (and holidays) again. */
  async deleteException(actor: Actor, spaceId: string, exceptionId: string): Promise<void> {
    await inTransaction(this.#db, async (trx) => {
      if ((await repo.deleteException(trx, spaceId, exceptionId)) === 0) throw notFound(M.noException);
      await this.#audit(trx, actor, "spaces.exception.delete", "space", spaceId, { exception: exceptionId });
    });
  }

  /** Staff publish an event; one outside the space's hours is allowed (an evening event) but warned about. */
  async createEvent(actor: Actor, spaceId: string, input: EventInput): Promise<EventSaved> {
    const times = checkEventTimes(input);
    const id = newId();
    const at = this.#now().toISOString();
    await inTransaction(this.#db, async (trx) => {
      if (!(await repo.findSpace(trx, spaceId))) throw notFound(M.noSpace);
      await repo.insertEvent(trx, {
        id,
        spaceId,
        ...eventColumns(input, times),
        isExample: 0,
        createdAt: at,
        updatedAt: at,
      });
      await this.#audit(trx, actor, "spaces.event.create", "event", id, { space: spaceId });
    });
    return this.#saved(id);
  }

  /** Staff change an event. */
  async updateEvent(actor: Actor, eventId: string, input: EventInput): Promise<EventSaved> {
    const times = checkEventTimes(input);
    await inTransaction(this.#db, async (trx) => {
      const changed = await repo.updateEvent(trx, eventId, {
        ...eventColumns(input, times),
        updatedAt: this.#now().toISOString(),
      });
      if (changed === 0) throw notFound(M.noEvent);
      await this.#audit(trx, actor, "spaces.event.update", "event", eventId);
    });
    return this.#saved(eventId);
  }

  /** Staff remove an event. */
  async deleteEvent(actor: Actor, eventId: string): Promise<void> {
    await inTransaction(this.#db, async (trx) => {
      if ((await repo.deleteEvent(trx, eventId)) === 0) throw notFound(M.noEvent);
      await this.#audit(trx, actor, "spaces.event.delete", "event", eventId);
    });
  }

  /** One event, for the staff desk's edit form. */
  async getEvent(eventId: string): Promise<EventView> {
    const row = await repo.findEvent(this.#db, eventId);
    if (!row) throw notFound(M.noEvent);
    return eventView(row);
  }

  async #saved(eventId: string): Promise<EventSaved> {
    const row = await repo.findEvent(this.#db, eventId);
    if (!row) throw notFound(M.noEvent);
    const space = await repo.findSpace(this.#db, row.spaceId);
    if (!space) throw notFound(M.noSpace);
    const start = new Date(row.startsAt);
    const end = new Date(row.endsAt);
    const exceptions = await repo.listExceptions(
      this.#db,
      [space.id],
      addDays(helsinkiParts(start).date, -1),
    );
    const inside = isWithinOpenHours(scheduleOf(space, exceptions), start, end);
    return { event: eventView(row), warnings: inside ? [] : ["outside_hours"] };
  }

  /**
   * A signed-in resident asks for a time of a bookable space: wholly within its opening hours, not overlapping
   * a confirmed booking or an event. Decided after locking the space, so racing requests see each other.
   */
  async requestBooking(personId: string, spaceId: string, input: BookingInput): Promise<BookingView> {
    if (!(Date.parse(input.endsAt) > Date.parse(input.startsAt)))
      throw new AppError("validation_failed", M.bookingEnds, [
        { path: "/endsAt", message: "not after start" },
      ]);
    const { startsAt, endsAt } = checkEventTimes(input);
    const now = this.#now();
    if (new Date(startsAt) <= now)
      throw new AppError("validation_failed", M.bookingPast, [{ path: "/startsAt", message: "in the past" }]);
    if (Date.parse(endsAt) - Date.parse(startsAt) > MAX_BOOKING_MS)
      throw new AppError("validation_failed", M.bookingTooLong, [{ path: "/endsAt", message: "too long" }]);
    const id = newId();
    await inTransaction(this.#db, async (trx) => {
      if (!(await repo.lockSpace(trx, spaceId))) throw notFound(M.noSpace);
      const space = (await repo.findSpace(trx, spaceId)) as SpaceRow;
      if (space.bookable !== 1) throw new AppError("conflict", M.notBookable);
      if (input.attendees > space.capacity)
        throw new AppError("validation_failed", M.overCapacity, [
          { path: "/attendees", message: "over capacity" },
        ]);
      const exceptions = await repo.listExceptions(
        trx,
        [spaceId],
        addDays(helsinkiParts(new Date(startsAt)).date, -1),
      );
      if (!isWithinOpenHours(scheduleOf(space, exceptions), new Date(startsAt), new Date(endsAt)))
        throw new AppError("validation_failed", M.bookingOutsideHours, [
          { path: "/startsAt", message: "outside hours" },
        ]);
      if (await repo.hasOverlap(trx, spaceId, startsAt, endsAt, null))
        throw new AppError("conflict", M.bookingOverlap);
      const at = now.toISOString();
      await repo.insertBooking(trx, {
        id,
        spaceId,
        personId,
        startsAt,
        endsAt,
        purpose: input.purpose.trim(),
        attendees: input.attendees,
        status: "requested",
        decidedBy: null,
        decidedAt: null,
        refusalReason: null,
        createdAt: at,
        updatedAt: at,
      });
    });
    return bookingView((await repo.findBooking(this.#db, id)) as BookingRow & { spaceName: string });
  }

  /** A resident's own bookings, all states. */
  async myBookings(personId: string): Promise<BookingView[]> {
    return (await repo.listBookings(this.#db, { personId })).map(bookingView);
  }

  /** A resident cancels their own booking that has not ended; someone else's is "not found". */
  async cancelBooking(personId: string, bookingId: string): Promise<BookingView> {
    const booking = await repo.findBooking(this.#db, bookingId);
    if (!booking || booking.personId !== personId) throw notFound(M.noBooking);
    if (new Date(booking.endsAt) <= this.#now()) throw new AppError("conflict", M.bookingOver);
    const changed = await repo.setBookingStatus(this.#db, bookingId, ["requested", "confirmed"], {
      status: "cancelled",
      updatedAt: this.#now().toISOString(),
    });
    if (changed === 0) throw new AppError("conflict", M.bookingOver);
    return bookingView((await repo.findBooking(this.#db, bookingId)) as BookingRow & { spaceName: string });
  }

  /** Staff's queue: requests waiting and confirmed bookings not yet ended, with who asked. */
  async staffBookings(): Promise<StaffBookingView[]> {
    const endsAfter = this.#now().toISOString();
    const rows = [
      ...(await repo.listBookings(this.#db, { status: "requested", endsAfter })),
      ...(await repo.listBookings(this.#db, { status: "confirmed", endsAfter })),
    ];
    return Promise.all(
      rows.map(async (row) => {
        const contact = await this.#contactOf(row.personId);
        return {
          ...bookingView(row),
          requester: contact ? { displayName: contact.displayName, email: contact.email } : null,
        };
      }),
    );
  }

  /** Staff confirm a request (if nothing confirmed or no event overlaps it by now) or refuse it with a reason. */
  async decideBooking(actor: Actor, bookingId: string, decision: BookingDecision): Promise<BookingView> {
    const reason = decision.reason?.trim() ?? "";
    if (!decision.confirm && !reason)
      throw new AppError("validation_failed", M.reasonNeeded, [{ path: "/reason", message: "required" }]);
    await inTransaction(this.#db, async (trx) => {
      const booking = await repo.findBooking(trx, bookingId);
      if (!booking) throw notFound(M.noBooking);
      await repo.lockSpace(trx, booking.spaceId);
      if (
        decision.confirm &&
        (await repo.hasOverlap(trx, booking.spaceId, booking.startsAt, booking.endsAt, booking.id))
      )
        throw new AppError("conflict", M.bookingOverlap);
      const at = this.#now().toISOString();
      const changed = await repo.setBookingStatus(trx, bookingId, ["requested"], {
        status: decision.confirm ? "confirmed" : "refused",
        decidedBy: actor.personId,
        decidedAt: at,
        refusalReason: decision.confirm ? null : reason,
        updatedAt: at,
      });
      if (changed === 0) throw new AppError("conflict", M.bookingDecided);
      await this.#audit(
        trx,
        actor,
        decision.confirm ? "spaces.booking.confirm" : "spaces.booking.refuse",
        "booking",
        bookingId,
        {
          space: booking.spaceId,
        },
      );
    });
    return bookingView((await repo.findBooking(this.#db, bookingId)) as BookingRow & { spaceName: string });
  }

  /** A person's bookings for their data export, or null when they have none. */
  async exportPerson(personId: string): Promise<Record<string, unknown> | null> {
    const bookings = await this.myBookings(personId);
    return bookings.length > 0 ? { bookings } : null;
  }

  /** Removes a person's bookings when their account is erased. */
  async erasePerson(personId: string): Promise<void> {
    await repo.deleteBookingsOf(this.#db, personId);
  }

  /** Every space with its weekly hours and exceptions ahead, for open data. */
  async openSpaces(): Promise<{ spaces: SpaceDetail[]; modified: string | null }> {
    const rows = await repo.listSpaces(this.#db);
    const spaces = await Promise.all(rows.map((row) => this.#detail(row)));
    return { spaces, modified: await repo.lastChange(this.#db) };
  }

  async #audit(
    trx: Kysely<SpacesTables>,
    actor: Actor,
    action: string,
    targetType: string,
    targetId: string,
    details: Record<string, string | number> = {},
  ): Promise<void> {
    await recordAudit(
      trx,
      {
        actorId: actor.personId,
        action,
        targetType,
        targetId,
        outcome: "success",
        details,
        requestId: actor.requestId,
      },
      this.#now(),
    );
  }
}

function spaceColumns(input: SpaceInput) {
  return {
    name: input.name.trim(),
    description: writeJson(input.description),
    address: input.address.trim(),
    latitude: input.location?.lat ?? null,
    longitude: input.location?.lon ?? null,
    capacity: input.capacity,
    stepFree: input.accessibility.stepFree ? 1 : 0,
    accessibleToilet: input.accessibility.accessibleToilet ? 1 : 0,
    inductionLoop: input.accessibility.inductionLoop ? 1 : 0,
    accessibilityNotes: input.accessibility.notes ? writeJson(input.accessibility.notes) : null,
    contactEmail: input.contact.email,
    contactPhone: input.contact.phone,
    bookable: input.bookable ? 1 : 0,
  };
}

function checkEventTimes(input: Pick<EventInput, "startsAt" | "endsAt">): {
  startsAt: string;
  endsAt: string;
} {
  const start = new Date(input.startsAt);
  const end = new Date(input.endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    throw new AppError("validation_failed", M.badDate, [{ path: "/startsAt", message: "not a date-time" }]);
  if (end <= start)
    throw new AppError("validation_failed", M.eventEnds, [{ path: "/endsAt", message: "before start" }]);
  if (end.getTime() - start.getTime() > MAX_EVENT_MS)
    throw new AppError("validation_failed", M.eventTooLong, [{ path: "/endsAt", message: "too long" }]);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

function eventColumns(input: EventInput, times: { startsAt: string; endsAt: string }) {
  return {
    title: writeJson(input.title),
    description: writeJson(input.description),
    ...times,
    organiser: input.organiser.trim(),
    price: input.price ? writeJson(input.price) : null,
    signUpUrl: input.signUpUrl,
  };
}
