import { type Kysely, PostgresAdapter, sql } from "kysely";
import type {
  GroupHoursRow,
  GroupHoursTable,
  HoursRow,
  HoursTable,
  InvitationRow,
  InvitationTable,
  OpportunityRow,
  OpportunityTable,
  OrganisationRow,
  OrganisationTable,
  ShiftRow,
  ShiftTable,
  SignupRow,
  SignupTable,
  VolunteeringTables,
  VolunteerRow,
  VolunteerTable,
} from "./volunteering.tables.ts";

// Every query of the volunteering module, on its own tables only (DESIGN rules 1 and 3).

type Db = Kysely<VolunteeringTables>;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whether an error is a unique-index violation, on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown } | null;
  return (
    e?.code === "23505" ||
    e?.code === "SQLITE_CONSTRAINT_UNIQUE" ||
    e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

// ---- organisations ----

export async function insertOrganisation(db: Db, row: OrganisationTable): Promise<void> {
  await db.insertInto("volunteeringOrganisation").values(row).execute();
}

export function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom("volunteeringOrganisation").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listOrganisations(db: Db, status?: string): Promise<OrganisationRow[]> {
  let q = db.selectFrom("volunteeringOrganisation").selectAll();
  if (status) q = q.where("status", "=", status);
  return q.orderBy("createdAt").orderBy("id").execute();
}

export function listOrganisationsOf(db: Db, personId: string): Promise<OrganisationRow[]> {
  return db
    .selectFrom("volunteeringOrganisation as o")
    .innerJoin("volunteeringRepresentative as r", "r.organisationId", "o.id")
    .selectAll("o")
    .where("r.personId", "=", personId)
    .orderBy("o.name")
    .execute();
}

export async function updateOrganisation(
  db: Db,
  id: string,
  changes: Partial<OrganisationTable>,
): Promise<void> {
  await db.updateTable("volunteeringOrganisation").set(changes).where("id", "=", id).execute();
}

export async function addRepresentative(db: Db, organisationId: string, personId: string, at: string) {
  await db
    .insertInto("volunteeringRepresentative")
    .values({ organisationId, personId, addedAt: at })
    .onConflict((oc) => oc.columns(["organisationId", "personId"]).doNothing())
    .execute();
}

export async function isRepresentative(db: Db, organisationId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom("volunteeringRepresentative")
    .select("personId")
    .where("organisationId", "=", organisationId)
    .where("personId", "=", personId)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- opportunities and shifts ----

export async function insertOpportunity(db: Db, row: OpportunityTable): Promise<void> {
  await db.insertInto("volunteeringOpportunity").values(row).execute();
}

export function findOpportunity(db: Db, id: string): Promise<OpportunityRow | undefined> {
  return db.selectFrom("volunteeringOpportunity").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Opportunities, optionally only those of approved organisations, or of one organisation. */
export function listOpportunities(
  db: Db,
  filter: { approvedOnly?: boolean; organisationId?: string },
): Promise<(OpportunityRow & { organisationName: string })[]> {
  let q = db
    .selectFrom("volunteeringOpportunity as p")
    .innerJoin("volunteeringOrganisation as o", "o.id", "p.organisationId")
    .selectAll("p")
    .select("o.name as organisationName");
  if (filter.approvedOnly) q = q.where("o.status", "=", "approved");
  if (filter.organisationId) q = q.where("p.organisationId", "=", filter.organisationId);
  return q.orderBy("p.createdAt").orderBy("p.id").execute();
}

export async function insertShifts(db: Db, rows: ShiftTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("volunteeringShift").values(rows).execute();
}

export function findShift(db: Db, id: string): Promise<ShiftRow | undefined> {
  return db.selectFrom("volunteeringShift").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Reads a shift and, on PostgreSQL, locks it until the transaction ends (SQLite transactions are serial). */
export function lockShift(db: Db, id: string): Promise<ShiftRow | undefined> {
  const q = db.selectFrom("volunteeringShift").selectAll().where("id", "=", id);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** Locks a volunteer's row (PostgreSQL), so that one person's sign-ups are decided one at a time. */
export async function lockVolunteer(db: Db, id: string): Promise<void> {
  const q = db.selectFrom("volunteeringVolunteer").select("id").where("id", "=", id);
  await (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/**
 * Locks a shift for update and the given other shifts for share, all in id order (PostgreSQL; SQLite transactions
 * are serial), and returns the shift. A sign-up takes its person's other shifts so with it: a concurrent move of one
 * of them (which locks it for update) either waits for the sign-up or is seen by it with its new time.
 */
export async function lockShiftWith(
  db: Db,
  id: string,
  others: readonly string[],
): Promise<ShiftRow | undefined> {
  if (!isPostgres(db)) return findShift(db, id);
  let found: ShiftRow | undefined;
  for (const each of [...new Set([id, ...others])].sort()) {
    const q = db.selectFrom("volunteeringShift").selectAll().where("id", "=", each);
    if (each === id) found = await q.forUpdate().executeTakeFirst();
    else await q.forShare().executeTakeFirst();
  }
  return found;
}

export function listShifts(db: Db, opportunityIds: string[]): Promise<ShiftRow[]> {
  if (opportunityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("volunteeringShift")
    .selectAll()
    .where("opportunityId", "in", opportunityIds)
    .orderBy("startsAt")
    .orderBy("id")
    .execute();
}

export async function updateShift(db: Db, id: string, changes: Partial<ShiftTable>): Promise<void> {
  await db.updateTable("volunteeringShift").set(changes).where("id", "=", id).execute();
}

/** Confirmed and waitlisted counts per shift. */
export async function shiftCounts(
  db: Db,
  shiftIds: string[],
): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
  const counts = new Map<string, { confirmed: number; waitlisted: number }>();
  if (shiftIds.length === 0) return counts;
  const rows = await db
    .selectFrom("volunteeringSignup")
    .select(["shiftId", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("shiftId", "in", shiftIds)
    .where("status", "in", ["confirmed", "waitlisted"])
    .groupBy(["shiftId", "status"])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.shiftId) ?? { confirmed: 0, waitlisted: 0 };
    if (row.status === "confirmed") entry.confirmed = Number(row.n);
    else entry.waitlisted = Number(row.n);
    counts.set(row.shiftId, entry);
  }
  return counts;
}

// ---- volunteers ----

export async function insertVolunteer(db: Db, row: VolunteerTable): Promise<void> {
  await db.insertInto("volunteeringVolunteer").values(row).execute();
}

export function findVolunteerBy(
  db: Db,
  column: "id" | "personId" | "accessTokenHash" | "confirmTokenHash" | "calendarToken",
  value: string,
): Promise<VolunteerRow | undefined> {
  return db.selectFrom("volunteeringVolunteer").selectAll().where(column, "=", value).executeTakeFirst();
}

export async function updateVolunteer(db: Db, id: string, changes: Partial<VolunteerTable>): Promise<void> {
  await db.updateTable("volunteeringVolunteer").set(changes).where("id", "=", id).execute();
}

export function volunteersByIds(db: Db, ids: string[]): Promise<VolunteerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("volunteeringVolunteer").selectAll().where("id", "in", ids).execute();
}

// ---- sign-ups ----

export async function insertSignup(db: Db, row: SignupTable): Promise<void> {
  await db.insertInto("volunteeringSignup").values(row).execute();
}

export function findSignup(db: Db, id: string): Promise<SignupRow | undefined> {
  return db.selectFrom("volunteeringSignup").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findSignupOf(db: Db, shiftId: string, volunteerId: string): Promise<SignupRow | undefined> {
  return db
    .selectFrom("volunteeringSignup")
    .selectAll()
    .where("shiftId", "=", shiftId)
    .where("volunteerId", "=", volunteerId)
    .executeTakeFirst();
}

export async function updateSignup(db: Db, id: string, changes: Partial<SignupTable>): Promise<void> {
  await db.updateTable("volunteeringSignup").set(changes).where("id", "=", id).execute();
}

export async function countConfirmed(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom("volunteeringSignup")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("shiftId", "=", shiftId)
    .where("status", "=", "confirmed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function nextSeq(db: Db, shiftId: string): Promise<number> {
  const row = await db
    .selectFrom("volunteeringSignup")
    .select((eb) => eb.fn.max("seq").as("m"))
    .where("shiftId", "=", shiftId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

/** The waitlist of a shift in order (first = next to be promoted). */
export function waitlist(db: Db, shiftId: string): Promise<SignupRow[]> {
  return db
    .selectFrom("volunteeringSignup")
    .selectAll()
    .where("shiftId", "=", shiftId)
    .where("status", "=", "waitlisted")
    .orderBy("seq")
    .execute();
}

/** The volunteer's active sign-ups on other shifts overlapping [startsAt, endsAt). */
export function overlapping(
  db: Db,
  volunteerId: string,
  shiftId: string,
  startsAt: string,
  endsAt: string,
): Promise<{ id: string }[]> {
  return db
    .selectFrom("volunteeringSignup as s")
    .innerJoin("volunteeringShift as h", "h.id", "s.shiftId")
    .select("s.id")
    .where("s.volunteerId", "=", volunteerId)
    .where("s.status", "in", ["confirmed", "waitlisted"])
    .where("h.id", "!=", shiftId)
    .where("h.cancelledAt", "is", null)
    .where("h.startsAt", "<", endsAt)
    .where("h.endsAt", ">", startsAt)
    .execute();
}

/** Active sign-ups of these volunteers on live shifts, with the shifts' times (for clashes). */
export function activeSignupTimes(
  db: Db,
  volunteerIds: string[],
): Promise<
  {
    signupId: string;
    volunteerId: string;
    shiftId: string;
    opportunityId: string;
    startsAt: string;
    endsAt: string;
  }[]
> {
  if (volunteerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("volunteeringSignup as s")
    .innerJoin("volunteeringShift as h", "h.id", "s.shiftId")
    .select(["s.id as signupId", "s.volunteerId", "s.shiftId", "h.opportunityId", "h.startsAt", "h.endsAt"])
    .where("s.volunteerId", "in", volunteerIds)
    .where("s.status", "in", ["confirmed", "waitlisted"])
    .where("h.cancelledAt", "is", null)
    .orderBy("h.startsAt")
    .execute();
}

export function signupsOfVolunteer(db: Db, volunteerId: string): Promise<SignupRow[]> {
  return db.selectFrom("volunteeringSignup").selectAll().where("volunteerId", "=", volunteerId).execute();
}

export function signupsOfShifts(db: Db, shiftIds: string[]): Promise<SignupRow[]> {
  if (shiftIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("volunteeringSignup")
    .selectAll()
    .where("shiftId", "in", shiftIds)
    .where("status", "in", ["confirmed", "waitlisted"])
    .orderBy("seq")
    .execute();
}

export function shiftsByIds(db: Db, ids: string[]): Promise<ShiftRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("volunteeringShift").selectAll().where("id", "in", ids).execute();
}

export function opportunitiesByIds(db: Db, ids: string[]): Promise<OpportunityRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("volunteeringOpportunity").selectAll().where("id", "in", ids).execute();
}

/** Confirmed sign-ups on shifts starting in [from, to) that have not been reminded yet. */
export function dueReminders(db: Db, from: string, to: string): Promise<SignupRow[]> {
  return db
    .selectFrom("volunteeringSignup as s")
    .innerJoin("volunteeringShift as h", "h.id", "s.shiftId")
    .selectAll("s")
    .where("s.status", "=", "confirmed")
    .where("s.remindedAt", "is", null)
    .where("h.cancelledAt", "is", null)
    .where("h.startsAt", ">=", from)
    .where("h.startsAt", "<", to)
    .execute();
}

// ---- hours ----

export async function insertHours(db: Db, row: HoursTable): Promise<void> {
  await db.insertInto("volunteeringHours").values(row).execute();
}

export function findHours(db: Db, id: string): Promise<HoursRow | undefined> {
  return db.selectFrom("volunteeringHours").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateHours(db: Db, id: string, changes: Partial<HoursTable>): Promise<void> {
  await db.updateTable("volunteeringHours").set(changes).where("id", "=", id).execute();
}

export function hoursOfVolunteer(db: Db, volunteerId: string): Promise<HoursRow[]> {
  return db
    .selectFrom("volunteeringHours")
    .selectAll()
    .where("volunteerId", "=", volunteerId)
    .orderBy("workDate")
    .orderBy("id")
    .execute();
}

/** Free-text notes may name people; erasure clears them and keeps the figures. */
export async function clearHoursNotes(db: Db, volunteerId: string): Promise<void> {
  await db
    .updateTable("volunteeringHours")
    .set({ note: "" })
    .where("volunteerId", "=", volunteerId)
    .execute();
}

export function hoursToConfirm(db: Db, organisationId: string): Promise<HoursRow[]> {
  return db
    .selectFrom("volunteeringHours as h")
    .innerJoin("volunteeringOpportunity as p", "p.id", "h.opportunityId")
    .selectAll("h")
    .where("p.organisationId", "=", organisationId)
    .where("h.status", "=", "logged")
    .orderBy("h.workDate")
    .orderBy("h.id")
    .execute();
}

/** Confirmed minutes of work done in a calendar year. */
export async function confirmedMinutesIn(db: Db, year: number): Promise<number> {
  const row = await db
    .selectFrom("volunteeringHours")
    .select((eb) => eb.fn.sum<number>("minutes").as("m"))
    .where("status", "=", "confirmed")
    .where("workDate", ">=", `${year}-01-01`)
    .where("workDate", "<=", `${year}-12-31`)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Confirmed hours by month and area: distinct volunteers and minutes. */
export async function hoursByMonthAndArea(
  db: Db,
): Promise<{ month: string; area: string; volunteers: number; minutes: number }[]> {
  const rows = await db
    .selectFrom("volunteeringHours as h")
    .innerJoin("volunteeringOpportunity as p", "p.id", "h.opportunityId")
    .select([
      sql<string>`substr(h.work_date, 1, 7)`.as("month"),
      "p.area as area",
      (eb) => eb.fn.count<number>("h.volunteerId").distinct().as("volunteers"),
      (eb) => eb.fn.sum<number>("h.minutes").as("minutes"),
    ])
    .where("h.status", "=", "confirmed")
    .groupBy([sql`substr(h.work_date, 1, 7)`, "p.area"])
    .orderBy("month")
    .orderBy("area")
    .execute();
  return rows.map((r) => ({ ...r, volunteers: Number(r.volunteers), minutes: Number(r.minutes) }));
}

/** Every live shift of an approved organisation's opportunity, with its area (aggregated by the service). */
export function publishedShiftAreas(
  db: Db,
): Promise<{ opportunityId: string; area: string; startsAt: string }[]> {
  return db
    .selectFrom("volunteeringShift as s")
    .innerJoin("volunteeringOpportunity as p", "p.id", "s.opportunityId")
    .innerJoin("volunteeringOrganisation as o", "o.id", "p.organisationId")
    .select(["s.opportunityId", "p.area", "s.startsAt"])
    .where("o.status", "=", "approved")
    .where("s.cancelledAt", "is", null)
    .execute();
}

/** Confirmed hours entries with their month and their task's themes (the service aggregates by theme). */
export async function confirmedHoursWithThemes(
  db: Db,
): Promise<{ month: string; volunteerId: string; minutes: number; themes: unknown }[]> {
  const rows = await db
    .selectFrom("volunteeringHours as h")
    .innerJoin("volunteeringOpportunity as p", "p.id", "h.opportunityId")
    .select([sql<string>`substr(h.work_date, 1, 7)`.as("month"), "h.volunteerId", "h.minutes", "p.themes"])
    .where("h.status", "=", "confirmed")
    .execute();
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }));
}

// ---- suggestions and invitations ----

/** Volunteers who allow organisations to suggest tasks to them (the only ones ever suggested). */
export function suggestibleVolunteers(db: Db): Promise<VolunteerRow[]> {
  return db
    .selectFrom("volunteeringVolunteer")
    .selectAll()
    .where("suggestionsAllowedAt", "is not", null)
    .orderBy("id")
    .execute();
}

/** Volunteers with an active sign-up on some shift of the opportunity (no need to suggest them). */
export async function volunteersSignedUpFor(db: Db, opportunityId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("volunteeringSignup as s")
    .innerJoin("volunteeringShift as h", "h.id", "s.shiftId")
    .select("s.volunteerId")
    .where("h.opportunityId", "=", opportunityId)
    .where("s.status", "in", ["confirmed", "waitlisted"])
    .execute();
  return new Set(rows.map((r) => r.volunteerId));
}

export async function insertInvitation(db: Db, row: InvitationTable): Promise<void> {
  await db.insertInto("volunteeringInvitation").values(row).execute();
}

export function invitationsOfOpportunity(db: Db, opportunityId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom("volunteeringInvitation")
    .selectAll()
    .where("opportunityId", "=", opportunityId)
    .execute();
}

export function invitationsOfVolunteer(db: Db, volunteerId: string): Promise<InvitationRow[]> {
  return db
    .selectFrom("volunteeringInvitation")
    .selectAll()
    .where("volunteerId", "=", volunteerId)
    .orderBy("createdAt", "desc")
    .orderBy("id")
    .execute();
}

export function findInvitationByToken(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("volunteeringInvitation")
    .selectAll()
    .where("optOutTokenHash", "=", tokenHash)
    .executeTakeFirst();
}

/** Invitations since a moment, by one column (an organisation, a representative or a volunteer). */
export async function countInvitationsSince(
  db: Db,
  column: "organisationId" | "invitedBy" | "volunteerId",
  value: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom("volunteeringInvitation")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(column, "=", value)
    .where("createdAt", ">=", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function updateOpportunity(
  db: Db,
  id: string,
  changes: Partial<OpportunityTable>,
): Promise<void> {
  await db.updateTable("volunteeringOpportunity").set(changes).where("id", "=", id).execute();
}

/** Removes a volunteer's invitations (erasure: who invited whom is personal data too). */
export async function deleteInvitationsOf(db: Db, volunteerId: string): Promise<void> {
  await db.deleteFrom("volunteeringInvitation").where("volunteerId", "=", volunteerId).execute();
}

// ---- hours of people without a volunteer record ----

export async function insertGroupHours(db: Db, row: GroupHoursTable): Promise<void> {
  await db.insertInto("volunteeringGroupHours").values(row).execute();
}

export function findGroupHours(db: Db, id: string): Promise<GroupHoursRow | undefined> {
  return db.selectFrom("volunteeringGroupHours").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteGroupHours(db: Db, id: string): Promise<void> {
  await db.deleteFrom("volunteeringGroupHours").where("id", "=", id).execute();
}

export function groupHoursOf(db: Db, opportunityIds: string[]): Promise<GroupHoursRow[]> {
  if (opportunityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("volunteeringGroupHours")
    .selectAll()
    .where("opportunityId", "in", opportunityIds)
    .orderBy("workDate", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Minutes of work by people without a record (people × minutes each) in a calendar year. */
export async function groupMinutesIn(db: Db, year: number): Promise<number> {
  const row = await db
    .selectFrom("volunteeringGroupHours")
    .select(sql<number>`sum(people * minutes_each)`.as("m"))
    .where("workDate", ">=", `${year}-01-01`)
    .where("workDate", "<=", `${year}-12-31`)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

/** Hours of people without a record by month and area: people (summed, they cannot be told apart) and minutes. */
export async function groupHoursByMonthAndArea(
  db: Db,
): Promise<{ month: string; area: string; volunteers: number; minutes: number }[]> {
  const rows = await db
    .selectFrom("volunteeringGroupHours as g")
    .innerJoin("volunteeringOpportunity as p", "p.id", "g.opportunityId")
    .select([
      sql<string>`substr(g.work_date, 1, 7)`.as("month"),
      "p.area as area",
      (eb) => eb.fn.sum<number>("g.people").as("volunteers"),
      sql<number>`sum(g.people * g.minutes_each)`.as("minutes"),
    ])
    .groupBy([sql`substr(g.work_date, 1, 7)`, "p.area"])
    .execute();
  return rows.map((r) => ({ ...r, volunteers: Number(r.volunteers), minutes: Number(r.minutes) }));
}

/** Every entry of hours without a record, with its month and its task's themes. */
export async function groupHoursWithThemes(
  db: Db,
): Promise<{ month: string; people: number; minutes: number; themes: unknown }[]> {
  const rows = await db
    .selectFrom("volunteeringGroupHours as g")
    .innerJoin("volunteeringOpportunity as p", "p.id", "g.opportunityId")
    .select([
      sql<string>`substr(g.work_date, 1, 7)`.as("month"),
      "g.people",
      sql<number>`g.people * g.minutes_each`.as("minutes"),
      "p.themes",
    ])
    .execute();
  return rows.map((r) => ({ ...r, people: Number(r.people), minutes: Number(r.minutes) }));
}
