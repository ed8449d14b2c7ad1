import { CompiledQuery, type Insertable, type Kysely, sql, type Transaction } from "kysely";
import type {
  ApiKeyRow,
  EventRow,
  FeedbackTables,
  NewRequestRow,
  RequestRow,
  ServiceAttributeRow,
  ServiceRow,
} from "./feedback.tables.ts";

// Every query of the feedback module, on its own tables only.

/** The module's database handle, or a transaction on it. */
export type FeedbackDb = Kysely<FeedbackTables> | Transaction<FeedbackTables>;

/** A service with its attributes, as stored. */
export interface StoredService {
  service: ServiceRow;
  attributes: ServiceAttributeRow[];
}

/** Every service (active ones only unless asked), in display order, each with its attributes. */
export async function selectServices(db: FeedbackDb, includeInactive = false): Promise<StoredService[]> {
  let query = db.selectFrom("feedbackService").selectAll().orderBy("position").orderBy("code");
  if (!includeInactive) query = query.where("isActive", "=", 1);
  const services = await query.execute();
  if (services.length === 0) return [];
  const attributes = await db
    .selectFrom("feedbackServiceAttribute")
    .selectAll()
    .where(
      "serviceId",
      "in",
      services.map((s) => s.id),
    )
    .orderBy("position")
    .execute();
  return services.map((service) => ({
    service,
    attributes: attributes.filter((a) => a.serviceId === service.id),
  }));
}

/**
 * Single-row inserts whose SQL is compiled once per table and column list. Building and compiling an insert
 * through Kysely (parsing the values, the camel-case plugin, the compiler) cost more than SQLite's own work
 * for it, and a create inserts two rows; the SQL depends only on the table and the columns, so later rows
 * only bind their values. A compiled insert is kept only if it binds exactly the row's values in key order
 * (anything Kysely would write differently is compiled each time). One per database: dialects differ.
 */
export class CompiledInserts {
  readonly #sql = new Map<string, string | null>();

  /** Inserts one row into one of the module's tables, in the given handle or transaction. */
  async insert<T extends keyof FeedbackTables & string>(
    db: FeedbackDb,
    table: T,
    row: Insertable<FeedbackTables[T]>,
  ): Promise<void> {
    const values = Object.values(row);
    const key = `${table}(${Object.keys(row).join(",")})`;
    const kept = this.#sql.get(key);
    if (kept) {
      await db.executeQuery(CompiledQuery.raw(kept, values));
      return;
    }
    // The row's type is checked by the signature; Kysely cannot follow a generic table name.
    const compiled = db
      .insertInto(table)
      .values(row as never)
      .compile();
    const bindsRow =
      compiled.parameters.length === values.length && compiled.parameters.every((p, i) => p === values[i]);
    this.#sql.set(key, bindsRow ? compiled.sql : null);
    await db.executeQuery(compiled);
  }
}

/** A new request, its first history entry and its photos, in the caller's transaction. */
export async function insertRequest(
  trx: FeedbackDb,
  row: NewRequestRow,
  event: Omit<EventRow, "requestId">,
  photos: {
    id: string;
    position: number;
    contentType: string;
    altText: string | null;
    content: Uint8Array;
    createdAt: string;
  }[],
  inserts: CompiledInserts = new CompiledInserts(),
): Promise<void> {
  await inserts.insert(trx, "feedbackRequest", row);
  await inserts.insert(trx, "feedbackEvent", { ...event, requestId: row.id });
  if (photos.length > 0) {
    await trx
      .insertInto("feedbackPhoto")
      .values(
        photos.map((p) => ({
          id: p.id,
          requestId: row.id,
          position: p.position,
          contentType: p.contentType,
          byteSize: p.content.length,
          altText: p.altText,
          content: Buffer.from(p.content.buffer, p.content.byteOffset, p.content.length),
          createdAt: p.createdAt,
        })),
      )
      .execute();
  }
}

/** Whether a database error is a unique-constraint violation (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** One request by its id. */
export function selectRequestById(db: FeedbackDb, id: string): Promise<RequestRow | undefined> {
  return db.selectFrom("feedbackRequest").selectAll().where("id", "=", id).executeTakeFirst();
}

