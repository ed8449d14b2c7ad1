import { isW3cDatetime } from "./attributes.ts";

// The query of GET requests.{fmt} (open311.md): service_request_id overrides every other filter; dates are
// W3C datetimes with a time zone, the range may not span more than 90 days and defaults to the last 90
// days; at most 1000 requests are returned. 6Aika extensions: updated_after/updated_before, lat+long+radius,
// search, service_object_id+service_object_type, page/page_size. An empty parameter counts as absent.

/** The most a date range may span, and the default range. */
export const MAX_SPAN_MS = 90 * 86_400_000;
/** The default and largest page. */
export const MAX_PAGE_SIZE = 1000;

/** What GET requests asks for, after checking. */
export interface Open311RequestQuery {
  references: string[] | null;
  serviceCodes: string[] | null;
  from: string;
  to: string;
  statuses: ("open" | "closed")[] | null;
  updatedAfter: string | null;
  updatedBefore: string | null;
  near: { lat: number; long: number; radius: number } | null;
  search: string | null;
  serviceObject: { id: string; type: string } | null;
  page: number;
  pageSize: number;
}

/** The parsed query, or every problem with it (each becomes one GeoReport error with code 400). */
export type ParsedQuery = { ok: true; query: Open311RequestQuery } | { ok: false; errors: string[] };

/** A parameter's value: the first when repeated; empty counts as absent. */
export function param(raw: Record<string, unknown>, name: string): string | undefined {
  const value = raw[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** A comma list parameter, without empty entries; undefined when absent. */
export function listParam(raw: Record<string, unknown>, name: string): string[] | undefined {
  const value = param(raw, name);
  if (value === undefined) return undefined;
  const list = value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** Checks the GET requests query against the rules, at the instant `now`. */
export function parseRequestQuery(raw: Record<string, unknown>, now: Date): ParsedQuery {
  const errors: string[] = [];
  const date = (name: string): string | null => {
    const value = param(raw, name);
    if (value === undefined) return null;
    if (!isW3cDatetime(value)) {
      errors.push(`${name} must be a W3C datetime with a time zone, e.g. 2026-11-29T10:00:00+02:00`);
      return null;
    }
    return new Date(value).toISOString();
  };
  const start = date("start_date");
  const end = date("end_date");
  const updatedAfter = date("updated_after");
  const updatedBefore = date("updated_before");
  let from: string;
  let to: string;
  if (start && end) {
    from = start;
    to = end;
    if (Date.parse(end) < Date.parse(start)) errors.push("end_date is before start_date");
    else if (Date.parse(end) - Date.parse(start) > MAX_SPAN_MS)
      errors.push("the date range may not span more than 90 days");
  } else if (start) {
    from = start;
    to = new Date(Date.parse(start) + MAX_SPAN_MS).toISOString();
  } else if (end) {
    to = end;
    from = new Date(Date.parse(end) - MAX_SPAN_MS).toISOString();
  } else {
    to = now.toISOString();
    from = new Date(now.getTime() - MAX_SPAN_MS).toISOString();
  }

  const statuses = listParam(raw, "status");
  if (statuses?.some((s) => s !== "open" && s !== "closed"))
    errors.push("status must be open, closed or both");

  const lat = param(raw, "lat");
  const long = param(raw, "long");
  const radius = param(raw, "radius");
  let near: Open311RequestQuery["near"] = null;
  if (lat !== undefined || long !== undefined || radius !== undefined) {
    const [a, b, r] = [Number(lat), Number(long), Number(radius)];
    if (lat === undefined || long === undefined || radius === undefined)
      errors.push("lat, long and radius must be given together");
    else if (
      !isDecimal(lat) ||
      !isDecimal(long) ||
      !isDecimal(radius) ||
      Math.abs(a) > 90 ||
      Math.abs(b) > 180
    )
      errors.push("lat and long must be WGS84 degrees and radius metres");
    else if (r <= 0 || r > 100_000) errors.push("radius must be more than 0 and at most 100000 metres");
    else near = { lat: a, long: b, radius: r };
  }

  const objectId = param(raw, "service_object_id");
  const objectType = param(raw, "service_object_type");
  if ((objectId === undefined) !== (objectType === undefined))
    errors.push("service_object_id and service_object_type must be given together");

  const search = param(raw, "search");
  if (search !== undefined && search.length > 200) errors.push("search may have at most 200 characters");

  const page = positiveInt(param(raw, "page"), 1, 1_000_000, "page", errors);
  const pageSize = positiveInt(param(raw, "page_size"), MAX_PAGE_SIZE, MAX_PAGE_SIZE, "page_size", errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    query: {
      references: listParam(raw, "service_request_id") ?? null,
      serviceCodes: listParam(raw, "service_code") ?? null,
      from,
      to,
      statuses: (statuses as ("open" | "closed")[] | undefined) ?? null,
      updatedAfter,
      updatedBefore,
      near,
      search: search ?? null,
      serviceObject: objectId && objectType ? { id: objectId, type: objectType } : null,
      page,
      pageSize,
    },
  };
}

function isDecimal(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

function positiveInt(
  value: string | undefined,
  fallback: number,
  max: number,
  name: string,
  errors: string[],
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    errors.push(`${name} must be a whole number from 1 to ${max}`);
    return fallback;
  }
  return Number(value);
}

/** The interface language of a `locale` parameter (fi, fi_FI, sv-FI, en_GB…); English by default (S6). */
export function localeOf(value: string | undefined): "fi" | "sv" | "en" {
  const primary = value?.toLowerCase().split(/[_-]/)[0];
  return primary === "fi" || primary === "sv" ? primary : "en";
}
