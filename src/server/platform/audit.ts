import type { Kysely } from "kysely";
import { csvCell } from "../../contracts/csv.ts";
import type { AnyDb } from "../db/db.ts";
import { readJson, writeJson } from "../db/db.ts";
import { newId } from "../lib/ids.ts";

/** A detail value in an audit entry: plain scalars only, so nothing structured (and personal) slips in. */
export type AuditDetail = string | number | boolean | null;

/** One security event or staff/admin action. Identity numbers, passwords and tokens never go here. */
export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: "success" | "failure" | "denied" | "throttled";
  details?: Record<string, AuditDetail>;
  requestId?: string | null;
}

/** An entry as stored. */
export interface AuditRecord extends Required<Omit<AuditEvent, "details">> {
  id: string;
  at: string;
  details: Record<string, AuditDetail>;
}

interface AuditTables {
  auditLog: {
    id: string;
    at: string;
    actorId: string | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    outcome: string;
    details: string;
    requestId: string | null;
  };
}

/** Appends an entry; inside the caller's transaction when given one, so the action and its record commit together. */
export async function recordAudit(db: AnyDb, event: AuditEvent, now: Date = new Date()): Promise<void> {
  await (db as Kysely<AuditTables>)
    .insertInto("auditLog")
    .values({
      id: newId(now.getTime()),
      at: now.toISOString(),
      actorId: event.actorId,
      action: event.action,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      outcome: event.outcome,
      details: writeJson(event.details ?? {}),
      requestId: event.requestId ?? null,
    })
    .execute();
}

/** Filters for reading the log. */
export interface AuditQuery {
  from?: string;
  to?: string;
  action?: string;
  actorId?: string;
  targetId?: string;
  /** Entries where this id is the actor or the target (a person's own history). */
  involving?: string;
  limit?: number;
}

/** Reads entries newest first. */
export async function listAudit(db: AnyDb, query: AuditQuery = {}): Promise<AuditRecord[]> {
  let q = (db as Kysely<AuditTables>).selectFrom("auditLog").selectAll();
  if (query.from) q = q.where("at", ">=", query.from);
  if (query.to) q = q.where("at", "<", query.to);
  if (query.action) q = q.where("action", "=", query.action);
  if (query.actorId) q = q.where("actorId", "=", query.actorId);
  if (query.targetId) q = q.where("targetId", "=", query.targetId);
  const involving = query.involving;
  if (involving) q = q.where((eb) => eb.or([eb("actorId", "=", involving), eb("targetId", "=", involving)]));
  const rows = await q
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(query.limit ?? 500)
    .execute();
  return rows.map((row) => ({
    ...row,
    outcome: row.outcome as AuditEvent["outcome"],
    details: readJson<Record<string, AuditDetail>>(row.details),
  }));
}

/** RFC 4180 CSV of audit entries, with a header; details as one JSON column. */
export function auditToCsv(records: readonly AuditRecord[]): string {
  const header = [
    "id",
    "at",
    "actor_id",
    "action",
    "target_type",
    "target_id",
    "outcome",
    "details",
    "request_id",
  ];
  const lines = records.map((r) =>
    [
      r.id,
      r.at,
      r.actorId,
      r.action,
      r.targetType,
      r.targetId,
      r.outcome,
      JSON.stringify(r.details),
      r.requestId,
    ]
      .map(csvCell)
      .join(","),
  );
  return `${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