/** One request by its reference number. */
export function selectRequestByReference(db: FeedbackDb, reference: string): Promise<RequestRow | undefined> {
  return db.selectFrom("feedbackRequest").selectAll().where("reference", "=", reference).executeTakeFirst();
}

/** Requests by their reference numbers. */
export async function selectRequestsByReferences(
  db: FeedbackDb,
  references: string[],
): Promise<RequestRow[]> {
  if (references.length === 0) return [];
  return db
    .selectFrom("feedbackRequest")
    .selectAll()
    .where("reference", "in", references)
    .orderBy("requestedAt", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** One request by its Open311 token. */
export function selectRequestByToken(db: FeedbackDb, token: string): Promise<RequestRow | undefined> {
  return db.selectFrom("feedbackRequest").selectAll().where("token", "=", token).executeTakeFirst();
}

/** When a published request and an active service last changed (the open data catalogue's `modified`). */
export async function selectLastPublicChanges(
  db: FeedbackDb,
): Promise<{ requests: string | null; services: string | null }> {
  const requests = await db
    .selectFrom("feedbackRequest")
    .where("visibility", "=", "published")
    .select((eb) => eb.fn.max("updatedAt").as("at"))
    .executeTakeFirstOrThrow();
  const services = await db
    .selectFrom("feedbackService")
    .where("isActive", "=", 1)
    .select((eb) => eb.fn.max("updatedAt").as("at"))
    .executeTakeFirstOrThrow();
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return { requests: text(requests.at), services: text(services.at) };
}

/** Filters over requests; every field narrows the set. */
export interface RequestFilter {
  serviceIds?: string[];
  statuses?: string[];
  units?: string[];
  requestedFrom?: string;
  requestedTo?: string;
  updatedAfter?: string;
  updatedBefore?: string;
  bbox?: { minLat: number; minLong: number; maxLat: number; maxLong: number };
  publishedOnly?: boolean;
  reporterId?: string;
  assignee?: string | null;
  overdueAt?: string;
  /** Only requests escalated at least this far (1: to the handlers). */
  escalatedFrom?: number;
  search?: string;
  serviceObject?: { id: string; type: string };
}

/** How a page of requests is ordered: newest first, or overdue first at a given instant. */
export type RequestOrder = { by: "newest" } | { by: "overdue"; at: string };

/** The columns a public list shows (no contact details, reporter, handler or internal routing). */
export const PUBLIC_COLUMNS = [
  "id",
  "reference",
  "serviceId",
  "status",
  "closeReason",
  "title",
  "description",
  "publicDescription",
  "publishConsent",
  "visibility",
  "lat",
  "long",
  "address",
  "addressId",
  "mediaUrl",
  "serviceObjectId",
  "serviceObjectType",
  "duplicateOf",
  "publicAnswer",
  "answeredAt",
  "requestedAt",
  "updatedAt",
  "firstResponseAt",
  "expectedFirstResponseAt",
  "expectedResolutionAt",
] as const satisfies readonly (keyof RequestRow)[];

/** A request as a public list reads it. */
export type PublicRow = Pick<RequestRow, (typeof PUBLIC_COLUMNS)[number]>;

/** A page of requests matching a filter, newest first, and how many match in all. */
export async function selectRequests(
  db: FeedbackDb,
  filter: RequestFilter,
  page: { limit: number; offset: number },
  withTotal = true,
  order: RequestOrder = { by: "newest" },
): Promise<{ rows: RequestRow[]; total: number }> {
  const query = filtered(db, filter);
  let ordered = query.selectAll();
  if (order.by === "overdue") {
    const at = order.at;
    ordered = ordered
      .orderBy(
        sql`case when status in ('received', 'allocated', 'handling') and ((first_response_at is null and expected_first_response_at < ${at}) or expected_resolution_at < ${at}) then 0 else 1 end`,
      )
      .orderBy("expectedFirstResponseAt");
  }
  const rows = await ordered
    .orderBy("requestedAt", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  if (!withTotal) return { rows, total: rows.length };
  return { rows, total: await countRequests(query) };
}

/**
 * A page of published requests matching a filter, newest first, with the public columns only. The page's
 * ids are found first (over the index of published requests, without reading the rows it skips), then
 * only those rows are read: a deep page costs about what the first one does.
 */
export async function selectPublicPage(
  db: FeedbackDb,
  filter: RequestFilter,
  page: { limit: number; offset: number },
  withTotal: boolean,
): Promise<{ rows: PublicRow[]; total: number }> {
  const query = filtered(db, { ...filter, publishedOnly: true });
  const ids = query
    .select("id")
    .orderBy("requestedAt", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .offset(page.offset);
  const rows = await db
    .selectFrom("feedbackRequest")
    .select(PUBLIC_COLUMNS)
    .where("id", "in", ids)
    .orderBy("requestedAt", "desc")
    .orderBy("id", "desc")
    .execute();
  if (!withTotal) return { rows, total: rows.length };
  return { rows, total: await countRequests(query) };
}

/** How many published requests match a filter. */
export function countPublicRequests(db: FeedbackDb, filter: RequestFilter): Promise<number> {
  return countRequests(filtered(db, { ...filter, publishedOnly: true }));
}

type FilteredRequests = ReturnType<typeof filtered>;

async function countRequests(query: FilteredRequests): Promise<number> {
  const counted = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(counted.n);
}

// The requests a filter selects, before columns, order and page are chosen.
function filtered(db: FeedbackDb, filter: RequestFilter) {
  let query = db.selectFrom("feedbackRequest");
  if (filter.serviceIds) query = query.where("serviceId", "in", nonEmpty(filter.serviceIds));
  if (filter.statuses) query = query.where("status", "in", nonEmpty(filter.statuses));
  if (filter.units) query = query.where("unit", "in", nonEmpty(filter.units));
  if (filter.requestedFrom) query = query.where("requestedAt", ">=", filter.requestedFrom);
  if (filter.requestedTo) query = query.where("requestedAt", "<=", filter.requestedTo);
  if (filter.updatedAfter) query = query.where("updatedAt", ">", filter.updatedAfter);
  if (filter.updatedBefore) query = query.where("updatedAt", "<", filter.updatedBefore);
  if (filter.bbox) {
    const b = filter.bbox;
    query = query
      .where("lat", ">=", b.minLat)
      .where("lat", "<=", b.maxLat)
      .where("long", ">=", b.minLong)
      .where("long", "<=", b.maxLong);
  }
  if (filter.publishedOnly) query = query.where("visibility", "=", "published");
  if (filter.reporterId) query = query.where("reporterId", "=", filter.reporterId);
  if (filter.assignee !== undefined) {
    query =
      filter.assignee === null
        ? query.where("assigneeId", "is", null)
        : query.where("assigneeId", "=", filter.assignee);
  }
  if (filter.overdueAt) {
    const at = filter.overdueAt;
    query = query.where((eb) =>
      eb.and([
        eb("status", "in", ["received", "allocated", "handling"]),
        eb.or([
          eb.and([eb("firstResponseAt", "is", null), eb("expectedFirstResponseAt", "<", at)]),
          eb("expectedResolutionAt", "<", at),
        ]),
      ]),
    );
  }
  if (filter.escalatedFrom !== undefined) query = query.where("escalationLevel", ">=", filter.escalatedFrom);
  if (filter.search) {
    // Only text anyone may read is searched: the moderated text, or the reporter's when they consented.
    const pattern = `%${filter.search.replaceAll(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    const readable = sql`lower(case when public_description is not null then public_description when publish_consent = 1 then description else '' end)`;
    query = query.where((eb) =>
      eb.or([
        eb(readable, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(title, ''))`, "like", sql`${pattern} escape '\\'`),
      ]),
    );
  }
  if (filter.serviceObject) {
    query = query
      .where("serviceObjectId", "=", filter.serviceObject.id)
      .where("serviceObjectType", "=", filter.serviceObject.type);
  }
  return query;
}

