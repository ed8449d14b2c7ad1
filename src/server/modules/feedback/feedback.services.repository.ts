import type { FeedbackDb, StoredService } from "./feedback.repository.ts";
import type { ServiceAttributeTable, ServiceTable } from "./feedback.tables.ts";

// The queries of service management (staff define categories): one service with its questions, request
// counts per service, and the writes, each in the caller's transaction.

/** A service's own columns as written by staff. */
export type ServiceValues = Omit<ServiceTable, "id" | "createdAt" | "position" | "isExample">;
/** A question's columns without its service. */
export type AttributeValues = Omit<ServiceAttributeTable, "serviceId">;

/** One service by code, active or not, with its questions in order. */
export async function selectServiceByCode(db: FeedbackDb, code: string): Promise<StoredService | undefined> {
  const service = await db
    .selectFrom("feedbackService")
    .selectAll()
    .where("code", "=", code)
    .executeTakeFirst();
  if (!service) return undefined;
  const attributes = await db
    .selectFrom("feedbackServiceAttribute")
    .selectAll()
    .where("serviceId", "=", service.id)
    .orderBy("position")
    .execute();
  return { service, attributes };
}

/** How many requests each service has (services without requests are absent). */
export async function countRequestsPerService(db: FeedbackDb): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("feedbackRequest")
    .select(["serviceId", (eb) => eb.fn.countAll<string | number>().as("count")])
    .groupBy("serviceId")
    .execute();
  return new Map(rows.map((r) => [r.serviceId, Number(r.count)]));
}

/** The position after the last service, so that a new one is listed last. */
export async function nextServicePosition(db: FeedbackDb): Promise<number> {
  const row = await db
    .selectFrom("feedbackService")
    .select((eb) => eb.fn.max<number | null>("position").as("last"))
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** A new service with its questions. */
export async function insertService(
  trx: FeedbackDb,
  row: ServiceTable,
  attributes: readonly AttributeValues[],
): Promise<void> {
  await trx.insertInto("feedbackService").values(row).execute();
  await replaceAttributes(trx, row.id, attributes);
}

/**
 * Changes a service and replaces its questions, only if it is still at `updatedAt` (its version); false when
 * someone changed it meanwhile.
 */
export async function updateService(
  trx: FeedbackDb,
  id: string,
  updatedAt: string,
  values: ServiceValues,
  attributes: readonly AttributeValues[],
): Promise<boolean> {
  const result = await trx
    .updateTable("feedbackService")
    .set(values)
    .where("id", "=", id)
    .where("updatedAt", "=", updatedAt)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await replaceAttributes(trx, id, attributes);
  return true;
}

/** Takes a service into or out of use. */
export async function updateServiceActive(trx: FeedbackDb, id: string, isActive: boolean, at: string) {
  await trx
    .updateTable("feedbackService")
    .set({ isActive: isActive ? 1 : 0, updatedAt: at })
    .where("id", "=", id)
    .execute();
}

/** Removes a service that no request refers to (the foreign key refuses it otherwise). */
export async function deleteService(trx: FeedbackDb, id: string): Promise<void> {
  await trx.deleteFrom("feedbackServiceAttribute").where("serviceId", "=", id).execute();
  await trx.deleteFrom("feedbackService").where("id", "=", id).execute();
}

/** Whether any request refers to a service. */
export async function hasRequests(trx: FeedbackDb, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom("feedbackRequest")
    .select("id")
    .where("serviceId", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

async function replaceAttributes(trx: FeedbackDb, serviceId: string, attributes: readonly AttributeValues[]) {
  await trx.deleteFrom("feedbackServiceAttribute").where("serviceId", "=", serviceId).execute();
  if (attributes.length > 0)
    await trx
      .insertInto("feedbackServiceAttribute")
      .values(attributes.map((a) => ({ ...a, serviceId })))
      .execute();
}
