import type { Kysely } from "kysely";
import type {
  BookingRow,
  EventRow,
  ExceptionRow,
  NewBookingRow,
  NewEventRow,
  NewExceptionRow,
  NewSpaceRow,
  SpaceRow,
  SpacesTables,
} from "./spaces.tables.ts";

// Every query of the spaces module, on its own tables only (DESIGN rule 3).

type Db = Kysely<SpacesTables>;

/** All spaces by name. */
export function listSpaces(db: Db): Promise<SpaceRow[]> {
  return db.selectFrom("spacesSpace").selectAll().orderBy("name").orderBy("id").execute();
}

/** One space, or undefined. */
export function findSpace(db: Db, id: string): Promise<SpaceRow | undefined> {
  return db.selectFrom("spacesSpace").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Adds a space. */
export async function insertSpace(db: Db, row: NewSpaceRow): Promise<void> {
  await db.insertInto("spacesSpace").values(row).execute();
}

/** Changes a space's columns; the number of rows changed (0: no such space). */
export async function updateSpace(
  db: Db,
  id: string,
  changes: Partial<Omit<NewSpaceRow, "id" | "createdAt">>,
): Promise<number> {
  const result = await db.updateTable("spacesSpace").set(changes).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Exceptions of the given spaces from a date on, by date. */
export function listExceptions(
  db: Db,
  spaceIds: readonly string[],
  fromDate: string,
): Promise<ExceptionRow[]> {
  if (spaceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("spacesException")
    .selectAll()
    .where("spaceId", "in", spaceIds)
    .where("date", ">=", fromDate)
    .orderBy("date")
    .execute();
}

/** Sets a space's exception of a date, replacing one already there (one per date, race-free by the unique index). */
export async function upsertException(db: Db, row: NewExceptionRow): Promise<void> {
  await db
    .insertInto("spacesException")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["spaceId", "date"]).doUpdateSet({
        closed: row.closed,
        intervals: row.intervals,
        reason: row.reason,
        createdAt: row.createdAt,
      }),
    )
    .execute();
}

/** One exception of a date. */
export function findExceptionByDate(
  db: Db,
  spaceId: string,
  date: string,
): Promise<ExceptionRow | undefined> {
  return db
    .selectFrom("spacesException")
    .selectAll()
    .where("spaceId", "=", spaceId)
    .where("date", "=", date)
    .executeTakeFirst();
}

/** Removes an exception of a space; the number removed. */
export async function deleteException(db: Db, spaceId: string, id: string): Promise<number> {
  const result = await db
    .deleteFrom("spacesException")
    .where("spaceId", "=", spaceId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Events not ended at `after`, of one space or all, by start; at most `limit`. */
export function listEvents(
  db: Db,
  filter: { spaceId?: string; endsAfter: string; startsBefore?: string; limit: number },
): Promise<(EventRow & { spaceName: string })[]> {
  let query = db
    .selectFrom("spacesEvent")
    .innerJoin("spacesSpace", "spacesSpace.id", "spacesEvent.spaceId")
    .selectAll("spacesEvent")
    .select("spacesSpace.name as spaceName")
    .where("spacesEvent.endsAt", ">", filter.endsAfter);
  if (filter.spaceId) query = query.where("spacesEvent.spaceId", "=", filter.spaceId);
  if (filter.startsBefore) query = query.where("spacesEvent.startsAt", "<", filter.startsBefore);
  return query.orderBy("spacesEvent.startsAt").orderBy("spacesEvent.id").limit(filter.limit).execute();
}

/** One event with its space's name. */
export function findEvent(db: Db, id: string): Promise<(EventRow & { spaceName: string }) | undefined> {
  return db
    .selectFrom("spacesEvent")
    .innerJoin("spacesSpace", "spacesSpace.id", "spacesEvent.spaceId")
    .selectAll("spacesEvent")
    .select("spacesSpace.name as spaceName")
    .where("spacesEvent.id", "=", id)
    .executeTakeFirst();
}

/** Adds an event. */
export async function insertEvent(db: Db, row: NewEventRow): Promise<void> {
  await db.insertInto("spacesEvent").values(row).execute();
}

/** Changes an event; the number of rows changed. */
export async function updateEvent(
  db: Db,
  id: string,
  changes: Partial<Omit<NewEventRow, "id" | "spaceId" | "createdAt">>,
): Promise<number> {
  const result = await db.updateTable("spacesEvent").set(changes).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Removes an event; the number removed. */
export async function deleteEvent(db: Db, id: string): Promise<number> {
  const result = await db.deleteFrom("spacesEvent").where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** When anything of the module last changed, for the open data catalogue. */
export async function lastChange(db: Db): Promise<string | null> {
  const [space, event] = await Promise.all([
    db
      .selectFrom("spacesSpace")
      .select((eb) => eb.fn.max("updatedAt").as("at"))
      .executeTakeFirst(),
    db
      .selectFrom("spacesEvent")
      .select((eb) => eb.fn.max("updatedAt").as("at"))
      .executeTakeFirst(),
  ]);
  const times = [space?.at, event?.at].filter((t): t is string => typeof t === "string");
  return times.length > 0 ? (times.sort().at(-1) ?? null) : null;
}

/**
 * Writes the space's row (changing nothing) inside a transaction, so that the transaction holds the row's lock on
 * PostgreSQL and the write lock on SQLite: decisions about one space's times then run one after the other.
 */
export async function lockSpace(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable("spacesSpace")
    .set((eb) => ({ updatedAt: eb.ref("updatedAt") }))
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether a confirmed booking (other than `exceptId`) or an event of the space overlaps the time. */
export async function hasOverlap(
  db: Db,
  spaceId: string,
  startsAt: string,
  endsAt: string,
  exceptId: string | null,
): Promise<boolean> {
  let bookings = db
    .selectFrom("spacesBooking")
    .select("id")
    .where("spaceId", "=", spaceId)
    .where("status", "=", "confirmed")
    .where("startsAt", "<", endsAt)
    .where("endsAt", ">", startsAt);
  if (exceptId) bookings = bookings.where("id", "!=", exceptId);
  const booking = await bookings.limit(1).executeTakeFirst();
  if (booking) return true;
  const event = await db
    .selectFrom("spacesEvent")
    .select("id")
    .where("spaceId", "=", spaceId)
    .where("startsAt", "<", endsAt)
    .where("endsAt", ">", startsAt)
    .limit(1)
    .executeTakeFirst();
  return Boolean(event);
}

/** Adds a booking. */
export async function insertBooking(db: Db, row: NewBookingRow): Promise<void> {
  await db.insertInto("spacesBooking").values(row).execute();
}

/** One booking with its space's name. */
export function findBooking(db: Db, id: string): Promise<(BookingRow & { spaceName: string }) | undefined> {
  return db
    .selectFrom("spacesBooking")
    .innerJoin("spacesSpace", "spacesSpace.id", "spacesBooking.spaceId")
    .selectAll("spacesBooking")
    .select("spacesSpace.name as spaceName")
    .where("spacesBooking.id", "=", id)
    .executeTakeFirst();
}

/** Bookings of a person (all) or of a status (staff's queue), by start. */
export function listBookings(
  db: Db,
  filter: { personId?: string; status?: string; spaceId?: string; endsAfter?: string },
): Promise<(BookingRow & { spaceName: string })[]> {
  let query = db
    .selectFrom("spacesBooking")
    .innerJoin("spacesSpace", "spacesSpace.id", "spacesBooking.spaceId")
    .selectAll("spacesBooking")
    .select("spacesSpace.name as spaceName");
  if (filter.personId) query = query.where("spacesBooking.personId", "=", filter.personId);
  if (filter.status) query = query.where("spacesBooking.status", "=", filter.status);
  if (filter.spaceId) query = query.where("spacesBooking.spaceId", "=", filter.spaceId);
  if (filter.endsAfter) query = query.where("spacesBooking.endsAt", ">", filter.endsAfter);
  return query.orderBy("spacesBooking.startsAt").orderBy("spacesBooking.id").limit(1000).execute();
}

/** Changes a booking's state; the number of rows changed (0: it was no longer in `from`). */
export async function setBookingStatus(
  db: Db,
  id: string,
  from: readonly string[],
  changes: {
    status: string;
    decidedBy?: string;
    decidedAt?: string;
    refusalReason?: string | null;
    updatedAt: string;
  },
): Promise<number> {
  const result = await db
    .updateTable("spacesBooking")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Removes every booking of a person (their account is erased). */
export async function deleteBookingsOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("spacesBooking").where("personId", "=", personId).execute();
}