function nonEmpty(values: string[]): string[] {
  // `in ()` is a syntax error; a list that can match nothing is expressed with an impossible value.
  return values.length > 0 ? values : ["\u0001none"];
}

/** Appends one history entry to a request, in the caller's transaction. */
export async function insertEvent(
  trx: FeedbackDb,
  requestId: string,
  event: Omit<EventRow, "requestId">,
): Promise<void> {
  await trx
    .insertInto("feedbackEvent")
    .values({ ...event, requestId })
    .execute();
}

/** A request's history, oldest first. */
export function selectEvents(
  db: FeedbackDb,
  requestId: string,
  includeInternal: boolean,
): Promise<EventRow[]> {
  let query = db.selectFrom("feedbackEvent").selectAll().where("requestId", "=", requestId);
  if (!includeInternal) query = query.where("isInternal", "=", 0);
  return query.orderBy("at").orderBy("id").execute();
}

/** The histories of several requests, oldest first (public entries only unless asked). */
export async function selectEventsOf(
  db: FeedbackDb,
  requestIds: string[],
  includeInternal: boolean,
): Promise<EventRow[]> {
  if (requestIds.length === 0) return [];
  let query = db.selectFrom("feedbackEvent").selectAll().where("requestId", "in", requestIds);
  if (!includeInternal) query = query.where("isInternal", "=", 0);
  return query.orderBy("at").orderBy("id").execute();
}

/** Photo ids and types of several requests, in order. */
export async function selectPhotoList(
  db: FeedbackDb,
  requestIds: string[],
): Promise<{ id: string; requestId: string; contentType: string; altText: string | null }[]> {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom("feedbackPhoto")
    .select(["id", "requestId", "contentType", "altText"])
    .where("requestId", "in", requestIds)
    .orderBy("requestId")
    .orderBy("position")
    .execute();
}

/** One photo with its bytes and the request it belongs to. */
export function selectPhoto(db: FeedbackDb, id: string) {
  return db
    .selectFrom("feedbackPhoto")
    .select(["id", "requestId", "contentType", "content"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Reference numbers of the requests marked as duplicates of one. */
export async function selectDuplicateReferences(db: FeedbackDb, requestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("feedbackRequest")
    .select("reference")
    .where("duplicateOf", "=", requestId)
    .orderBy("requestedAt")
    .execute();
  return rows.map((r) => r.reference);
}

/** References of several request ids (to show what a request duplicates). */
export async function selectReferencesOf(db: FeedbackDb, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("feedbackRequest")
    .select(["id", "reference"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** Unfinished requests of the same service near a point (or anywhere when it has none), newest first. */
export function selectNearbyOpen(
  db: FeedbackDb,
  request: RequestRow,
  box: { minLat: number; minLong: number; maxLat: number; maxLong: number } | null,
  since: string,
  limit: number,
): Promise<RequestRow[]> {
  let query = db
    .selectFrom("feedbackRequest")
    .selectAll()
    .where("serviceId", "=", request.serviceId)
    .where("id", "!=", request.id)
    .where("duplicateOf", "is", null)
    .where("status", "in", ["received", "allocated", "handling"])
    .where("requestedAt", ">=", since);
  if (box) {
    query = query
      .where("lat", ">=", box.minLat)
      .where("lat", "<=", box.maxLat)
      .where("long", ">=", box.minLong)
      .where("long", "<=", box.maxLong);
  }
  return query.orderBy("requestedAt", "desc").limit(limit).execute();
}

// ---- Open311 API keys ----

/** Stores a new key's hash. */
export async function insertApiKey(db: FeedbackDb, row: ApiKeyRow): Promise<void> {
  await db.insertInto("feedbackApiKey").values(row).execute();
}

/** Every key (hashes are not returned). */
export function selectApiKeys(db: FeedbackDb) {
  return db
    .selectFrom("feedbackApiKey")
    .select(["id", "name", "createdAt", "revokedAt"])
    .orderBy("createdAt")
    .execute();
}

/** The live key with this hash. */
export function selectActiveApiKey(db: FeedbackDb, keyHash: string) {
  return db
    .selectFrom("feedbackApiKey")
    .select(["id", "name"])
    .where("keyHash", "=", keyHash)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
}

/** Marks a key revoked; how many keys changed (0 when unknown or already revoked). */
export async function revokeApiKey(db: FeedbackDb, id: string, at: string): Promise<number> {
  const result = await db
    .updateTable("feedbackApiKey")
    .set({ revokedAt: at })
    .where("id", "=", id)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Promise and first response of every request made in [from, to), except duplicates and example data. */
export function selectResponseTimes(db: FeedbackDb, from: string, to: string) {
  return db
    .selectFrom("feedbackRequest")
    .select(["requestedAt", "expectedFirstResponseAt", "firstResponseAt"])
    .where("requestedAt", ">=", from)
    .where("requestedAt", "<", to)
    .where("duplicateOf", "is", null)
    .where("isExample", "=", 0)
    .execute();
}

/** What the module holds about a signed-in reporter: their requests with the contact details they gave. */
export function selectReporterRequests(db: FeedbackDb, personId: string) {
  return db
    .selectFrom("feedbackRequest")
    .select([
      "reference",
      "requestedAt",
      "status",
      "description",
      "contactEmail",
      "contactName",
      "contactPhone",
      "address",
    ])
    .where("reporterId", "=", personId)
    .orderBy("requestedAt")
    .execute();
}

/** Unlinks a reporter's requests and removes their contact details and own text (keeps the moderated text). */
export async function eraseReporter(db: FeedbackDb, personId: string, removedText: string): Promise<void> {
  await db
    .updateTable("feedbackRequest")
    .set((eb) => ({
      description: eb.fn.coalesce("publicDescription", eb.val(removedText)),
      contactEmail: null,
      contactName: null,
      contactPhone: null,
      deviceId: null,
      accountId: null,
      reporterId: null,
    }))
    .where("reporterId", "=", personId)
    .execute();
}

/** Both promises and when each was kept, per service, for requests made in [from, to) (no duplicates or examples). */
export function selectPromiseTimes(db: FeedbackDb, from: string, to: string) {
  return db
    .selectFrom("feedbackRequest")
    .select([
      "serviceId",
      "requestedAt",
      "expectedFirstResponseAt",
      "firstResponseAt",
      "expectedResolutionAt",
      "closedAt",
    ])
    .where("requestedAt", ">=", from)
    .where("requestedAt", "<", to)
    .where("duplicateOf", "is", null)
    .where("isExample", "=", 0)
    .execute();
}

/** Open requests with a promise passed at `at`: what escalation and the digest look at. */
export function selectOverdue(db: FeedbackDb, at: string) {
  return db
    .selectFrom("feedbackRequest")
    .select([
      "id",
      "reference",
      "serviceId",
      "unit",
      "status",
      "firstResponseAt",
      "expectedFirstResponseAt",
      "expectedResolutionAt",
      "escalationLevel",
      "escalationBreach",
    ])
    .where("status", "in", ["received", "allocated", "handling"])
    .where((eb) =>
      eb.or([
        eb.and([eb("firstResponseAt", "is", null), eb("expectedFirstResponseAt", "<", at)]),
        eb("expectedResolutionAt", "<", at),
      ]),
    )
    .orderBy("unit")
    .orderBy("requestedAt")
    .execute();
}

/** Raises a request's escalation unless another run already did (the level it was read at must still hold). */
export async function updateEscalation(
  db: FeedbackDb,
  id: string,
  was: { level: number; breach: string | null },
  to: { level: number; breach: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("feedbackRequest")
    .set({ escalationLevel: to.level, escalationBreach: to.breach, escalatedAt: to.at })
    .where("id", "=", id)
    .where("escalationLevel", "=", was.level)
    .where((eb) =>
      was.breach === null ? eb("escalationBreach", "is", null) : eb("escalationBreach", "=", was.breach),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The people who already got the digest on a Helsinki day. */
export async function selectDigestRecipients(db: FeedbackDb, day: string): Promise<Set<string>> {
  const rows = await db.selectFrom("feedbackDigest").select("personId").where("day", "=", day).execute();
  return new Set(rows.map((r) => r.personId));
}

/** Records that a person got the digest on a day (again, with --force: the later send wins). */
export async function recordDigest(
  db: FeedbackDb,
  row: { day: string; personId: string; items: number; sentAt: string },
): Promise<void> {
  await db
    .insertInto("feedbackDigest")
    .values(row)
    .onConflict((oc) => oc.columns(["day", "personId"]).doUpdateSet({ items: row.items, sentAt: row.sentAt }))
    .execute();
}

/** The descriptions residents wrote in requests since an instant, for the signals module (no contacts). */
export function selectRequestTexts(
  db: FeedbackDb,
  since: string,
): Promise<{ id: string; description: string; requestedAt: string }[]> {
  return db
    .selectFrom("feedbackRequest")
    .select(["id", "description", "requestedAt"])
    .where("requestedAt", ">=", since)
    .orderBy("requestedAt")
    .execute();
}
